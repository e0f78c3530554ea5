import type { Kysely } from 'kysely';
import type { AuditDetail } from '../../../shared/contract/audit';
import type { WaitlistEntryView, WaitlistSuggestion } from '../../../shared/contract/scheduling';
import { formatPhone } from '../../../shared/patients/phone';
import type { TimeWindow, WaitlistFields } from '../../../shared/scheduling/schemas';
import { isoWeekday, localPartsOf } from '../../../shared/scheduling/time';
import type { AuditService } from '../audit/service';
import type { AppointmentStatusValue, Database, PatientRow, WaitlistClosedReason, WaitlistEntryRow } from '../db/schema';
import { ClinicFailure } from '../errors';
import { v7 as uuidv7 } from 'uuid';
import { listRooms, patientName, requireBookablePatient, requireProvider, requireType, typeProviders } from './repository';
import type { Actor } from './booking';
import { clinicTimeZone } from './clinic-zone';
import type { SchedulingDeps } from './setup';
import { findOpenSlots } from './slots';
import { writeTransaction } from './write-lock';

export interface WaitlistRowWithNames extends WaitlistEntryRow {
  first_name: string;
  last_name: string;
  phone_mobile: string | null;
  phone_home: string | null;
  phone_work: string | null;
  preferred_phone: PatientRow['preferred_phone'];
  type_name: string;
  /** Full name of the staff account that closed it (booked or removed), if any. */
  closed_by_name: string | null;
  /** The visit booked from it, as it is now (null when none or not there): start, status and provider's name. */
  visit_start_at: number | null;
  visit_status: AppointmentStatusValue | null;
  visit_provider_name: string | null;
}

/**
 * Waitlist entries with the names a view shows and the visit each was booked into (its current time, status and
 * provider), in one statement: the visit is a primary-key probe per booked entry, none for open ones.
 */
export function waitlistQuery(db: Kysely<Database>) {
  return db
    .selectFrom('waitlist_entry as w')
    .innerJoin('patient as p', 'p.id', 'w.patient_id')
    .innerJoin('appointment_type as t', 't.id', 'w.type_id')
    .leftJoin('staff_user as closer', 'closer.id', 'w.closed_by')
    .leftJoin('appointment as visit', 'visit.id', 'w.booked_appointment_id')
    .leftJoin('provider as visit_provider', 'visit_provider.id', 'visit.provider_id')
    .selectAll('w')
    .select([
      'p.first_name',
      'p.last_name',
      'p.phone_mobile',
      'p.phone_home',
      'p.phone_work',
      'p.preferred_phone',
      't.name as type_name',
      'closer.full_name as closed_by_name',
      'visit.start_at as visit_start_at',
      'visit.status as visit_status',
      'visit_provider.name as visit_provider_name',
    ]);
}

/** The number the desk calls, as stored (E.164): the preferred one, else the first there is. */
export function preferredPhoneNumber(p: Pick<PatientRow, 'phone_mobile' | 'phone_home' | 'phone_work' | 'preferred_phone'>): string | null {
  const preferred = p.preferred_phone === 'mobile' ? p.phone_mobile : p.preferred_phone === 'home' ? p.phone_home : p.preferred_phone === 'work' ? p.phone_work : null;
  return preferred ?? p.phone_mobile ?? p.phone_home ?? p.phone_work;
}

/** The number the desk calls, formatted for reading out. */
export function preferredPhoneOf(p: Pick<PatientRow, 'phone_mobile' | 'phone_home' | 'phone_work' | 'preferred_phone'>): string | null {
  const phone = preferredPhoneNumber(p);
  return phone ? formatPhone(phone) : null;
}

function parseList<T>(json: string): T[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

type ClosedVisit = NonNullable<NonNullable<WaitlistEntryView['closed']>['visit']>;

/** The booked visit on the clinic's clock (`zone`), as it is now; null when the entry points at none that is there. */
function closedVisit(row: WaitlistRowWithNames, zone: string): ClosedVisit | null {
  if (row.visit_start_at === null || row.visit_status === null) return null;
  const start = localPartsOf(row.visit_start_at, zone);
  return { date: start.date, startTime: start.time, occurrence: start.occurrence, providerName: row.visit_provider_name ?? 'a provider no longer listed', status: row.visit_status };
}

/** An entry as the screens show it; `zone` (the clinic's) puts the booked visit's day and time on the clinic's clock. */
export function waitlistEntryView(row: WaitlistRowWithNames, zone: string): WaitlistEntryView {
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: patientName(row),
    phone: preferredPhoneOf(row),
    typeId: row.type_id,
    typeName: row.type_name,
    providerIds: parseList<string>(row.provider_ids),
    weekdays: parseList<number>(row.weekdays),
    timeWindows: parseList<TimeWindow>(row.time_windows),
    fromDate: row.from_date,
    toDate: row.to_date,
    note: row.note,
    active: row.active === 1,
    createdAt: row.created_at,
    closed:
      row.active !== 1 && row.closed_reason !== null && row.closed_at !== null
        ? {
            reason: row.closed_reason,
            at: row.closed_at,
            byName: row.closed_by_name ?? null,
            appointmentId: row.booked_appointment_id,
            visit: row.closed_reason === 'booked' ? closedVisit(row, zone) : null,
          }
        : null,
  };
}

