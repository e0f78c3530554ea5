import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupFailure } from '../errors';

/**
 * Where the core gets the database key. The Electron shell, the test host and tests each pass one in;
 * the core never decides where keys live.
 */
export interface DatabaseKeyProvider {
  /** A short name for logs and dialogs (never the key). */
  readonly kind: string;
  /** The key of an existing database. Throws StartupFailure('KEY_UNAVAILABLE') if it cannot be had. */
  existingKey(): Promise<Uint8Array>;
  /** Makes, keeps and returns the key for a new database. */
  newKey(): Promise<Uint8Array>;
}

export const DEV_KEY_FILE = 'DEV-ONLY-INSECURE-database-key.hex';

/**
 * DEVELOPMENT AND TEST HOST ONLY: keeps a random key in a plain file beside the database.
 * Anyone who can read the folder can read the data. Replaced by password-wrapped key slots
 * (issue "First run, sign-in and key slots") before any real clinic data goes in.
 */
export function devOnlyKeyFileProvider(dataDir: string): DatabaseKeyProvider {
  const file = join(dataDir, DEV_KEY_FILE);
  return {
    kind: 'dev-only key file',
    async existingKey() {
      if (!existsSync(file)) {
        throw new StartupFailure('KEY_UNAVAILABLE', 'The key for this clinic database is not available. Nothing was changed.');
      }
      const hex = readFileSync(file, 'utf8').trim();
      if (!/^[0-9a-f]{64}$/.test(hex)) {
        throw new StartupFailure('KEY_UNAVAILABLE', 'The key file for this clinic database is damaged. Nothing was changed.');
      }
      return Buffer.from(hex, 'hex');
    },
    async newKey() {
      const key = randomBytes(32);
      writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
      return key;
    },
  };
}

/** A key held in memory only, for tests. */
export function fixedKeyProvider(key: Uint8Array): DatabaseKeyProvider {
  return { kind: 'fixed (tests)', existingKey: async () => key, newKey: async () => key };
}
