import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { createInThreadRunner } from '../../electron/core/backup/run-in-worker';
import { createBackupFile } from '../../electron/core/backup/backup-file';
import { decodeBackupHeader, encodeBackupHeader, type BackupManifest } from '../../electron/core/backup/format';
import { commitRestore, finishInterruptedRestore, prepareRestore } from '../../electron/core/backup/restore';
import type { BackupSummary, RestoreOutcome } from '../../electron/core/backup/service';
import { createKysely } from '../../electron/core/db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { openEncryptedDatabase, rawKeyHex } from '../../electron/core/db/open';
import { keystorePath, readKeystoreFile } from '../../electron/core/keys/keystore-file';
import { unlockWithRecoveryCode } from '../../electron/core/keys/keystore';
import { createMemoryLogger } from '../../electron/core/log';
import type { SessionState } from '../../shared/contract/auth';
import { ADMIN_CLIENT, startTestCore, TEST_ADMIN } from '../support/core';
import { sha256OfFile } from '../support/files';
import { createTempDataDir } from '../support/temp-data-dir';
import { admitCanaryPatient, readCanaryPatient, startBackupClinic, testClock, type BackupClinic } from './backup-support';

const clinics: BackupClinic[] = [];
const cleanups: (() => void)[] = [];
async function newClinic(options: Parameters<typeof startBackupClinic>[0] = {}): Promise<BackupClinic> {
  const clinic = await startBackupClinic(options);
  clinics.push(clinic);
  return clinic;
}
afterEach(async () => {
  for (const clinic of clinics.splice(0)) await clinic.close();
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const HOUR = 3_600_000;

/** Copies a backup to `to` after changing its database with `change` and its manifest with `manifest`, re-signed with the key. */
function rewriteBackup(from: string, to: string, key: Buffer, change: (db: Sqlite.Database) => void, manifest: Partial<BackupManifest>): string {
  const all = readFileSync(from);
  const header = decodeBackupHeader(all);
  const work = mkdtempSync(join(tmpdir(), 'caredesk-rewrite-'));
  try {
    const file = join(work, 'db');
    writeFileSync(file, all.subarray(header.databaseOffset));
    const db = new Sqlite(file);
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma(`key="x'${rawKeyHex(key)}'"`);
    change(db);
    db.close();
    const bytes = readFileSync(file);
    const next: BackupManifest = { ...header.manifest, ...manifest, database: { ...header.manifest.database, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') } };
    writeFileSync(to, Buffer.concat([encodeBackupHeader(next, header.keystore, key), bytes]));
    return to;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
const NEW_PASSWORD = 'copper kettle on the stove';
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.includes('before-restore') || n.includes('restoring'));

async function signInAgain(clinic: BackupClinic): Promise<void> {
  await clinic.value('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password });
}

describe('restoring this clinic’s own backup', () => {
  it('brings the backed-up data back, ends the session, keeps the backup history, and leaves no side files', async () => {
    const clinic = await newClinic();
    await admitCanaryPatient(clinic.core, 'Ada Before-Backup');
    const backup = await clinic.value<BackupSummary>('backup:runNow');
    clinic.clock.advance(24 * HOUR); // the next day: rotation keeps one backup per day
    await admitCanaryPatient(clinic.core, 'Ada After-Backup');
    const second = await clinic.value<BackupSummary>('backup:runNow');

    const outcome = await clinic.value<RestoreOutcome>('backup:restore', { file: backup.path });
    expect(outcome).toEqual({ restoredFile: backup.fileName, backupCreatedAt: backup.createdAt, signInAgain: true, recoveryCodeSignInNeeded: false });

    // Everyone signs in again (the restored staff list may differ).
    expect((await clinic.value<SessionState>('session:state')).phase).toBe('signed-out');
    expect((await clinic.call('backup:status')).ok).toBe(false);
    expect(leftovers(clinic.dataDir.path)).toEqual([]);

    await signInAgain(clinic);
    expect(await readCanaryPatient(clinic.core)).toBe('Ada Before-Backup');
    // The restored database still knows about the later backup (histories are merged), and the trail is intact.
    const status = await clinic.value<{ lastVerifiedFile: string }>('backup:status');
    expect(status.lastVerifiedFile).toBe(second.fileName);
    const trail = await clinic.value<{ ok: boolean }>('audit:verify');
    expect(trail.ok).toBe(true);
    const restoreEntries = await clinic.core.db.selectFrom('audit_event').select(['action', 'actor_name', 'outcome']).where('action', '=', 'restore').execute();
    expect(restoreEntries).toEqual([{ action: 'restore', actor_name: TEST_ADMIN.fullName, outcome: 'success' }]);
  });

  it('keeps the current database aside (caredesk.db.before-restore-<ts>) until the restored one has opened and checked out', async () => {
    const clinic = await newClinic();
    await admitCanaryPatient(clinic.core, 'Ada Before-Backup');
    const backup = await clinic.value<BackupSummary>('backup:runNow');
    await admitCanaryPatient(clinic.core, 'Ada After-Backup');
    const key = (await unlockWithRecoveryCode(readKeystoreFile(keystorePath(clinic.dataDir.path))!, clinic.recoveryCode))!;
    const log = createMemoryLogger();

    const prepared = await prepareRestore({ dataDir: clinic.dataDir.path, file: backup.path, key: { kind: 'databaseKey', dbKey: key }, runner: createInThreadRunner(), now: clinic.clock.now });
    // Verified and staged; nothing of the clinic's has changed yet.
    expect(leftovers(clinic.dataDir.path)).toEqual([`${DATABASE_FILE}.restoring-20250319-190000`]);
    expect(await readCanaryPatient(clinic.core)).toBe('Ada After-Backup');

    await clinic.core.close();
    const seen: string[][] = [];
    await commitRestore(prepared, {
      dataDir: clinic.dataDir.path,
      now: clinic.clock.now,
      log,
      afterOpen: async (restored) => {
        seen.push(leftovers(clinic.dataDir.path));
        expect(await restored.db.selectFrom('app_meta').select('value').where('key', '=', 'test.patient').executeTakeFirst()).toEqual({ value: 'Ada Before-Backup' });
      },
    });
    expect(seen).toEqual([[`${DATABASE_FILE}.before-restore-20250319-190000`]]);
    expect(leftovers(clinic.dataDir.path)).toEqual([]);
  });

  it('puts the old database back, byte for byte, when the restored one does not check out', async () => {
    const clinic = await newClinic();
    await admitCanaryPatient(clinic.core, 'Ada Before-Backup');
    const backup = await clinic.value<BackupSummary>('backup:runNow');
    await admitCanaryPatient(clinic.core, 'Ada After-Backup');
    const key = (await unlockWithRecoveryCode(readKeystoreFile(keystorePath(clinic.dataDir.path))!, clinic.recoveryCode))!;
    const prepared = await prepareRestore({ dataDir: clinic.dataDir.path, file: backup.path, key: { kind: 'databaseKey', dbKey: key }, runner: createInThreadRunner(), now: clinic.clock.now });
    await clinic.core.close();
    const dbFile = clinic.dataDir.file(DATABASE_FILE);
    const before = sha256OfFile(dbFile);
    const keystoreBefore = sha256OfFile(keystorePath(clinic.dataDir.path));

    await expect(
      commitRestore(prepared, {
        dataDir: clinic.dataDir.path,
        now: clinic.clock.now,
        log: createMemoryLogger(),
        installKeystore: () => prepared.backupKeystore,
        afterOpen: async () => {
          throw new Error('the restored database did not check out');
        },
      }),
    ).rejects.toThrow('did not check out');

    expect(sha256OfFile(dbFile)).toBe(before);
    expect(sha256OfFile(keystorePath(clinic.dataDir.path))).toBe(keystoreBefore);
    expect(clinic.dataDir.list()).toEqual([DATABASE_FILE, 'caredesk.keystore', 'last-verified-backup.json', 'machine-secret.sealed']);
    prepared.dispose();

    // The clinic opens as it was before the attempt.
    const reopened = await startTestCore(clinic.dataDir.path, { setUp: false, keychainDir: clinic.keychainDir });
    cleanups.push(() => void reopened.close());
    await reopened.access.signIn({ username: TEST_ADMIN.username, password: TEST_ADMIN.password }, ADMIN_CLIENT);
    expect(await readCanaryPatient(reopened)).toBe('Ada After-Backup');
  });

  it('refuses a damaged backup before anything changes: flipped byte → the file field says so, the data stays', async () => {
    const clinic = await newClinic();
    await admitCanaryPatient(clinic.core, 'Ada Before-Backup');
    const backup = await clinic.value<BackupSummary>('backup:runNow');
    await admitCanaryPatient(clinic.core, 'Ada After-Backup');
    const bytes = readFileSync(backup.path);
    bytes[bytes.length - 3000] = (bytes[bytes.length - 3000] as number) ^ 0x10;
    writeFileSync(backup.path, bytes);
    const files = clinic.dataDir.list();

    const result = await clinic.call('backup:restore', { file: backup.path });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(/does not match the checksum/),
        issues: [{ path: 'file', message: expect.stringMatching(/Nothing was changed/) }],
      },
    });
    expect(clinic.dataDir.list()).toEqual(files);
    expect(await readCanaryPatient(clinic.core)).toBe('Ada After-Backup');
    expect((await clinic.value<SessionState>('session:state')).phase).toBe('signed-in');
    const failures = await clinic.core.db.selectFrom('audit_event').select(['outcome', 'detail']).where('action', '=', 'restore').execute();
    expect(failures).toEqual([{ outcome: 'failure', detail: JSON.stringify({ reason: 'CHECKSUM_MISMATCH' }) }]);
  });

  it('refuses a backup written by a newer CareDesk (a higher schema), with the versions, changing nothing', async () => {
    const clinic = await newClinic();
    await admitCanaryPatient(clinic.core, 'Ada Today');
    const backup = await clinic.value<BackupSummary>('backup:runNow');
    const key = (await unlockWithRecoveryCode(readKeystoreFile(keystorePath(clinic.dataDir.path))!, clinic.recoveryCode))!;
    const newer = SCHEMA_VERSION + 1;
    // What a later CareDesk would write: its database one migration ahead, its description saying so, signed with the key.
    const future = join(clinic.backupFolder, 'caredesk-backup-20991231-120000.cdbak');
    const honest = rewriteBackup(backup.path, future, key, (db) => {
      db.pragma(`user_version=${newer}`);
      db.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999_from_the_future', new Date().toISOString());
    }, { schemaVersion: newer });
    // And one whose description claims this schema while its database is newer.
    const sly = rewriteBackup(backup.path, join(clinic.backupFolder, 'caredesk-backup-20991231-130000.cdbak'), key, (db) => db.pragma(`user_version=${newer}`), {});
    const files = clinic.dataDir.list();

    for (const file of [honest, sly]) {
      const result = await clinic.call('backup:restore', { file });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `This backup was made by a newer version of CareDesk (schema ${newer}; this version knows ${SCHEMA_VERSION}). Nothing was changed. Install the latest CareDesk update, then restore again.`,
          issues: [{ path: 'file' }],
        },
      });
      expect(clinic.dataDir.list()).toEqual(files);
    }
    expect(await readCanaryPatient(clinic.core)).toBe('Ada Today');
    // The list marks the honest one before anyone tries.
    const listed = await clinic.value<{ backups: { path: string; problem: string | null }[] }>('backup:list');
    expect(listed.backups.find((b) => b.path === honest)?.problem).toMatch(/newer version of CareDesk/);
    expect(listed.backups.find((b) => b.path === backup.path)?.problem).toBeNull();
  });
});

