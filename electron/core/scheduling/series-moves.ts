import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AppointmentSeries } from '../../../shared/contract/scheduling';
import { addMonths, monthWeeksOf, nthWeekdayOfMonth, occurrenceDates, type MonthWeek } from '../../../shared/scheduling/recurrence';
import type { Recurrence, RescheduleInput, SeriesEnd } from '../../../shared/scheduling/schemas';
import { addDays, daysBetween, isoWeekday, localPartsOf } from '../../../shared/scheduling/time';
import type { AuditedBy, AuditService } from '../audit/service';
import type { AppointmentRow, Database } from '../db/schema';
import { seriesAsBooked } from './repository';

/**
 * What moving "this and following" or "all" of a series does to its `appointment_series` row, so the stored rule stays
 * exact: every visit of a series that was not changed on its own and is not cancelled sits on its rule's date (at its
 * place, `series_index`) and time.
 *
 * - "all": the rule is rewritten in place (first date, weekday or nth weekday, end, dates left out, time).
 * - "this and following": the series is split at the chosen visit. The earlier visits keep the series, which now ends
 *   before it; the chosen visit and every later one (exceptions and cancelled ones too) form a new series row with the
 *   new rule, renumbered from 0. With no earlier visit it is rewritten in place, as "all".
 * - Visits that stay where they are although the rule moves (they have started, taken place or were marked no-show)
 *   keep the old rule: "all" then splits after the last of them, as if "this and following" had been chosen there. A
 *   visit that moves but falls before such a split (a past visit nobody checked in, say) is marked changed on its own.
 *
 * A weekly series moves by the number of days the chosen visit moves. A monthly one keeps its month spacing and takes
 * the new date's weekday and week of the month (the 2nd Thursday; "last" kept when it still fits), so every visit lands
 * on a date the rule describes; shifting by days would leave some on the 3rd Thursday.
 *
 * Runs inside the move's write transaction (booking.ts `reschedule`): `planSeriesMove` only reads; `save` writes, and
 * is called only once the move passed its checks, so a refused move changes nothing here either.
 */

type Visit = Pick<AppointmentRow, 'id' | 'series_index' | 'series_exception' | 'status'>;

export interface SeriesMove {
  /** The clinic date a target of the move goes to, given the date it is on now. */
  dateOf(row: AppointmentRow, currentDate: string): string;
  /** Writes the series rows after the visits were moved; answers the chosen visit's series id (new after a split). */
  save(trx: Kysely<Database>, by: AuditedBy): Promise<string | null>;
}

interface MoveArgs {
  chosen: AppointmentRow;
  /** The visits the move takes (booking.ts `targetsOf`), the chosen one among them. */
  targets: readonly AppointmentRow[];
  input: RescheduleInput;
  zone: string;
}

interface Deps {
  audit: AuditService;
  now: () => number;
}

type DateMap = (date: string) => string;
const same: DateMap = (date) => date;

/** The stored rule JSON (as bookSeries writes it). */
function ruleJson(series: AppointmentSeries): string {
  return JSON.stringify({ recurrence: series.recurrence, end: series.end, skipDates: series.skipDates });
}

function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

/**
 * Where the series' dates go when one of its visits moves from one date to another, and its rule after: weekly, the
 * same number of days; monthly, the same number of months, on the new date's weekday and week of the month.
 */
function dateMove(recurrence: Recurrence, from: string, to: string): { map: DateMap; recurrence: Recurrence } {
  if (from === to) return { map: same, recurrence };
  if (recurrence.frequency === 'weekly') {
    const days = daysBetween(from, to);
    return { map: (date) => addDays(date, days), recurrence };
  }
  const weeks = monthWeeksOf(to);
  const week: MonthWeek = weeks.includes(recurrence.weekOfMonth) ? recurrence.weekOfMonth : (weeks[0] as MonthWeek);
  const months = monthNumber(to) - monthNumber(from);
  const weekday = isoWeekday(to);
  return { map: (date) => nthWeekdayOfMonth(addMonths(date.slice(0, 7), months), weekday, week), recurrence: { ...recurrence, weekOfMonth: week } };
}

/** A run of the rule's dates as a series of its own: ending on a count when it ended so (and has two), else on its last date. */
function segment(recurrence: Recurrence, end: SeriesEnd, dates: readonly string[], skipped: ReadonlySet<string>, map: DateMap): AppointmentSeries {
  const moved = dates.map(map);
  const last = moved[moved.length - 1] as string;
  return {
    firstDate: moved[0] as string,
    recurrence,
    end: 'count' in end && moved.length >= 2 ? { count: moved.length } : { until: last },
    skipDates: dates.filter((d) => skipped.has(d)).map(map),
  };
}

/** Nothing to change in the series: dates move by days (a visit outside a series, or a rule that cannot be read). */
function byDays(chosen: AppointmentRow, chosenDate: string, input: RescheduleInput): SeriesMove {
  const days = input.start ? daysBetween(chosenDate, input.start.date) : 0;
  return { dateOf: (_row, date) => addDays(date, days), save: async () => chosen.series_id };
}

