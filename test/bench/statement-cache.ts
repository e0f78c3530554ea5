import { Kysely, SqliteDialect, type SqliteDatabase as KyselySqliteDatabase, type SqliteStatement } from 'kysely';
import type { SqliteDatabase } from '../../electron/core/db/open';
import type { Database } from '../../electron/core/db/schema';
import { withStatementCache } from '../../electron/core/db/statement-cache';

/**
 * Kyselys over a connection the benchmark owns (their `destroy` leaves it open). `reuse` is the app's own driver set-up
 * (createKysely: prepared statements kept); `afresh` prepares every query anew, as Kysely's SQLite driver does by
 * itself — the comparison that shows what keeping them saves. `onCommit` times each COMMIT statement.
 */
export function kyselyOnConnection(
  sqlite: SqliteDatabase,
  statements: 'reuse' | 'afresh',
  onCommit?: (ms: number) => void,
): Kysely<Database> {
  const cache = statements === 'reuse' ? withStatementCache(sqlite) : undefined;
  const prepare = (text: string): SqliteStatement => (cache ? cache.prepare(text) : (sqlite.prepare(text) as unknown as SqliteStatement));
  const database: KyselySqliteDatabase = {
    close: () => undefined, // the caller closes the connection itself
    prepare: (text: string) => {
      const statement = prepare(text);
      if (!onCommit || text.trim().toLowerCase() !== 'commit') return statement;
      return {
        reader: statement.reader,
        all: (parameters) => statement.all(parameters),
        iterate: (parameters) => statement.iterate(parameters),
        run: (parameters) => {
          const start = performance.now();
          try {
            return statement.run(parameters);
          } finally {
            onCommit(performance.now() - start);
          }
        },
      };
    },
  };
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
