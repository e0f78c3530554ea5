import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClinicCore, type ClinicCore } from '../../electron/core';
import { closeClinicDatabase, DATABASE_FILE, openClinicDatabase, type ClinicDatabase } from '../../electron/core/db/clinic-database';
import type { AppOrigin } from '../../electron/core/ipc/origin';
import type { ScryptParams } from '../../electron/core/keys/kdf';
import { folderKeychain } from '../../electron/core/keys/machine-secret';
import { createMemoryLogger } from '../../electron/core/log';
import { createTempDataDir, type TempDataDir } from './temp-data-dir';

/** The origin the packaged app serves its screens from, and a page on it. */
export const TEST_ORIGIN: AppOrigin = { protocol: 'app:', host: 'caredesk' };
export const APP_PAGE_URL = 'app://caredesk/index.html';
export const TEST_APP_VERSION = '0.1.0-test';
/** Cheap key-slot cost for tests; production parameters are checked in keystore.test.ts. */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };

/** The clinic's first administrator in tests, and the client id (window) they are signed in on. */
export const TEST_ADMIN = { fullName: 'Maria Lee', username: 'mlee', password: 'maple syrup on tuesday' };
export const ADMIN_CLIENT = 'test-admin-window';

/** A fresh random raw 256-bit database key. */
export function randomDatabaseKey(): Uint8Array {
  return randomBytes(32);
}

export type MemoryLogger = ReturnType<typeof createMemoryLogger>;

/** The encrypted database in dataDir opened directly with a raw key (created on first open), below the key slots. */
export interface TestDatabase extends ClinicDatabase {
  close(): Promise<void>;
}

export async function openTestDatabase(dataDir: string, key: Uint8Array): Promise<TestDatabase> {
  const file = join(dataDir, DATABASE_FILE);
  const opened = await openClinicDatabase(file, key, { create: !existsSync(file) });
  let closed = false;
  return {
    ...opened,
    close: async () => {
      if (closed) return;
      closed = true;
      await closeClinicDatabase(opened);
    },
  };
}

export interface TestClinic {
  dataDir: TempDataDir;
  key: Uint8Array;
  /** Closes the database (as quitting the app would); safe to call more than once. */
  close(): Promise<void>;
}

export interface WithDatabaseOptions {
  /** An existing data folder (kept afterwards); by default a new temp folder, removed afterwards. */
  dataDir?: TempDataDir;
  key?: Uint8Array;
}

/**
 * Runs one story against a real encrypted database, then closes it and (unless the folder was passed in)
 * deletes the data folder, whatever the story did.
 */
export async function withDatabase<T>(story: (database: TestDatabase, clinic: TestClinic) => Promise<T>, options: WithDatabaseOptions = {}): Promise<T> {
  const dataDir = options.dataDir ?? createTempDataDir();
  const key = options.key ?? randomDatabaseKey();
  try {
    const database = await openTestDatabase(dataDir.path, key);
    try {
      return await story(database, { dataDir, key, close: database.close });
    } finally {
      await database.close();
    }
  } finally {
    if (!options.dataDir) dataDir.remove();
  }
}

/**
 * Starts the real core on dataDir with a stand-in keychain (a temp folder outside the data folder) and,
 * unless `setUp: false`, runs the first-run setup so TEST_ADMIN is signed in on ADMIN_CLIENT.
 */
export async function startTestCore(
  dataDir: string,
  options: { log?: MemoryLogger; setUp?: boolean; keychainDir?: string; clock?: () => number } = {},
): Promise<ClinicCore> {
  const keychainDir = options.keychainDir ?? mkdtempSync(join(tmpdir(), 'caredesk-keychain-'));
  const core = await startClinicCore({
    dataDir,
    appVersion: TEST_APP_VERSION,
    keychain: folderKeychain(keychainDir),
    origin: TEST_ORIGIN,
    log: options.log ?? createMemoryLogger(),
    scrypt: FAST_SCRYPT,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  if (options.setUp !== false) {
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
  }
  return core;
}
