import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AppointmentView, RuleProblem, WaitlistSuggestion } from '../../../shared/contract/scheduling';
import type { BookingInput, CancelInput, DetailsInput, LocalStart, RescheduleInput, SeriesBookingInput, SeriesScope, StatusChangeInput } from '../../../shared/scheduling/schemas';
import { canMoveTo, holdsTime, isChangeable, STATUS_LABELS, type ReminderOutcome } from '../../../shared/scheduling/status';
import { occurrenceDates, scopeTargets } from '../../../shared/scheduling/recurrence';
import { localPartsOf, resolveLocalTime } from '../../../shared/scheduling/time';
import type { Role } from '../../../shared/roles';
import type { AuditedBy } from '../audit/service';
import type { AppointmentRow, AppointmentTypeRow, Database, ProviderRow, RoomRow } from '../db/schema';
import { ClinicFailure } from '../errors';
import { clinicTimeZone } from './clinic-zone';
import {
  bookRowsByIds,
  loadExceptions,
  loadHours,
  requireAppointment,
  requireBookablePatient,
  requireProvider,
  requireRoom,
  requireType,
  typeProviders,
} from './repository';
import { applyDecisions, checkPlacement, checkRestoredTime, type Decisions, type Placement, type PlacementSubjects, type ProblemDraft } from './rules';
import { planSeriesMove } from './series-moves';
import type { SchedulingDeps } from './setup';
import { bookViews } from './views';
import { closeBookedWaitlistEntry, requireOpenWaitlistEntry, waitlistSuggestionsFor } from './waitlist';
import { writeTransaction } from './write-lock';

/** Who is acting: the audit trail's attribution plus the role (overrides depend on it). */
export type Actor = AuditedBy & { role: Role };

type SavedSeries = { outcome: 'saved'; seriesId: string | null; appointments: AppointmentView[]; waitlistSuggestions: WaitlistSuggestion[] };
type SavedOne = { outcome: 'saved'; appointment: AppointmentView; waitlistSuggestions: WaitlistSuggestion[] };
type NotSaved = { outcome: 'not-saved'; problems: RuleProblem[] };

/** A wall-clock start that must exist and be unambiguous; otherwise a VALIDATION failure on start.time. */
function resolveStart(start: LocalStart, zone: string): number {
  const resolved = resolveLocalTime(start.date, start.time, zone, start.occurrence ?? null);
  if (!resolved.ok) throw new ClinicFailure('VALIDATION', resolved.message, [{ path: resolved.problem === 'ambiguous' ? 'start.occurrence' : 'start.time', message: resolved.message }]);
  return resolved.startAt;
}

function notChangeable(row: AppointmentRow, verb: string): ClinicFailure {
  return new ClinicFailure('CONFLICT', `This visit is ${STATUS_LABELS[row.status].toLowerCase()}, so it can no longer be ${verb}. Reload the book.`);
}

interface SubjectCache {
  providers: Map<string, ProviderRow>;
  rooms: Map<string, RoomRow>;
  types: Map<string, AppointmentTypeRow>;
  offered: Map<string, string[]>;
}

async function subjectsFor(trx: Kysely<Database>, cache: SubjectCache, providerId: string, roomId: string | null, typeId: string): Promise<PlacementSubjects> {
  let provider = cache.providers.get(providerId);
  if (!provider) cache.providers.set(providerId, (provider = await requireProvider(trx, providerId)));
  let room: RoomRow | null = null;
  if (roomId !== null) {
    room = cache.rooms.get(roomId) ?? null;
    if (!room) cache.rooms.set(roomId, (room = await requireRoom(trx, roomId)));
  }
  let type = cache.types.get(typeId);
  if (!type) cache.types.set(typeId, (type = await requireType(trx, typeId)));
  return { provider, room, type, offeredBy: cache.offered.get(typeId) ?? [] };
}

