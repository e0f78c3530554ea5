import type { ColumnType, Generated, Selectable, Insertable, Updateable } from 'kysely';

/**
 * The one typed view of the database. Row types here describe what the tables hold;
 * services map them to the domain types in shared/.
 * Conventions: ids are UUIDv7 text, instants are UTC epoch milliseconds, calendar dates are YYYY-MM-DD text.
 */
export interface Database {
  app_meta: AppMetaTable;
  staff_user: StaffUserTable;
  audit_event: AuditEventTable;
  staff_pin: StaffPinTable;
  form_draft: FormDraftTable;
  mrn_sequence: MrnSequenceTable;
  patient: PatientTable;
  patient_mrn_alias: PatientMrnAliasTable;
  patient_change: PatientChangeTable;
  related_person: RelatedPersonTable;
  patient_search_doc: PatientSearchDocTable;
  patient_search_term: PatientSearchTermTable;
  patient_search_variant: PatientSearchVariantTable;
  patient_search_phone: PatientSearchPhoneTable;
  provider: ProviderTable;
  room: RoomTable;
  provider_hours: ProviderHoursTable;
  schedule_exception: ScheduleExceptionTable;
  appointment_type: AppointmentTypeTable;
  appointment_type_provider: AppointmentTypeProviderTable;
  appointment_series: AppointmentSeriesTable;
  appointment: AppointmentTable;
  appointment_change: AppointmentChangeTable;
  appointment_status_event: AppointmentStatusEventTable;
  appointment_reminder: AppointmentReminderTable;
  waitlist_entry: WaitlistEntryTable;
}

/** Small key/value facts about this database (clinic name, time zone, created-by version). */
export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: ColumnType<number, number, number>;
}

export type AppMetaRow = Selectable<AppMetaTable>;
export type NewAppMetaRow = Insertable<AppMetaTable>;
export type AppMetaUpdate = Updateable<AppMetaTable>;

/** A staff account. Never deleted (the audit trail keeps its name); deactivated instead. */
export interface StaffUserTable {
  id: string;
  /** Lower-case, unique. */
  username: string;
  full_name: string;
  role: 'admin' | 'coordinator' | 'front_desk' | 'read_only';
  status: ColumnType<'active' | 'inactive', 'active' | 'inactive' | undefined, 'active' | 'inactive'>;
  password_reset_required: ColumnType<number, number | undefined, number>;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}

export type StaffUserRow = Selectable<StaffUserTable>;
export type NewStaffUserRow = Insertable<StaffUserTable>;

/**
 * One audit trail entry. Append-only (database triggers refuse UPDATE and DELETE), so no column is updateable.
 * Written only through electron/core/audit (it computes seq, prev_hash and hash).
 */
type Appended<T> = ColumnType<T, T, never>;
export interface AuditEventTable {
  seq: Appended<number>;
  id: Appended<string>;
  at: Appended<number>;
  actor_user_id: Appended<string | null>;
  actor_name: Appended<string>;
  workstation: Appended<string>;
  action: Appended<string>;
  entity_type: Appended<string | null>;
  entity_id: Appended<string | null>;
  patient_id: Appended<string | null>;
  outcome: Appended<'success' | 'failure' | 'denied'>;
  /** Short JSON object: field names, counts, codes; never PHI values. */
  detail: Appended<string | null>;
  prev_hash: Appended<string>;
  hash: Appended<string>;
}

export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEventRow = Insertable<AuditEventTable>;

/** Quick-unlock PIN of one staff member (scrypt hash, base64). */
export interface StaffPinTable {
  user_id: string;
  salt: string;
  hash: string;
  set_at: number;
}

/** A form's unsaved values, kept for their owner only (JSON text). */
export interface FormDraftTable {
  user_id: string;
  form_key: string;
  data: string;
  saved_at: number;
}

export interface MrnSequenceTable {
  n: Generated<number>;
  issued_at: number;
}

