import { existsSync, statSync } from 'node:fs';
import type { StartupFailure } from '../errors';

export const DAMAGED_DATABASE =
  'The clinic database on this computer is damaged and cannot be opened. Nothing was changed. Restore the last verified backup with the recovery code.';

/** SQLCipher v4 page size: an intact database file is a whole number of pages. */
const SQLCIPHER_PAGE_SIZE = 4096;

export type DatabaseProblem = 'missing' | 'damaged';

/**
 * A set-up clinic's database file that is gone or cut short (not whole 4 KiB pages). Checked without the key, so the
 * sign-in screen can offer the backup at once.
 */
export function databaseFileProblem(dbFile: string): DatabaseProblem | null {
  if (!existsSync(dbFile)) return 'missing';
  const size = statSync(dbFile).size;
  if (size === 0 || size % SQLCIPHER_PAGE_SIZE !== 0) return 'damaged';
  return null;
}

/** The slot opened, so the key is right: a database that will not open with it is damaged (or missing). */
export function isDamageOnOpen(error: StartupFailure): boolean {
  return error.kind === 'CORRUPT' || error.kind === 'WRONG_KEY' || error.kind === 'DATABASE_MISSING';
}
