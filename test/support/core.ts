import { randomBytes } from 'node:crypto';
import { startClinicCore, type ClinicCore } from '../../electron/core';
import type { AppOrigin } from '../../electron/core/ipc/origin';
import { fixedKeyProvider } from '../../electron/core/keys/key-provider';
import { createMemoryLogger } from '../../electron/core/log';
import { createTempDataDir, type TempDataDir } from './temp-data-dir';

/** The origin the packaged app serves its screens from, and a page on it. */
export const TEST_ORIGIN: AppOrigin = { protocol: 'app:', host: 'caredesk' };
export const APP_PAGE_URL = 'app://caredesk/index.html';
export const TEST_APP_VERSION = '0.1.0-test';

/** A fresh random raw 256-bit database key. */
export function randomDatabaseKey(): Uint8Array {
  return randomBytes(32);
}

export type MemoryLogger = ReturnType<typeof createMemoryLogger>;

/** Starts the real core on the encrypted database in dataDir (creating it on first start). */
export function startTestCore(dataDir: string, key: Uint8Array, log: MemoryLogger = createMemoryLogger()): Promise<ClinicCore> {
  return startClinicCore({ dataDir, appVersion: TEST_APP_VERSION, keyProvider: fixedKeyProvider(key), origin: TEST_ORIGIN, log });
}

export interface TestClinic {
  dataDir: TempDataDir;
  key: Uint8Array;
  log: MemoryLogger;
  /** Closes the core (as quitting the app would); safe to call more than once. */
  close(): Promise<void>;
}

export interface WithCoreOptions {
  /** An existing data folder (kept afterwards); by default a new temp folder, removed afterwards. */
  dataDir?: TempDataDir;
  key?: Uint8Array;
}

/**
 * Runs one clinic story against a real core on a real encrypted database, then closes the core
 * and (unless the folder was passed in) deletes the data folder, whatever the story did.
 */
export async function withCore<T>(story: (core: ClinicCore, clinic: TestClinic) => Promise<T>, options: WithCoreOptions = {}): Promise<T> {
  const dataDir = options.dataDir ?? createTempDataDir();
  const key = options.key ?? randomDatabaseKey();
  const log = createMemoryLogger();
  try {
    const core = await startTestCore(dataDir.path, key, log);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await core.close();
    };
    try {
      return await story(core, { dataDir, key, log, close });
    } finally {
      await close();
    }
  } finally {
    if (!options.dataDir) dataDir.remove();
  }
}
