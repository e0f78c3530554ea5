import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppStatus } from '../../../shared/contract/app';
import type { SqliteDatabase } from '../db/open';

/** Total size of the files directly in the data folder (database, WAL, keystore). */
export function dataFolderBytes(dataDir: string): number {
  let total = 0;
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isFile()) total += statSync(join(dataDir, entry.name)).size;
  }
  return total;
}

export function readAppStatus(sqlite: SqliteDatabase, dataDir: string, appVersion: string): AppStatus {
  const cipher = String(sqlite.pragma('cipher', { simple: true }) ?? '');
  return {
    appVersion,
    schemaVersion: Number(sqlite.pragma('user_version', { simple: true })),
    encryption: { enabled: cipher.length > 0, cipher },
    dataFolderBytes: dataFolderBytes(dataDir),
  };
}
