import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../../../shared/contract/app';
import { CIPHER, type SqliteDatabase } from '../db/open';

/** Total size of the files directly in the data folder (database, WAL, keystore). */
export function dataFolderBytes(dataDir: string): number {
  let total = 0;
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(dataDir, entry.name)).size;
  }
  return total;
}

/** Read from the open database when someone is signed in; before that, what this build would use. */
export function readAppStatus(sqlite: SqliteDatabase | null, dataDir: string, appVersion: string): AppStatus {
  const cipher = sqlite ? String(sqlite.pragma('cipher', { simple: true }) ?? '') : CIPHER;
  return {
    appVersion,
    schemaVersion: sqlite ? Number(sqlite.pragma('user_version', { simple: true })) : null,
    encryption: { enabled: cipher.length > 0, cipher },
    dataFolderBytes: existsSync(dataDir) ? dataFolderBytes(dataDir) : 0,
  };
}
