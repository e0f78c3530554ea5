import { sql, type Kysely } from 'kysely';
import type { AppointmentRow, AppointmentTypeRow, Database, PatientRow, ProviderRow, RoomRow, ScheduleExceptionRow } from '../db/schema';
import { ClinicFailure } from '../errors';
import { MAX_APPOINTMENT_MINUTES, MAX_BUFFER_MINUTES } from '../../../shared/scheduling/schemas';

/** The longest time one appointment can hold a provider or a room: bounds every overlap query to a short index range. */
export const MAX_SPAN_MS = (MAX_APPOINTMENT_MINUTES + MAX_BUFFER_MINUTES) * 60_000;

/** The literal predicate of the partial indexes (repeated verbatim so SQLite's planner can use them). */
export const NOT_CANCELLED = sql<boolean>`a.status <> 'cancelled'`;
export const HOLDS_TIME = sql<boolean>`a.status <> 'no_show'`;

export type Hours = Map<number, { start: number; end: number }[]>;

// ── Set-up rows ──────────────────────────────────────────────────────────────────────────────────────────────

export async function listProviders(db: Kysely<Database>): Promise<ProviderRow[]> {
  return db.selectFrom('provider').selectAll().orderBy('name').orderBy('id').execute();
}

export async function findProvider(db: Kysely<Database>, id: string): Promise<ProviderRow | undefined> {
  return db.selectFrom('provider').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function requireProvider(db: Kysely<Database>, id: string): Promise<ProviderRow> {
  const row = await findProvider(db, id);
  if (!row) throw new ClinicFailure('NOT_FOUND', 'That provider is not in this clinic’s set-up. Reload and choose one from the list.');
  return row;
}

export async function listRooms(db: Kysely<Database>): Promise<RoomRow[]> {
  return db.selectFrom('room').selectAll().orderBy('name').orderBy('id').execute();
}

export async function requireRoom(db: Kysely<Database>, id: string): Promise<RoomRow> {
  const row = await db.selectFrom('room').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ClinicFailure('NOT_FOUND', 'That room is not in this clinic’s set-up. Reload and choose one from the list.');
  return row;
}

export async function listTypes(db: Kysely<Database>): Promise<AppointmentTypeRow[]> {
  return db.selectFrom('appointment_type').selectAll().orderBy('name').orderBy('id').execute();
}

export async function requireType(db: Kysely<Database>, id: string): Promise<AppointmentTypeRow> {
  const row = await db.selectFrom('appointment_type').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ClinicFailure('NOT_FOUND', 'That appointment type is not in this clinic’s set-up. Reload and choose one from the list.');
  return row;
}

/** type id → provider ids offering it. */
export async function typeProviders(db: Kysely<Database>, typeId?: string): Promise<Map<string, string[]>> {
  let query = db.selectFrom('appointment_type_provider').select(['type_id', 'provider_id']);
  if (typeId !== undefined) query = query.where('type_id', '=', typeId);
  const rows = await query.execute();
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.type_id, [...(map.get(row.type_id) ?? []), row.provider_id]);
  return map;
}

/** provider id → weekday → blocks (wall-clock minutes, sorted). */
export async function loadHours(db: Kysely<Database>, providerIds?: readonly string[]): Promise<Map<string, Hours>> {
  let query = db.selectFrom('provider_hours').selectAll().orderBy('provider_id').orderBy('weekday').orderBy('start_minute');
  if (providerIds !== undefined) {
    if (providerIds.length === 0) return new Map();
    query = query.where('provider_id', 'in', [...providerIds]);
  }
  const map = new Map<string, Hours>();
  for (const row of await query.execute()) {
    const week = map.get(row.provider_id) ?? new Map<number, { start: number; end: number }[]>();
    week.set(row.weekday, [...(week.get(row.weekday) ?? []), { start: row.start_minute, end: row.end_minute }]);
    map.set(row.provider_id, week);
  }
  return map;
}

/** Time off touching [fromDate, toDate]: clinic-wide, plus the given providers' (all providers' when not given). */
export async function loadExceptions(db: Kysely<Database>, fromDate: string, toDate: string, providerIds?: readonly string[]): Promise<ScheduleExceptionRow[]> {
  let query = db.selectFrom('schedule_exception').selectAll().where('to_date', '>=', fromDate).where('from_date', '<=', toDate);
  if (providerIds !== undefined) {
    const ids = [...providerIds];
    query = query.where((eb) => (ids.length > 0 ? eb.or([eb('provider_id', 'is', null), eb('provider_id', 'in', ids)]) : eb('provider_id', 'is', null)));
  }
  return query.orderBy('from_date').orderBy('id').execute();
}

// ── Patients ─────────────────────────────────────────────────────────────────────────────────────────────────

export async function requireBookablePatient(db: Kysely<Database>, id: string): Promise<PatientRow> {
  const row = await db.selectFrom('patient').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ClinicFailure('NOT_FOUND', 'That patient record does not exist. Search for the patient again.');
  if (row.merged_into !== null) {
    const survivor = await db.selectFrom('patient').select('mrn').where('id', '=', row.merged_into).executeTakeFirst();
    throw new ClinicFailure('CONFLICT', `Record ${row.mrn} was merged into ${survivor?.mrn ?? 'another record'}. Book on ${survivor?.mrn ?? 'that record'} instead.`);
  }
  if (row.status === 'deceased') throw new ClinicFailure('CONFLICT', `Record ${row.mrn} is marked deceased. Check the record before booking.`);
  return row;
}

export function patientName(row: { first_name: string; last_name: string }): string {
  return `${row.first_name} ${row.last_name}`;
}

// ── Appointments ─────────────────────────────────────────────────────────────────────────────────────────────