describe('restoring a backup from an older CareDesk', () => {
  it('brings its schema up to this version as it opens, and the clinic carries on', async () => {
    const clinic = await newClinic();
    const key = (await unlockWithRecoveryCode(readKeystoreFile(keystorePath(clinic.dataDir.path))!, clinic.recoveryCode))!;
    const admin = await clinic.core.db.selectFrom('staff_user').selectAll().executeTakeFirstOrThrow();
    // The clinic's database as the first CareDesk release wrote it: only the first two migrations.
    const work = mkdtempSync(join(tmpdir(), 'caredesk-old-schema-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    const oldFile = join(work, DATABASE_FILE);
    const sqlite = openEncryptedDatabase(oldFile, key, { create: true });
    const db = createKysely(sqlite);
    const firstTwo = Object.fromEntries(Object.entries(MIGRATIONS).slice(0, 2));
    const migrated = await new Migrator({ db, provider: { getMigrations: async () => firstTwo } }).migrateToLatest();
    expect(migrated.error).toBeUndefined();
    sqlite.pragma('user_version=2');
    await db.insertInto('staff_user').values(admin).execute();
    await db.insertInto('app_meta').values({ key: 'test.patient', value: 'Ada Old-Release', updated_at: 1 }).execute();
    await db.destroy();

    const old = createBackupFile(
      {
        kind: 'create',
        databaseFile: oldFile,
        folder: clinic.backupFolder,
        fileName: 'caredesk-backup-20240101-120000.cdbak',
        appVersion: '0.0.1',
        createdAt: Date.parse('2024-01-01T18:00:00Z'),
        keystore: readKeystoreFile(keystorePath(clinic.dataDir.path))!,
        workDir: work,
      },
      key,
      { progress: () => undefined, checkpoint: () => undefined },
    );
    expect(old.manifest.schemaVersion).toBe(2);
    expect(old.manifest.tables).not.toHaveProperty('audit_event');

    await clinic.value('backup:restore', { file: old.file });
    await signInAgain(clinic);
    expect(await readCanaryPatient(clinic.core)).toBe('Ada Old-Release');
    expect(Number(clinic.core.sqlite.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
    // The trail did not exist in that release; it starts with the restore itself.
    const trail = await clinic.core.db.selectFrom('audit_event').select('action').orderBy('seq').execute();
    expect(trail.map((e) => e.action)).toEqual(['restore', 'auth.signIn']);
  });
});

describe('restoring on another computer with the recovery code', () => {
  it('a new computer (fresh keychain, no clinic): the backup’s recovery slot plus the administrator’s new slot open it', async () => {
    const original = await newClinic();
    await admitCanaryPatient(original.core, 'Ada Moved-Clinics');
    const backup = await original.value<BackupSummary>('backup:runNow');

    // Another computer: its own empty data folder and keychain. This is what clinic-access's restore-from-backup will do.
    const dataDir = createTempDataDir();
    const keychainDir = mkdtempSync(join(tmpdir(), 'caredesk-keychain-'));
    cleanups.push(() => {
      dataDir.remove();
      rmSync(keychainDir, { recursive: true, force: true });
    });
    const clock = testClock();
    const prepared = await prepareRestore({ dataDir: dataDir.path, file: backup.path, key: { kind: 'recoveryCode', recoveryCode: original.recoveryCode.toLowerCase().replace(/(.{4})/g, '$1 ') }, runner: createInThreadRunner(), now: clock.now });
    await commitRestore(prepared, { dataDir: dataDir.path, now: clock.now, log: createMemoryLogger(), installKeystore: () => prepared.backupKeystore });
    expect(dataDir.list()).toEqual([DATABASE_FILE, 'caredesk.keystore']);

    const core = await startTestCore(dataDir.path, { setUp: false, keychainDir });
    cleanups.push(() => void core.close());
    await core.access.recover({ recoveryCode: original.recoveryCode, username: TEST_ADMIN.username, newPassword: NEW_PASSWORD }, ADMIN_CLIENT);
    expect(await readCanaryPatient(core)).toBe('Ada Moved-Clinics');

    const keystore = readKeystoreFile(keystorePath(dataDir.path))!;
    expect(keystore.keystoreId).toBe(prepared.backupKeystore.keystoreId);
    expect(keystore.slots.map((s) => [s.kind, s.username, s.machineBound]).sort()).toEqual([
      ['recovery', null, false],
      ['user', TEST_ADMIN.username, true],
    ]);
    // From now on the administrator signs in with the new password on this computer.
    await core.access.signOut(ADMIN_CLIENT);
    await core.access.signIn({ username: TEST_ADMIN.username, password: NEW_PASSWORD }, ADMIN_CLIENT);
  });

  it('a computer running another clinic: backup:restore with the recovery code replaces it; the administrator then recovers', async () => {
    const original = await newClinic();
    await admitCanaryPatient(original.core, 'Ada Moved-Clinics');
    const backup = await original.value<BackupSummary>('backup:runNow');
    const other = await newClinic();
    await admitCanaryPatient(other.core, 'Bob Other-Clinic');

    const withoutCode = await other.call('backup:restore', { file: backup.path });
    expect(withoutCode).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'recoveryCode', message: expect.stringMatching(/another clinic/) }] } });
    const wrongCode = await other.call('backup:restore', { file: backup.path, recoveryCode: other.recoveryCode });
    expect(wrongCode).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'recoveryCode', message: expect.stringMatching(/does not open this backup/) }] } });
    expect(await readCanaryPatient(other.core)).toBe('Bob Other-Clinic');

    const outcome = await other.value<RestoreOutcome>('backup:restore', { file: backup.path, recoveryCode: original.recoveryCode });
    expect(outcome.recoveryCodeSignInNeeded).toBe(true);
    expect(readKeystoreFile(keystorePath(other.dataDir.path))!.slots.map((s) => s.kind)).toEqual(['recovery']);
    expect(leftovers(other.dataDir.path)).toEqual([]);

    await other.value('auth:recover', { recoveryCode: original.recoveryCode, username: TEST_ADMIN.username, newPassword: NEW_PASSWORD });
    expect(await readCanaryPatient(other.core)).toBe('Ada Moved-Clinics');
  });
});

