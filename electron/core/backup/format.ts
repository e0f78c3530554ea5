import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import type { Keystore } from '../keys/keystore';
import { parseKeystore, serializeKeystore } from '../keys/keystore-file';
import { BackupFailure } from './backup-failure';

/**
 * The backup file (`.cdbak`), one self-sufficient file:
 *
 *   "CAREDESK BACKUP\n"   16 bytes, so a technician with a hex viewer knows what it is
 *   header length         4 bytes, unsigned big-endian
 *   header                JSON: { format, version, body, mac }
 *   database              the SQLCipher v4 database exactly as VACUUM INTO wrote it (encrypted with the clinic's key)
 *
 * `body` is a JSON string holding the manifest (no PHI: versions, time, row counts per table, audit-chain head,
 * size and SHA-256 of the database part) and the keystore's recovery slot (the database key wrapped by the printed
 * recovery code, nothing else), so the recovery code alone restores the backup on another computer.
 * `mac` is HMAC-SHA256 over the body with a key derived from the database key: whoever holds the key can tell the
 * description was not altered. The manifest is readable without the key (listing backups needs no key).
 */
export const MAGIC = Buffer.from('CAREDESK BACKUP\n', 'ascii');
export const FORMAT = 'caredesk-backup';
export const FORMAT_VERSION = 1;
const LENGTH_BYTES = 4;
export const MAX_HEADER_BYTES = 1024 * 1024;
const MAC_INFO = 'caredesk backup manifest v1';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z
  .object({
    appVersion: z.string().min(1).max(64),
    schemaVersion: z.number().int().nonnegative(),
    /** UTC epoch ms when the snapshot was taken. */
    createdAt: z.number().int().nonnegative(),
    /** Rows per table in the snapshot: table names and counts only. */
    tables: z.record(z.string().min(1).max(128), z.number().int().nonnegative()),
    /** app_meta 'audit.head' at the snapshot (`<seq>:<hash>`), or null when the trail has none. */
    auditHead: z.string().max(200).nullable(),
    database: z
      .object({
        bytes: z.number().int().positive(),
        sha256: sha256Hex,
        cipher: z.literal('sqlcipher'),
        legacy: z.literal(4),
      })
      .strict(),
  })
  .strict();
export type BackupManifest = z.infer<typeof manifestSchema>;

const headerSchema = z.object({ format: z.literal(FORMAT), version: z.number().int().positive(), body: z.string(), mac: sha256Hex }).strict();
const bodySchema = z.object({ manifest: manifestSchema, keystore: z.string() }).strict();

export interface BackupHeader {
  manifest: BackupManifest;
  /** The recovery slot, as a keystore of one slot (its id is the clinic keystore's, which the slot is bound to). */
  keystore: Keystore;
  /** Where the database part starts. */
  databaseOffset: number;
  body: string;
  mac: string;
}

function macKey(dbKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), MAC_INFO, 32));
}

function macOf(dbKey: Uint8Array, body: string): string {
  return createHmac('sha256', macKey(dbKey)).update(`${FORMAT}|${FORMAT_VERSION}|${body}`, 'utf8').digest('hex');
}

/** The keystore a backup carries: the recovery slot only (staff slots are bound to this computer and useless elsewhere). */
export function recoveryOnlyKeystore(keystore: Keystore): Keystore {
  const recovery = keystore.slots.filter((slot) => slot.kind === 'recovery');
  if (recovery.length !== 1) throw new Error('The keystore has no recovery slot to put in a backup');
  return { keystoreId: keystore.keystoreId, createdAt: keystore.createdAt, slots: recovery, throttle: {} };
}

/** Magic, length and header, ready to be followed by the database bytes. */
export function encodeBackupHeader(manifest: BackupManifest, keystore: Keystore, dbKey: Uint8Array): Buffer {
  const body = JSON.stringify({ manifest: manifestSchema.parse(manifest), keystore: serializeKeystore(recoveryOnlyKeystore(keystore)) });
  const json = Buffer.from(JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, body, mac: macOf(dbKey, body) }), 'utf8');
  if (json.length > MAX_HEADER_BYTES) throw new Error('Backup header is too large');
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(json.length, 0);
  return Buffer.concat([MAGIC, length, json]);
}

