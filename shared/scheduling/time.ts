import { DateTime, IANAZone } from 'luxon';

/**
 * Clinic-time helpers for the book, shared by the core and the screens. Instants are UTC epoch milliseconds;
 * "local" means the clinic's wall clock in its IANA time zone. Zone math is luxon's (docs/DECISIONS.md), never
 * hand-written offsets. Times of day are whole minutes since local midnight (0–1440).
 */

export const MINUTES_PER_DAY = 1440;
const MINUTE_MS = 60_000;

/** Which of the two identical wall-clock times on the day the clocks go back: before the change or after it. */
export const OCCURRENCES = ['first', 'second'] as const;
export type Occurrence = (typeof OCCURRENCES)[number];

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/** ISO weekday 1 = Monday … 7 = Sunday. */
export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[(weekday - 1 + 7) % 7] ?? 'Monday';
}

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

// ── Calendar dates (YYYY-MM-DD) ───────────────────────────────────────────────────────────────────────────────

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dateParts(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar date n days after (or before) date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = dateParts(date);
  return formatDate(Date.UTC(y, m - 1, d + days));
}

/** Whole calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [ay, am, ad] = dateParts(a);
  const [by, bm, bd] = dateParts(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const [y, m, d] = dateParts(date);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week that date is in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Number of days in a month ('YYYY-MM'). */
export function daysInMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** "Sunday, March 8, 2026". */
export function longDate(date: string): string {
  const [y, m, d] = dateParts(date);
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(Date.UTC(y, m - 1, d));
}

/** "Tue Mar 10". */
export function shortDate(date: string): string {
  const [y, m, d] = dateParts(date);
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(Date.UTC(y, m - 1, d));
}

// ── Times of day ──────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A time of day as typed at the desk: "9", "9:30", "09:30", "930", "9am", "9:30 pm", "12 noon", "13:30", and "24:00"
 * (only as the end of a block). Returns minutes since midnight, or null when it is not a time.
 */
export function parseTimeOfDay(text: string, options: { allowEndOfDay?: boolean } = {}): number | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (value === 'noon' || value === '12 noon') return 720;
  if (value === 'midnight') return options.allowEndOfDay ? MINUTES_PER_DAY : 0;
  const match = /^(\d{1,2})(?::?(\d{2}))? ?(a\.?m?\.?|p\.?m?\.?)?$/.exec(value);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.[0];
  if (minutes > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    if (meridiem === 'a' && hours === 12) hours = 0;
    if (meridiem === 'p' && hours !== 12) hours += 12;
  }
  const total = hours * 60 + minutes;
  if (total === MINUTES_PER_DAY && options.allowEndOfDay && !meridiem) return total;
  if (hours > 23) return null;
  return total;
}

/** Minutes since midnight as "HH:MM" (24-hour; 1440 is "24:00"). */
export function formatTimeOfDay(minutes: number): string {
  return TIMES_OF_DAY[minutes] ?? hhmm(minutes);
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "HH:MM" of each minute of a day of 25 hours (the day the clocks go back), made once: a full day's book shows 600. */
const TIMES_OF_DAY: readonly string[] = Array.from({ length: 25 * 60 }, (_, minutes) => hhmm(minutes));

/** Minutes since midnight as the desk reads them in messages: "9:00", "14:30". */
export function clockLabel(minutes: number): string {
  return `${Math.floor(minutes / 60) % 24}:${String(minutes % 60).padStart(2, '0')}`;
}

// ── Instants ↔ clinic wall clock ──────────────────────────────────────────────────────────────────────────────

export interface LocalParts {
  /** Clinic calendar date. */
  date: string;
  /** Minutes since local midnight, as the wall clock shows them. */
  minutes: number;
  /** "HH:MM". */
  time: string;
  /** On the day the clocks go back, which of the two identical wall-clock times this is; otherwise null. */
  occurrence: Occurrence | null;
}

/** Looks this far either side of an instant for a clock change (wider than any change's size). */
const NEARBY_CHANGE_MS = 3 * 3_600_000;

/** The clinic's wall clock at an instant. */
export function localPartsOf(instant: number, zone: string): LocalParts {
  const dt = DateTime.fromMillis(instant, { zone });
  const date = dt.toISODate() ?? formatDate(instant);
  const minutes = dt.hour * 60 + dt.minute;
  let occurrence: Occurrence | null = null;
  // Only near a clock change can a wall-clock time happen twice: skip the (slow) check everywhere else.
  const tz = IANAZone.create(zone);
  if (tz.offset(instant - NEARBY_CHANGE_MS) !== tz.offset(instant + NEARBY_CHANGE_MS)) {
    const possible = dt.getPossibleOffsets();
    if (possible.length > 1) {
      const earliest = Math.min(...possible.map((p) => p.toMillis()));
      occurrence = dt.toMillis() === earliest ? 'first' : 'second';
    }
  }
  return { date, minutes, time: formatTimeOfDay(minutes), occurrence };
}

/** A change of the clocks: the instant it happens and the wall-clock offsets (minutes) before and after. */
export interface ClockChange {
  at: number;
  offsetBefore: number;
  offsetAfter: number;
  /** Wall-clock minutes of the day when the change happens (before the jump), e.g. 120 for 2:00. */
  localMinutes: number;
}

/** The clock changes on a clinic date (none on most days; one on the spring and autumn change days). */
export function clockChangesOn(date: string, zone: string): ClockChange[] {
  const { startAt, endAt } = dayRange(date, zone);
  const tz = IANAZone.create(zone);
  const changes: ClockChange[] = [];
  const step = 15 * MINUTE_MS;
  let previous = tz.offset(startAt);
  for (let t = startAt + step; t <= endAt; t += step) {
    const offset = tz.offset(t);
    if (offset !== previous) {
      // Narrow to the minute.
      let lo = t - step;
      let hi = t;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (tz.offset(mid) === previous) lo = mid;
        else hi = mid;
      }
      const localBefore = DateTime.fromMillis(hi - 1, { zone });
      changes.push({ at: hi, offsetBefore: previous, offsetAfter: offset, localMinutes: localBefore.hour * 60 + localBefore.minute + 1 });
      previous = offset;
    }
  }
  return changes;
}

