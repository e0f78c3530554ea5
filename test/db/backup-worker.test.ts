import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { accessPort } from '../../electron/core/backup/access-port';
import { backupWorkerEntry, BUILT_WORKER_FILE, createInThreadRunner } from '../../electron/core/backup/run-in-worker';
import { createBackupService } from '../../electron/core/backup/service';
import { createMemoryLogger } from '../../electron/core/log';
import type { BackupSummary } from '../../electron/core/backup/service';
import type { BackupStatus } from '../../shared/contract/backup';
import { TEST_APP_VERSION } from '../support/core';
import { admitCanaryPatient, startBackupClinic, type BackupClinic } from './backup-support';

/** A clinic whose database is about 20 MB, so a backup takes long enough to watch. */
let clinic: BackupClinic;
/** Ticks of the main thread's timer during the worker's backup (compared with the in-thread control). */
let workerTicks = 0;
beforeAll(async () => {
  clinic = await startBackupClinic();
  await admitCanaryPatient(clinic.core);
  // Bulk rows in a scratch table (incompressible, so the file really is ~20 MB).
  clinic.core.sqlite.exec('CREATE TABLE test_bulk (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = clinic.core.sqlite.prepare('INSERT INTO test_bulk (body) VALUES (?)');
  clinic.core.sqlite.transaction(() => {
    for (let i = 0; i < 20_000; i += 1) insert.run(randomBytes(750).toString('base64'));
  })();
  clinic.core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  expect(statSync(clinic.dataDir.file(DATABASE_FILE)).size).toBeGreaterThan(20 * 1024 * 1024);
}, 120_000);
afterAll(async () => {
  await clinic.close();
});

describe('backups run off the main thread', () => {
  it('while a ~20 MB backup runs, the main thread keeps ticking and answers status calls with the progress', async () => {
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    const seen: BackupStatus['running'][] = [];
    const polling = setInterval(() => {
      void clinic.value<BackupStatus>('backup:status').then((status) => seen.push(status.running));
    }, 20);
    try {
      const backup = await clinic.value<BackupSummary>('backup:runNow');
      expect(backup.bytes).toBeGreaterThan(20 * 1024 * 1024);
    } finally {
      clearInterval(timer);
      clearInterval(polling);
    }
    // Several ticks while the worker snapshotted, hashed, packaged and verified 20 MB (see the control below).
    workerTicks = ticks;
    expect(ticks).toBeGreaterThanOrEqual(5);
    const running = seen.filter((r): r is NonNullable<typeof r> => r !== null);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((r) => r.job === 'backup' && r.percent >= 0 && r.percent <= 100)).toBe(true);
    // Progress only goes forward.
    const percents = running.map((r) => r.percent);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    expect((await clinic.value<BackupStatus>('backup:status')).running).toBeNull();
  });

  it('can be cancelled: nothing is left in the backup folder and the attempt is recorded as cancelled', async () => {
    clinic.clock.advance(24 * 3_600_000);
    const before = readdirSync(clinic.backupFolder);
    const pending = clinic.call('backup:runNow');
    // Ask as soon as the job exists (the worker checks between chunks; a running VACUUM finishes first).
    let cancelled = false;
    while (!cancelled) {
      cancelled = (await clinic.value<{ cancelled: boolean }>('backup:cancel')).cancelled;
      if (!cancelled) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const result = await pending;
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'The backup was cancelled. Nothing was saved.' } });
    expect(readdirSync(clinic.backupFolder)).toEqual(before);
    const status = await clinic.value<BackupStatus>('backup:status');
    expect(status.lastFailure?.message).toBe('The backup was cancelled. Nothing was saved.');
    expect(status.running).toBeNull();
    // Nothing to cancel now.
    expect(await clinic.value('backup:cancel')).toEqual({ cancelled: false });
  });

  it('control: the same backup on the main thread (the in-thread runner) stops the ticking, so the count above means something', async () => {
    clinic.clock.advance(24 * 3_600_000);
    const inThread = createBackupService({
      dataDir: clinic.dataDir.path,
      appVersion: TEST_APP_VERSION,
      log: createMemoryLogger(),
      now: clinic.clock.now,
      db: () => clinic.core.db,
      port: accessPort(clinic.core.access, clinic.dataDir.path),
      audit: { workstation: 'test', record: async () => ({ seq: 0, id: '', hash: '' }) },
      runner: createInThreadRunner(),
    });
    let ticks = 0;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    try {
      await inThread.runNow({ userId: 'u', displayName: 'Test' });
    } finally {
      clearInterval(timer);
    }
    // A handful at most (the async steps around the file work), against hundreds while the worker did it.
    expect(ticks).toBeLessThan(workerTicks / 10);
  });
});

describe('finding the worker’s code', () => {
  const root = mkdtempSync(join(tmpdir(), 'caredesk-worker-entry-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('in the bundled app: backupWorker.js beside the main bundle, run as is', () => {
    const dir = join(root, 'out-main');
    mkdirSync(dir);
    writeFileSync(join(dir, BUILT_WORKER_FILE), '');
    expect(backupWorkerEntry(dir)).toEqual({ file: join(dir, BUILT_WORKER_FILE), execArgv: [] });
  });

  it('from source (tests, the test host): worker.ts beside this module, loaded through tsx', () => {
    const entry = backupWorkerEntry();
    expect(entry.file).toMatch(/electron[\\/]core[\\/]backup[\\/]worker\.ts$/);
    expect(entry.execArgv).toEqual(['--import', expect.stringMatching(/^file:.*tsx.*loader\.mjs$/)]);
  });

  it('nowhere: says where it looked', () => {
    expect(() => backupWorkerEntry(join(root, 'empty'))).toThrow(/backup worker was not found/);
  });
});
