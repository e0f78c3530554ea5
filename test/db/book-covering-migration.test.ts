import { afterEach, describe, expect, it } from 'vitest';
import { snapshotAllTables } from '../support/db-snapshot';
import { databaseMigratedTo, openedByThisVersion, removeMigratedDatabases } from '../support/migration-db';

afterEach(removeMigratedDatabases);

const id = (n: number) => `0192f0c4-0000-7000-8000-${String(n).padStart(12, '0')}`;

describe('migration 0011_book_covering_reads', () => {
  it('gives every appointment its last reminder call (latest time, then id) and leaves every other row as it was', async () => {
    const old = await databaseMigratedTo('0010_patient_book_contacts');
    const { sqlite } = old;

    // A clinic as 0010 left it: three appointments, the first called three times (two calls at the same minute), the
    // second once, the third never. Rows are written raw: only the migration is under test.
    sqlite.pragma('foreign_keys=OFF');
    const staff = sqlite.prepare("INSERT INTO staff_user (id, username, full_name, role, created_at, updated_at) VALUES (?, ?, ?, 'front_desk', 1, 1)");
    staff.run(id(1), 'akim', 'Ana Kim');
    staff.run(id(2), 'bcho', 'Ben Cho');
    const appointment = sqlite.prepare(
      `INSERT INTO appointment (id, patient_id, provider_id, type_id, start_at, end_at, busy_until, status, status_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'booked', 1, 1, 1)`,
    );
    for (const n of [10, 11, 12]) appointment.run(id(n), id(100), id(200), id(300), n * 1_000_000, n * 1_000_000 + 900_000, n * 1_000_000 + 900_000);
    const call = sqlite.prepare('INSERT INTO appointment_reminder (id, appointment_id, outcome, note, at, by) VALUES (?, ?, ?, ?, ?, ?)');
    call.run(id(20), id(10), 'no_answer', null, 5_000, id(1));
    call.run(id(22), id(10), 'confirmed', 'Will come', 9_000, id(2)); // same time as the next, greater id: the last
    call.run(id(21), id(10), 'left_message', null, 9_000, id(1));
    call.run(id(23), id(11), 'left_message', null, 7_000, null);
    sqlite.pragma('foreign_keys=ON');
    const { before, database } = await openedByThisVersion(old);
    try {
      const after = snapshotAllTables(database.sqlite);
      for (const table of Object.keys(before).filter((t) => t !== 'appointment' && t !== 'kysely_migration')) expect(after[table], table).toEqual(before[table]);
      const carried = database.sqlite.prepare('SELECT id, reminder_outcome, reminder_at, reminder_by FROM appointment ORDER BY id').all();
      expect(carried).toEqual([
        { id: id(10), reminder_outcome: 'confirmed', reminder_at: 9_000, reminder_by: id(2) },
        { id: id(11), reminder_outcome: 'left_message', reminder_at: 7_000, reminder_by: null },
        { id: id(12), reminder_outcome: null, reminder_at: null, reminder_by: null },
      ]);
      // Apart from the three new columns, the appointments are as they were.
      // (The snapshot holds each row as JSON text.)
      const strip = (rows: readonly string[] | undefined) =>
        (rows ?? []).map((row) => {
          const { reminder_outcome: _o, reminder_at: _a, reminder_by: _b, ...rest } = JSON.parse(row) as Record<string, unknown>;
          return JSON.stringify(rest);
        });
      expect(strip(after['appointment'])).toEqual(before['appointment']);
      // The book's index carries them, so a day is read from the index alone.
      const columns = (index: string) => database.sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index) as string[];
      expect(columns('appointment_book').slice(-3)).toEqual(['reminder_outcome', 'reminder_at', 'reminder_by']);
      // The provider's index keeps its leading columns (the overlap checks') and its predicate, and now covers a view.
      expect(columns('appointment_provider_start').slice(0, 4)).toEqual(['provider_id', 'start_at', 'busy_until', 'status']);
      const viewColumns = database.sqlite.prepare("SELECT name FROM pragma_table_info('appointment') WHERE name NOT IN ('created_at', 'created_by', 'updated_at', 'updated_by')").pluck().all() as string[];
      expect([...columns('appointment_provider_start')].sort()).toEqual([...viewColumns].sort());
      const predicate = database.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'appointment_provider_start'").pluck().get() as string;
      expect(predicate).toMatch(/WHERE status <> 'cancelled'$/);
      expect(() => database.sqlite.prepare("UPDATE appointment SET reminder_outcome = 'maybe' WHERE id = ?").run(id(12))).toThrow(/CHECK constraint/);
    } finally {
      await database.close();
    }
  });
});