export function waitlistColumns(entry: WaitlistFields) {
  return {
    patient_id: entry.patientId,
    type_id: entry.typeId,
    provider_ids: JSON.stringify([...new Set(entry.providerIds)]),
    weekdays: JSON.stringify([...entry.weekdays].sort((a, b) => a - b)),
    time_windows: JSON.stringify(entry.timeWindows),
    from_date: entry.fromDate,
    to_date: entry.toDate,
    note: entry.note,
    active: entry.active ? 1 : 0,
  };
}

/**
 * The waitlist entry a booking is made from ("Offer this slot"): it must still be open and be this patient's. Checked
 * inside the booking's transaction, so a second desk offering the same entry is refused and books nothing.
 */
export async function requireOpenWaitlistEntry(db: Kysely<Database>, id: string, patientId: string, path: string): Promise<WaitlistEntryRow> {
  const entry = await db.selectFrom('waitlist_entry').selectAll().where('id', '=', id).executeTakeFirst();
  if (!entry) throw new ClinicFailure('NOT_FOUND', 'That waitlist entry does not exist any more, so nothing was booked. Reload the waitlist.');
  if (entry.patient_id !== patientId) {
    const message = 'That waitlist entry is for another patient, so nothing was booked. Offer the slot from this patient’s own entry.';
    throw new ClinicFailure('VALIDATION', message, [{ path, message }]);
  }
  if (entry.active !== 1) {
    throw new ClinicFailure('CONFLICT', 'That waitlist entry is already closed (booked or taken off the waitlist), so nothing was booked. Reload the waitlist.');
  }
  return entry;
}

/**
 * Closes the entry a booking was made from: booked, into `appointmentId` (the first visit of a series), when and by
 * whom, in the booking's transaction and audited there (change code and appointment id only). The caller has checked
 * that it is open (requireOpenWaitlistEntry).
 */
export async function closeBookedWaitlistEntry(
  trx: Kysely<Database>,
  audit: AuditService,
  by: Actor,
  booked: { entryId: string; patientId: string; appointmentId: string | null; at: number },
): Promise<void> {
  await trx
    .updateTable('waitlist_entry')
    .set({ ...closedColumns('booked', booked.at, by.userId), booked_appointment_id: booked.appointmentId, updated_at: booked.at, updated_by: by.userId })
    .where('id', '=', booked.entryId)
    .execute();
  const detail = { fields: ['active'], change: 'booked', appointmentId: booked.appointmentId };
  await audit.record(trx, by, { action: 'record.update', entityType: 'waitlist_entry', entityId: booked.entryId, patientId: booked.patientId, detail });
}

function closedColumns(reason: WaitlistClosedReason, at: number, userId: string) {
  return { active: 0, closed_reason: reason, closed_at: at, closed_by: userId };
}

const OPEN_COLUMNS = { closed_reason: null, closed_at: null, closed_by: null, booked_appointment_id: null } as const;

/** Saving an entry that is already closed and stays closed would overwrite how it was closed: refused, nothing changed. */
function alreadyClosed(entry: WaitlistEntryRow): ClinicFailure {
  const how =
    entry.closed_reason === 'booked'
      ? 'the patient was booked from it'
      : entry.closed_reason === 'removed'
        ? 'it was taken off the waitlist'
        : 'booked or taken off the waitlist';
  return new ClinicFailure('CONFLICT', `That waitlist entry is already closed (${how}), so nothing was changed. Reload the waitlist.`);
}

/** The desk read the entry open and it is closed now (or the other way round): another desk booked, removed or put it back. */
function changedElsewhere(entry: WaitlistEntryRow): ClinicFailure {
  if (entry.active === 1) return new ClinicFailure('CONFLICT', 'That waitlist entry was put back on the waitlist at another desk, so nothing was changed. Reload the waitlist.');
  return alreadyClosed(entry);
}

export const MAX_SUGGESTIONS = 10;

/**
 * Waitlisted patients who could take a provider's time that starts in [fromAt, toAt) — freed by a cancellation,
 * a move or a no-show. An entry matches when it is active and its dates, providers (or any), weekdays and time
 * windows allow it, the provider offers its type, and an open slot for its type (length and buffer, a room if
 * needed, the provider's hours and other appointments) starts inside the freed time. Oldest entries first.
 */
