import type { Kysely } from 'kysely';
import { assertNotNewer, createKysely, migrateToLatest } from './migrate';
import { openEncryptedDatabase, type SqliteDatabase } from './open';
import type { Database } from './schema';

export const DATABASE_FILE = 'caredesk.db';

export interface ClinicDatabase {
  sqlite: SqliteDatabase;
  db: Kysely<Database>;
  schemaVersion: number;
}

/** Opens the encrypted database, refuses a newer one, migrates it to this build's schema. Closes it again on any failure. */
export async function openClinicDatabase(file: string, key: Uint8Array, options: { create: boolean }): Promise<ClinicDatabase> {
  const sqlite = openEncryptedDatabase(file, key, { create: options.create, beforeWrite: assertNotNewer });
  const db = createKysely(sqlite);
  try {
    const schemaVersion = await migrateToLatest(db, sqlite);
    return { sqlite, db, schemaVersion };
  } catch (error) {
    await closeClinicDatabase({ db, sqlite });
    throw error;
  }
}

/** Closes Kysely and the driver connection: Kysely's destroy() is a no-op until Kysely has run a query. */
export async function closeClinicDatabase(database: Pick<ClinicDatabase, 'db' | 'sqlite'>): Promise<void> {
  await database.db.destroy();
  if (database.sqlite.open) database.sqlite.close();
}
