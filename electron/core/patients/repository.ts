import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { PatientFields, RelatedPersonFields } from '../../../shared/patients/schemas';
import type { Database, NewPatientRow, PatientRow, PatientTable, RelatedPersonTable } from '../db/schema';

/**
 * Patient rows in and out of the database. Row types (0/1 integers, snake_case) stay here; the service works with
 * the shared domain types (booleans, camelCase).
 */

export type RelatedPersonRow = Selectable<RelatedPersonTable>;

/** "CD-000123": the clinic's prefix and six digits (more once a clinic passes 999,999 registrations). */
export function formatMrn(n: number): string {
  return `CD-${String(n).padStart(6, '0')}`;
}

/**
 * The next MRN. mrn_sequence is AUTOINCREMENT, so a number once committed is never handed out again, even if rows
 * were removed; a rolled-back registration gives its number back, but nobody ever saw it.
 */
export async function issueMrn(trx: Kysely<Database>, at: number): Promise<string> {
  const row = await trx.insertInto('mrn_sequence').values({ issued_at: at }).returning('n').executeTakeFirstOrThrow();
  return formatMrn(row.n);
}

/** "Smith, John Q Jr": how the desk reads a name back on the phone. */
export function patientDisplayName(row: Pick<PatientRow, 'first_name' | 'middle_name' | 'last_name' | 'suffix'>): string {
  const given = [row.first_name, row.middle_name, row.suffix].filter((part): part is string => Boolean(part)).join(' ');
  return `${row.last_name}, ${given}`;
}

// ── Fields ↔ columns ──────────────────────────────────────────────────────────────────────────────────────────

type FieldName = keyof PatientFields;
const BOOLEAN_FIELDS = new Set<FieldName>(['textConsent', 'emailConsent', 'interpreterNeeded']);

/** Every editable field of a patient and its column: the one list the diff, the insert and the page agree on. */
export const PATIENT_FIELD_COLUMNS = {
  firstName: 'first_name',
  middleName: 'middle_name',
  lastName: 'last_name',
  suffix: 'suffix',
  preferredName: 'preferred_name',
  dateOfBirth: 'date_of_birth',
  sexAtBirth: 'sex_at_birth',
  genderIdentity: 'gender_identity',
  pronouns: 'pronouns',
  phoneMobile: 'phone_mobile',
  phoneHome: 'phone_home',
  phoneWork: 'phone_work',
  preferredPhone: 'preferred_phone',
  textConsent: 'text_consent',
  email: 'email',
  emailConsent: 'email_consent',
  addressLine1: 'address_line1',
  addressLine2: 'address_line2',
  city: 'city',
  state: 'state',
  postalCode: 'postal_code',
  preferredLanguage: 'preferred_language',
  interpreterNeeded: 'interpreter_needed',
  preferredContactMethod: 'preferred_contact_method',
  preferredContactTimes: 'preferred_contact_times',
  emergencyContactName: 'emergency_contact_name',
  emergencyContactRelationship: 'emergency_contact_relationship',
  emergencyContactPhone: 'emergency_contact_phone',
  status: 'status',
} as const satisfies { [K in FieldName]: keyof PatientTable };

export const PATIENT_FIELD_NAMES = Object.keys(PATIENT_FIELD_COLUMNS) as FieldName[];

/** The patient's fields as the app uses them (booleans, not 0/1). */
export function patientFieldsOf(row: PatientRow): PatientFields {
  const fields: Record<string, unknown> = {};
  for (const name of PATIENT_FIELD_NAMES) {
    const value = row[PATIENT_FIELD_COLUMNS[name]];
    fields[name] = BOOLEAN_FIELDS.has(name) ? value === 1 : value;
  }
  return fields as PatientFields;
}

/** Columns for the given fields, for an update. */
export function patientColumnsOf(fields: PatientFields, names: readonly FieldName[]): Updateable<PatientTable> {
  const columns: Record<string, unknown> = {};
  for (const name of names) {
    const value = fields[name];
    columns[PATIENT_FIELD_COLUMNS[name]] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  }
  return columns as Updateable<PatientTable>;
}

/** A field's value as history text: strings as they are, booleans as 'true'/'false', empty as null. */
export function historyText(value: string | boolean | null): string | null {
  if (value === null) return null;
  return typeof value === 'boolean' ? String(value) : value;
}

