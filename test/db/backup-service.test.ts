import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { accessPort } from '../../electron/core/backup/access-port';
import { readBackupHistory } from '../../electron/core/backup/history';
import { createInThreadRunner } from '../../electron/core/backup/run-in-worker';
import { createBackupService, RETRY_AFTER_MS, type BackupSummary } from '../../electron/core/backup/service';
import { rawKeyHex } from '../../electron/core/db/open';
import { unlockWithRecoveryCode } from '../../electron/core/keys/keystore';
import { keystorePath, readKeystoreFile } from '../../electron/core/keys/keystore-file';
import { createMemoryLogger } from '../../electron/core/log';
import type { BackupSettings, BackupStatus } from '../../shared/contract/backup';
import { ADMIN_CLIENT, TEST_ADMIN, TEST_APP_VERSION } from '../support/core';
import { admitCanaryPatient, CANARY_PATIENT, startBackupClinic, type BackupClinic } from './backup-support';

const clinics: BackupClinic[] = [];
async function newClinic(options: Parameters<typeof startBackupClinic>[0] = {}): Promise<BackupClinic> {
  const clinic = await startBackupClinic(options);
  clinics.push(clinic);
  return clinic;
}
afterEach(async () => {
  for (const clinic of clinics.splice(0)) await clinic.close();
});

const HOUR = 3_600_000;
const utc = (iso: string) => Date.parse(iso);

/** The service as the scheduler and the quit hook use it (in-thread file work keeps these stories quick). */
function serviceFor(clinic: BackupClinic) {
  return createBackupService({
    dataDir: clinic.dataDir.path,
    appVersion: TEST_APP_VERSION,
    log: createMemoryLogger(),
    now: clinic.clock.now,
    db: () => clinic.core.db,
    port: accessPort(clinic.core.access, clinic.dataDir.path),
    audit: { workstation: 'front-desk-pc', record: async () => ({ seq: 0, id: '', hash: '' }) },
    runner: createInThreadRunner(),
  });
}

describe('the Admin screen’s backup status', () => {
  it('before any backup: stale, nothing verified, the daily backup due now', async () => {
    const clinic = await newClinic();
    expect(await clinic.value<BackupStatus>('backup:status')).toEqual({
      folder: clinic.backupFolder,
      lastVerifiedAt: null,
      lastVerifiedFile: null,
      stale: true,
      nextDueAt: utc('2025-03-19T17:30:00Z'), // today 12:30 in Chicago, already past
      lastFailure: null,
      running: null,
    });
  });

  it('after a backup: the last verified one, not stale, next due tomorrow at 12:30; stale once 48 hours pass', async () => {
    const clinic = await newClinic();
    const backup = await clinic.value<BackupSummary>('backup:runNow');
    expect(await clinic.value<BackupStatus>('backup:status')).toMatchObject({
      lastVerifiedAt: clinic.clock.now(),
      lastVerifiedFile: backup.fileName,
      stale: false,
      nextDueAt: utc('2025-03-20T17:30:00Z'),
      lastFailure: null,
    });
    clinic.clock.advance(48 * HOUR);
    expect((await clinic.value<BackupStatus>('backup:status')).stale).toBe(false);
    clinic.clock.advance(1);
    expect((await clinic.value<BackupStatus>('backup:status')).stale).toBe(true);
  });

  it('records each backup (path, time, verified, size, checksum) in app_meta, and in the audit trail', async () => {
    const clinic = await newClinic();
    const backup = await clinic.value<BackupSummary>('backup:runNow');
    const history = await readBackupHistory(clinic.core.db);
    expect(history).toEqual([
      {
        fileName: backup.fileName,
        path: join(clinic.backupFolder, backup.fileName),
        createdAt: clinic.clock.now(),
        finishedAt: clinic.clock.now(),
        verified: true,
        bytes: backup.bytes,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        trigger: 'manual',
        failure: null,
        message: null,
      },
    ]);
    const audit = await clinic.core.db.selectFrom('audit_event').select(['action', 'actor_name', 'outcome', 'entity_id']).where('action', '=', 'backup').execute();
    expect(audit).toEqual([{ action: 'backup', actor_name: TEST_ADMIN.fullName, outcome: 'success', entity_id: backup.fileName }]);
  });

  it('lists the backups in the folder, newest first, from their descriptions', async () => {
    const clinic = await newClinic();
    const first = await clinic.value<BackupSummary>('backup:runNow');
    clinic.clock.advance(24 * HOUR);
    const second = await clinic.value<BackupSummary>('backup:runNow');
    writeFileSync(join(clinic.backupFolder, 'caredesk-backup-20250101-000000.cdbak'), 'not really a backup');
    const listed = await clinic.value<{ folder: string; backups: { fileName: string; createdAt: number | null; verifiedHere: boolean; problem: string | null }[] }>('backup:list');
    expect(listed.backups.map((b) => [b.fileName, b.createdAt, b.verifiedHere, b.problem])).toEqual([
      [second.fileName, second.createdAt, true, null],
      [first.fileName, first.createdAt, true, null],
      ['caredesk-backup-20250101-000000.cdbak', null, false, expect.stringMatching(/not a CareDesk backup/)],
    ]);
  });
});

