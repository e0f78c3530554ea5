import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Unsaved form values, kept in the encrypted database for their owner when the screen locks or another
 * staff member signs in at the same workstation. Every query is scoped to the owner's user id.
 */
export async function saveDraft(db: Kysely<Database>, userId: string, formKey: string, data: string, now: number): Promise<void> {
  await db
    .insertInto('form_draft')
    .values({ user_id: userId, form_key: formKey, data, saved_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'form_key']).doUpdateSet({ data, saved_at: now }))
    .execute();
}

export async function loadDraft(db: Kysely<Database>, userId: string, formKey: string): Promise<{ data: string; savedAt: number } | null> {
  const row = await db.selectFrom('form_draft').select(['data', 'saved_at']).where('user_id', '=', userId).where('form_key', '=', formKey).executeTakeFirst();
  return row ? { data: row.data, savedAt: row.saved_at } : null;
}

export async function discardDraft(db: Kysely<Database>, userId: string, formKey: string): Promise<void> {
  await db.deleteFrom('form_draft').where('user_id', '=', userId).where('form_key', '=', formKey).execute();
}

export async function listDraftKeys(db: Kysely<Database>, userId: string): Promise<{ formKey: string; savedAt: number }[]> {
  const rows = await db.selectFrom('form_draft').select(['form_key', 'saved_at']).where('user_id', '=', userId).orderBy('saved_at', 'desc').execute();
  return rows.map((r) => ({ formKey: r.form_key, savedAt: r.saved_at }));
}
