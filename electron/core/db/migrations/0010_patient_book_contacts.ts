import { sql, type Kysely } from 'kysely';

/**
 * The day view's appointments carry each patient's date of birth and the phone to call (the day sheet prints them),
 * read in the book's one statement. patient_book_names (0009) answered the patient join on its own for the names; with
 * the new columns SQLite would read the wide patient row of every appointment, about doubling the day view on the
 * heavy benchmark tier. The index is widened under the same name (the book's queries name it with INDEXED BY), so the
 * join is again one probe of a narrow index per row. About 45 bytes more per patient.
 * Frozen in time: migrations take Kysely<any> and never import app code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX patient_book_names`.execute(db);
  await sql`
    CREATE INDEX patient_book_names ON patient (
      id, first_name, last_name, mrn, date_of_birth, preferred_phone, phone_mobile, phone_home, phone_work)`.execute(db);
}