describe('when a backup cannot be made', () => {
  it('the drive is unplugged: says so, records the failure, leaves no partial file, keeps the older backups', async () => {
    const clinic = await newClinic();
    const earlier = await clinic.value<BackupSummary>('backup:runNow');
    clinic.clock.advance(24 * HOUR);
    const unplugged = `${clinic.backupFolder}-unplugged`;
    renameSync(clinic.backupFolder, unplugged);
    const result = await clinic.call('backup:runNow');
    renameSync(unplugged, clinic.backupFolder);
    expect(result).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'The backup folder is not available. Check that its drive is connected, or choose another folder in Admin > Backups.' },
    });
    expect(readdirSync(clinic.backupFolder)).toEqual([earlier.fileName]);
    const status = await clinic.value<BackupStatus>('backup:status');
    expect(status.lastVerifiedFile).toBe(earlier.fileName);
    expect(status.lastFailure).toEqual({ at: clinic.clock.now(), message: expect.stringMatching(/folder is not available/) });
    const audit = await clinic.core.db.selectFrom('audit_event').select(['outcome', 'detail']).where('action', '=', 'backup').orderBy('seq').execute();
    expect(audit.map((a) => a.outcome)).toEqual(['success', 'failure']);
    expect(JSON.parse(audit[1]!.detail!)).toEqual({ trigger: 'manual', reason: 'FOLDER_MISSING' });
  });

  it('no folder chosen yet: asks for one', async () => {
    const clinic = await newClinic();
    await clinic.value('backup:setSettings', { folder: null, dailyAt: '12:30', onQuit: true });
    expect(await clinic.call('backup:runNow')).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Choose a backup folder first (Admin > Backups), then back up.' } });
  });
});

describe('backup settings', () => {
  it('are read back as saved, and a change is audited', async () => {
    const clinic = await newClinic();
    const next: BackupSettings = { folder: clinic.backupFolder, dailyAt: '18:45', onQuit: false };
    expect(await clinic.value('backup:setSettings', next)).toEqual(next);
    expect(await clinic.value('backup:getSettings')).toEqual(next);
    const audit = await clinic.core.db.selectFrom('audit_event').select(['action', 'entity_id']).where('action', '=', 'settings.change').execute();
    expect(audit).toContainEqual({ action: 'settings.change', entity_id: 'backup' });
  });

  it('refuse a folder that is missing, inside CareDesk’s own data folder, or not a full path — each on the folder field', async () => {
    const clinic = await newClinic();
    const attempt = (folder: string) => clinic.call('backup:setSettings', { folder, dailyAt: '12:30', onQuit: true });
    expect(await attempt(join(clinic.backupFolder, 'no-such-folder'))).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'folder', message: expect.stringMatching(/not found/) }] } });
    mkdirSync(clinic.dataDir.file('backups'));
    for (const inside of [clinic.dataDir.path, clinic.dataDir.file('backups')]) {
      expect(await attempt(inside)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'folder', message: expect.stringMatching(/outside CareDesk's own data folder/) }] } });
    }
    expect(await attempt('Backups')).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'folder' }] } });
    expect(await clinic.value<BackupSettings>('backup:getSettings')).toMatchObject({ folder: clinic.backupFolder });
  });
});

