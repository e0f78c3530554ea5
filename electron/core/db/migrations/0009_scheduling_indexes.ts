import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the appointment book's hot reads, measured on the heavy benchmark tier (50,000 patients, 1,000,000
 * appointments; docs/PERFORMANCE.md, docs/DECISIONS.md "Scheduling performance"). On an encrypted database every
 * page read from disk is decrypted, so the aim is fewer pages per read: indexes that answer a read on their own.
 * Frozen in time: migrations take Kysely<any> and never import app code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The names the book shows with each appointment (day, week, a patient's visits, conflict messages): one probe of
  // this narrow index per row instead of the primary key's index plus the wide patient row. The book's queries name
  // it (INDEXED BY): without statistics (no ANALYZE) SQLite prefers the primary key.
  await sql`CREATE INDEX patient_book_names ON patient (id, first_name, last_name, mrn)`.execute(db);

  // The overlap checks and find-open-slots read start_at, busy_until and status over a short range per provider and
  // per room: with the two in the index (same names, same partial predicate, the old columns still first), those reads
  // never touch the table, and the checks fetch the table row only of an appointment that really overlaps.
  await sql`DROP INDEX appointment_provider_start`.execute(db);
  await sql`CREATE INDEX appointment_provider_start ON appointment (provider_id, start_at, busy_until, status) WHERE status <> 'cancelled'`.execute(db);
  await sql`DROP INDEX appointment_room_start`.execute(db);
  await sql`CREATE INDEX appointment_room_start ON appointment (room_id, start_at, busy_until, status) WHERE room_id IS NOT NULL AND status <> 'cancelled'`.execute(db);

  // The last reminder call of an appointment (latest `at`, then `id`) straight from the index, without a sort.
  await sql`DROP INDEX appointment_reminder_appointment`.execute(db);
  await sql`CREATE INDEX appointment_reminder_appointment ON appointment_reminder (appointment_id, at, id)`.execute(db);

  // The book by time with every column a view shows (not the bookkeeping ones): a day's appointments are then a few
  // adjacent index pages instead of one table page each (appointments are stored in the order they were booked, so a
  // day's rows are spread over months of the table). Replaces appointment_start (start_at alone), whose uses (day
  // view, month counts, reminder list, check-in board) all begin with start_at. Roughly 250 MB per million appointments.
  await sql`DROP INDEX appointment_start`.execute(db);
  await sql`
    CREATE INDEX appointment_book ON appointment (
      start_at, id, patient_id, provider_id, room_id, type_id, series_id, series_index, series_exception, end_at, buffer_after_min,
      status, status_at, overbook_reason, override_reason, visit_reason, notes, telehealth_link, cancel_reason, cancel_note)`.execute(db);
}