/** A patient. Booleans are 0/1 integers; phones are E.164; date_of_birth is YYYY-MM-DD. */
export interface PatientTable {
  id: string;
  mrn: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  suffix: string | null;
  preferred_name: string | null;
  date_of_birth: string;
  sex_at_birth: 'female' | 'male' | 'intersex' | 'unknown';
  gender_identity: string | null;
  pronouns: string | null;
  phone_mobile: string | null;
  phone_home: string | null;
  phone_work: string | null;
  preferred_phone: 'mobile' | 'home' | 'work' | null;
  text_consent: ColumnType<number, number | undefined, number>;
  email: string | null;
  email_consent: ColumnType<number, number | undefined, number>;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  preferred_language: string | null;
  interpreter_needed: ColumnType<number, number | undefined, number>;
  preferred_contact_method: 'phone' | 'text' | 'email' | 'mail' | null;
  preferred_contact_times: string | null;
  emergency_contact_name: string | null;
  emergency_contact_relationship: string | null;
  emergency_contact_phone: string | null;
  status: ColumnType<'active' | 'inactive' | 'deceased', 'active' | 'inactive' | 'deceased' | undefined, 'active' | 'inactive' | 'deceased'>;
  merged_into: string | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}
export type PatientRow = Selectable<PatientTable>;
export type NewPatientRow = Insertable<PatientTable>;

export interface PatientMrnAliasTable {
  mrn: string;
  patient_id: string;
  created_at: number;
}

export interface PatientChangeTable {
  id: string;
  patient_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  changed_at: number;
  changed_by: string | null;
}

export interface RelatedPersonTable {
  id: string;
  patient_id: string;
  name: string;
  relationship: string;
  phone: string | null;
  share_appointments: number;
  share_billing: number;
  share_clinical: number;
  authorized_from: string | null;
  authorized_until: string | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}

/*
 * The patient search index (migration 0007), owned by electron/core/patients/search and derived from `patient`.
 * The FTS5 table `patient_search` itself is SQLite-specific and only reached through raw SQL in that module.
 */

/**
 * A searchable (not merged) patient as search results and the duplicate check read it, plus the folded name fields
 * as indexed (first, middle, last, preferred); doc_id is the FTS rowid.
 */
export interface PatientSearchDocTable {
  doc_id: Generated<number>;
  patient_id: string;
  mrn: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  suffix: string | null;
  preferred_name: string | null;
  date_of_birth: string;
  /** The phone a result shows (preferred, else the first), E.164. */
  phone: string | null;
  email: string | null;
  /** The street address folded for comparison. */
  address_key: string | null;
  postal_code: string | null;
  first: string;
  middle: string;
  last: string;
  preferred: string;
}

/** A name word in use, and by how many patients. */
export interface PatientSearchTermTable {
  term: string;
  doc_count: number;
}

/** A name word or one of its one-deletion variants, for typo lookups. */
export interface PatientSearchVariantTable {
  variant: string;
  term: string;
}

/** A searchable patient's phone number, as digits and reversed digits. */
export interface PatientSearchPhoneTable {
  doc_id: number;
  kind: 'mobile' | 'home' | 'work';
  digits: string;
  reversed: string;
}

/*
 * The appointment book (migration 0008), owned by electron/core/scheduling. Instants are UTC epoch ms; working
 * hours and partial-day time off are wall-clock minutes in the clinic's time zone; dates are clinic dates.
 */

export interface ProviderTable {
  id: string;
  name: string;
  credentials: string | null;
  npi: string | null;
  color: string;
  active: number;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}
export type ProviderRow = Selectable<ProviderTable>;

export interface RoomTable {
  id: string;
  name: string;
  active: number;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}
export type RoomRow = Selectable<RoomTable>;

/** One block of a provider's weekly hours: ISO weekday (1 = Monday), wall-clock minutes [start, end). */
export interface ProviderHoursTable {
  provider_id: string;
  weekday: number;
  start_minute: number;
  end_minute: number;
}
export type ProviderHoursRow = Selectable<ProviderHoursTable>;

/** Vacation, blocked time or clinic holiday; provider_id null = clinic-wide; minutes null = whole days. */
export interface ScheduleExceptionTable {
  id: string;
  provider_id: string | null;
  kind: 'vacation' | 'blocked' | 'holiday';
  from_date: string;
  to_date: string;
  start_minute: number | null;
  end_minute: number | null;
  note: string | null;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}
export type ScheduleExceptionRow = Selectable<ScheduleExceptionTable>;

