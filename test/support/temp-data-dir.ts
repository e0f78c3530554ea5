import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A clinic's data folder in the OS temp directory, for one test. The driver cannot key an
 * in-memory database, so every encrypted database in the tests lives in one of these.
 */
export interface TempDataDir {
  readonly path: string;
  /** Absolute path of a file in the folder. */
  file(name: string): string;
  /** File names directly in the folder, sorted (what a technician would see in Explorer). */
  list(): string[];
  /** Deletes the folder and everything in it; safe to call twice. */
  remove(): void;
}

export function createTempDataDir(prefix = 'caredesk-test-'): TempDataDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file: (name) => join(path, name),
    list: () => readdirSync(path).sort(),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}
