import type { SqliteDatabase } from '../../electron/core/db/open';

/**
 * Every row of every table (found through sqlite_master), each row serialised and the rows sorted,
 * so two snapshots are equal exactly when no row was added, removed or changed.
 */
export function snapshotAllTables(sqlite: SqliteDatabase): Record<string, string[]> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const snapshot: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).all();
    snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return snapshot;
}
