import { sql, type Kysely } from 'kysely';

/**
 * The patient search index (electron/core/patients/search keeps it in step, inside each write's transaction).
 * Every table here is derived from `patient` and can be rebuilt from it (rebuildPatientSearch); all are named
 * `patient_search*`, so a merge never mistakes them for a patient's linked records.
 * Frozen in time: migrations take Kysely<any> and never import app code. 0006 and 0007 ship together, so there are
 * no patient rows to backfill.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // One row per searchable (not merged) patient: what a search result and the duplicate check need, so neither
  // reads the wide patient rows; and the folded name fields as indexed. doc_id is the FTS rowid.
  await db.schema
    .createTable('patient_search_doc')
    .addColumn('doc_id', 'integer', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().unique().references('patient.id'))
    .addColumn('mrn', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('middle_name', 'text')
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('suffix', 'text')
    .addColumn('preferred_name', 'text')
    .addColumn('date_of_birth', 'text', (c) => c.notNull())
    // The phone a result shows (the preferred one, else the first), E.164.
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    // The street address folded for comparison ("123 n main st"), and the five-digit ZIP code.
    .addColumn('address_key', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('first', 'text', (c) => c.notNull())
    .addColumn('middle', 'text', (c) => c.notNull())
    .addColumn('last', 'text', (c) => c.notNull())
    .addColumn('preferred', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patient_search_doc_dob').on('patient_search_doc').column('date_of_birth').execute();
  await db.schema.createIndex('patient_search_doc_email').on('patient_search_doc').column('email').execute();

  // SQLite-specific: the word index over the folded name fields (contentless: the words live in patient_search_doc).
  // Prefix indexes for 1-3 letters keep "j", "jo", "smi" fast while the desk is still typing.
  await sql`CREATE VIRTUAL TABLE patient_search USING fts5(
    first, middle, last, preferred,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
  )`.execute(db);

  // The vocabulary of name words, with how many patients use each, and every word's one-deletion variants
  // (SymSpell): typo candidates are equality lookups on `variant`.
  await db.schema
    .createTable('patient_search_term')
    .addColumn('term', 'text', (c) => c.primaryKey())
    .addColumn('doc_count', 'integer', (c) => c.notNull())
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await db.schema
    .createTable('patient_search_variant')
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('patient_search_variant_pk', ['variant', 'term'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();

  // Every phone number of a searchable patient, as digits and reversed digits: "ends with these digits" (last four,
  // seven, ten) is a prefix range on an index.
  await db.schema
    .createTable('patient_search_phone')
    .addColumn('doc_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('digits', 'text', (c) => c.notNull())
    .addColumn('reversed', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('patient_search_phone_pk', ['doc_id', 'kind'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await db.schema.createIndex('patient_search_phone_reversed').on('patient_search_phone').column('reversed').execute();
}
