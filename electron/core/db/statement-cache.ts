import type { SqliteDatabase as KyselySqliteDatabase, SqliteStatement } from 'kysely';
import type { SqliteDatabase } from './open';

/** Enough for every distinct query the core runs; `IN (?, ?, …)` lists of varying length may push out the rarest. */
export const STATEMENT_CACHE_SIZE = 400;

/**
 * The connection as Kysely's SQLite driver sees it, reusing prepared statements. Kysely prepares every query afresh
 * (tens of microseconds each, and a booking runs about 25), so statements are kept per SQL text, least recently used
 * dropped first. Safe because the driver runs one statement at a time on this connection and `all`/`run` reset the
 * statement when done; a statement still busy (an unfinished `iterate`) is never handed out again — a fresh one is
 * prepared instead. SQLite re-prepares a kept statement by itself when the schema changes (a migration, a restore).
 * `close` clears the cache and closes the connection, as handing Kysely the connection itself would.
 */
export function withStatementCache(sqlite: SqliteDatabase, capacity = STATEMENT_CACHE_SIZE): KyselySqliteDatabase {
  const statements = new Map<string, SqliteStatement & { busy?: boolean }>();
  return {
    prepare(sql: string): SqliteStatement {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        // Most recently used last: re-inserting keeps the Map in use order.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = sqlite.prepare(sql) as unknown as SqliteStatement & { busy?: boolean };
      if (!kept) {
        statements.set(sql, statement);
        if (statements.size > capacity) statements.delete(statements.keys().next().value as string);
      }
      return statement;
    },
    close(): void {
      statements.clear();
      sqlite.close();
    },
  };
}
