import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { StartupFailure } from '../errors';
import type { Keystore } from './keystore';

/**
 * The keystore file beside the database. The body is stored as a JSON string and covered by a SHA-256 checksum,
 * so any altered byte is reported as a damaged keystore (never as a wrong password); each slot inside is
 * additionally sealed with AES-256-GCM over its own description. Written atomically: temp file, fsync, rename, fsync dir.
 */
export const KEYSTORE_FILE = 'caredesk.keystore';
const FORMAT = 'caredesk-keystore';
const VERSION = 1;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const slotSchema = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['user', 'recovery']),
    userId: z.string().nullable(),
    username: z.string().nullable(),
    kdf: z.object({ name: z.literal('scrypt'), N: z.number().int().min(2), r: z.number().int().min(1), p: z.number().int().min(1), salt: b64 }).strict(),
    machineBound: z.boolean(),
    createdAt: z.number().int(),
    nonce: b64,
    sealedKey: b64,
  })
  .strict();
const bodySchema = z
  .object({
    keystoreId: z.string().min(1),
    createdAt: z.number().int(),
    slots: z.array(slotSchema),
    throttle: z.record(z.string(), z.object({ failures: z.array(z.number().int()), lockedUntil: z.number().int().nullable() }).strict()),
  })
  .strict();
const fileSchema = z.object({ format: z.literal(FORMAT), version: z.number().int(), body: z.string(), checksum: z.string() }).strict();

function checksum(body: string): string {
  return createHash('sha256').update(`${FORMAT}|${VERSION}|${body}`, 'utf8').digest('hex');
}

const DAMAGED =
  'The keystore file (caredesk.keystore) has been altered or damaged, so this clinic database cannot be unlocked with a password. ' +
  'Nothing was changed. Restore the data folder from a backup, or contact support.';

export function serializeKeystore(keystore: Keystore): string {
  const body = JSON.stringify(keystore);
  return JSON.stringify({ format: FORMAT, version: VERSION, body, checksum: checksum(body) });
}

export function parseKeystore(text: string): Keystore {
  let outer: z.infer<typeof fileSchema>;
  try {
    outer = fileSchema.parse(JSON.parse(text));
  } catch {
    throw new StartupFailure('KEYSTORE_DAMAGED', DAMAGED);
  }
  if (outer.version > VERSION) {
    throw new StartupFailure('DATABASE_TOO_NEW', 'The keystore was written by a newer version of CareDesk. Nothing was changed. Install the latest update.');
  }
  if (outer.version !== VERSION || checksum(outer.body) !== outer.checksum) throw new StartupFailure('KEYSTORE_DAMAGED', DAMAGED);
  try {
    return bodySchema.parse(JSON.parse(outer.body));
  } catch {
    throw new StartupFailure('KEYSTORE_DAMAGED', DAMAGED);
  }
}

export function keystorePath(dataDir: string): string {
  return join(dataDir, KEYSTORE_FILE);
}

export function readKeystoreFile(file: string): Keystore | null {
  if (!existsSync(file)) return null;
  return parseKeystore(readFileSync(file, 'utf8'));
}

/** Replaces `file` with `contents` so that a crash leaves either the old or the new file, never a torn one. */
export function writeFileAtomic(file: string, contents: string | Uint8Array): void {
  const temp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, file);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
  fsyncDirectory(dirname(file));
}

function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; the rename is durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeKeystoreFile(file: string, keystore: Keystore): void {
  writeFileAtomic(file, serializeKeystore(keystore));
}
