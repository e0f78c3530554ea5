import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { AppointmentRow, AppointmentTypeRow, Database, PatientRow, ProviderRow, RoomRow, ScheduleExceptionRow } from '../db/schema';
import { ClinicFailure } from '../errors';
import { MAX_APPOINTMENT_MINUTES, MAX_BUFFER_MINUTES } from '../../../shared/scheduling/schemas';
import { appointmentSeriesSchema, type AppointmentSeries } from '../../../shared/contract/scheduling';

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

export function providerNotFound(): ClinicFailure {
  return new ClinicFailure('NOT_FOUND', 'That provider is not in this clinic’s set-up. Reload and choose one from the list.');
}

export async function requireProvider(db: Kysely<Database>, id: string): Promise<ProviderRow> {
  const row = await findProvider(db, id);
  if (!row) throw providerNotFound();
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
  let query = db.selectFrom('provider_hours').select(['provider_id', 'weekday', 'start_minute', 'end_minute']).orderBy('provider_id').orderBy('weekday').orderBy('start_minute');
  if (providerIds !== undefined) {
    if (providerIds.length === 0) return new Map();
    query = query.where('provider_id', 'in', [...providerIds]);
  }
  const map = new Map<string, Hours>();
  for (const row of await query.execute()) {
    let week = map.get(row.provider_id);
    if (!week) map.set(row.provider_id, (week = new Map()));
    const blocks = week.get(row.weekday);
    if (blocks) blocks.push({ start: row.start_minute, end: row.end_minute });
    else week.set(row.weekday, [{ start: row.start_minute, end: row.end_minute }]);
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
  date_of_birth: string;
  phone_mobile: string | null;
  phone_home: string | null;
  phone_work: string | null;
  preferred_phone: PatientRow['preferred_phone'];
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
    .select(['p.first_name', 'p.last_name', 'p.mrn', 'p.date_of_birth', 'p.phone_mobile', 'p.phone_home', 'p.phone_work', 'p.preferred_phone'])
    .select(['pr.name as provider_name', 't.name as type_name', 't.color as type_color', 't.mode as type_mode', 'r.name as room_name']);
}

/**
 * An appointment as the book's statement returns it: what its view needs (not the bookkeeping columns), with its last
 * reminder call (outcome, time and caller's id from the appointment row). The names of its provider, type, room and
 * caller come from `bookNames` (one read of each small table for a whole list).
 */
export type BookRow = Omit<AppointmentListRow, 'busy_until' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by' | 'provider_name' | 'type_name' | 'type_color' | 'type_mode' | 'room_name'>;

/**
 * The book's hot reads (the day, a provider's week, a patient's visits, saved appointments) in one statement each,
 * written out:
 * - only the columns the view shows (each column of each row becomes a JS value: on a full day of 12 providers that
 *   conversion, not the search, is most of the cost);
 * - names, date of birth and phones (the day sheet's) through the narrow patient_book_names index alone (migration
 *   0009, widened by 0010; named, since without ANALYZE statistics SQLite picks the primary key and then reads the
 *   wide patient row);
 * - the last reminder call from the appointment row itself (kept there by markReminder, migration 0011), so no row
 *   of appointment_reminder is read: a probe of that index per appointment was most of a day away from today;
 * - the names of providers, types, rooms and staff not joined (a probe per appointment was a third of the statement's
 *   time on a full day) but looked up while the views are built, from the book's set-up (book-setup.ts; the driver's
 *   row objects are not extended: six more properties on each of 300 rows is a new property store for each);
 * - ordered by start time only, which the index range gives for free; ties are put in id order here (sortBook), which
 *   SQLite would do with a sort of whole rows.
 */
const BOOK_ROWS = sql`
  SELECT a.id, a.patient_id, a.provider_id, a.room_id, a.type_id, a.series_id, a.series_index, a.series_exception, a.start_at,
         a.end_at, a.buffer_after_min, a.status, a.status_at, a.overbook_reason, a.override_reason, a.visit_reason, a.notes,
         a.telehealth_link, a.cancel_reason, a.cancel_note, a.reminder_outcome, a.reminder_at, a.reminder_by,
         p.first_name, p.last_name, p.mrn, p.date_of_birth, p.phone_mobile, p.phone_home, p.phone_work, p.preferred_phone
  FROM appointment AS a
  JOIN patient AS p INDEXED BY patient_book_names ON p.id = a.patient_id`;

async function bookRows(db: Kysely<Database>, statement: ReturnType<typeof sql>): Promise<BookRow[]> {
  return (await sql<BookRow>`${BOOK_ROWS} ${statement}`.execute(db)).rows;
}

/** The names book rows show, by id (a dozen rows of each small table; every appointment's are there: foreign keys). See book-setup.ts. */
export interface BookNames {
  provider: ReadonlyMap<string, string>;
  type: ReadonlyMap<string, Pick<AppointmentTypeRow, 'name' | 'color' | 'mode'>>;
  room: ReadonlyMap<string, string>;
  staff: ReadonlyMap<string, string>;
}


/** Rows already in start order (ascending or descending): equal starts put in id order, as `ORDER BY start_at, id` would. */
function sortBook(rows: BookRow[], descending: boolean): BookRow[] {
  const byStart = descending ? (a: BookRow, b: BookRow) => b.start_at - a.start_at : (a: BookRow, b: BookRow) => a.start_at - b.start_at;
  return rows.sort((a, b) => byStart(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Appointments not cancelled that start in [fromAt, toAt), all providers' or one's, by start then id. */
export async function bookRowsBetween(db: Kysely<Database>, fromAt: number, toAt: number, providerId: string | null): Promise<BookRow[]> {
  const provider = providerId === null ? sql`` : sql`AND a.provider_id = ${providerId}`;
  const rows = await bookRows(db, sql`WHERE a.start_at >= ${fromAt} AND a.start_at < ${toAt} AND a.status <> 'cancelled' ${provider} ORDER BY a.start_at`);
  return sortBook(rows, false);
}

/** Every appointment of a patient (cancelled ones too), latest first (then by id). */
export async function bookRowsOfPatient(db: Kysely<Database>, patientId: string): Promise<BookRow[]> {
  return sortBook(await bookRows(db, sql`WHERE a.patient_id = ${patientId} ORDER BY a.start_at DESC`), true);
}

/** The given appointments, in the order given; NOT_FOUND when one is missing. */
export async function bookRowsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<BookRow[]> {
  const byId = new Map<string, BookRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const row of await bookRows(db, sql`WHERE a.id IN (${sql.join(chunk)})`)) byId.set(row.id, row);
  }
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new ClinicFailure('NOT_FOUND', 'That appointment does not exist any more. Reload the book.');
    return row;
  });
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

/** What a placement runs into: the provider's, the room's (when it has one) and the patient's overlapping visits. */
export interface PlacementConflicts {
  provider: BusyRow[];
  room: BusyRow[];
  patient: BusyRow[];
}

/**
 * The rule checks' three overlap reads in one statement (one compile, one prepare, one step through SQLite):
 * - the provider's and the room's appointments holding time that overlap [startAt, busyUntil), buffers included: a
 *   short range of the partial indexes (provider_id / room_id, start_at, busy_until, status), bounded below by
 *   MAX_SPAN_MS since nothing that starts earlier can still be running; only a real overlap reads its table row;
 * - the patient's other visits overlapping [startAt, endAt) (no buffers: the patient only needs to be there), on
 *   (patient_id, start_at).
 * No-shows hold no time. Each list in start order (ties in the order they were written).
 */
export async function placementConflicts(
  db: Kysely<Database>,
  placement: { providerId: string; roomId: string | null; patientId: string; startAt: number; endAt: number; busyUntil: number },
  excludeIds: readonly string[],
): Promise<PlacementConflicts> {
  const { providerId, roomId, patientId, startAt, endAt, busyUntil } = placement;
  const from = startAt - MAX_SPAN_MS;
  const exclude = excludeIds.length > 0 ? sql`AND a.id NOT IN (${sql.join([...excludeIds])})` : sql``;
  const branch = (kind: 'provider' | 'room' | 'patient', where: RawBuilder<unknown>) => sql`
    SELECT ${sql.lit(kind)} AS kind, a.rowid AS seq, a.id, a.patient_id, a.provider_id, a.room_id, a.start_at, a.end_at, a.busy_until,
           a.buffer_after_min, p.first_name, p.last_name, pr.name AS provider_name
    FROM appointment AS a
    JOIN patient AS p INDEXED BY patient_book_names ON p.id = a.patient_id
    JOIN provider AS pr ON pr.id = a.provider_id
    WHERE ${where} AND a.status <> 'cancelled' AND a.status <> 'no_show' ${exclude}`;
  const parts = [
    branch('provider', sql`a.provider_id = ${providerId} AND a.start_at > ${from} AND a.start_at < ${busyUntil} AND a.busy_until > ${startAt}`),
    ...(roomId === null ? [] : [branch('room', sql`a.room_id = ${roomId} AND a.start_at > ${from} AND a.start_at < ${busyUntil} AND a.busy_until > ${startAt}`)]),
    branch('patient', sql`a.patient_id = ${patientId} AND a.start_at > ${from} AND a.start_at < ${endAt} AND a.end_at > ${startAt}`),
  ];
  const result = await sql<BusyRow & { kind: 'provider' | 'room' | 'patient'; seq: number }>`${sql.join(parts, sql` UNION ALL `)} ORDER BY kind, start_at, seq`.execute(db);
  const conflicts: PlacementConflicts = { provider: [], room: [], patient: [] };
  for (const { kind, seq: _seq, ...row } of result.rows) conflicts[kind].push(row);
  return conflicts;
}

/**
 * Busy intervals per provider (or room) over a window, for find-open-slots: one statement for all the ids (SQLite
 * runs one short range scan of the partial index per id), grouped here by id in start order.
 */
export async function busyIntervals(db: Kysely<Database>, column: 'provider_id' | 'room_id', ids: readonly string[], fromAt: number, toAt: number): Promise<Map<string, { startAt: number; busyUntil: number }[]>> {
  const map = new Map<string, { startAt: number; busyUntil: number }[]>();
  for (const id of ids) map.set(id, []);
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('appointment as a')
    .select([`a.${column} as owner`, 'a.start_at', 'a.busy_until'])
    .where(`a.${column}`, 'in', [...ids])
    .where('a.start_at', '>', fromAt - MAX_SPAN_MS)
    .where('a.start_at', '<', toAt)
    .where(NOT_CANCELLED)
    .where(HOLDS_TIME)
    .orderBy(`a.${column}`)
    .orderBy('a.start_at')
    .execute();
  for (const row of rows) {
    if (row.busy_until > fromAt) map.get(row.owner as string)?.push({ startAt: row.start_at, busyUntil: row.busy_until });
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

/**
 * Series rules as read, by their stored text: a day's visits name the same few dozen series again and again, and
 * checking a rule against its schema costs more than reading it. Frozen, since one object serves every view that
 * shows the series. Bounded; emptied when full.
 */
const parsedRules = new Map<string, AppointmentSeries | null>();
const PARSED_RULES_KEPT = 5_000;

function parseSeries(rule: string, firstDate: string): AppointmentSeries | null {
  const key = `${firstDate} ${rule}`;
  let series = parsedRules.get(key);
  if (series === undefined) {
    let value: unknown;
    try {
      value = JSON.parse(rule);
    } catch {
      value = null;
    }
    const parsed = appointmentSeriesSchema.safeParse({ skipDates: [], ...(value as object), firstDate });
    series = parsed.success ? deepFreeze(parsed.data) : null;
    if (parsedRules.size >= PARSED_RULES_KEPT) parsedRules.clear();
    parsedRules.set(key, series);
  }
  return series;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The series among some appointments, as booked, by series id: one statement for all of them (a primary-key probe
 * each), none when no appointment is part of a series. The rule is the JSON bookSeries stored ({ recurrence, end,
 * skipDates }); a row that does not read as one is left out (its visits then say "repeating series").
 */
export async function seriesAsBooked(db: Kysely<Database>, seriesIds: Iterable<string | null>): Promise<Map<string, AppointmentSeries>> {
  const ids = [...new Set([...seriesIds].filter((id): id is string => id !== null))];
  const map = new Map<string, AppointmentSeries>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('appointment_series').select(['id', 'rule', 'first_date']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const row of rows) {
      const series = parseSeries(row.rule, row.first_date);
      if (series) map.set(row.id, series);
    }
  }
  return map;
}
