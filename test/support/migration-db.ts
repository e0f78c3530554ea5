import { Migrator, type MigrationProvider } from 'kysely/migration';
import { DATABASE_FILE } from '../../electron/core/db/clinic-database';
import { createKysely } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openEncryptedDatabase } from '../../electron/core/db/open';
import { openTestDatabase, randomDatabaseKey, type TestDatabase } from './core';
import { snapshotAllTables } from './db-snapshot';
import { createTempDataDir, type TempDataDir } from './temp-data-dir';

/** A new encrypted clinic database in its own temp folder, migrated up to (and including) one migration: a clinic as that version left it. */
export interface DatabaseAtMigration {
  dir: TempDataDir;
  key: Uint8Array;
  sqlite: ReturnType<typeof openEncryptedDatabase>;
  db: ReturnType<typeof createKysely>;
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };
const made: TempDataDir[] = [];

export async function databaseMigratedTo(migration: string): Promise<DatabaseAtMigration> {
  const dir = createTempDataDir();
  made.push(dir);
  const key = randomDatabaseKey();
  const sqlite = openEncryptedDatabase(dir.file(DATABASE_FILE), key, { create: true });
  const db = createKysely(sqlite);
  const { error } = await new Migrator({ db, provider }).migrateTo(migration);
  if (error) throw error;
  return { dir, key, sqlite, db };
}

/** For afterEach: removes the folders databaseMigratedTo made. */
export function removeMigratedDatabases(): void {
  for (const dir of made.splice(0)) dir.remove();
}

/**
 * Closes a database as the earlier version left it and opens it as this version does (every later migration runs):
 * every table's rows before, and the opened database (the caller closes it).
 */
export async function openedByThisVersion(old: DatabaseAtMigration): Promise<{ before: Record<string, string[]>; database: TestDatabase }> {
  const before = snapshotAllTables(old.sqlite);
  await old.db.destroy();
  if (old.sqlite.open) old.sqlite.close();
  return { before, database: await openTestDatabase(old.dir.path, old.key) };
}
