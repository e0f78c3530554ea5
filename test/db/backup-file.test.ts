import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFailure, type BackupFailureCode } from '../../electron/core/backup/backup-failure';
import { verifyBackupFile, type TaskControl } from '../../electron/core/backup/backup-file';
import { decodeBackupHeader, encodeBackupHeader, MAGIC, readBackupHeader, type BackupHeader, type BackupManifest } from '../../electron/core/backup/format';
import { SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { rawKeyHex } from '../../electron/core/db/open';
import { unlockWithRecoveryCode } from '../../electron/core/keys/keystore';
import { keystorePath, readKeystoreFile } from '../../electron/core/keys/keystore-file';
import type { BackupSummary } from '../../electron/core/backup/service';
import { snapshotAllTables } from '../support/db-snapshot';
import { onDiskForms, SQLITE_HEADER } from '../support/files';
import { TEST_ADMIN, TEST_APP_VERSION } from '../support/core';
import { admitCanaryPatient, CANARY_PATIENT, startBackupClinic, type BackupClinic } from './backup-support';

/**
 * One backup of a clinic with a canary patient, examined from the outside (what a thief with the USB stick sees)
 * and from the inside (what the key opens), then damaged in every way we can think of.
 */
let clinic: BackupClinic;
let backup: BackupSummary;
let key: Buffer;
let countsBefore: Record<string, number>;
let auditHeadBefore: string | null;
const scratch = mkdtempSync(join(tmpdir(), 'caredesk-backup-file-'));

beforeAll(async () => {
  clinic = await startBackupClinic();
  await admitCanaryPatient(clinic.core);
  key = (await unlockWithRecoveryCode(readKeystoreFile(keystorePath(clinic.dataDir.path))!, clinic.recoveryCode))!;
  countsBefore = Object.fromEntries(Object.entries(snapshotAllTables(clinic.core.sqlite)).filter(([t]) => !t.startsWith('sqlite_')).map(([t, rows]) => [t, rows.length]));
  auditHeadBefore = (await clinic.core.db.selectFrom('app_meta').select('value').where('key', '=', 'audit.head').executeTakeFirst())?.value ?? null;
  backup = await clinic.value<BackupSummary>('backup:runNow');
});
afterAll(async () => {
  await clinic.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The database part of a backup file, as stored. */
function databasePart(file: string): { header: BackupHeader; bytes: Buffer } {
  const all = readFileSync(file);
  const header = decodeBackupHeader(all);
  return { header, bytes: all.subarray(header.databaseOffset) };
}

const control: TaskControl = { progress: () => undefined, checkpoint: () => undefined };

function verifyCopy(file: string): { code: BackupFailureCode | 'ok'; message: string; leftovers: string[] } {
  const workDir = mkdtempSync(join(scratch, 'work-'));
  try {
    verifyBackupFile({ kind: 'verify', file, stageAs: null, workDir }, key, control);
    return { code: 'ok', message: '', leftovers: readdirSync(workDir) };
  } catch (error) {
    if (!(error instanceof BackupFailure)) throw error;
    return { code: error.code, message: error.message, leftovers: readdirSync(workDir) };
  }
}

/** A copy of the backup with `change` applied to its bytes. */
function damagedCopy(name: string, change: (bytes: Buffer) => Buffer): string {
  const file = join(scratch, `${name}.cdbak`);
  writeFileSync(file, change(Buffer.from(readFileSync(backup.path))));
  return file;
}

describe('a backup file seen from the outside (no key)', () => {
  it('is named caredesk-backup-YYYYMMDD-HHMMSS.cdbak in clinic time and sits in the backup folder, alone', () => {
    expect(backup.fileName).toBe('caredesk-backup-20250319-140000.cdbak');
    expect(readdirSync(clinic.backupFolder)).toEqual([backup.fileName]);
    expect(backup.verified).toBe(true);
  });

  it('does not begin with "SQLite format 3" (nor contain it anywhere): it begins with the CareDesk magic', () => {
    const bytes = readFileSync(backup.path);
    expect(bytes.subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
    expect(bytes.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)).toBe(false);
    expect(bytes.includes(SQLITE_HEADER)).toBe(false);
    expect(databasePart(backup.path).bytes.subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
  });

  it('contains no trace of the canary patient, in UTF-8 or UTF-16', () => {
    const bytes = readFileSync(backup.path);
    for (const form of onDiskForms(CANARY_PATIENT)) expect(bytes.includes(form)).toBe(false);
  });

  it('contains neither the raw database key nor its hex or base64 spellings', () => {
    const bytes = readFileSync(backup.path);
    const hex = rawKeyHex(key);
    for (const needle of [key, Buffer.from(hex), Buffer.from(hex.toUpperCase()), Buffer.from(key.toString('base64'))]) expect(bytes.includes(needle)).toBe(false);
  });

  it('control: the canary IS in there (the key opens the database part and shows it), so its absence above is the encryption', () => {
    const file = join(scratch, 'control.db');
    writeFileSync(file, databasePart(backup.path).bytes);
    // A plain SQLite reader cannot read it.
    const plain = new Sqlite(file, { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    plain.close();
    // Standard SQLCipher v4 settings and the key do.
    const keyed = new Sqlite(file, { readonly: true });
    keyed.pragma("cipher='sqlcipher'");
    keyed.pragma('legacy=4');
    keyed.pragma(`key="x'${rawKeyHex(key)}'"`);
    expect(keyed.prepare("SELECT value FROM app_meta WHERE key = 'test.patient'").pluck().get()).toBe(CANARY_PATIENT);
    keyed.close();
  });
});

describe('the manifest', () => {
  let header: BackupHeader;
  beforeAll(async () => {
    header = await readBackupHeader(backup.path);
  });

  it('records app version, schema version, time, row counts per table, audit head, and the database part’s size and SHA-256', () => {
    const { manifest } = header;
    expect(Object.keys(manifest).sort()).toEqual(['appVersion', 'auditHead', 'createdAt', 'database', 'schemaVersion', 'tables']);
    expect(manifest.appVersion).toBe(TEST_APP_VERSION);
    expect(manifest.schemaVersion).toBe(SCHEMA_VERSION);
    expect(manifest.createdAt).toBe(clinic.clock.now());
    expect(manifest.tables).toEqual(countsBefore);
    expect(manifest.tables.staff_user).toBe(1);
    expect(manifest.auditHead).toBe(auditHeadBefore);
    expect(manifest.auditHead).toMatch(/^\d+:[0-9a-f]{64}$/);
    const part = databasePart(backup.path).bytes;
    expect(manifest.database).toEqual({ bytes: part.length, sha256: createHash('sha256').update(part).digest('hex'), cipher: 'sqlcipher', legacy: 4 });
  });

  it('holds no PHI and nothing about the staff: no patient, clinic or staff names, no usernames', () => {
    const text = readFileSync(backup.path).subarray(0, header.databaseOffset).toString('utf8');
    for (const word of [CANARY_PATIENT, 'Riverside', TEST_ADMIN.fullName, TEST_ADMIN.username, 'Maria']) expect(text).not.toContain(word);
  });

  it('carries the recovery slot and nothing else from the keystore (no staff slots, no sign-in throttle)', () => {
    const live = readKeystoreFile(keystorePath(clinic.dataDir.path))!;
    expect(header.keystore.keystoreId).toBe(live.keystoreId);
    expect(header.keystore.slots).toEqual(live.slots.filter((s) => s.kind === 'recovery'));
    expect(header.keystore.slots[0]).toMatchObject({ kind: 'recovery', userId: null, username: null, machineBound: false });
    expect(header.keystore.throttle).toEqual({});
  });

  it('the recovery code opens the backup’s recovery slot, giving the clinic’s key', async () => {
    const opened = await unlockWithRecoveryCode(header.keystore, clinic.recoveryCode);
    expect(opened?.equals(key)).toBe(true);
  });
});

describe('verification', () => {
  it('passes on the backup as written, and leaves no copy behind', () => {
    expect(verifyCopy(backup.path)).toEqual({ code: 'ok', message: '', leftovers: [] });
  });

  it('catches one flipped byte in the database part: CHECKSUM_MISMATCH', () => {
    const file = damagedCopy('flipped', (bytes) => {
      const at = decodeBackupHeader(bytes).databaseOffset + 5000;
      bytes[at] = (bytes[at] as number) ^ 0x01;
      return bytes;
    });
    const result = verifyCopy(file);
    expect(result.code).toBe('CHECKSUM_MISMATCH');
    expect(result.message).toBe('This backup file is damaged: its database does not match the checksum recorded when it was made. Nothing was changed. Choose another backup.');
    expect(result.leftovers).toEqual([]);
  });

  it('catches an altered description (one hex digit of the recorded checksum): MANIFEST_MISMATCH', () => {
    const file = damagedCopy('altered', (bytes) => {
      const { manifest } = decodeBackupHeader(bytes);
      const at = bytes.indexOf(Buffer.from(manifest.database.sha256));
      bytes[at] = manifest.database.sha256.startsWith('0') ? 0x31 : 0x30;
      return bytes;
    });
    expect(verifyCopy(file).code).toBe('MANIFEST_MISMATCH');
  });

  it('catches a file cut short (an interrupted copy): TRUNCATED', () => {
    const file = join(scratch, 'short.cdbak');
    copyFileSync(backup.path, file);
    truncateSync(file, readFileSync(backup.path).length - 4096);
    expect(verifyCopy(file).code).toBe('TRUNCATED');
  });

  it('refuses a file that is not a backup, even a plain SQLite database renamed to .cdbak: NOT_A_BACKUP', () => {
    const sqlite = join(scratch, 'renamed.cdbak');
    const plain = new Sqlite(sqlite);
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    expect(verifyCopy(sqlite).code).toBe('NOT_A_BACKUP');
    writeFileSync(join(scratch, 'empty.cdbak'), '');
    expect(verifyCopy(join(scratch, 'empty.cdbak')).code).toBe('NOT_A_BACKUP');
  });

  it('does not rely on the checksum alone: a damaged page re-signed by someone holding the key fails the integrity check', () => {
    const { header, bytes } = databasePart(backup.path);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] as number) ^ 0xff; // inside the last page
    const manifest: BackupManifest = { ...header.manifest, database: { ...header.manifest.database, sha256: createHash('sha256').update(damaged).digest('hex') } };
    const file = join(scratch, 'resigned.cdbak');
    writeFileSync(file, Buffer.concat([encodeBackupHeader(manifest, header.keystore, key), damaged]));
    expect(verifyCopy(file).code).toBe('INTEGRITY_FAILED');
  });

  it('compares the row counts: a description re-signed with different counts fails: COUNTS_MISMATCH', () => {
    const { header, bytes } = databasePart(backup.path);
    const manifest: BackupManifest = { ...header.manifest, tables: { ...header.manifest.tables, staff_user: 2 } };
    const file = join(scratch, 'counts.cdbak');
    writeFileSync(file, Buffer.concat([encodeBackupHeader(manifest, header.keystore, key), bytes]));
    expect(verifyCopy(file).code).toBe('COUNTS_MISMATCH');
  });

  it('with another clinic’s key, the description does not match: MANIFEST_MISMATCH', () => {
    const workDir = mkdtempSync(join(scratch, 'work-'));
    expect(() => verifyBackupFile({ kind: 'verify', file: backup.path, stageAs: null, workDir }, Buffer.alloc(32, 7), control)).toThrow(
      expect.objectContaining({ code: 'MANIFEST_MISMATCH' }),
    );
  });
});
