import type { ColumnType, Selectable, Insertable, Updateable } from 'kysely';

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
