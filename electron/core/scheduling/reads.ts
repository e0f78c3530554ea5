import { sql, type Kysely } from 'kysely';
import type { AppointmentView, DayView, OpenSlot, WaitlistEntryView, WaitlistSuggestion } from '../../../shared/contract/scheduling';
import { buildIcs } from '../../../shared/scheduling/ics';
import type { SlotSearchInput } from '../../../shared/scheduling/schemas';
import { MAX_SLOT_SEARCH_DAYS } from '../../../shared/scheduling/schemas';
import { CANCEL_REASON_LABELS, REMINDER_OUTCOME_LABELS, STATUS_LABELS, type AppointmentStatus, type CancelReason, type ReminderOutcome } from '../../../shared/scheduling/status';
import { addDays, clinicToday, dayClock, daysBetween, daysInMonth, gridRows, isoWeekday, localPartsOf, mondayOf, shortDate, type GridRow, type GridStep } from '../../../shared/scheduling/time';
import { readSetting, SETTINGS } from '../app/settings';
import type { AuditedBy } from '../audit/service';
import type { Database, ProviderRow, RoomRow } from '../db/schema';
import { ClinicFailure } from '../errors';
import { availabilityOn, blockedOn } from './availability';
import { bookSetup } from './book-setup';
import { clinicTimeZone } from './clinic-zone';
import { appointmentsWithNames, appointmentWithNames, bookRowsBetween, bookRowsOfPatient, listProviders, listRooms, loadExceptions, providerNotFound, requireProvider, requireType, typeProviders } from './repository';
import type { SchedulingDeps } from './setup';
import { findOpenSlots } from './slots';
import { appointmentViews, bookViews } from './views';
import { preferredPhoneOf, waitlistEntryView, waitlistQuery, waitlistSuggestionsFor } from './waitlist';

type DayColumn = DayView['columns'][number];

/** The window of the day grid when no provider works that day. */
const DEFAULT_GRID_WINDOW = { fromMinute: 8 * 60, toMinute: 17 * 60 };

function describeTime(instant: number, zone: string): string {
  const p = localPartsOf(instant, zone);
  return `${shortDate(p.date)} ${p.time}`;
}

/**
 * What the screens read: the day (by provider or by room), a provider's week, month counts, the grid rows, one
 * appointment with its history, a patient's appointments, the check-in board, the reminder call list, open slots,
 * the waitlist and .ics files.
 */