async function newCache(trx: Kysely<Database>): Promise<SubjectCache> {
  return { providers: new Map(), rooms: new Map(), types: new Map(), offered: await typeProviders(trx) };
}

/** A telehealth type never takes a room. */
function roomFor(type: AppointmentTypeRow, roomId: string | null): string | null {
  return type.mode === 'telehealth' ? null : roomId;
}

/**
 * Booking and every change to an appointment. Each runs in one write transaction that holds the database's write
 * lock from its first statement (writeTransaction): the rule checks, the write, its history rows and its audit
 * entries commit together, and a second workstation taking the same slot waits, then sees the first booking and is
 * told the slot is taken. Rule problems return `not-saved` with nothing written.
 */
export function createBooking({ db, audit, now }: SchedulingDeps) {
  async function insertAppointment(
    trx: Kysely<Database>,
    values: Omit<
      AppointmentRow,
      'id' | 'status' | 'status_at' | 'series_exception' | 'cancel_reason' | 'cancel_note' | 'reminder_outcome' | 'reminder_at' | 'reminder_by' | 'created_at' | 'created_by' | 'updated_at' | 'updated_by'
    >,
    by: Actor,
  ): Promise<string> {
    const id = uuidv7();
    const at = now();
    await trx
      .insertInto('appointment')
      .values({ id, ...values, status: 'booked', status_at: at, series_exception: 0, cancel_reason: null, cancel_note: null, created_at: at, created_by: by.userId, updated_at: at, updated_by: by.userId })
      .execute();
    await trx
      .insertInto('appointment_change')
      .values({
        id: uuidv7(),
        appointment_id: id,
        kind: 'booked',
        old_start_at: null,
        old_end_at: null,
        old_provider_id: null,
        old_room_id: null,
        new_start_at: values.start_at,
        new_end_at: values.end_at,
        new_provider_id: values.provider_id,
        new_room_id: values.room_id,
        note: null,
        changed_at: at,
        changed_by: by.userId,
      })
      .execute();
    await trx.insertInto('appointment_status_event').values({ id: uuidv7(), appointment_id: id, status: 'booked', at, by: by.userId }).execute();
    await audit.record(trx, by, {
      action: 'record.create',
      entityType: 'appointment',
      entityId: id,
      patientId: values.patient_id,
      detail: { overbooked: values.overbook_reason !== null, override: values.override_reason !== null, ...(values.series_id ? { seriesId: values.series_id } : {}) },
    });
    return id;
  }

  /** The saved appointments as the book shows them: one statement for all of them (names and last reminder call included). */
  async function viewsOf(trx: Kysely<Database>, ids: readonly string[], zone: string): Promise<AppointmentView[]> {
    return bookViews(trx, await bookRowsByIds(trx, ids), zone);
  }

  async function environment(trx: Kysely<Database>, providerIds: readonly string[], fromDate: string, toDate: string) {
    return { hours: await loadHours(trx, providerIds), exceptions: await loadExceptions(trx, fromDate, toDate, providerIds) };
  }

  // ── Booking ──────────────────────────────────────────────────────────────────────────────────────────────────

  async function book(input: BookingInput, by: Actor): Promise<SavedOne | NotSaved> {
    const result = await bookOccurrences(
      { booking: input, dates: [{ date: input.start.date, index: null }], recurrence: null },
      by,
    );
    if (result.outcome === 'not-saved') return result;
    return { outcome: 'saved', appointment: result.appointments[0] as AppointmentView, waitlistSuggestions: [] };
  }

  async function bookSeries(input: SeriesBookingInput, by: Actor): Promise<SavedSeries | NotSaved> {
    const dates = occurrenceDates(input.booking.start.date, input.recurrence, input.end);
    if (!dates.ok) throw new ClinicFailure('VALIDATION', dates.message, [{ path: dates.path, message: dates.message }]);
    const skip = new Set(input.skipDates);
    const kept = dates.dates.map((date, index) => ({ date, index })).filter((d) => !skip.has(d.date));
    if (kept.length === 0) throw new ClinicFailure('VALIDATION', 'Every date of the series is skipped. Skip fewer dates.', [{ path: 'skipDates', message: 'Every date of the series is skipped.' }]);
    return bookOccurrences({ booking: input.booking, dates: kept, recurrence: { recurrence: input.recurrence, end: input.end, skipDates: input.skipDates } }, by);
  }

  /**
   * One booking or a whole series: every occurrence is checked (each at the same wall-clock time on its own date),
   * ALL problems are reported together, and only when none stands is anything written. Booked from a waitlist entry,
   * the entry is closed in the same transaction (and a closed or another patient's entry books nothing).
   */
  async function bookOccurrences(
    plan: { booking: BookingInput; dates: { date: string; index: number | null }[]; recurrence: object | null },
    by: Actor,
  ): Promise<SavedSeries | NotSaved> {
    const { booking } = plan;
    return writeTransaction(db(), async (trx): Promise<SavedSeries | NotSaved> => {
      const zone = await clinicTimeZone(trx);
      // The first date must be a real, unambiguous time: the desk chose it.
      resolveStart(booking.start, zone);
      const patient = await requireBookablePatient(trx, booking.patientId);
      const waitlistPath = plan.recurrence === null ? 'fromWaitlistEntryId' : 'booking.fromWaitlistEntryId';
      const entry = booking.fromWaitlistEntryId === undefined ? null : await requireOpenWaitlistEntry(trx, booking.fromWaitlistEntryId, patient.id, waitlistPath);
      const cache = await newCache(trx);
      const type = await requireType(trx, booking.typeId);
      cache.types.set(type.id, type);
      const roomId = roomFor(type, booking.roomId);
      const subjects = await subjectsFor(trx, cache, booking.providerId, roomId, type.id);
      const durationMs = (booking.durationMinutes ?? type.duration_min) * 60_000;
      const bufferMs = type.buffer_after_min * 60_000;
      const first = plan.dates[0]?.date as string;
      const last = plan.dates[plan.dates.length - 1]?.date as string;
      const env = await environment(trx, [subjects.provider.id], first, last);
      const series = plan.recurrence !== null;

      const problems: ProblemDraft[] = [];
      const placements: (Placement & { index: number | null })[] = [];
      for (const { date, index } of plan.dates) {
        const resolved = resolveLocalTime(date, booking.start.time, zone, booking.start.occurrence ?? 'first');
        if (!resolved.ok) {
          problems.push({ kind: 'nonexistent-time', message: `${resolved.message.replace(/ Choose another time\.$/, '')} Skip this date or choose another time.`, resolution: 'none', date, conflictingAppointmentId: null });
          continue;
        }
        const placement = {
          date,
          index,
          patientId: patient.id,
          providerId: subjects.provider.id,
          roomId,
          startAt: resolved.startAt,
          endAt: resolved.startAt + durationMs,
          busyUntil: resolved.startAt + durationMs + bufferMs,
          bufferMinutes: type.buffer_after_min,
        };
        placements.push(placement);
        problems.push(
          ...(await checkPlacement(trx, placement, subjects, { zone, hours: env.hours.get(subjects.provider.id), exceptions: env.exceptions, excludeIds: [], withDate: series })),
        );
      }
      const decided = applyDecisions(problems, booking as Decisions, by.role);
      if (decided.unresolved.length > 0) return { outcome: 'not-saved', problems: decided.unresolved };

      let seriesId: string | null = null;
      if (plan.recurrence !== null) {
        seriesId = uuidv7();
        await trx
          .insertInto('appointment_series')
          .values({ id: seriesId, patient_id: patient.id, rule: JSON.stringify(plan.recurrence), first_date: booking.start.date, start_minute: booking.start.time, created_at: now(), created_by: by.userId })
          .execute();
        await audit.record(trx, by, { action: 'record.create', entityType: 'appointment_series', entityId: seriesId, patientId: patient.id, detail: { occurrences: placements.length } });
      }
      const ids: string[] = [];
      for (const p of placements) {
        const overbooked = decided.overbookReason !== null && problems.some((x) => x.date === p.date && x.resolution === 'overbook');
        const overridden = decided.overrideReason !== null && problems.some((x) => x.date === p.date && x.resolution === 'override');
        ids.push(
          await insertAppointment(
            trx,
            {
              patient_id: patient.id,
              provider_id: p.providerId,
              room_id: p.roomId,
              type_id: type.id,
              series_id: seriesId,
              series_index: seriesId === null ? null : p.index,
              start_at: p.startAt,
              end_at: p.endAt,
              buffer_after_min: type.buffer_after_min,
              busy_until: p.busyUntil,
              overbook_reason: overbooked ? decided.overbookReason : null,
              override_reason: overridden ? decided.overrideReason : null,
              visit_reason: booking.reason,
              notes: booking.notes,
              telehealth_link: booking.telehealthLink,
            },
            by,
          ),
        );
      }
      if (entry !== null) await closeBookedWaitlistEntry(trx, audit, by, { entryId: entry.id, patientId: patient.id, appointmentId: ids[0] ?? null, at: now() });
      return { outcome: 'saved', seriesId, appointments: await viewsOf(trx, ids, zone), waitlistSuggestions: [] };
    });
  }

  // ── Series scope ─────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The appointments a change applies to, chosen by the shared scope rule (shared/scheduling/recurrence.ts, which the
   * desk uses to list them first): "this": the one; "following" / "all": also the series' visits that have not
   * started and were not changed on their own, from this one on or all of them.
   */
  async function targetsOf(trx: Kysely<Database>, row: AppointmentRow, scope: SeriesScope): Promise<AppointmentRow[]> {
    if (scope === 'this' || row.series_id === null) return [row];
    const visits = await trx.selectFrom('appointment').selectAll().where('series_id', '=', row.series_id).orderBy('series_index').execute();
    const scoped = (r: AppointmentRow) => ({ row: r, id: r.id, seriesId: r.series_id, seriesIndex: r.series_index, seriesException: r.series_exception === 1, status: r.status, startAt: r.start_at });
    return scopeTargets(scoped(row), visits.map(scoped), scope, now()).map((t) => t.row);
  }

  async function historyRow(trx: Kysely<Database>, before: AppointmentRow, after: Pick<AppointmentRow, 'start_at' | 'end_at' | 'provider_id' | 'room_id'>, kind: string, note: string | null, by: Actor): Promise<void> {
    await trx
      .insertInto('appointment_change')
      .values({
        id: uuidv7(),
        appointment_id: before.id,
        kind,
        old_start_at: before.start_at,
        old_end_at: before.end_at,
        old_provider_id: before.provider_id,
        old_room_id: before.room_id,
        new_start_at: after.start_at,
        new_end_at: after.end_at,
        new_provider_id: after.provider_id,
        new_room_id: after.room_id,
        note,
        changed_at: now(),
        changed_by: by.userId,
      })
      .execute();
  }

  async function freedSuggestions(trx: Kysely<Database>, zone: string, before: AppointmentRow): Promise<WaitlistSuggestion[]> {
    return waitlistSuggestionsFor(trx, { zone, providerId: before.provider_id, fromAt: before.start_at, toAt: before.busy_until, now: now(), excludePatientId: before.patient_id });
  }

  // ── Move and resize ──────────────────────────────────────────────────────────────────────────────────────────

  async function reschedule(input: RescheduleInput, by: Actor): Promise<SavedSeries | NotSaved> {
    return writeTransaction(db(), async (trx): Promise<SavedSeries | NotSaved> => {
      const zone = await clinicTimeZone(trx);
      const chosen = await requireAppointment(trx, input.id);
      if (!isChangeable(chosen.status)) throw notChangeable(chosen, 'moved');
      const chosenStart = input.start ? resolveStart(input.start, zone) : chosen.start_at;
      const targets = await targetsOf(trx, chosen, input.scope);
      const cache = await newCache(trx);
      // Where each visit goes, and what that does to the series row (written below, once the move is allowed).
      const seriesMove = await planSeriesMove(trx, { chosen, targets, input, zone }, { audit, now });
      const excludeIds = targets.map((t) => t.id);

      const problems: ProblemDraft[] = [];
      const moves: { before: AppointmentRow; after: Placement }[] = [];
      const plans: { row: AppointmentRow; date: string; startAt: number | null; providerId: string; roomId: string | null; subjects: PlacementSubjects }[] = [];
      for (const row of targets) {
        const local = localPartsOf(row.start_at, zone);
        const date = seriesMove.dateOf(row, local.date);
        let startAt: number | null;
        if (row.id === chosen.id) startAt = chosenStart;
        else if (!input.start) startAt = row.start_at;
        else {
          const resolved = resolveLocalTime(date, input.start.time, zone, input.start.occurrence ?? 'first');
          startAt = resolved.ok ? resolved.startAt : null;
          if (!resolved.ok) problems.push({ kind: 'nonexistent-time', message: `${resolved.message.replace(/ Choose another time\.$/, '')} Move this visit on its own.`, resolution: 'none', date, conflictingAppointmentId: row.id });
        }
        const type = cache.types.get(row.type_id) ?? (await requireType(trx, row.type_id));
        cache.types.set(type.id, type);
        const providerId = input.providerId ?? row.provider_id;
        const roomId = roomFor(type, input.roomId !== undefined ? input.roomId : row.room_id);
        plans.push({ row, date, startAt, providerId, roomId, subjects: await subjectsFor(trx, cache, providerId, roomId, type.id) });
      }
      const dates = plans.map((p) => p.date).sort();
      const env = await environment(trx, [...new Set(plans.map((p) => p.providerId))], dates[0] as string, dates[dates.length - 1] as string);
      for (const plan of plans) {
        if (plan.startAt === null) continue;
        const { row } = plan;
        const durationMs = input.durationMinutes !== undefined ? input.durationMinutes * 60_000 : row.end_at - row.start_at;
        const after: Placement = {
          date: plan.date,
          patientId: row.patient_id,
          providerId: plan.providerId,
          roomId: plan.roomId,
          startAt: plan.startAt,
          endAt: plan.startAt + durationMs,
          busyUntil: plan.startAt + durationMs + row.buffer_after_min * 60_000,
          bufferMinutes: row.buffer_after_min,
        };
        moves.push({ before: row, after });
        problems.push(...(await checkPlacement(trx, after, plan.subjects, { zone, hours: env.hours.get(plan.providerId), exceptions: env.exceptions, excludeIds, withDate: targets.length > 1 })));
      }
      const decided = applyDecisions(problems, input as Decisions, by.role);
      if (decided.unresolved.length > 0) return { outcome: 'not-saved', problems: decided.unresolved };

      const at = now();
      for (const { before, after } of moves) {
        const overbooked = decided.overbookReason !== null && problems.some((x) => x.date === after.date && x.resolution === 'overbook');
        const overridden = decided.overrideReason !== null && problems.some((x) => x.date === after.date && x.resolution === 'override');
        const moved = before.start_at !== after.startAt || before.provider_id !== after.providerId || before.room_id !== after.roomId;
        await trx
          .updateTable('appointment')
          .set({
            start_at: after.startAt,
            end_at: after.endAt,
            busy_until: after.busyUntil,
            provider_id: after.providerId,
            room_id: after.roomId,
            series_exception: before.series_id !== null && input.scope === 'this' ? 1 : before.series_exception,
            overbook_reason: overbooked ? decided.overbookReason : null,
            override_reason: overridden ? decided.overrideReason : null,
            updated_at: at,
            updated_by: by.userId,
          })
          .where('id', '=', before.id)
          .execute();
        await historyRow(trx, before, { start_at: after.startAt, end_at: after.endAt, provider_id: after.providerId, room_id: after.roomId }, moved ? 'rescheduled' : 'resized', null, by);
        await audit.record(trx, by, { action: 'record.update', entityType: 'appointment', entityId: before.id, patientId: before.patient_id, detail: { change: moved ? 'reschedule' : 'resize', scope: input.scope } });
      }
      const seriesId = await seriesMove.save(trx, by);
      const freesTime = moves.some((m) => m.after.startAt !== m.before.start_at || m.after.providerId !== m.before.provider_id || m.after.busyUntil < m.before.busy_until);
      return {
        outcome: 'saved',
        seriesId,
        appointments: await viewsOf(trx, moves.map((m) => m.before.id), zone),
        waitlistSuggestions: freesTime ? await freedSuggestions(trx, zone, chosen) : [],
      };
    });
  }

  // ── Cancel, status, details, reminders ──────────────────────────────────────────────────────────────────────

  async function cancel(input: CancelInput, by: Actor): Promise<{ cancelled: string[]; waitlistSuggestions: WaitlistSuggestion[] }> {
    return writeTransaction(db(), async (trx) => {
      const zone = await clinicTimeZone(trx);
      const chosen = await requireAppointment(trx, input.id);
      if (!isChangeable(chosen.status)) throw notChangeable(chosen, 'cancelled');
      const targets = await targetsOf(trx, chosen, input.scope);
      const at = now();
      for (const row of targets) {
        await trx
          .updateTable('appointment')
          .set({ status: 'cancelled', status_at: at, cancel_reason: input.reason, cancel_note: input.note, updated_at: at, updated_by: by.userId })
          .where('id', '=', row.id)
          .execute();
        await trx.insertInto('appointment_status_event').values({ id: uuidv7(), appointment_id: row.id, status: 'cancelled', at, by: by.userId }).execute();
        await historyRow(trx, row, row, 'cancelled', input.reason, by);
        await audit.record(trx, by, { action: 'record.update', entityType: 'appointment', entityId: row.id, patientId: row.patient_id, detail: { change: 'cancel', reason: input.reason, scope: input.scope } });
      }
      return { cancelled: targets.map((t) => t.id), waitlistSuggestions: await freedSuggestions(trx, zone, chosen) };
    });
  }

  /**
   * A visit-day step. Restoring a no-show takes back time the no-show had freed, so it is checked like a booking
   * (another visit of the provider: overbook with a reason; the room in use: refused; the patient elsewhere:
   * acknowledge) and refused with nothing written while a problem stands.
   */
  async function setStatus(input: StatusChangeInput, by: Actor): Promise<SavedOne | NotSaved> {
    return writeTransaction(db(), async (trx): Promise<SavedOne | NotSaved> => {
      const zone = await clinicTimeZone(trx);
      const row = await requireAppointment(trx, input.id);
      if (row.status === input.status) return { outcome: 'saved', appointment: (await viewsOf(trx, [row.id], zone))[0] as AppointmentView, waitlistSuggestions: [] };
      if (!canMoveTo(row.status, input.status)) {
        throw new ClinicFailure('CONFLICT', `A visit that is ${STATUS_LABELS[row.status].toLowerCase()} cannot be marked ${STATUS_LABELS[input.status].toLowerCase()}. Reload the book.`);
      }
      let overbookReason = row.overbook_reason;
      if (!holdsTime(row.status) && holdsTime(input.status)) {
        const problems = await checkRestoredTime(trx, row, zone);
        const decided = applyDecisions(problems, { overbook: input.overbook, acknowledgePatientOverlap: input.acknowledgePatientOverlap }, by.role);
        if (decided.unresolved.length > 0) return { outcome: 'not-saved', problems: decided.unresolved };
        overbookReason = decided.overbookReason ?? overbookReason;
      }
      const at = now();
      await trx.updateTable('appointment').set({ status: input.status, status_at: at, overbook_reason: overbookReason, updated_at: at, updated_by: by.userId }).where('id', '=', row.id).execute();
      await trx.insertInto('appointment_status_event').values({ id: uuidv7(), appointment_id: row.id, status: input.status, at, by: by.userId }).execute();
      const detail: Record<string, string | boolean> = { change: 'status', from: row.status, to: input.status };
      if (overbookReason !== row.overbook_reason) detail.overbooked = true;
      await audit.record(trx, by, { action: 'record.update', entityType: 'appointment', entityId: row.id, patientId: row.patient_id, detail });
      return {
        outcome: 'saved',
        appointment: (await viewsOf(trx, [row.id], zone))[0] as AppointmentView,
        waitlistSuggestions: input.status === 'no_show' ? await freedSuggestions(trx, zone, row) : [],
      };
    });
  }

  async function updateDetails(input: DetailsInput, by: Actor): Promise<AppointmentView> {
    return writeTransaction(db(), async (trx) => {
      const zone = await clinicTimeZone(trx);
      const row = await requireAppointment(trx, input.id);
      const fields = (
        [
          ['reason', row.visit_reason, input.reason],
          ['notes', row.notes, input.notes],
          ['telehealthLink', row.telehealth_link, input.telehealthLink],
        ] as const
      )
        .filter(([, before, after]) => before !== after)
        .map(([name]) => name);
      if (fields.length > 0) {
        await trx
          .updateTable('appointment')
          .set({ visit_reason: input.reason, notes: input.notes, telehealth_link: input.telehealthLink, updated_at: now(), updated_by: by.userId })
          .where('id', '=', row.id)
          .execute();
        await historyRow(trx, row, row, 'details', fields.join(', '), by);
        await audit.record(trx, by, { action: 'record.update', entityType: 'appointment', entityId: row.id, patientId: row.patient_id, detail: { fields: [...fields] } });
      }
      return (await viewsOf(trx, [row.id], zone))[0] as AppointmentView;
    });
  }

  async function markReminder(input: { appointmentId: string; outcome: ReminderOutcome; note: string | null }, by: Actor): Promise<AppointmentView> {
    return writeTransaction(db(), async (trx) => {
      const zone = await clinicTimeZone(trx);
      const row = await requireAppointment(trx, input.appointmentId);
      if (row.status === 'cancelled') throw notChangeable(row, 'confirmed');
      const at = now();
      await trx.insertInto('appointment_reminder').values({ id: uuidv7(), appointment_id: row.id, outcome: input.outcome, note: input.note, at, by: by.userId }).execute();
      // The appointment carries its last call (the book reads it from there, migration 0011); a confirmation also confirms.
      const confirms = input.outcome === 'confirmed' && row.status === 'booked';
      await trx
        .updateTable('appointment')
        .set({ reminder_outcome: input.outcome, reminder_at: at, reminder_by: by.userId, ...(confirms ? { status: 'confirmed' as const, status_at: at } : {}), updated_at: at, updated_by: by.userId })
        .where('id', '=', row.id)
        .execute();
      if (confirms) await trx.insertInto('appointment_status_event').values({ id: uuidv7(), appointment_id: row.id, status: 'confirmed', at, by: by.userId }).execute();
      await audit.record(trx, by, { action: 'record.update', entityType: 'appointment', entityId: row.id, patientId: row.patient_id, detail: { change: 'reminder', outcome: input.outcome } });
      return (await viewsOf(trx, [row.id], zone))[0] as AppointmentView;
    });
  }

  return { book, bookSeries, reschedule, cancel, setStatus, updateDetails, markReminder };
}

