import { Kysely, SqliteDialect, type SqliteDatabase as KyselySqliteDatabase, type SqliteStatement } from 'kysely';
import type { SqliteDatabase } from '../../electron/core/db/open';
import type { Database } from '../../electron/core/db/schema';

/**
 * A Kysely over the same connection that reuses prepared statements (Kysely's SQLite driver prepares every query
 * afresh, ~40 µs each). The benchmark uses it only to write its synthetic clinic faster; every timed operation runs
 * on the app's own Kysely (createKysely), so the figures are the app's.
 */
export function kyselyWithStatementCache(sqlite: SqliteDatabase): Kysely<Database> {
  const statements = new Map<string, SqliteStatement>();
  const database: KyselySqliteDatabase = {
    close: () => undefined, // the caller closes the connection itself
    prepare: (sql: string) => {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size > 500) statements.clear();
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        statements.set(sql, statement);
      }
      return statement;
    },
  };
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