export async function planSeriesMove(trx: Kysely<Database>, { chosen, targets, input, zone }: MoveArgs, { audit, now }: Deps): Promise<SeriesMove> {
  const chosenDate = localPartsOf(chosen.start_at, zone).date;
  const seriesId = chosen.series_id;
  if (seriesId === null || input.scope === 'this') return byDays(chosen, chosenDate, input);
  const row = await trx.selectFrom('appointment_series').select(['patient_id', 'start_minute']).where('id', '=', seriesId).executeTakeFirst();
  const series = (await seriesAsBooked(trx, [seriesId])).get(seriesId);
  const rule = series ? occurrenceDates(series.firstDate, series.recurrence, series.end) : null;
  const visits: Visit[] = await trx.selectFrom('appointment').select(['id', 'series_index', 'series_exception', 'status']).where('series_id', '=', seriesId).execute();
  // A rule that does not read, or visits it does not number: leave the row as it is (the visits still move).
  if (!row || !series || !rule?.ok || visits.some((v) => v.series_index === null || v.series_index >= rule.dates.length) || chosen.series_index === null) {
    return byDays(chosen, chosenDate, input);
  }
  const ruleDates = rule.dates;
  const { start } = input;
  const moved = start ? dateMove(series.recurrence, chosenDate, start.date) : { map: same, recurrence: series.recurrence };
  const startMinute = start?.time ?? row.start_minute;
  const ruleMoves = startMinute !== row.start_minute || ruleDates.some((d) => moved.map(d) !== d);
  const dateOf = (target: AppointmentRow, date: string) => (target.id === chosen.id && start ? start.date : moved.map(date));

  const otherChange = targets.some(
    (t) =>
      (input.providerId !== undefined && input.providerId !== t.provider_id) ||
      (input.roomId !== undefined && input.roomId !== t.room_id) ||
      (input.durationMinutes !== undefined && input.durationMinutes * 60_000 !== t.end_at - t.start_at),
  );
  // "All" without a new date or time leaves the rule as it is; so does a move that changes nothing.
  if ((input.scope === 'all' && !ruleMoves) || (!ruleMoves && !otherChange)) return { dateOf, save: async () => seriesId };

  const moving = new Set(targets.map((t) => t.id));
  let cut = input.scope === 'following' ? chosen.series_index : 0;
  if (ruleMoves) {
    for (const v of visits) {
      const staysPut = !moving.has(v.id) && v.series_exception === 0 && v.status !== 'cancelled';
      if (staysPut && (v.series_index as number) >= cut) cut = (v.series_index as number) + 1;
    }
  }
  const movedBefore = ruleMoves ? targets.filter((t) => (t.series_index as number) < cut && t.series_exception === 0).map((t) => t.id) : [];
  const splitsOff = targets.some((t) => (t.series_index as number) >= cut);
  const kept = visits.some((v) => (v.series_index as number) < cut);
  const skipped = new Set(series.skipDates);
  const patientId = row.patient_id;

  const save = async (db: Kysely<Database>, by: AuditedBy): Promise<string | null> => {
    const at = now();
    if (movedBefore.length > 0) {
      await db.updateTable('appointment').set({ series_exception: 1, updated_at: at, updated_by: by.userId }).where('id', 'in', movedBefore).execute();
    }
    if (!splitsOff) return seriesId;
    const after = segment(moved.recurrence, series.end, ruleDates.slice(cut), skipped, moved.map);
    if (!kept) {
      // No visit before the cut: the row itself takes the new rule, its visits numbered from the cut.
      await db.updateTable('appointment_series').set({ rule: ruleJson(after), first_date: after.firstDate, start_minute: startMinute }).where('id', '=', seriesId).execute();
      if (cut > 0) {
        await db
          .updateTable('appointment')
          .set((eb) => ({ series_index: eb('series_index', '-', cut), updated_at: at, updated_by: by.userId }))
          .where('series_id', '=', seriesId)
          .execute();
      }
      await audit.record(db, by, { action: 'record.update', entityType: 'appointment_series', entityId: seriesId, patientId, detail: { change: 'reschedule', scope: input.scope } });
      return seriesId;
    }
    // Split: the earlier visits keep this row, ending before the cut; the rest get a new row, numbered from 0.
    const before = segment(series.recurrence, series.end, ruleDates.slice(0, cut), skipped, same);
    const newId = uuidv7();
    await db.updateTable('appointment_series').set({ rule: ruleJson(before) }).where('id', '=', seriesId).execute();
    await db
      .insertInto('appointment_series')
      .values({ id: newId, patient_id: patientId, rule: ruleJson(after), first_date: after.firstDate, start_minute: startMinute, created_at: at, created_by: by.userId })
      .execute();
    const split = await db
      .updateTable('appointment')
      .set((eb) => ({ series_id: newId, series_index: eb('series_index', '-', cut), updated_at: at, updated_by: by.userId }))
      .where('series_id', '=', seriesId)
      .where('series_index', '>=', cut)
      .executeTakeFirst();
    await audit.record(db, by, { action: 'record.update', entityType: 'appointment_series', entityId: seriesId, patientId, detail: { change: 'split', newSeriesId: newId } });
    await audit.record(db, by, { action: 'record.create', entityType: 'appointment_series', entityId: newId, patientId, detail: { change: 'split', fromSeriesId: seriesId, visits: Number(split.numUpdatedRows) } });
    return chosen.series_index !== null && chosen.series_index >= cut ? newId : seriesId;
  };
  return { dateOf, save };
}
