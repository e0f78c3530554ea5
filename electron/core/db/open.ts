import { existsSync } from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { StartupFailure } from '../errors';

/** The only module that opens the native driver. */
export type SqliteDatabase = Sqlite.Database;

export const CIPHER = 'sqlcipher';
const RAW_KEY_HEX = /^[0-9a-f]{64}$/;
const BUSY_TIMEOUT_MS = 5000;
export const PAGE_CACHE_KIB = 64 * 1024;

/** Raw 256-bit key as 64 lowercase hex digits; anything else never reaches the PRAGMA string. */
export function rawKeyHex(key: Uint8Array): string {
  if (key.length !== 32) throw new Error('Database key must be exactly 32 bytes');
  const hex = Buffer.from(key).toString('hex');
  if (!RAW_KEY_HEX.test(hex)) throw new Error('Database key is not valid hex');
  return hex;
}

export interface OpenOptions {
  /** Create the file if missing. False at every start after the first: a missing file is an error, not a new clinic. */
  create: boolean;
  readonly?: boolean;
  /** Runs after the key is verified and before any pragma that could write (e.g. the newer-version guard). */
  beforeWrite?: (db: SqliteDatabase) => void;
}

/**
 * Opens (or creates) the clinic's database with SQLCipher v4 encryption and the pragmas CareDesk relies on,
 * reading each one back. A wrong key fails at once with WRONG_KEY and writes nothing.
 */
export function openEncryptedDatabase(file: string, key: Uint8Array, options: OpenOptions): SqliteDatabase {
  const hex = rawKeyHex(key);
  if (!options.create && !existsSync(file)) {
    throw new StartupFailure('DATABASE_MISSING', 'The clinic database file was not found. Restore it from a backup, or start a new clinic.');
  }
  const db = new Sqlite(file, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  try {
    db.pragma(`cipher='${CIPHER}'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${hex}'"`);
    // Before the first read, so a database busy in another process waits instead of looking damaged.
    applyPragma(db, 'busy_timeout', String(BUSY_TIMEOUT_MS), BUSY_TIMEOUT_MS);
    verifyKey(db);
    // temp_store before anything can spill to an (unencrypted) temp file.
    applyPragma(db, 'temp_store', 'MEMORY', 2);
    options.beforeWrite?.(db);
    applyPragma(db, 'foreign_keys', 'ON', 1);
    // Decrypted pages kept in memory: 64 MiB (the driver's default is 16). Measured on the heavy benchmark tier, a week
    // view's median fell by a fifth; 256 MiB did no better (docs/PERFORMANCE.md).
    applyPragma(db, 'cache_size', String(-PAGE_CACHE_KIB), -PAGE_CACHE_KIB);
    if (!options.readonly) {
      applyPragma(db, 'journal_mode', 'WAL', 'wal');
      applyPragma(db, 'synchronous', 'FULL', 2);
    }
    const cipher = db.pragma('cipher', { simple: true });
    if (cipher !== CIPHER) throw new StartupFailure('PRAGMA_NOT_APPLIED', `Encryption setting did not take (cipher is ${String(cipher)}).`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A cheap read right after keying: with a wrong key, SQLite cannot parse page 1. */
function verifyKey(db: SqliteDatabase): void {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new StartupFailure(
        'WRONG_KEY',
        'The clinic database could not be unlocked with this key. Nothing was changed. Sign in again, or use the recovery code.',
      );
    }
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new StartupFailure('DATABASE_BUSY', 'The clinic database is in use by another program. Nothing was changed. Close it and try again.');
    }
    throw new StartupFailure('CORRUPT', 'The clinic database could not be read. Nothing was changed. Restore from a backup.');
  }
}

function applyPragma(db: SqliteDatabase, name: string, value: string, expected: string | number): void {
  db.pragma(`${name}=${value}`);
  const actual = db.pragma(name, { simple: true });
  const same = typeof expected === 'string' ? String(actual).toLowerCase() === expected : Number(actual) === expected;
  if (!same) {
    throw new StartupFailure('PRAGMA_NOT_APPLIED', `Database setting ${name} did not take (wanted ${String(expected)}, got ${String(actual)}).`);
  }
}
