import { sql, type Kysely } from 'kysely';

/**
 * How a waitlist entry left the list. `active` alone could not tell the desk whether the patient got their earlier
 * slot or someone took them off ("did Mrs X get her earlier slot or did someone just drop her?").
 *
 * - closed_reason: 'booked' (a booking was made from the entry, in the booking's transaction) or 'removed' (staff took
 *   it off the waitlist); NULL while the entry is open.
 * - closed_at / closed_by: when and by which staff account (no foreign key, like every other *_by column: staff are
 *   never deleted).
 * - booked_appointment_id: the appointment booked from it (the first one of a series), referencing appointment.id like
 *   the other links to appointments in 0008; appointments are never deleted (cancelled instead). NULL for 'removed'.
 *
 * Entries already inactive before this migration keep closed_reason NULL (and the other three NULL): how they were
 * closed was never recorded, so the desk is told it is unknown rather than given a guess. No data is rewritten.
 * Frozen in time: migrations take Kysely<any> and never import app code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE waitlist_entry ADD COLUMN closed_reason TEXT CHECK (closed_reason IN ('booked', 'removed'))`.execute(db);
  await sql`ALTER TABLE waitlist_entry ADD COLUMN closed_at INTEGER`.execute(db);
  await sql`ALTER TABLE waitlist_entry ADD COLUMN closed_by TEXT`.execute(db);
  await sql`ALTER TABLE waitlist_entry ADD COLUMN booked_appointment_id TEXT REFERENCES appointment (id)`.execute(db);
}