export type LocalResolution =
  | { ok: true; startAt: number; ambiguous: boolean; occurrence: Occurrence | null }
  | { ok: false; problem: 'nonexistent' | 'ambiguous'; message: string };

function hoursWord(minutes: number): string {
  if (minutes === 60) return 'an hour';
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/**
 * The instant of a clinic wall-clock time on a date. A time that does not exist (the spring change skips it) is
 * refused with a message saying so; a time that happens twice (the autumn change) needs `occurrence`, else it is
 * refused with a message asking which. 1440 (24:00) is the start of the next day.
 */
export function resolveLocalTime(date: string, minutes: number, zone: string, occurrence?: Occurrence | null): LocalResolution {
  if (minutes === MINUTES_PER_DAY) return resolveLocalTime(addDays(date, 1), 0, zone, occurrence ?? 'first');
  const [year, month, day] = dateParts(date);
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const dt = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!dt.isValid || dt.hour !== hour || dt.minute !== minute || dt.toISODate() !== date) {
    const change = clockChangesOn(date, zone)[0];
    const jump = change ? change.offsetAfter - change.offsetBefore : 60;
    const from = change ? change.localMinutes : minutes;
    return {
      ok: false,
      problem: 'nonexistent',
      message:
        `${clockLabel(minutes)} does not exist on ${longDate(date)}: the clocks go forward ${hoursWord(jump)} at ${clockLabel(from)}, ` +
        `straight to ${clockLabel(from + jump)}. Choose another time.`,
    };
  }
  const possible = dt.getPossibleOffsets().map((p) => p.toMillis()).sort((a, b) => a - b);
  if (possible.length > 1) {
    if (!occurrence) {
      return {
        ok: false,
        problem: 'ambiguous',
        message:
          `${clockLabel(minutes)} happens twice on ${longDate(date)} because the clocks go back an hour that night. ` +
          'Choose the first one (before the change) or the second one (after it).',
      };
    }
    return { ok: true, startAt: (occurrence === 'first' ? possible[0] : possible[possible.length - 1]) as number, ambiguous: true, occurrence };
  }
  return { ok: true, startAt: dt.toMillis(), ambiguous: false, occurrence: null };
}

/**
 * Like resolveLocalTime, but never refuses: for the edges of working hours and blocked time. A skipped time moves
 * forward with the clocks; a repeated time takes `prefer` (block starts the first, block ends the second).
 */
export function resolveLocalTimeLeniently(date: string, minutes: number, zone: string, prefer: Occurrence): number {
  const exact = resolveLocalTime(date, minutes, zone, prefer);
  if (exact.ok) return exact.startAt;
  const [year, month, day] = dateParts(date);
  if (minutes >= MINUTES_PER_DAY) return dayRange(addDays(date, 1), zone).startAt;
  return DateTime.fromObject({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone }).toMillis();
}

/** The instants a clinic date spans: [startAt, endAt), and its length in minutes (1380, 1440 or 1500 in New York). */
export function dayRange(date: string, zone: string): { startAt: number; endAt: number; minutes: number } {
  const [year, month, day] = dateParts(date);
  const [ny, nm, nd] = dateParts(addDays(date, 1));
  // Midnight, or the first instant of the day where a change skips midnight (luxon moves a skipped time forward).
  const startAt = DateTime.fromObject({ year, month, day }, { zone }).toMillis();
  const endAt = DateTime.fromObject({ year: ny, month: nm, day: nd }, { zone }).toMillis();
  return { startAt, endAt, minutes: Math.round((endAt - startAt) / MINUTE_MS) };
}

