import { Kysely, SqliteDialect } from 'kysely';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { StartupFailure } from '../errors';
import type { Database } from './schema';
import type { SqliteDatabase } from './open';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { withStatementCache } from './statement-cache';

const MIGRATION_TABLE = 'kysely_migration';

/** The app's query builder over the connection, reusing prepared statements (statement-cache.ts). */
export function createKysely(sqlite: SqliteDatabase): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/**
 * Refuses a database written by a newer CareDesk before anything is written:
 * a higher user_version or a migration this build does not know.
 */
export function assertNotNewer(sqlite: SqliteDatabase): void {
  const version = Number(sqlite.pragma('user_version', { simple: true }));
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATION_TABLE) !== undefined;
  const applied = hasTable ? (sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE}`).pluck().all() as string[]) : [];
  const unknown = applied.filter((name) => !Object.hasOwn(MIGRATIONS, name));
  if (version > SCHEMA_VERSION || unknown.length > 0) {
    throw new StartupFailure(
      'DATABASE_TOO_NEW',
      `This clinic database was written by a newer version of CareDesk (schema ${Math.max(version, SCHEMA_VERSION + unknown.length)}; this version knows ${SCHEMA_VERSION}). ` +
        'Nothing was changed. Install the latest CareDesk update, then open it again.',
    );
  }
}

/** Brings the schema up to this build's version; refuses (without writing) a newer database. */
export async function migrateToLatest(db: Kysely<Database>, sqlite: SqliteDatabase): Promise<number> {
  assertNotNewer(sqlite);
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (Number(sqlite.pragma('user_version', { simple: true })) !== SCHEMA_VERSION) {
    sqlite.pragma(`user_version=${SCHEMA_VERSION}`);
  }
  return SCHEMA_VERSION;
}