// ── Patients ──────────────────────────────────────────────────────────────────────────────────────────────────

type PatientStamp = Pick<NewPatientRow, 'id' | 'mrn' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by'>;

/** A new patient row from the registration fields and who, when and which MRN. */
export async function insertPatient(trx: Kysely<Database>, fields: PatientFields, stamp: PatientStamp): Promise<void> {
  const row: NewPatientRow = {
    ...stamp,
    first_name: fields.firstName,
    middle_name: fields.middleName,
    last_name: fields.lastName,
    suffix: fields.suffix,
    preferred_name: fields.preferredName,
    date_of_birth: fields.dateOfBirth,
    sex_at_birth: fields.sexAtBirth,
    gender_identity: fields.genderIdentity,
    pronouns: fields.pronouns,
    phone_mobile: fields.phoneMobile,
    phone_home: fields.phoneHome,
    phone_work: fields.phoneWork,
    preferred_phone: fields.preferredPhone,
    text_consent: fields.textConsent ? 1 : 0,
    email: fields.email,
    email_consent: fields.emailConsent ? 1 : 0,
    address_line1: fields.addressLine1,
    address_line2: fields.addressLine2,
    city: fields.city,
    state: fields.state,
    postal_code: fields.postalCode,
    preferred_language: fields.preferredLanguage,
    interpreter_needed: fields.interpreterNeeded ? 1 : 0,
    preferred_contact_method: fields.preferredContactMethod,
    preferred_contact_times: fields.preferredContactTimes,
    emergency_contact_name: fields.emergencyContactName,
    emergency_contact_relationship: fields.emergencyContactRelationship,
    emergency_contact_phone: fields.emergencyContactPhone,
    status: fields.status,
    merged_into: null,
  };
  await trx.insertInto('patient').values(row).execute();
}

