import type { ColumnType, Selectable, Insertable, Updateable } from 'kysely';

/**
 * The one typed view of the database. Row types here describe what the tables hold;
 * services map them to the domain types in shared/.
 * Conventions: ids are UUIDv7 text, instants are UTC epoch milliseconds, calendar dates are YYYY-MM-DD text.
 */
export interface Database {
  app_meta: AppMetaTable;
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
