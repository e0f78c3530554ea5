import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // MRNs come from an AUTOINCREMENT sequence, so a number is never handed out twice, even after deletes.
  await db.schema.createTable('mrn_sequence').addColumn('n', 'integer', (c) => c.primaryKey().autoIncrement()).addColumn('issued_at', 'integer', (c) => c.notNull()).execute();

  await db.schema
    .createTable('patient')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mrn', 'text', (c) => c.notNull().unique())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('middle_name', 'text')
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('suffix', 'text')
    .addColumn('preferred_name', 'text')
    .addColumn('date_of_birth', 'text', (c) => c.notNull())
    .addColumn('sex_at_birth', 'text', (c) => c.notNull().check(sql`sex_at_birth IN ('female', 'male', 'intersex', 'unknown')`))
    .addColumn('gender_identity', 'text')
    .addColumn('pronouns', 'text')
    .addColumn('phone_mobile', 'text')
    .addColumn('phone_home', 'text')
    .addColumn('phone_work', 'text')
    .addColumn('preferred_phone', 'text', (c) => c.check(sql`preferred_phone IN ('mobile', 'home', 'work')`))
    .addColumn('text_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email', 'text')
    .addColumn('email_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('address_line1', 'text')
    .addColumn('address_line2', 'text')
    .addColumn('city', 'text')
    .addColumn('state', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('preferred_language', 'text')
    .addColumn('interpreter_needed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('preferred_contact_method', 'text', (c) => c.check(sql`preferred_contact_method IN ('phone', 'text', 'email', 'mail')`))
    .addColumn('preferred_contact_times', 'text')
    .addColumn('emergency_contact_name', 'text')
    .addColumn('emergency_contact_relationship', 'text')
    .addColumn('emergency_contact_phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status IN ('active', 'inactive', 'deceased')`))
    // Set when this record was merged into another: it stays (nothing is lost) but search and lists skip it.
    .addColumn('merged_into', 'text', (c) => c.references('patient.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('patient_dob').on('patient').column('date_of_birth').execute();
  await db.schema.createIndex('patient_last_first').on('patient').columns(['last_name', 'first_name']).execute();

  // A merged record's MRN stays findable: it points at the surviving record.
  await db.schema
    .createTable('patient_mrn_alias')
    .addColumn('mrn', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  // Every change to a patient's fields: who, which field, from what, to what, when.
  await db.schema
    .createTable('patient_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('changed_at', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .execute();
  await db.schema.createIndex('patient_change_patient').on('patient_change').columns(['patient_id', 'changed_at']).execute();

  // Family and caregivers, with what the patient has authorized the desk to share with each.
  await db.schema
    .createTable('related_person')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('share_appointments', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('share_billing', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('share_clinical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('authorized_from', 'text')
    .addColumn('authorized_until', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('related_person_patient').on('related_person').column('patient_id').execute();
}
