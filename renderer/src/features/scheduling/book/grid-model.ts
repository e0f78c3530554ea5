import type { AppointmentView, DayView } from '../../../../../shared/contract/scheduling';
import type { z } from 'zod';
import type { localStartSchema } from '../../../../../shared/scheduling/schemas';
import { isLeftInTimeOff } from '../../../../../shared/scheduling/status';
import {
  clockLabel,
  dayClock,
  formatTimeOfDay,
  gridRows,
  localPartsOf,
  MINUTES_PER_DAY,
  type DayClock,
  type GridStep,
  type Occurrence,
} from '../../../../../shared/scheduling/time';

/**
 * The book's grid as plain data, computed once per answer from main (memoized by the views) and drawn by BookGrid.
 *
 * Every position is in minutes from the grid's first row ("offset"), so the drawing is one multiplication. The day
 * view counts elapsed time from its first row (the rows come from the shared `gridRows`, so the spring change day has
 * an hour fewer and the autumn one an hour more); the week view puts seven days side by side and so counts wall-clock
 * minutes within each day (its rows are the same clock times for every day).
 */

type DayColumn = DayView['columns'][number];
/** When a visit starts, as the book and reschedule channels take it: { date, time: "HH:MM", occurrence? }. */
export type StartInput = z.input<typeof localStartSchema>;
type BlockedView = DayColumn['blocked'][number];

export interface GridRowLite {
  /** "HH:MM" on the wall clock. */
  time: string;
  minutes: number;
  occurrence: Occurrence | null;
  /** "9:30", or "1:30 (2nd)" in the repeated hour. */
  label: string;
}

export interface PlacedBlock {
  appointment: AppointmentView;
  /** Minutes from the grid's top. */
  top: number;
  length: number;
  /** Side-by-side position among appointments that overlap (overbooking, a no-show and its replacement). */
  lane: number;
  lanes: number;
  /** Still booked in time off added after it (isLeftInTimeOff): the desk should move it. */
  inTimeOff: boolean;
}

export type Stop = { kind: 'slot'; offset: number } | { kind: 'appt'; id: string; offset: number; end: number };

export interface Band {
  top: number;
  end: number;
}

export interface BlockedBand extends Band {
  kind: BlockedView['kind'];
  note: string | null;
  clinicWide: boolean;
}

export interface BookGridColumn {
  key: string;
  kind: 'provider' | 'room' | 'day';
  heading: string;
  subheading: string | null;
  /** "8:00–12:00, 13:00–17:00", or "Not working". */
  hoursText: string;
  color: string | null;
  date: string;
  providerId: string | null;
  roomId: string | null;
  isToday: boolean;
  hours: Band[];
  blocked: BlockedBand[];
  blocks: PlacedBlock[];
  /** What the arrow keys visit, top to bottom: each appointment, and each free row. */
  stops: Stop[];
  toOffset(instant: number): number;
  /** The booking start at an offset (for book and reschedule). */
  startAtOffset(offset: number): StartInput;
  /** "10:15" (or "1:30 (2nd)") at an offset. */
  timeLabelAt(offset: number): string;
}

export interface BookGridModel {
  /** Changes with the date(s) shown: the grid scrolls to the working day when it changes. */
  identity: string;
  step: GridStep;
  rows: GridRowLite[];
  totalMinutes: number;
  rowHeight: number;
  pxPerMinute: number;
  columns: BookGridColumn[];
}

/** Row heights by grid: a 15-minute visit is one readable line on every grid. */
const ROW_HEIGHT: Record<GridStep, number> = { 5: 12, 10: 20, 15: 28 };

/** The hours shown when nobody works and nothing is booked. */
const DEFAULT_WINDOW = { from: 8 * 60, to: 17 * 60 };

const MINUTE = 60_000;

// ── Day view ─────────────────────────────────────────────────────────────────────────────────────────────────

export interface ProviderLookup {
  credentials(id: string): string | null;
}

export function buildDayModel(day: DayView, options: { step: GridStep; wholeDay: boolean; today: string; lookup: ProviderLookup }): BookGridModel {
  const { step } = options;
  const zone = day.timeZone;
  const clock = dayClock(day.date, zone);
  const window = options.wholeDay ? { from: 0, to: MINUTES_PER_DAY } : wallWindow(day.columns.map((column) => ({ clock, column })));
  const gridded = gridRows(day.date, zone, step, { fromMinute: window.from, toMinute: window.to });
  const origin = gridded[0]?.startAt ?? clock.toInstant(window.from, 'first');
  const rows: GridRowLite[] = gridded.map((row) => ({ time: row.time, minutes: row.minutes, occurrence: row.occurrence, label: row.label }));
  const totalMinutes = rows.length * step;
  const toOffset = (instant: number) => (instant - origin) / MINUTE;
  const startAtOffset = (offset: number): StartInput => {
    const parts = localPartsOf(origin + offset * MINUTE, zone);
    return parts.occurrence ? { date: parts.date, time: parts.time, occurrence: parts.occurrence } : { date: parts.date, time: parts.time };
  };
  const timeLabelAt = (offset: number) => {
    const parts = localPartsOf(origin + offset * MINUTE, zone);
    return parts.occurrence === 'second' ? `${clockLabel(parts.minutes)} (2nd)` : clockLabel(parts.minutes);
  };
  const columns = day.columns.map((column) =>
    placeColumn(column, {
      key: `${column.kind}:${column.id}`,
      kind: column.kind,
      heading: column.name,
      subheading: column.kind === 'provider' ? options.lookup.credentials(column.id) : null,
      date: day.date,
      providerId: column.kind === 'provider' ? column.id : null,
      roomId: column.kind === 'room' ? column.id : null,
      isToday: day.date === options.today,
      clock,
      toOffset,
      startAtOffset,
      timeLabelAt,
      totalMinutes,
      step,
    }),
  );
  return finish(`day:${day.date}:${window.from}:${window.to}`, step, rows, columns);
}

