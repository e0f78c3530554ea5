import { afterEach, describe, expect, it } from 'vitest';
import { snapshotAllTables } from '../support/db-snapshot';
import { databaseMigratedTo, openedByThisVersion, removeMigratedDatabases } from '../support/migration-db';

afterEach(removeMigratedDatabases);

const id = (n: number) => `0192f0c4-0000-7000-8000-${String(n).padStart(12, '0')}`;
const NEW_COLUMNS = ['closed_reason', 'closed_at', 'closed_by', 'booked_appointment_id'];

describe('migration 0012_waitlist_outcome', () => {
  it('adds how an entry left the list; entries closed before it keep an unknown outcome, and no row changes', async () => {
    const old = await databaseMigratedTo('0011_book_covering_reads');
    const { sqlite } = old;

    // A clinic as 0011 left it: one open entry, two closed ones (one booked, one removed: 0011 could not tell which).
    // Rows are written raw: only the migration is under test.
    sqlite.pragma('foreign_keys=OFF');
    const entry = sqlite.prepare(
      `INSERT INTO waitlist_entry (id, patient_id, type_id, provider_ids, weekdays, time_windows, from_date, to_date, note, active, created_at, created_by, updated_at, updated_by)
       VALUES (?, ?, ?, '[]', '[2,4]', '[]', '2026-03-01', '2026-04-30', ?, ?, 1000, ?, ?, ?)`,
    );
    entry.run(id(1), id(100), id(300), 'Mornings only', 1, id(9), 1000, id(9));
    entry.run(id(2), id(101), id(300), null, 0, id(9), 5000, id(8));
    entry.run(id(3), id(102), id(300), null, 0, null, 6000, id(9));
    sqlite.prepare(
      `INSERT INTO appointment (id, patient_id, provider_id, type_id, start_at, end_at, busy_until, status, status_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, 1, 2, 2, 'booked', 1, 1, 1)`,
    ).run(id(10), id(101), id(200), id(300));
    sqlite.pragma('foreign_keys=ON');
    const { before, database } = await openedByThisVersion(old);
    try {
      const after = snapshotAllTables(database.sqlite);
      for (const table of Object.keys(before).filter((t) => t !== 'waitlist_entry' && t !== 'kysely_migration')) expect(after[table], table).toEqual(before[table]);
      const outcomes = database.sqlite.prepare(`SELECT id, active, ${NEW_COLUMNS.join(', ')} FROM waitlist_entry ORDER BY id`).all();
      expect(outcomes).toEqual([
        { id: id(1), active: 1, closed_reason: null, closed_at: null, closed_by: null, booked_appointment_id: null },
        { id: id(2), active: 0, closed_reason: null, closed_at: null, closed_by: null, booked_appointment_id: null },
        { id: id(3), active: 0, closed_reason: null, closed_at: null, closed_by: null, booked_appointment_id: null },
      ]);
      // Apart from the four new columns, every entry is as it was. (The snapshot holds each row as JSON text.)
      const strip = (rows: readonly string[] | undefined) =>
        (rows ?? []).map((row) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(row) as Record<string, unknown>).filter(([k]) => !NEW_COLUMNS.includes(k)))));
      expect(strip(after['waitlist_entry'])).toEqual(before['waitlist_entry']);

      // Only the two outcomes, and only an appointment that exists.
      const set = (column: string, value: string) => () => database.sqlite.prepare(`UPDATE waitlist_entry SET ${column} = ? WHERE id = ?`).run(value, id(2));
      expect(set('closed_reason', 'expired')).toThrow(/CHECK constraint/);
      expect(set('booked_appointment_id', id(99))).toThrow(/FOREIGN KEY constraint/);
      set('closed_reason', 'booked')();
      set('booked_appointment_id', id(10))();
      expect(database.sqlite.prepare('SELECT closed_reason, booked_appointment_id FROM waitlist_entry WHERE id = ?').get(id(2))).toEqual({ closed_reason: 'booked', booked_appointment_id: id(10) });
    } finally {
      await database.close();
    }
  });
});
