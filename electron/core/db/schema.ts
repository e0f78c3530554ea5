import type { ColumnType, Selectable, Insertable, Updateable } from 'kysely';

/**
 * The one typed view of the database. Row types here describe what the tables hold;
 * services map them to the domain types in shared/.
 * Conventions: ids are UUIDv7 text, instants are UTC epoch milliseconds, calendar dates are YYYY-MM-DD text.
 */
export interface Database {
  app_meta: AppMetaTable;
  staff_user: StaffUserTable;
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
