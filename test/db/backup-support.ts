import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClinicCore } from '../../electron/core';
import type { Result } from '../../shared/result';
import { ADMIN_CLIENT, APP_PAGE_URL, startTestCore, TEST_ADMIN, type MemoryLogger } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

/** A made-up patient name: if these bytes show up in a backup file, the backup leaks PHI. */
export const CANARY_PATIENT = 'Zyxwvut Quennell-Canary';

/** A clock the story moves by hand. Starts Wednesday 19 March 2025, 14:00 in Chicago. */
export function testClock(start = Date.parse('2025-03-19T19:00:00Z')) {
  let at = start;
  return { now: () => at, set: (value: number) => void (at = value), advance: (ms: number) => void (at += ms) };
}
export type TestClock = ReturnType<typeof testClock>;

export interface BackupClinic {
  core: ClinicCore;
  dataDir: TempDataDir;
  keychainDir: string;
  backupFolder: string;
  /** The recovery code printed at setup (28 characters, no separators). */
  recoveryCode: string;
  clock: TestClock;
  call<T = unknown>(channel: string, payload?: unknown, clientId?: string): Promise<Result<T>>;
  /** The call's value, or a thrown error naming its code and message. */
  value<T = unknown>(channel: string, payload?: unknown, clientId?: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * A clinic set up on a "computer" of its own (data folder, keychain folder), with TEST_ADMIN signed in on
 * ADMIN_CLIENT, a backup folder chosen, and the recovery code kept for the story.
 */
export async function startBackupClinic(options: { clock?: TestClock; keychainDir?: string; dataDir?: TempDataDir; log?: MemoryLogger } = {}): Promise<BackupClinic> {
  const clock = options.clock ?? testClock();
  const dataDir = options.dataDir ?? createTempDataDir();
  const keychainDir = options.keychainDir ?? mkdtempSync(join(tmpdir(), 'caredesk-keychain-'));
  const backupFolder = mkdtempSync(join(tmpdir(), 'caredesk-backups-'));
  const core = await startTestCore(dataDir.path, { setUp: false, keychainDir, clock: clock.now, ...(options.log ? { log: options.log } : {}) });
  const begun = core.access.beginSetup();
  const [a, b] = begun.confirmGroupNumbers;
  await core.access.completeSetup(
    {
      clinicName: 'Riverside Family Clinic',
      timeZone: 'America/Chicago',
      admin: TEST_ADMIN,
      confirmGroups: [begun.recoveryCodeGroups[a - 1] ?? '', begun.recoveryCodeGroups[b - 1] ?? ''],
    },
    ADMIN_CLIENT,
  );
  const call = <T>(channel: string, payload?: unknown, clientId = ADMIN_CLIENT) =>
    core.dispatcher.dispatch({ channel, senderUrl: APP_PAGE_URL, clientId, payload }) as Promise<Result<T>>;
  const value = async <T>(channel: string, payload?: unknown, clientId = ADMIN_CLIENT): Promise<T> => {
    const result = await call<T>(channel, payload, clientId);
    if (!result.ok) throw new Error(`${channel} → ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  await value('backup:setSettings', { folder: backupFolder, dailyAt: '12:30', onQuit: true });
  return {
    core,
    dataDir,
    keychainDir,
    backupFolder,
    recoveryCode: begun.recoveryCodeGroups.join(''),
    clock,
    call,
    value,
    async close() {
      await core.close();
      dataDir.remove();
      rmSync(keychainDir, { recursive: true, force: true });
      rmSync(backupFolder, { recursive: true, force: true });
    },
  };
}

/** Writes the canary patient into the clinic database (app_meta stands in for the patients table until it exists). */
export async function admitCanaryPatient(core: ClinicCore, name = CANARY_PATIENT): Promise<void> {
  await core.db.insertInto('app_meta').values({ key: 'test.patient', value: name, updated_at: Date.now() }).onConflict((oc) => oc.column('key').doUpdateSet({ value: name })).execute();
}

export async function readCanaryPatient(core: ClinicCore): Promise<string | null> {
  const row = await core.db.selectFrom('app_meta').select('value').where('key', '=', 'test.patient').executeTakeFirst();
  return row?.value ?? null;
}