/** Parses the header from the first bytes of a file. Throws NOT_A_BACKUP, DAMAGED or TOO_NEW (a newer file format). */
export function decodeBackupHeader(prefix: Buffer): BackupHeader {
  if (prefix.length < MAGIC.length + LENGTH_BYTES || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) throw new BackupFailure('NOT_A_BACKUP');
  const length = prefix.readUInt32BE(MAGIC.length);
  if (length === 0 || length > MAX_HEADER_BYTES) throw new BackupFailure('DAMAGED');
  const start = MAGIC.length + LENGTH_BYTES;
  if (prefix.length < start + length) throw new BackupFailure('TRUNCATED');
  let header: z.infer<typeof headerSchema>;
  try {
    const raw: unknown = JSON.parse(prefix.subarray(start, start + length).toString('utf8'));
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > FORMAT_VERSION) throw new BackupFailure('TOO_NEW');
    header = headerSchema.parse(raw);
  } catch (error) {
    if (error instanceof BackupFailure) throw error;
    throw new BackupFailure('DAMAGED');
  }
  if (header.version !== FORMAT_VERSION) throw new BackupFailure('DAMAGED');
  let body: z.infer<typeof bodySchema>;
  let keystore: Keystore;
  try {
    body = bodySchema.parse(JSON.parse(header.body));
    keystore = parseKeystore(body.keystore);
  } catch {
    throw new BackupFailure('DAMAGED');
  }
  if (keystore.slots.length !== 1 || keystore.slots[0]?.kind !== 'recovery') throw new BackupFailure('DAMAGED');
  return { manifest: body.manifest, keystore, databaseOffset: start + length, body: header.body, mac: header.mac };
}

/** Whether the description was written by someone holding `dbKey` and not altered since. */
export function manifestMatchesKey(header: Pick<BackupHeader, 'body' | 'mac'>, dbKey: Uint8Array): boolean {
  const expected = Buffer.from(macOf(dbKey, header.body), 'hex');
  const actual = Buffer.from(header.mac, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const FIRST_READ = 64 * 1024;

/** Reads just the header of a backup file (the database part stays on disk). For the main thread: async I/O. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw missingOr(error);
  }
  try {
    const first = Buffer.alloc(FIRST_READ);
    const { bytesRead } = await handle.read(first, 0, FIRST_READ, 0);
    let prefix = first.subarray(0, bytesRead);
    const needed = headerEnd(prefix);
    if (needed > prefix.length) {
      const all = Buffer.alloc(needed);
      const more = await handle.read(all, 0, needed, 0);
      prefix = all.subarray(0, more.bytesRead);
    }
    return decodeBackupHeader(prefix);
  } finally {
    await handle.close();
  }
}

/** The same, synchronously (inside the worker). */
export function readBackupHeaderSync(file: string): BackupHeader {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw missingOr(error);
  }
  try {
    const first = Buffer.alloc(FIRST_READ);
    let prefix = first.subarray(0, readSync(fd, first, 0, FIRST_READ, 0));
    const needed = headerEnd(prefix);
    if (needed > prefix.length) {
      const all = Buffer.alloc(needed);
      prefix = all.subarray(0, readSync(fd, all, 0, needed, 0));
    }
    return decodeBackupHeader(prefix);
  } finally {
    closeSync(fd);
  }
}

/** How many bytes the magic, length and header take, judged from the first bytes (0 when it cannot tell). */
function headerEnd(prefix: Buffer): number {
  if (prefix.length < MAGIC.length + LENGTH_BYTES || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) return 0;
  const length = prefix.readUInt32BE(MAGIC.length);
  return length > MAX_HEADER_BYTES ? 0 : MAGIC.length + LENGTH_BYTES + length;
}

function missingOr(error: unknown): BackupFailure {
  const code = (error as { code?: unknown } | null)?.code;
  return new BackupFailure(code === 'ENOENT' || code === 'ENOTDIR' ? 'FILE_MISSING' : 'NOT_A_BACKUP');
}
