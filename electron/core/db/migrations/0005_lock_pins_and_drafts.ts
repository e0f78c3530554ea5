import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // A staff member's quick-unlock PIN: only a slow hash, and it only unlocks their own locked session.
  await db.schema
    .createTable('staff_pin')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('staff_user.id'))
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('set_at', 'integer', (c) => c.notNull())
    .execute();
  // Unsaved form drafts kept for their owner when the screen locks or someone else signs in.
  await db.schema
    .createTable('form_draft')
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_user.id'))
    .addColumn('form_key', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().check(sql`length(data) <= 200000`))
    .addColumn('saved_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_draft_pk', ['user_id', 'form_key'])
    .execute();
}