describe('rotation after each backup', () => {
  it('keeps the last 7 days in a folder of daily backups, and leaves files that are not ours alone', async () => {
    const clinic = await newClinic();
    writeFileSync(join(clinic.backupFolder, 'notes.txt'), 'the IT person’s notes');
    writeFileSync(join(clinic.backupFolder, 'caredesk-backup-20240101-000000.cdbak.partial'), '');
    const names: string[] = [];
    for (let day = 0; day < 10; day += 1) {
      names.push((await clinic.value<BackupSummary>('backup:runNow')).fileName);
      clinic.clock.advance(24 * HOUR);
    }
    // 19–28 March; on the 28th the dailies are the 22nd–28th, and this week and month are among them.
    expect(readdirSync(clinic.backupFolder).sort()).toEqual(['caredesk-backup-20240101-000000.cdbak.partial', ...names.slice(3), 'notes.txt'].sort());
  }, 60_000);
});

describe('the schedule, as the timer asks it', () => {
  it('backs up when 12:30 has passed since the last backup, then not again until tomorrow; waits 30 minutes after a failure', async () => {
    const clinic = await newClinic();
    const service = serviceFor(clinic);
    expect(await service.runIfDue()).toBe('ran'); // never backed up: due at once
    expect(await service.runIfDue()).toBe('not-due');

    clinic.clock.set(utc('2025-03-20T14:00:00Z')); // 09:00 next day
    expect(await service.runIfDue()).toBe('not-due');
    clinic.clock.set(utc('2025-03-20T17:30:00Z')); // 12:30
    const unplugged = `${clinic.backupFolder}-unplugged`;
    renameSync(clinic.backupFolder, unplugged);
    expect(await service.runIfDue()).toBe('failed');
    clinic.clock.advance(RETRY_AFTER_MS - 1);
    expect(await service.runIfDue()).toBe('waiting-to-retry');
    renameSync(unplugged, clinic.backupFolder);
    clinic.clock.advance(1);
    expect(await service.runIfDue()).toBe('ran');
    const history = await readBackupHistory(clinic.core.db);
    expect(history.map((r) => [r.trigger, r.verified])).toEqual([
      ['daily', true],
      ['daily', false],
      ['daily', true],
    ]);
    const audit = await clinic.core.db.selectFrom('audit_event').select(['actor_name', 'actor_user_id']).where('action', '=', 'backup').execute();
    expect(audit[0]).toEqual({ actor_name: 'CareDesk (automatic backup)', actor_user_id: null });
  });

  it('does nothing while the database is closed (nobody signed in: no key)', async () => {
    const clinic = await newClinic();
    const service = serviceFor(clinic);
    await clinic.core.access.signOut(ADMIN_CLIENT);
    expect(await service.runIfDue()).toBe('closed');
    expect(await service.backupBeforeQuit()).toBe('closed');
  });

  it('backs up before quitting when the setting is on, not when it is off', async () => {
    const clinic = await newClinic();
    const service = serviceFor(clinic);
    expect(await service.backupBeforeQuit()).toBe('ran');
    expect((await readBackupHistory(clinic.core.db)).map((r) => r.trigger)).toEqual(['quit']);
    await clinic.value('backup:setSettings', { folder: clinic.backupFolder, dailyAt: '12:30', onQuit: false });
    expect(await service.backupBeforeQuit()).toBe('off');
  });
});

describe('what the log holds', () => {
  it('no key (raw, hex or base64) and no patient data, through backups, a failure and a restore', async () => {
    const log = createMemoryLogger();
    const clinic = await newClinic({ log });
    await admitCanaryPatient(clinic.core);
    const backup = await clinic.value<BackupSummary>('backup:runNow');
    clinic.clock.advance(24 * HOUR);
    await clinic.call('backup:restore', { file: join(clinic.backupFolder, 'caredesk-backup-20250101-000000.cdbak') });
    await clinic.value('backup:restore', { file: backup.path });
    const key = (await unlockWithRecoveryCode(readKeystoreFile(keystorePath(clinic.dataDir.path))!, clinic.recoveryCode))!;
    const text = log.lines.join('\n');
    expect(log.lines.some((line) => line.includes('verified backup written'))).toBe(true);
    expect(log.lines.some((line) => line.includes('restored the clinic database from a backup'))).toBe(true);
    for (const secret of [rawKeyHex(key), rawKeyHex(key).toUpperCase(), key.toString('base64'), CANARY_PATIENT, clinic.recoveryCode]) expect(text).not.toContain(secret);
  });
});