export async function requireAppointment(db: Kysely<Database>, id: string): Promise<AppointmentRow> {
  const row = await db.selectFrom('appointment').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ClinicFailure('NOT_FOUND', 'That appointment does not exist any more. Reload the book.');
  return row;
}

/** An appointment with the names the book shows. */
export interface AppointmentListRow extends AppointmentRow {
  first_name: string;
  last_name: string;
  mrn: string;
  provider_name: string;
  type_name: string;
  type_color: string;
  type_mode: 'in_person' | 'telehealth';
  room_name: string | null;
}

export function appointmentsWithNames(db: Kysely<Database>) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('patient as p', 'p.id', 'a.patient_id')
    .innerJoin('provider as pr', 'pr.id', 'a.provider_id')
    .innerJoin('appointment_type as t', 't.id', 'a.type_id')
    .leftJoin('room as r', 'r.id', 'a.room_id')
    .selectAll('a')
    .select(['p.first_name', 'p.last_name', 'p.mrn', 'pr.name as provider_name', 't.name as type_name', 't.color as type_color', 't.mode as type_mode', 'r.name as room_name']);
}

export async function appointmentWithNames(db: Kysely<Database>, id: string): Promise<AppointmentListRow> {
  const row = await appointmentsWithNames(db).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new ClinicFailure('NOT_FOUND', 'That appointment does not exist any more. Reload the book.');
  return row;
}

/** A conflicting appointment, with who it is for. */
export interface BusyRow {
  id: string;
  patient_id: string;
  provider_id: string;
  room_id: string | null;
  start_at: number;
  end_at: number;
  busy_until: number;
  buffer_after_min: number;
  first_name: string;
  last_name: string;
  provider_name: string;
}

function busyQuery(db: Kysely<Database>) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('patient as p', 'p.id', 'a.patient_id')
    .innerJoin('provider as pr', 'pr.id', 'a.provider_id')
    .select(['a.id', 'a.patient_id', 'a.provider_id', 'a.room_id', 'a.start_at', 'a.end_at', 'a.busy_until', 'a.buffer_after_min', 'p.first_name', 'p.last_name', 'pr.name as provider_name'])
    .where(NOT_CANCELLED)
    .where(HOLDS_TIME);
}

/**
 * Appointments holding a provider's (or a room's) time that overlap [startAt, busyUntil): a short range scan on
 * (provider_id, start_at) bounded below by MAX_SPAN_MS, since nothing that starts earlier can still be running.
 */
export async function busyOverlapping(
  db: Kysely<Database>,
  column: 'provider_id' | 'room_id',
  id: string,
  startAt: number,
  busyUntil: number,
  excludeIds: readonly string[],
): Promise<BusyRow[]> {
  let query = busyQuery(db)
    .where(`a.${column}`, '=', id)
    .where('a.start_at', '>', startAt - MAX_SPAN_MS)
    .where('a.start_at', '<', busyUntil)
    .where('a.busy_until', '>', startAt);
  if (excludeIds.length > 0) query = query.where('a.id', 'not in', [...excludeIds]);
  return query.orderBy('a.start_at').execute();
}

/** The patient's other visits overlapping [startAt, endAt) (no buffers: the patient only needs to be there). */
export async function patientOverlapping(db: Kysely<Database>, patientId: string, startAt: number, endAt: number, excludeIds: readonly string[]): Promise<BusyRow[]> {
  let query = busyQuery(db)
    .where('a.patient_id', '=', patientId)
    .where('a.start_at', '>', startAt - MAX_SPAN_MS)
    .where('a.start_at', '<', endAt)
    .where('a.end_at', '>', startAt);
  if (excludeIds.length > 0) query = query.where('a.id', 'not in', [...excludeIds]);
  return query.orderBy('a.start_at').execute();
}

/** Busy intervals per provider (or room) over a window: one range query per id, for find-open-slots. */
export async function busyIntervals(db: Kysely<Database>, column: 'provider_id' | 'room_id', ids: readonly string[], fromAt: number, toAt: number): Promise<Map<string, { startAt: number; busyUntil: number }[]>> {
  const map = new Map<string, { startAt: number; busyUntil: number }[]>();
  for (const id of ids) {
    const rows = await db
      .selectFrom('appointment as a')
      .select(['a.start_at', 'a.busy_until'])
      .where(`a.${column}`, '=', id)
      .where('a.start_at', '>', fromAt - MAX_SPAN_MS)
      .where('a.start_at', '<', toAt)
      .where(NOT_CANCELLED)
      .where(HOLDS_TIME)
      .orderBy('a.start_at')
      .execute();
    map.set(
      id,
      rows.filter((r) => r.busy_until > fromAt).map((r) => ({ startAt: r.start_at, busyUntil: r.busy_until })),
    );
  }
  return map;
}

/** Last reminder call per appointment, with the caller's name. */
export async function lastReminders(db: Kysely<Database>, appointmentIds: readonly string[]): Promise<Map<string, { outcome: 'called' | 'confirmed' | 'left_message' | 'no_answer' | 'wrong_number'; at: number; by: string | null }>> {
  const map = new Map<string, { outcome: 'called' | 'confirmed' | 'left_message' | 'no_answer' | 'wrong_number'; at: number; by: string | null }>();
  for (let i = 0; i < appointmentIds.length; i += 500) {
    const chunk = appointmentIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('appointment_reminder as m')
      .leftJoin('staff_user as s', 's.id', 'm.by')
      .select(['m.appointment_id', 'm.outcome', 'm.at', 's.full_name'])
      .where('m.appointment_id', 'in', chunk)
      .orderBy('m.at')
      .orderBy('m.id')
      .execute();
    for (const row of rows) map.set(row.appointment_id, { outcome: row.outcome, at: row.at, by: row.full_name ?? null });
  }
  return map;
}