/** Today's clinic date. */
export function clinicToday(zone: string, now: number): string {
  return localPartsOf(now, zone).date;
}

// ── The day grid ──────────────────────────────────────────────────────────────────────────────────────────────

export const GRID_STEPS = [5, 10, 15] as const;
export type GridStep = (typeof GRID_STEPS)[number];

export interface GridRow {
  startAt: number;
  /** "HH:MM" on the wall clock. */
  time: string;
  minutes: number;
  /** Set only on the repeated hour of the autumn change. */
  occurrence: Occurrence | null;
  /** "1:30", or "1:30 (2nd)" for the repeated hour. */
  label: string;
}

/**
 * The rows of the day view for a clinic date: one per `step` minutes of real (elapsed) time, labelled with the wall
 * clock. Over a whole day there are 23 hours of rows on the spring change day and 25 on the autumn one. With a
 * window (wall-clock minutes, e.g. the clinic's hours 8:00–18:00) only rows starting inside it are returned.
 */
export function gridRows(date: string, zone: string, step: GridStep, window?: { fromMinute: number; toMinute: number }): GridRow[] {
  const { startAt, endAt } = dayRange(date, zone);
  const from = window ? Math.max(startAt, resolveLocalTimeLeniently(date, window.fromMinute, zone, 'first')) : startAt;
  const to = window ? Math.min(endAt, resolveLocalTimeLeniently(date, window.toMinute, zone, 'second')) : endAt;
  const rows: GridRow[] = [];
  // Rows sit on the step's marks of the wall clock; the first mark at or after `from`.
  const first = from + ((step * MINUTE_MS - ((from - startAt) % (step * MINUTE_MS))) % (step * MINUTE_MS));
  for (let t = first; t < to; t += step * MINUTE_MS) {
    const parts = localPartsOf(t, zone);
    rows.push({
      startAt: t,
      time: parts.time,
      minutes: parts.minutes,
      occurrence: parts.occurrence,
      label: parts.occurrence === 'second' ? `${clockLabel(parts.minutes)} (2nd)` : clockLabel(parts.minutes),
    });
  }
  return rows;
}

// ── A day's clock, for loops ──────────────────────────────────────────────────────────────────────────────────

export interface DayClock {
  date: string;
  startAt: number;
  endAt: number;
  minutes: number;
  /** No clock change that day: wall-clock minutes and elapsed minutes agree. */
  regular: boolean;
  /** Wall-clock minutes → instant (lenient at a clock change: see resolveLocalTimeLeniently). */
  toInstant(minutes: number, prefer: Occurrence): number;
  /** Instant within the day → wall-clock minutes. */
  toMinutes(instant: number): number;
}

/**
 * The clock of one clinic date, for code that converts many times on the same day (find open slots, the day view):
 * on a regular day it is plain arithmetic from the day's first instant; on a change day it asks luxon.
 */
export function dayClock(date: string, zone: string): DayClock {
  const key = `${zone}|${date}`;
  const cached = clockCache.get(key);
  if (cached) return cached;
  const clock = makeDayClock(date, zone);
  if (clockCache.size >= CLOCK_CACHE_SIZE) clockCache.delete(clockCache.keys().next().value as string);
  clockCache.set(key, clock);
  return clock;
}

/** A date's clock never changes (short of new time-zone rules), so recent ones are kept: asking luxon costs ~0.1 ms. */
const CLOCK_CACHE_SIZE = 4096;
const clockCache = new Map<string, DayClock>();

function makeDayClock(date: string, zone: string): DayClock {
  const { startAt, endAt, minutes } = dayRange(date, zone);
  const regular = minutes === MINUTES_PER_DAY && IANAZone.create(zone).offset(startAt) === IANAZone.create(zone).offset(endAt - 1);
  return {
    date,
    startAt,
    endAt,
    minutes,
    regular,
    toInstant: (m, prefer) => (regular ? startAt + m * MINUTE_MS : resolveLocalTimeLeniently(date, m, zone, prefer)),
    toMinutes: (instant) => (regular ? Math.floor((instant - startAt) / MINUTE_MS) : localPartsOf(instant, zone).minutes),
  };
}

/**
 * Wall-clock parts of many instants (a day's or a week's appointments) without asking luxon for each: instants on a
 * day with no clock change are read by arithmetic from that day's first instant.
 */
export function createLocalReader(zone: string): (instant: number) => LocalParts {
  const clocks: DayClock[] = [];
  return (instant) => {
    let clock = clocks.find((c) => instant >= c.startAt && instant < c.endAt);
    if (!clock) {
      const parts = localPartsOf(instant, zone);
      clock = dayClock(parts.date, zone);
      clocks.push(clock);
      if (!clock.regular) return parts;
    }
    if (!clock.regular) return localPartsOf(instant, zone);
    const minutes = Math.floor((instant - clock.startAt) / MINUTE_MS);
    return { date: clock.date, minutes, time: formatTimeOfDay(minutes), occurrence: null };
  };
}