// ── Week view ────────────────────────────────────────────────────────────────────────────────────────────────

export interface WeekDay extends DayColumn {
  date: string;
  startAt: number;
  endAt: number;
}

export function buildWeekModel(
  week: { timeZone: string; days: WeekDay[] },
  options: { step: GridStep; wholeDay: boolean; today: string; dayHeading(date: string): string },
): BookGridModel {
  const { step } = options;
  const zone = week.timeZone;
  const clocks = week.days.map((day) => dayClock(day.date, zone));
  const window = options.wholeDay ? { from: 0, to: MINUTES_PER_DAY } : wallWindow(week.days.map((column, i) => ({ clock: clocks[i] as DayClock, column })));
  const rows: GridRowLite[] = [];
  for (let m = window.from; m < window.to; m += step) rows.push({ time: formatTimeOfDay(m), minutes: m, occurrence: null, label: clockLabel(m) });
  const totalMinutes = rows.length * step;
  const columns = week.days.map((day, i) => {
    const clock = clocks[i] as DayClock;
    const toOffset = (instant: number) => wallMinutes(clock, instant) - window.from;
    // One provider all week: their color on every day says nothing.
    return placeColumn({ ...day, color: null }, {
      key: `day:${day.date}`,
      kind: 'day',
      heading: options.dayHeading(day.date),
      subheading: day.date === options.today ? 'Today' : null,
      date: day.date,
      providerId: day.kind === 'provider' ? day.id : null,
      roomId: null,
      isToday: day.date === options.today,
      clock,
      toOffset,
      startAtOffset: (offset) => ({ date: day.date, time: formatTimeOfDay(Math.min(window.from + offset, MINUTES_PER_DAY - 5)) }),
      timeLabelAt: (offset) => clockLabel(window.from + offset),
      totalMinutes,
      step,
    });
  });
  return finish(`week:${week.days[0]?.date ?? ''}:${window.from}:${window.to}`, step, rows, columns);
}

// ── Shared ───────────────────────────────────────────────────────────────────────────────────────────────────

function finish(identity: string, step: GridStep, rows: GridRowLite[], columns: BookGridColumn[]): BookGridModel {
  const rowHeight = ROW_HEIGHT[step];
  return { identity, step, rows, totalMinutes: rows.length * step, rowHeight, pxPerMinute: rowHeight / step, columns };
}

/** Wall-clock minutes of an instant within a day (24:00 and beyond for the next midnight). */
function wallMinutes(clock: DayClock, instant: number): number {
  if (instant >= clock.endAt) return MINUTES_PER_DAY + (instant - clock.endAt) / MINUTE;
  if (instant <= clock.startAt) return (instant - clock.startAt) / MINUTE;
  return clock.toMinutes(instant);
}

/** The clinic's working window for the columns: from the earliest hour or visit to the latest, on whole hours. */
function wallWindow(days: { clock: DayClock; column: DayColumn }[]): { from: number; to: number } {
  let from = Infinity;
  let to = -Infinity;
  for (const { clock, column } of days) {
    for (const interval of column.hours) {
      from = Math.min(from, wallMinutes(clock, interval.startAt));
      to = Math.max(to, wallMinutes(clock, interval.endAt));
    }
    for (const appointment of column.appointments) {
      if (appointment.status === 'cancelled') continue;
      from = Math.min(from, wallMinutes(clock, appointment.startAt));
      to = Math.max(to, wallMinutes(clock, appointment.endAt));
    }
  }
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return DEFAULT_WINDOW;
  return { from: Math.max(0, Math.floor(from / 60) * 60), to: Math.min(MINUTES_PER_DAY, Math.ceil(to / 60) * 60) };
}

interface PlaceContext {
  key: string;
  kind: BookGridColumn['kind'];
  heading: string;
  subheading: string | null;
  date: string;
  providerId: string | null;
  roomId: string | null;
  isToday: boolean;
  clock: DayClock;
  toOffset(instant: number): number;
  startAtOffset(offset: number): StartInput;
  timeLabelAt(offset: number): string;
  totalMinutes: number;
  step: GridStep;
}

