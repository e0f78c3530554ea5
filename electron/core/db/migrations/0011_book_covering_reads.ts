import { sql, type Kysely } from 'kysely';

/**
 * The book's reads from indexes alone, measured on the heavy benchmark tier (docs/PERFORMANCE.md). On an encrypted
 * database each page read from disk is decrypted, so a read that probes scattered pages is what costs.
 *
 * 1. Each appointment carries its last reminder call (outcome, when, by whom), written in the same transaction as the
 *    call itself (appointment_reminder keeps every call). Reading it from appointment_reminder meant one probe of that
 *    index per appointment, scattered over the whole index: away from today, the largest part of a day view. With the
 *    three columns in appointment_book a day is again a few adjacent index pages. "Last" is the latest `at`, then the
 *    greatest `id`, as the book has always read it.
 * 2. appointment_provider_start carries every column a view shows, after the columns it had (the overlap checks and
 *    the slot finder read only those): a provider's week was one table row per visit, scattered over months of the
 *    table (p50 5.8 ms away from today), and is now a few adjacent pages of this index (0.6 ms). Same name and partial
 *    predicate. About 8 % more file.
 * Frozen in time: migrations take Kysely<any> and never import app code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE appointment ADD COLUMN reminder_outcome TEXT
    CHECK (reminder_outcome IN ('called', 'confirmed', 'left_message', 'no_answer', 'wrong_number'))`.execute(db);
  await sql`ALTER TABLE appointment ADD COLUMN reminder_at INTEGER`.execute(db);
  await sql`ALTER TABLE appointment ADD COLUMN reminder_by TEXT`.execute(db);
  await sql`
    UPDATE appointment AS a
    SET (reminder_outcome, reminder_at, reminder_by) = (
      SELECT m.outcome, m.at, m.by FROM appointment_reminder AS m
      WHERE m.appointment_id = a.id ORDER BY m.at DESC, m.id DESC LIMIT 1)
    WHERE a.id IN (SELECT appointment_id FROM appointment_reminder)`.execute(db);

  await sql`DROP INDEX appointment_book`.execute(db);
  await sql`
    CREATE INDEX appointment_book ON appointment (
      start_at, id, patient_id, provider_id, room_id, type_id, series_id, series_index, series_exception, end_at, buffer_after_min,
      status, status_at, overbook_reason, override_reason, visit_reason, notes, telehealth_link, cancel_reason, cancel_note,
      reminder_outcome, reminder_at, reminder_by)`.execute(db);

  await sql`DROP INDEX appointment_provider_start`.execute(db);
  await sql`
    CREATE INDEX appointment_provider_start ON appointment (
      provider_id, start_at, busy_until, status, id, patient_id, room_id, type_id, series_id, series_index, series_exception, end_at,
      buffer_after_min, status_at, overbook_reason, override_reason, visit_reason, notes, telehealth_link, cancel_reason, cancel_note,
      reminder_outcome, reminder_at, reminder_by)
    WHERE status <> 'cancelled'`.execute(db);
}
