import { sql, type Kysely } from 'kysely';

/**
 * The appointment book (electron/core/scheduling). Instants are UTC epoch ms; working hours and partial-day time
 * off are wall-clock minutes since local midnight in the clinic's time zone; dates are YYYY-MM-DD clinic dates.
 * Frozen in time: migrations take Kysely<any> and never import app code.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('provider')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('credentials', 'text')
    .addColumn('npi', 'text')
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('room')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  // Weekly working hours: several blocks per provider per ISO weekday (1 = Monday), wall-clock minutes.
  await db.schema
    .createTable('provider_hours')
    .addColumn('provider_id', 'text', (c) => c.notNull().references('provider.id'))
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday BETWEEN 1 AND 7`))
    .addColumn('start_minute', 'integer', (c) => c.notNull().check(sql`start_minute BETWEEN 0 AND 1439`))
    .addColumn('end_minute', 'integer', (c) => c.notNull().check(sql`end_minute BETWEEN 1 AND 1440`))
    .addPrimaryKeyConstraint('provider_hours_pk', ['provider_id', 'weekday', 'start_minute'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();

  // Vacation, blocked time, clinic holidays (provider_id null = clinic-wide). Whole days unless minutes are set.
  await db.schema
    .createTable('schedule_exception')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('provider_id', 'text', (c) => c.references('provider.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('vacation', 'blocked', 'holiday')`))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('start_minute', 'integer')
    .addColumn('end_minute', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('schedule_exception_dates').on('schedule_exception').columns(['to_date', 'from_date']).execute();

  await db.schema
    .createTable('appointment_type')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duration_min', 'integer', (c) => c.notNull())
    .addColumn('color', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode IN ('in_person', 'telehealth')`))
    .addColumn('needs_room', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('buffer_after_min', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  // Which providers offer which types.
  await db.schema
    .createTable('appointment_type_provider')
    .addColumn('type_id', 'text', (c) => c.notNull().references('appointment_type.id'))
    .addColumn('provider_id', 'text', (c) => c.notNull().references('provider.id'))
    .addPrimaryKeyConstraint('appointment_type_provider_pk', ['type_id', 'provider_id'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();

  // A recurring series: the rule as it was booked (JSON), its first date and wall-clock time. Occurrences are rows
  // of `appointment` with series_id and series_index.
  await db.schema
    .createTable('appointment_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('first_date', 'text', (c) => c.notNull())
    .addColumn('start_minute', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('appointment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
    .addColumn('provider_id', 'text', (c) => c.notNull().references('provider.id'))
    .addColumn('room_id', 'text', (c) => c.references('room.id'))
    .addColumn('type_id', 'text', (c) => c.notNull().references('appointment_type.id'))
    .addColumn('series_id', 'text', (c) => c.references('appointment_series.id'))
    .addColumn('series_index', 'integer')
    // Moved or changed on its own: series-wide edits leave it alone.
    .addColumn('series_exception', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_at', 'integer', (c) => c.notNull())
    .addColumn('end_at', 'integer', (c) => c.notNull())
    .addColumn('buffer_after_min', 'integer', (c) => c.notNull().defaultTo(0))
    // end_at + the type's buffer: the provider and the room are busy until then.
    .addColumn('busy_until', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('booked').check(sql`status IN ('booked', 'confirmed', 'arrived', 'in_room', 'checked_out', 'no_show', 'cancelled')`),
    )
    .addColumn('status_at', 'integer', (c) => c.notNull())
    .addColumn('overbook_reason', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('visit_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('telehealth_link', 'text')
    .addColumn('cancel_reason', 'text', (c) => c.check(sql`cancel_reason IN ('patient', 'clinic', 'weather', 'other')`))
    .addColumn('cancel_note', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addCheckConstraint('appointment_times', sql`end_at > start_at AND busy_until >= end_at`)
    .execute();
  // The rule checks and find-open-slots: a short range scan per provider / room over appointments not cancelled
  // (no-shows stay in the index for the week view; the checks skip them). Queries repeat the literal predicate.
  await sql`CREATE INDEX appointment_provider_start ON appointment (provider_id, start_at) WHERE status <> 'cancelled'`.execute(db);
  await sql`CREATE INDEX appointment_room_start ON appointment (room_id, start_at) WHERE room_id IS NOT NULL AND status <> 'cancelled'`.execute(db);
  // The day view (all providers), month counts, reminder list, check-in board.
  await db.schema.createIndex('appointment_start').on('appointment').column('start_at').execute();
  // A patient's history, the same-patient overlap check, the next visit in search results.
  await db.schema.createIndex('appointment_patient_start').on('appointment').columns(['patient_id', 'start_at']).execute();
  await sql`CREATE INDEX appointment_series_index ON appointment (series_id, series_index) WHERE series_id IS NOT NULL`.execute(db);

  // History of time changes: every booking, move and resize (old and new place), cancellation and reinstatement.
  await db.schema
    .createTable('appointment_change')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointment.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('old_start_at', 'integer')
    .addColumn('old_end_at', 'integer')
    .addColumn('old_provider_id', 'text')
    .addColumn('old_room_id', 'text')
    .addColumn('new_start_at', 'integer')
    .addColumn('new_end_at', 'integer')
    .addColumn('new_provider_id', 'text')
    .addColumn('new_room_id', 'text')
    .addColumn('note', 'text')
    .addColumn('changed_at', 'integer', (c) => c.notNull())
    .addColumn('changed_by', 'text')
    .execute();
  await db.schema.createIndex('appointment_change_appointment').on('appointment_change').columns(['appointment_id', 'changed_at']).execute();

  // Each step of the visit day, with when and who.
  await db.schema
    .createTable('appointment_status_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointment.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('by', 'text')
    .execute();
  await db.schema.createIndex('appointment_status_event_appointment').on('appointment_status_event').columns(['appointment_id', 'at']).execute();

  // Reminder calls.
  await db.schema
    .createTable('appointment_reminder')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appointment_id', 'text', (c) => c.notNull().references('appointment.id'))
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome IN ('called', 'confirmed', 'left_message', 'no_answer', 'wrong_number')`))
    .addColumn('note', 'text')
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('by', 'text')
    .execute();
  await db.schema.createIndex('appointment_reminder_appointment').on('appointment_reminder').columns(['appointment_id', 'at']).execute();

  // Patients who want an earlier slot. Lists are JSON text: providers (empty = any), ISO weekdays (empty = any),
  // wall-clock windows (empty = any time).
  await db.schema
    .createTable('waitlist_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('patient_id', 'text', (c) => c.notNull().references('patient.id'))
    .addColumn('type_id', 'text', (c) => c.notNull().references('appointment_type.id'))
    .addColumn('provider_ids', 'text', (c) => c.notNull())
    .addColumn('weekdays', 'text', (c) => c.notNull())
    .addColumn('time_windows', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('waitlist_entry_active').on('waitlist_entry').columns(['active', 'to_date']).execute();
}