function placeColumn(column: DayColumn, context: PlaceContext): BookGridColumn {
  const { toOffset, totalMinutes } = context;
  const clamp = (band: Band): Band => ({ top: Math.max(0, band.top), end: Math.min(totalMinutes, band.end) });
  const hours = column.hours.map((h) => clamp({ top: toOffset(h.startAt), end: toOffset(h.endAt) })).filter((b) => b.end > b.top);
  const blocked = column.blocked
    .map((b) => ({ ...clamp({ top: toOffset(b.startAt), end: toOffset(b.endAt) }), kind: b.kind, note: b.note, clinicWide: b.clinicWide }))
    .filter((b) => b.end > b.top);
  const blocks = placeBlocks(column.appointments.filter((a) => a.status !== 'cancelled'), toOffset);
  for (const block of blocks) block.inTimeOff = isLeftInTimeOff(block.appointment, column.blocked);
  return {
    key: context.key,
    kind: context.kind,
    heading: context.heading,
    subheading: context.subheading,
    hoursText: hoursText(column, context.clock),
    color: column.color,
    date: context.date,
    providerId: context.providerId,
    roomId: context.roomId,
    isToday: context.isToday,
    hours,
    blocked,
    blocks,
    stops: stopsOf(blocks, totalMinutes, context.step),
    toOffset,
    startAtOffset: context.startAtOffset,
    timeLabelAt: context.timeLabelAt,
  };
}

function hoursText(column: DayColumn, clock: DayClock): string {
  if (column.kind === 'room') return '';
  if (column.hours.length === 0) return 'Not working';
  return column.hours.map((h) => `${clockLabel(wallMinutes(clock, h.startAt))}–${clockLabel(wallMinutes(clock, h.endAt))}`).join(', ');
}

/** Places appointments; ones that overlap get lanes (the classic interval layout), drawn as a cascade by the grid. */
export function placeBlocks(appointments: readonly AppointmentView[], toOffset: (instant: number) => number): PlacedBlock[] {
  const sorted = appointments
    .map((appointment) => ({ appointment, top: toOffset(appointment.startAt), length: Math.max(appointment.durationMinutes, 5) }))
    // The booked one first, the overbooking on top of it.
    .sort((a, b) => a.top - b.top || Number(a.appointment.overbooked) - Number(b.appointment.overbooked) || b.length - a.length);
  const placed: PlacedBlock[] = [];
  let cluster: PlacedBlock[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;
  const closeCluster = () => {
    for (const block of cluster) block.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (item.top >= clusterEnd) closeCluster();
    let lane = laneEnds.findIndex((end) => end <= item.top);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(0);
    }
    laneEnds[lane] = item.top + item.length;
    const block: PlacedBlock = { ...item, lane, lanes: 1, inTimeOff: false };
    cluster.push(block);
    placed.push(block);
    clusterEnd = Math.max(clusterEnd, item.top + item.length);
  }
  closeCluster();
  return placed;
}

/**
 * The column's keyboard stops, top to bottom: each appointment where it starts, and each row no appointment covers.
 * ArrowDown from a 30-minute visit lands on the row after it, not in its middle.
 */
export function stopsOf(blocks: readonly PlacedBlock[], totalMinutes: number, step: number): Stop[] {
  const stops: Stop[] = [];
  let next = 0;
  for (let offset = 0; offset < totalMinutes; offset += step) {
    // Appointments starting in this row (or before the first one) come first, then the row itself if it is free.
    while (next < blocks.length && (blocks[next] as PlacedBlock).top < offset + step) {
      const block = blocks[next] as PlacedBlock;
      stops.push({ kind: 'appt', id: block.appointment.id, offset: block.top, end: block.top + block.length });
      next += 1;
    }
    const covered = blocks.some((b) => b.top < offset + step && b.top + b.length > offset);
    if (!covered) stops.push({ kind: 'slot', offset });
  }
  for (; next < blocks.length; next += 1) {
    const block = blocks[next] as PlacedBlock;
    stops.push({ kind: 'appt', id: block.appointment.id, offset: block.top, end: block.top + block.length });
  }
  return stops;
}

/** The stop covering an offset in a column (an appointment there, else the free row). */
export function stopAt(column: BookGridColumn, offset: number, step: number): Stop | undefined {
  const appt = column.stops.find((s) => s.kind === 'appt' && s.offset <= offset && s.end > offset);
  if (appt) return appt;
  const row = Math.max(0, Math.floor(offset / step) * step);
  return column.stops.find((s) => s.kind === 'slot' && s.offset === row) ?? nearestStop(column, offset);
}

export function nearestStop(column: BookGridColumn, offset: number): Stop | undefined {
  let best: Stop | undefined;
  for (const stop of column.stops) if (!best || Math.abs(stop.offset - offset) < Math.abs(best.offset - offset)) best = stop;
  return best;
}

export function stopKey(stop: Stop): string {
  return stop.kind === 'appt' ? `a:${stop.id}` : `s:${stop.offset}`;
}