export interface AppointmentTypeTable {
  id: string;
  name: string;
  duration_min: number;
  color: string;
  mode: 'in_person' | 'telehealth';
  needs_room: number;
  buffer_after_min: number;
  active: number;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}
export type AppointmentTypeRow = Selectable<AppointmentTypeTable>;

export interface AppointmentTypeProviderTable {
  type_id: string;
  provider_id: string;
}

/** A recurring series; `rule` is JSON ({ recurrence, end }) as booked. */
export interface AppointmentSeriesTable {
  id: string;
  patient_id: string;
  rule: string;
  first_date: string;
  start_minute: number;
  created_at: number;
  created_by: string | null;
}
export type AppointmentSeriesRow = Selectable<AppointmentSeriesTable>;

export type AppointmentStatusValue = 'booked' | 'confirmed' | 'arrived' | 'in_room' | 'checked_out' | 'no_show' | 'cancelled';

export interface AppointmentTable {
  id: string;
  patient_id: string;
  provider_id: string;
  room_id: string | null;
  type_id: string;
  series_id: string | null;
  series_index: number | null;
  series_exception: number;
  start_at: number;
  end_at: number;
  buffer_after_min: number;
  /** end_at + buffer: the provider and room are busy until then. */
  busy_until: number;
  status: AppointmentStatusValue;
  status_at: number;
  overbook_reason: string | null;
  override_reason: string | null;
  visit_reason: string | null;
  notes: string | null;
  telehealth_link: string | null;
  cancel_reason: 'patient' | 'clinic' | 'weather' | 'other' | null;
  cancel_note: string | null;
  /** The last reminder call (latest `at`, then `id`), kept with the call by markReminder (migration 0011); null before any. */
  reminder_outcome: ColumnType<ReminderOutcomeValue | null, ReminderOutcomeValue | null | undefined, ReminderOutcomeValue | null>;
  reminder_at: ColumnType<number | null, number | null | undefined, number | null>;
  reminder_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
}
export type AppointmentRow = Selectable<AppointmentTable>;
export type NewAppointmentRow = Insertable<AppointmentTable>;

/** booked, rescheduled, resized, cancelled, reinstated, details: old and new place and time. */
export interface AppointmentChangeTable {
  id: string;
  appointment_id: string;
  kind: string;
  old_start_at: number | null;
  old_end_at: number | null;
  old_provider_id: string | null;
  old_room_id: string | null;
  new_start_at: number | null;
  new_end_at: number | null;
  new_provider_id: string | null;
  new_room_id: string | null;
  note: string | null;
  changed_at: number;
  changed_by: string | null;
}

export interface AppointmentStatusEventTable {
  id: string;
  appointment_id: string;
  status: AppointmentStatusValue;
  at: number;
  by: string | null;
}

export type ReminderOutcomeValue = 'called' | 'confirmed' | 'left_message' | 'no_answer' | 'wrong_number';

export interface AppointmentReminderTable {
  id: string;
  appointment_id: string;
  outcome: ReminderOutcomeValue;
  note: string | null;
  at: number;
  by: string | null;
}

/** provider_ids, weekdays and time_windows are JSON arrays (empty = any). */
export interface WaitlistEntryTable {
  id: string;
  patient_id: string;
  type_id: string;
  provider_ids: string;
  weekdays: string;
  time_windows: string;
  from_date: string;
  to_date: string;
  note: string | null;
  active: number;
  created_at: number;
  created_by: string | null;
  updated_at: number;
  updated_by: string | null;
  /** How it left the list (0012): null while open, and for entries closed before 0012 (not recorded then). */
  closed_reason: ColumnType<WaitlistClosedReason | null, WaitlistClosedReason | null | undefined, WaitlistClosedReason | null>;
  closed_at: ColumnType<number | null, number | null | undefined, number | null>;
  /** Staff account that booked or removed it. */
  closed_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** The appointment booked from it (the first of a series); null unless closed_reason is 'booked'. */
  booked_appointment_id: ColumnType<string | null, string | null | undefined, string | null>;
}
export type WaitlistClosedReason = 'booked' | 'removed';
export type WaitlistEntryRow = Selectable<WaitlistEntryTable>;