describe('files a restore leaves', () => {
  it('none in the data folder when verification fails (the staged copy is removed)', async () => {
    const clinic = await newClinic();
    const backup = await clinic.value<BackupSummary>('backup:runNow');
    truncateSync(backup.path, statSync(backup.path).size - 10);
    const result = await clinic.call('backup:restore', { file: backup.path });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/incomplete/) } });
    expect(leftovers(clinic.dataDir.path)).toEqual([]);
    expect(existsSync(clinic.dataDir.file(DATABASE_FILE))).toBe(true);
  });
});

describe('after a crash in the middle of a restore', () => {
  it('start-up puts the set-aside database back when the swap never finished, and clears staged copies', () => {
    const dir = createTempDataDir();
    cleanups.push(() => dir.remove());
    writeFileSync(dir.file(`${DATABASE_FILE}.before-restore-20250319-190000`), 'the clinic database');
    writeFileSync(dir.file(`${DATABASE_FILE}.restoring-20250319-190000`), 'a verified copy');
    writeFileSync(dir.file('caredesk.keystore'), 'keystore');
    const log = createMemoryLogger();
    expect(finishInterruptedRestore(dir.path, log)).toBe('put-back');
    expect(dir.list()).toEqual([DATABASE_FILE, 'caredesk.keystore']);
    expect(readFileSync(dir.file(DATABASE_FILE), 'utf8')).toBe('the clinic database');
    expect(log.lines.some((line) => line.includes('interrupted restore was undone'))).toBe(true);
  });

  it('leaves a data folder with its database alone (the swap had happened; the restored copy was verified first)', () => {
    const dir = createTempDataDir();
    cleanups.push(() => dir.remove());
    writeFileSync(dir.file(DATABASE_FILE), 'restored');
    writeFileSync(dir.file(`${DATABASE_FILE}.before-restore-20250319-190000`), 'old');
    expect(finishInterruptedRestore(dir.path, createMemoryLogger())).toBe('nothing');
    expect(dir.list()).toEqual([DATABASE_FILE, `${DATABASE_FILE}.before-restore-20250319-190000`]);
  });
});
