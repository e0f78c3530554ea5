import type { Kysely } from 'kysely';
import type { Database, NewStaffUserRow, StaffUserRow } from '../db/schema';

export async function insertStaffUser(db: Kysely<Database>, row: NewStaffUserRow): Promise<void> {
  await db.insertInto('staff_user').values(row).execute();
}

export async function findStaffUserById(db: Kysely<Database>, id: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStaffUserByUsername(db: Kysely<Database>, username: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function markPasswordResetRequired(db: Kysely<Database>, ids: string[], now: number, by: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('staff_user').set({ password_reset_required: 1, updated_at: now, updated_by: by }).where('id', 'in', ids).execute();
}

export async function clearPasswordResetRequired(db: Kysely<Database>, id: string, now: number): Promise<void> {
  await db.updateTable('staff_user').set({ password_reset_required: 0, updated_at: now, updated_by: id }).where('id', '=', id).execute();
}