export async function waitlistSuggestionsFor(
  db: Kysely<Database>,
  freed: { zone: string; providerId: string; fromAt: number; toAt: number; now: number; excludePatientId?: string | null },
): Promise<WaitlistSuggestion[]> {
  const { zone } = freed;
  if (freed.toAt <= freed.now) return [];
  const date = localPartsOf(freed.fromAt, zone).date;
  const provider = await db.selectFrom('provider').selectAll().where('id', '=', freed.providerId).executeTakeFirst();
  if (!provider || provider.active !== 1) return [];
  const entries = await waitlistQuery(db)
    .where('w.active', '=', 1)
    .where('w.from_date', '<=', date)
    .where('w.to_date', '>=', date)
    .orderBy('w.created_at')
    .orderBy('w.id')
    .execute();
  if (entries.length === 0) return [];
  const offered = await typeProviders(db);
  const rooms = (await listRooms(db)).filter((r) => r.active === 1);
  const weekday = isoWeekday(date);
  const suggestions: WaitlistSuggestion[] = [];
  for (const row of entries) {
    if (suggestions.length >= MAX_SUGGESTIONS) break;
    if (freed.excludePatientId && row.patient_id === freed.excludePatientId) continue;
    const view = waitlistEntryView(row, zone);
    if (view.providerIds.length > 0 && !view.providerIds.includes(provider.id)) continue;
    if (view.weekdays.length > 0 && !view.weekdays.includes(weekday)) continue;
    if (!(offered.get(row.type_id) ?? []).includes(provider.id)) continue;
    const type = await db.selectFrom('appointment_type').selectAll().where('id', '=', row.type_id).executeTakeFirst();
    if (!type || type.active !== 1) continue;
    const [slot] = await findOpenSlots(db, {
      zone,
      type,
      providers: [provider],
      rooms,
      fromDate: date,
      toDate: date,
      weekdays: [],
      timeWindows: view.timeWindows,
      step: 5,
      limit: 1,
      notBefore: freed.now,
      startWithin: { startAt: freed.fromAt, endAt: freed.toAt },
    });
    if (slot) suggestions.push({ entry: view, slot });
  }
  return suggestions;
}

/**
 * `scheduling:saveWaitlistEntry`: adds or changes an entry (patient, type and providers must exist), audited. Taking
 * an entry off (active → false) records it as removed, when and by whom; putting it back clears that. An entry already
 * closed cannot be saved closed again (that would overwrite how it was closed). One write transaction with the write
 * lock, so the check sees what another desk just booked or removed.
 */
export function createWaitlistEntries({ db, audit, now }: SchedulingDeps) {
  async function saveWaitlistEntry(input: { id?: string | undefined; entry: WaitlistFields; wasActive?: boolean | undefined }, by: Actor): Promise<WaitlistEntryView> {
    const id = await writeTransaction(db(), async (trx) => {
      await requireBookablePatient(trx, input.entry.patientId);
      await requireType(trx, input.entry.typeId);
      for (const providerId of input.entry.providerIds) await requireProvider(trx, providerId);
      const at = now();
      const columns = waitlistColumns(input.entry);
      const removed = closedColumns('removed', at, by.userId);
      if (input.id === undefined) {
        const id = uuidv7();
        const outcome = input.entry.active ? {} : removed;
        await trx.insertInto('waitlist_entry').values({ id, ...columns, ...outcome, created_at: at, created_by: by.userId, updated_at: at, updated_by: by.userId }).execute();
        await audit.record(trx, by, { action: 'record.create', entityType: 'waitlist_entry', entityId: id, patientId: input.entry.patientId });
        return id;
      }
      const before = await trx.selectFrom('waitlist_entry').selectAll().where('id', '=', input.id).executeTakeFirst();
      if (!before) throw new ClinicFailure('NOT_FOUND', 'That waitlist entry does not exist any more. Reload the waitlist.');
      const wasOpen = before.active === 1;
      if (input.wasActive !== undefined && input.wasActive !== wasOpen) throw changedElsewhere(before);
      if (!wasOpen && !input.entry.active) throw alreadyClosed(before);
      const change = wasOpen === input.entry.active ? null : wasOpen ? 'removed' : 'reopened';
      const outcome = change === 'removed' ? removed : change === 'reopened' ? OPEN_COLUMNS : {};
      await trx.updateTable('waitlist_entry').set({ ...columns, ...outcome, updated_at: at, updated_by: by.userId }).where('id', '=', before.id).execute();
      const fields = Object.keys(columns).filter((k) => before[k as keyof typeof columns] !== columns[k as keyof typeof columns]);
      const detail: AuditDetail = change === null ? { fields } : { fields, change };
      await audit.record(trx, by, { action: 'record.update', entityType: 'waitlist_entry', entityId: before.id, patientId: input.entry.patientId, detail });
      return before.id;
    });
    const database = db();
    const row = await waitlistQuery(database).where('w.id', '=', id).executeTakeFirstOrThrow();
    return waitlistEntryView(row, await clinicTimeZone(database));
  }

  return { saveWaitlistEntry };
}