export function createSchedulingReads({ db, audit, now }: SchedulingDeps) {
  async function appointmentsBetween(database: Kysely<Database>, zone: string, fromAt: number, toAt: number, filter?: { providerId?: string }): Promise<AppointmentView[]> {
    return bookViews(database, await bookRowsBetween(database, fromAt, toAt, filter?.providerId || null), zone);
  }

  async function day(input: { date: string; by: 'provider' | 'room'; includeInactive: boolean }): Promise<DayView> {
    const database = db();
    const { zone, providers: everyProvider, hours } = await bookSetup(database);
    const clock = dayClock(input.date, zone);
    const appointments = await appointmentsBetween(database, zone, clock.startAt, clock.endAt);
    const exceptions = await loadExceptions(database, input.date, input.date);
    let columns: DayColumn[];
    if (input.by === 'provider') {
      const providers = everyProvider.filter((p) => input.includeInactive || p.active === 1 || appointments.some((a) => a.providerId === p.id));
      columns = providers.map((p) => {
        const availability = availabilityOn(input.date, p.id, hours.get(p.id), exceptions, zone, clock);
        return {
          kind: 'provider',
          id: p.id,
          name: p.name,
          color: p.color,
          hours: availability.hours,
          blocked: availability.blocked.map(({ range: _range, ...b }) => b),
          appointments: appointments.filter((a) => a.providerId === p.id),
        };
      });
    } else {
      const rooms = (await listRooms(database)).filter((r) => input.includeInactive || r.active === 1 || appointments.some((a) => a.roomId === r.id));
      const clinicWide = blockedOn(clock, null, exceptions).map(({ range: _range, ...b }) => b);
      columns = rooms.map((r) => ({ kind: 'room', id: r.id, name: r.name, color: null, hours: [], blocked: clinicWide, appointments: appointments.filter((a) => a.roomId === r.id) }));
    }
    return { date: input.date, timeZone: zone, startAt: clock.startAt, endAt: clock.endAt, minutesInDay: clock.minutes, columns };
  }

  async function week(input: { providerId: string; date: string }) {
    const database = db();
    const { zone, providers, hours } = await bookSetup(database);
    const provider = providers.find((p) => p.id === input.providerId);
    if (!provider) throw providerNotFound();
    const monday = mondayOf(input.date);
    const sunday = addDays(monday, 6);
    const clocks = Array.from({ length: 7 }, (_, i) => dayClock(addDays(monday, i), zone));
    const appointments = await appointmentsBetween(database, zone, (clocks[0] as (typeof clocks)[number]).startAt, (clocks[6] as (typeof clocks)[number]).endAt, { providerId: provider.id });
    const exceptions = await loadExceptions(database, monday, sunday, [provider.id]);
    return {
      providerId: provider.id,
      timeZone: zone,
      days: clocks.map((clock) => {
        const availability = availabilityOn(clock.date, provider.id, hours.get(provider.id), exceptions, zone, clock);
        return {
          kind: 'provider' as const,
          id: provider.id,
          name: provider.name,
          color: provider.color,
          date: clock.date,
          startAt: clock.startAt,
          endAt: clock.endAt,
          hours: availability.hours,
          blocked: availability.blocked.map(({ range: _range, ...b }) => b),
          appointments: appointments.filter((a) => a.startAt >= clock.startAt && a.startAt < clock.endAt),
        };
      }),
    };
  }

  /** Counts per clinic day: one range read of start times, bucketed by the days' first instants (no per-row zone math). */
  async function month(input: { month: string; providerId: string | null }) {
    const database = db();
    const zone = await clinicTimeZone(database);
    const days = daysInMonth(input.month);
    const clocks = Array.from({ length: days }, (_, i) => dayClock(`${input.month}-${String(i + 1).padStart(2, '0')}`, zone));
    let query = database
      .selectFrom('appointment as a')
      .select(['a.start_at', 'a.status', 'a.overbook_reason'])
      .where('a.start_at', '>=', (clocks[0] as (typeof clocks)[number]).startAt)
      .where('a.start_at', '<', (clocks[days - 1] as (typeof clocks)[number]).endAt);
    if (input.providerId) query = query.where('a.provider_id', '=', input.providerId);
    const rows = await query.orderBy('a.start_at').execute();
    const counts = clocks.map((c) => ({ date: c.date, booked: 0, overbooked: 0, cancelled: 0 }));
    let d = 0;
    for (const row of rows) {
      while (d < days - 1 && row.start_at >= (clocks[d] as (typeof clocks)[number]).endAt) d += 1;
      const count = counts[d] as (typeof counts)[number];
      if (row.status === 'cancelled') count.cancelled += 1;
      else {
        count.booked += 1;
        if (row.overbook_reason !== null) count.overbooked += 1;
      }
    }
    return { month: input.month, days: counts };
  }

  /** Grid rows within the working hours of the day (all active providers), or the whole day. */
  async function dayGrid(input: { date: string; step: GridStep; wholeDay: boolean }): Promise<{ rows: GridRow[] }> {
    const { zone, providers, hours } = await bookSetup(db());
    if (input.wholeDay) return { rows: gridRows(input.date, zone, input.step) };
    const blocks = providers.filter((p) => p.active === 1).flatMap((p) => hours.get(p.id)?.get(isoWeekday(input.date)) ?? []);
    const window =
      blocks.length === 0
        ? DEFAULT_GRID_WINDOW
        : { fromMinute: Math.min(...blocks.map((b) => b.start)), toMinute: Math.max(...blocks.map((b) => b.end)) };
    return { rows: gridRows(input.date, zone, input.step, window) };
  }

  async function get(input: { id: string }, by: AuditedBy) {
    const database = db();
    const zone = await clinicTimeZone(database);
    const row = await appointmentWithNames(database, input.id);
    const [appointment] = await appointmentViews(database, [row], zone);
    const providerNames = new Map((await listProviders(database)).map((p) => [p.id, p.name]));
    const changes = await database
      .selectFrom('appointment_change as c')
      .leftJoin('staff_user as s', 's.id', 'c.changed_by')
      .select(['c.kind', 'c.old_start_at', 'c.new_start_at', 'c.old_provider_id', 'c.new_provider_id', 'c.old_end_at', 'c.new_end_at', 'c.note', 'c.changed_at', 's.full_name'])
      .where('c.appointment_id', '=', row.id)
      .execute();
    const statuses = await database
      .selectFrom('appointment_status_event as e')
      .leftJoin('staff_user as s', 's.id', 'e.by')
      .select(['e.status', 'e.at', 's.full_name'])
      .where('e.appointment_id', '=', row.id)
      .execute();
    const reminders = await database
      .selectFrom('appointment_reminder as m')
      .leftJoin('staff_user as s', 's.id', 'm.by')
      .select(['m.outcome', 'm.at', 's.full_name'])
      .where('m.appointment_id', '=', row.id)
      .execute();
    const place = (at: number | null, providerId: string | null) => (at === null ? '' : `${describeTime(at, zone)} (${providerNames.get(providerId ?? '') ?? 'unknown provider'})`);
    const history = [
      ...changes
        .filter((c) => c.kind !== 'cancelled')
        .map((c) => ({
          at: c.changed_at,
          by: c.full_name ?? null,
          what: c.kind,
          description:
            c.kind === 'booked'
              ? `Booked for ${place(c.new_start_at, c.new_provider_id)}`
              : c.kind === 'rescheduled'
                ? `Moved from ${place(c.old_start_at, c.old_provider_id)} to ${place(c.new_start_at, c.new_provider_id)}`
                : c.kind === 'resized'
                  ? `Length changed from ${Math.round(((c.old_end_at ?? 0) - (c.old_start_at ?? 0)) / 60_000)} to ${Math.round(((c.new_end_at ?? 0) - (c.new_start_at ?? 0)) / 60_000)} minutes`
                  : `Changed ${c.note ?? 'details'}`,
        })),
      ...statuses
        .filter((s) => s.status !== 'booked')
        .map((s) => ({
          at: s.at,
          by: s.full_name ?? null,
          what: s.status === 'cancelled' ? 'cancelled' : 'status',
          description:
            s.status === 'cancelled'
              ? `Cancelled: ${CANCEL_REASON_LABELS[(row.cancel_reason ?? 'other') as CancelReason]}${row.cancel_note ? ` (${row.cancel_note})` : ''}`
              : `Marked ${STATUS_LABELS[s.status as AppointmentStatus].toLowerCase()}`,
        })),
      ...reminders.map((m) => ({ at: m.at, by: m.full_name ?? null, what: 'reminder', description: `Reminder call: ${REMINDER_OUTCOME_LABELS[m.outcome as ReminderOutcome].toLowerCase()}` })),
    ].sort((a, b) => a.at - b.at);
    await audit.record(database, by, { action: 'record.open', entityType: 'appointment', entityId: row.id, patientId: row.patient_id });
    return { appointment: appointment as AppointmentView, history };
  }

  async function patientAppointments(input: { patientId: string }) {
    const database = db();
    const zone = await clinicTimeZone(database);
    const views = await bookViews(database, await bookRowsOfPatient(database, input.patientId), zone);
    const at = now();
    return { upcoming: views.filter((v) => v.endAt > at).reverse(), past: views.filter((v) => v.endAt <= at) };
  }

  async function checkInBoard() {
    const database = db();
    const zone = await clinicTimeZone(database);
    const at = now();
    const clock = dayClock(clinicToday(zone, at), zone);
    const rows = await appointmentsWithNames(database)
      .where('a.start_at', '>=', clock.startAt)
      .where('a.start_at', '<', clock.endAt)
      .where('a.status', 'in', ['arrived', 'in_room'])
      .orderBy('a.start_at')
      .execute();
    const views = await appointmentViews(database, rows, zone);
    const events =
      rows.length === 0
        ? []
        : await database
            .selectFrom('appointment_status_event')
            .select(['appointment_id', 'status', 'at'])
            .where('appointment_id', 'in', rows.map((r) => r.id))
            .where('status', 'in', ['arrived', 'in_room'])
            .orderBy('at')
            .execute();
    const latest = (id: string, status: string) => events.filter((e) => e.appointment_id === id && e.status === status).at(-1)?.at ?? null;
    const entries = views.map((appointment) => {
      const arrivedAt = latest(appointment.id, 'arrived');
      const inRoomAt = appointment.status === 'in_room' ? latest(appointment.id, 'in_room') : null;
      // In the waiting room since arrival; in the exam room since being roomed.
      const waitingSince = (appointment.status === 'in_room' ? inRoomAt : arrivedAt) ?? appointment.statusAt;
      return { appointment, arrivedAt, inRoomAt, waitingSince, waitingMinutes: Math.max(0, Math.floor((at - waitingSince) / 60_000)) };
    });
    entries.sort((a, b) => a.waitingSince - b.waitingSince);
    return { now: at, entries };
  }

  async function reminderList(input: { date: string }) {
    const database = db();
    const zone = await clinicTimeZone(database);
    const clock = dayClock(input.date, zone);
    const rows = await appointmentsWithNames(database)
      .select(['p.preferred_contact_method', 'p.preferred_language', 'p.interpreter_needed'])
      .where('a.start_at', '>=', clock.startAt)
      .where('a.start_at', '<', clock.endAt)
      .where('a.status', 'in', ['booked', 'confirmed'])
      .orderBy('a.start_at')
      .orderBy('a.id')
      .execute();
    const views = await appointmentViews(database, rows, zone);
    return {
      date: input.date,
      entries: rows.map((row, i) => ({
        appointment: views[i] as AppointmentView,
        phone: preferredPhoneOf(row),
        preferredContactMethod: row.preferred_contact_method,
        language: row.preferred_language,
        interpreterNeeded: row.interpreter_needed === 1,
        confirmed: row.status === 'confirmed',
      })),
    };
  }

  async function findSlots(input: SlotSearchInput): Promise<{ slots: OpenSlot[] }> {
    if (daysBetween(input.fromDate, input.toDate) + 1 > MAX_SLOT_SEARCH_DAYS) {
      const message = `Search at most ${MAX_SLOT_SEARCH_DAYS} days at a time. Choose an earlier last day.`;
      throw new ClinicFailure('VALIDATION', message, [{ path: 'toDate', message }]);
    }
    const database = db();
    const zone = await clinicTimeZone(database);
    const type = await requireType(database, input.typeId);
    if (type.active !== 1) return { slots: [] };
    const offeredBy = new Set((await typeProviders(database, type.id)).get(type.id) ?? []);
    const everyProvider = await listProviders(database);
    let providers: ProviderRow[] = everyProvider.filter((p) => p.active === 1 && offeredBy.has(p.id));
    if (input.providerId !== null) {
      if (!everyProvider.some((p) => p.id === input.providerId)) throw providerNotFound();
      providers = providers.filter((p) => p.id === input.providerId);
    }
    const rooms: RoomRow[] = (await listRooms(database)).filter((r) => r.active === 1);
    const slots = await findOpenSlots(database, {
      zone,
      type,
      providers,
      rooms,
      fromDate: input.fromDate,
      toDate: input.toDate,
      weekdays: input.weekdays,
      timeWindows: input.timeWindows,
      step: input.step,
      limit: input.limit,
      notBefore: now(),
    });
    return { slots };
  }

  async function listWaitlist(input: { includeInactive: boolean }): Promise<{ entries: WaitlistEntryView[] }> {
    const database = db();
    const zone = await clinicTimeZone(database);
    let query = waitlistQuery(database);
    if (!input.includeInactive) query = query.where('w.active', '=', 1);
    const rows = await query.orderBy('w.created_at').orderBy('w.id').execute();
    return { entries: rows.map((row) => waitlistEntryView(row, zone)) };
  }

  async function waitlistForSlot(input: { providerId: string; startAt: number; endAt: number }): Promise<{ suggestions: WaitlistSuggestion[] }> {
    const database = db();
    await requireProvider(database, input.providerId);
    const zone = await clinicTimeZone(database);
    return { suggestions: await waitlistSuggestionsFor(database, { zone, providerId: input.providerId, fromAt: input.startAt, toAt: input.endAt, now: now() }) };
  }

  async function exportIcs(input: { id: string }, by: AuditedBy): Promise<{ fileName: string; content: string }> {
    const database = db();
    const zone = await clinicTimeZone(database);
    const row = await appointmentWithNames(database, input.id);
    const clinicName = (await readSetting(database, SETTINGS.clinicName)) ?? 'the clinic';
    const local = localPartsOf(row.start_at, zone);
    const content = buildIcs({
      uid: `${row.id}@caredesk`,
      startAt: row.start_at,
      endAt: row.end_at,
      stampAt: now(),
      summary: `${row.type_name} with ${row.provider_name}`,
      location: row.type_mode === 'telehealth' ? 'Video visit' : clinicName,
      description: row.type_mode === 'telehealth' && row.telehealth_link ? `Join: ${row.telehealth_link}` : `${clinicName}. Please arrive 10 minutes early.`,
      url: row.type_mode === 'telehealth' ? row.telehealth_link : null,
      status: row.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    });
    await audit.record(database, by, { action: 'export', entityType: 'appointment', entityId: row.id, patientId: row.patient_id, detail: { format: 'ics' } });
    return { fileName: `appointment-${local.date}-${local.time.replace(':', '')}.ics`, content };
  }

  return { day, week, month, dayGrid, get, patientAppointments, checkInBoard, reminderList, findSlots, listWaitlist, waitlistForSlot, exportIcs };
}

/**
 * For patient search results (electron/core/patients/search, another area's module): each patient's next booked or
 * confirmed visit at or after `now`, in one statement for all of them (a short range of (patient_id, start_at) per
 * patient), not one query per result.
 */
export async function nextAppointmentsFor(db: Kysely<Database>, patientIds: readonly string[], now: number): Promise<Map<string, number>> {
  const map = new Map<string, number>();
  for (let i = 0; i < patientIds.length; i += 500) {
    const rows = await db
      .selectFrom('appointment')
      .select(['patient_id', sql<number | null>`min(start_at)`.as('next')])
      .where('patient_id', 'in', patientIds.slice(i, i + 500))
      .where('start_at', '>=', now)
      .where('status', 'in', ['booked', 'confirmed'])
      .groupBy('patient_id')
      .execute();
    for (const row of rows) if (row.next !== null) map.set(row.patient_id, Number(row.next));
  }
  return map;
}
