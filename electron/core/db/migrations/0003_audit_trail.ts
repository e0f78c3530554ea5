import { sql, type Kysely } from 'kysely';

// Frozen in time: migrations take Kysely<any> and never import app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // The audit trail: one row per event, hash-chained (each row's hash covers the previous row's hash).
  // seq is the rowid, assigned by the app as head + 1, so the chain has no gaps unless a row is removed.
  await db.schema
    .createTable('audit_event')
    .addColumn('seq', 'integer', (c) => c.primaryKey().check(sql`seq > 0`))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'integer', (c) => c.notNull())
    // Null only for a failed sign-in with a username nobody has.
    .addColumn('actor_user_id', 'text')
    // Snapshot: the staff member's full name, or the username typed at a failed sign-in. Not PHI.
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('workstation', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('patient_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome IN ('success', 'failure', 'denied')`))
    // Short JSON: field names, counts and codes, never PHI values.
    .addColumn('detail', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull().check(sql`length(prev_hash) = 64`))
    .addColumn('hash', 'text', (c) => c.notNull().check(sql`length(hash) = 64`))
    .execute();

  // The administrator's filters: by time, by staff member, by patient, by action (each newest first).
  await db.schema.createIndex('audit_event_at').on('audit_event').columns(['at', 'seq']).execute();
  await db.schema.createIndex('audit_event_actor').on('audit_event').columns(['actor_user_id', 'at']).execute();
  await db.schema.createIndex('audit_event_patient').on('audit_event').columns(['patient_id', 'at']).execute();
  await db.schema.createIndex('audit_event_action').on('audit_event').columns(['action', 'at']).execute();

  // Append-only, enforced by the database itself: no code path (ours or a bug) can change or remove an entry.
  await sql`CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END`.execute(db);
  // New entries go after the newest one only. This also stops INSERT OR REPLACE, whose implicit delete of the
  // clashing row would not fire the DELETE trigger (recursive_triggers is off).
  await sql`CREATE TRIGGER audit_event_append_only BEFORE INSERT ON audit_event
    WHEN NEW.seq <= (SELECT coalesce(max(seq), 0) FROM audit_event) OR EXISTS (SELECT 1 FROM audit_event WHERE id = NEW.id)
    BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END`.execute(db);
}
