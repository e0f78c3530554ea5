import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/db/clinic-database';
import { createKysely } from '../../electron/core/db/migrate';
import { openEncryptedDatabase, type SqliteDatabase } from '../../electron/core/db/open';
import { withStatementCache } from '../../electron/core/db/statement-cache';
import { randomDatabaseKey } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

const folders: TempDataDir[] = [];
const connections: SqliteDatabase[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) if (c.open) c.close();
  for (const dir of folders.splice(0)) dir.remove();
});

function openScratch(): SqliteDatabase {
  const dir = createTempDataDir();
  folders.push(dir);
  const sqlite = openEncryptedDatabase(dir.file(DATABASE_FILE), randomDatabaseKey(), { create: true });
  connections.push(sqlite);
  sqlite.exec('CREATE TABLE visit (id INTEGER PRIMARY KEY, reason TEXT NOT NULL)');
  return sqlite;
}

describe('the app’s Kysely reuses prepared statements safely', () => {
  it('answers a repeated query with the rows as they are now, not as they were when it was first prepared', async () => {
    const sqlite = openScratch();
    const db = createKysely(sqlite);
    const reasons = () => sql<{ reason: string }>`SELECT reason FROM visit ORDER BY id`.execute(db).then((r) => r.rows.map((row) => row.reason));
    expect(await reasons()).toEqual([]);
    await sql`INSERT INTO visit (reason) VALUES (${'Flu shot'})`.execute(db);
    await sql`INSERT INTO visit (reason) VALUES (${'Physical'})`.execute(db);
    expect(await reasons()).toEqual(['Flu shot', 'Physical']);
  });

  it('sees a column added after a statement was kept (a migration or a restore between two uses)', async () => {
    const sqlite = openScratch();
    const db = createKysely(sqlite);
    await sql`INSERT INTO visit (reason) VALUES ('Follow-up')`.execute(db);
    const all = () => sql<Record<string, unknown>>`SELECT * FROM visit`.execute(db).then((r) => r.rows);
    expect(await all()).toEqual([{ id: 1, reason: 'Follow-up' }]);
    await sql`ALTER TABLE visit ADD COLUMN room TEXT NOT NULL DEFAULT 'Room 2'`.execute(db);
    expect(await all()).toEqual([{ id: 1, reason: 'Follow-up', room: 'Room 2' }]);
  });

  it('hands out a fresh statement while the kept one is still being read, and rolls back with the transaction', async () => {
    const sqlite = openScratch();
    const database = withStatementCache(sqlite);
    database.prepare('INSERT INTO visit (reason) VALUES (?)').run(['Lab draw']);
    database.prepare('INSERT INTO visit (reason) VALUES (?)').run(['Therapy']);
    const text = 'SELECT reason FROM visit ORDER BY id';
    const outer = database.prepare(text).iterate([]);
    const first = outer.next();
    // The same SQL again while the first read is open: a kept statement would throw "busy".
    expect(database.prepare(text).all([])).toEqual([{ reason: 'Lab draw' }, { reason: 'Therapy' }]);
    expect(first.value).toEqual({ reason: 'Lab draw' });
    expect(outer.next().value).toEqual({ reason: 'Therapy' });
    expect(outer.next().done).toBe(true);

    const db = createKysely(sqlite);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`INSERT INTO visit (reason) VALUES ('Never saved')`.execute(trx);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(sqlite.prepare('SELECT count(*) AS n FROM visit').get()).toEqual({ n: 2 });
  });

  it('keeps at most its capacity, dropping the least recently used, and still answers every query', () => {
    const sqlite = openScratch();
    const prepared: string[] = [];
    const counting = new Proxy(sqlite, {
      get(target, property) {
        if (property === 'prepare') return (text: string) => (prepared.push(text), target.prepare(text));
        const value = Reflect.get(target, property) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const database = withStatementCache(counting, 3);
    const query = (n: number) => database.prepare(`SELECT ${n} AS n`).all([]);
    for (const n of [1, 2, 3, 1, 4, 1, 2]) expect(query(n)).toEqual([{ n }]);
    // 1, 2, 3 prepared; 1 kept; 4 pushes out 2 (least recently used); 1 kept; 2 prepared again.
    expect(prepared).toEqual(['SELECT 1 AS n', 'SELECT 2 AS n', 'SELECT 3 AS n', 'SELECT 4 AS n', 'SELECT 2 AS n']);
  });

  it('closes the connection with Kysely, as before', async () => {
    const sqlite = openScratch();
    const db = createKysely(sqlite);
    await sql`SELECT 1`.execute(db);
    await db.destroy();
    expect(sqlite.open).toBe(false);
  });
});