export async function findPatientById(db: Kysely<Database>, id: string): Promise<PatientRow | undefined> {
  return db.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The record an MRN leads to today: its own record, or for a merged record's MRN (an alias) the survivor.
 * Case-insensitive, so "cd-000123" finds "CD-000123".
 */
export async function findPatientByMrn(db: Kysely<Database>, mrn: string): Promise<{ patient: PatientRow; viaAlias: boolean } | undefined> {
  const wanted = mrn.trim().toUpperCase();
  const own = await db.selectFrom('patient').selectAll().where('mrn', '=', wanted).where('merged_into', 'is', null).executeTakeFirst();
  if (own) return { patient: own, viaAlias: false };
  const alias = await db
    .selectFrom('patient_mrn_alias')
    .innerJoin('patient', 'patient.id', 'patient_mrn_alias.patient_id')
    .selectAll('patient')
    .where('patient_mrn_alias.mrn', '=', wanted)
    .executeTakeFirst();
  if (!alias) return undefined;
  return { patient: await followMerges(db, alias), viaAlias: true };
}

/** A merged record points at its survivor; a survivor that was later merged again points further on. */
export async function followMerges(db: Kysely<Database>, row: PatientRow): Promise<PatientRow> {
  let current = row;
  for (let hop = 0; current.merged_into !== null && hop < 20; hop++) {
    const next = await findPatientById(db, current.merged_into);
    if (!next) break;
    current = next;
  }
  return current;
}

export async function mrnAliasesOf(db: Kysely<Database>, patientId: string): Promise<string[]> {
  const rows = await db.selectFrom('patient_mrn_alias').select('mrn').where('patient_id', '=', patientId).orderBy('created_at').orderBy('mrn').execute();
  return rows.map((row) => row.mrn);
}

export interface PatientChangeEntry {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export async function insertPatientChanges(
  trx: Kysely<Database>,
  patientId: string,
  changes: readonly PatientChangeEntry[],
  at: number,
  by: string | null,
  newId: () => string,
): Promise<void> {
  if (changes.length === 0) return;
  await trx
    .insertInto('patient_change')
    .values(changes.map((c) => ({ id: newId(), patient_id: patientId, field: c.field, old_value: c.oldValue, new_value: c.newValue, changed_at: at, changed_by: by })))
    .execute();
}

/** The history, newest first (one save's fields in the order they were written), with the staff member's name. */
export async function patientHistory(db: Kysely<Database>, patientId: string) {
  return db
    .selectFrom('patient_change')
    .leftJoin('staff_user', 'staff_user.id', 'patient_change.changed_by')
    .select(['patient_change.field', 'patient_change.old_value', 'patient_change.new_value', 'patient_change.changed_at', 'staff_user.full_name'])
    .where('patient_change.patient_id', '=', patientId)
    .orderBy('patient_change.changed_at', 'desc')
    .orderBy('patient_change.id', 'asc')
    .execute();
}

// ── Related people ────────────────────────────────────────────────────────────────────────────────────────────

export async function relatedPeopleOf(db: Kysely<Database>, patientId: string): Promise<RelatedPersonRow[]> {
  return db.selectFrom('related_person').selectAll().where('patient_id', '=', patientId).orderBy('created_at').orderBy('id').execute();
}

export async function findRelatedPerson(db: Kysely<Database>, patientId: string, id: string): Promise<RelatedPersonRow | undefined> {
  return db.selectFrom('related_person').selectAll().where('id', '=', id).where('patient_id', '=', patientId).executeTakeFirst();
}

export const RELATED_PERSON_COLUMNS = {
  name: 'name',
  relationship: 'relationship',
  phone: 'phone',
  shareAppointments: 'share_appointments',
  shareBilling: 'share_billing',
  shareClinical: 'share_clinical',
  authorizedFrom: 'authorized_from',
  authorizedUntil: 'authorized_until',
} as const satisfies { [K in keyof RelatedPersonFields]: keyof RelatedPersonTable };

export function relatedPersonFieldsOf(row: RelatedPersonRow): RelatedPersonFields {
  return {
    name: row.name,
    relationship: row.relationship,
    phone: row.phone,
    shareAppointments: row.share_appointments === 1,
    shareBilling: row.share_billing === 1,
    shareClinical: row.share_clinical === 1,
    authorizedFrom: row.authorized_from,
    authorizedUntil: row.authorized_until,
  };
}

export function relatedPersonColumnsOf(person: RelatedPersonFields) {
  return {
    name: person.name,
    relationship: person.relationship,
    phone: person.phone,
    share_appointments: person.shareAppointments ? 1 : 0,
    share_billing: person.shareBilling ? 1 : 0,
    share_clinical: person.shareClinical ? 1 : 0,
    authorized_from: person.authorizedFrom,
    authorized_until: person.authorizedUntil,
  };
}

// ── Merge support ─────────────────────────────────────────────────────────────────────────────────────────────

/** Tables whose patient_id is never rewritten: the audit trail is append-only and keeps the id as it was. */
const NEVER_MOVED = new Set(['audit_event']);
/** The search module's derived tables (migration 0007): rebuilt from `patient` by syncPatientSearch, never moved. */
const SEARCH_INDEX_PREFIX = 'patient_search';

/**
 * Every table that links rows to a patient through a `patient_id` column, found in the schema itself so tables added
 * later (appointments, intake, insurance...) move with a merge without anyone remembering to list them here.
 * Left out: the audit trail, the search index (`patient_search*`, and any virtual table such as FTS5 with its shadow
 * tables), which syncPatientSearch keeps in step itself. SQLite-specific (sqlite_master, pragma_table_info); a PostgreSQL backend would ask
 * information_schema.columns the same question.
 */
export async function tablesLinkedToPatients(db: Kysely<Database>): Promise<string[]> {
  const tables = await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db);
  const virtual = tables.rows.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? '')).map((t) => t.name);
  const linked = await sql<{ name: string }>`
    SELECT m.name AS name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c
    WHERE m.type = 'table' AND c.name = 'patient_id' ORDER BY m.name`.execute(db);
  return linked.rows
    .map((row) => row.name)
    .filter((name) => !NEVER_MOVED.has(name) && !name.startsWith('sqlite_') && !name.startsWith(SEARCH_INDEX_PREFIX))
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

/** Points every row of one table from one patient to another; returns how many rows moved. */
export async function movePatientRows(trx: Kysely<Database>, table: string, fromId: string, toId: string): Promise<number> {
  const result = await sql`UPDATE ${sql.table(table)} SET patient_id = ${toId} WHERE patient_id = ${fromId}`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}
