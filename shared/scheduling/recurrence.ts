import type { Recurrence, SeriesEnd, SeriesScope } from './schemas';
import { MAX_SERIES_OCCURRENCES } from './schemas';
import { isChangeable, type AppointmentStatus } from './status';
import { addDays, daysInMonth, isoWeekday, longDate, weekdayName } from './time';

/**
 * A series' rule, in one place for main and the screens: which dates a series falls on (`occurrenceDates`), the dates
 * it was booked on (`bookedDates`), and which of its visits a change "this / this and following / all" takes
 * (`scopeTargets`). Pure: dates are 'YYYY-MM-DD' clinic dates, no clock and no zone.
 */

/** Which weekday of its month a monthly series repeats on: the 1st–4th, or the last. */
export type MonthWeek = 1 | 2 | 3 | 4 | 'last';

const ORDINALS = ['', '1st', '2nd', '3rd', '4th', '5th'] as const;

/** "1st" … "5th". */
export function ordinal(n: number): string {
  return ORDINALS[n] ?? `${n}th`;
}

/** Where a date sits in its month: its weekday, which one of them (1–5), and whether it is the last. */
export function weekOfMonthOf(date: string): { weekday: number; nth: number; isLast: boolean } {
  const day = Number(date.slice(8, 10));
  return { weekday: isoWeekday(date), nth: Math.ceil(day / 7), isLast: day + 7 > daysInMonth(date.slice(0, 7)) };
}

/** The weeks of the month a date can repeat on: its own (1st–4th), and "last" when it is the last one. */
export function monthWeeksOf(date: string): MonthWeek[] {
  const { nth, isLast } = weekOfMonthOf(date);
  const choices: MonthWeek[] = [];
  if (nth <= 4) choices.push(nth as 1 | 2 | 3 | 4);
  if (isLast) choices.push('last');
  return choices;
}

/** "2nd Tuesday", "last Friday". */
export function monthWeekWords(week: MonthWeek, weekday: number): string {
  return `${week === 'last' ? 'last' : ordinal(week)} ${weekdayName(weekday)}`;
}

/** The nth (or last) given weekday of a month 'YYYY-MM'. */
export function nthWeekdayOfMonth(month: string, weekday: number, which: MonthWeek): string {
  if (which === 'last') {
    const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = `${month}-01`;
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (which - 1));
}

/** The month n months after (or before) a month 'YYYY-MM'. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The dates of a series, or why there are none: `path` names the booking field at fault, as main reports it. */
export type OccurrenceDates = { ok: true; dates: string[] } | { ok: false; path: 'end.until' | 'recurrence.weekOfMonth'; message: string };

/**
 * The clinic dates of a series, the first date included: weekly (every n weeks, same weekday) or monthly by
 * weekday (the 2nd Tuesday, the last Friday; every n months), until a date (inclusive) or for a count, at most
 * MAX_SERIES_OCCURRENCES. Dates only: each is turned into an instant at the same wall-clock time separately, so a
 * 9:00 series stays at 9:00 across the clock changes.
 */
export function occurrenceDates(firstDate: string, recurrence: Recurrence, end: SeriesEnd): OccurrenceDates {
  if ('until' in end && end.until < firstDate) return { ok: false, path: 'end.until', message: 'The series ends before it starts. Choose a later last date.' };
  const limit = 'count' in end ? end.count : Number.POSITIVE_INFINITY;
  const until = 'until' in end ? end.until : null;
  const dates: string[] = [];
  let which: MonthWeek = 1;
  if (recurrence.frequency === 'monthly') {
    const where = weekOfMonthOf(firstDate);
    const wanted = recurrence.weekOfMonth;
    if (wanted === 'last' ? !where.isLast : where.nth !== wanted) {
      const actual = where.isLast ? `the ${ordinal(where.nth)} (and last)` : `the ${ordinal(where.nth)}`;
      return {
        ok: false,
        path: 'recurrence.weekOfMonth',
        message: `${longDate(firstDate)} is ${actual} ${weekdayName(where.weekday)} of its month. Choose that, or start on the ${monthWeekWords(wanted, where.weekday)}.`,
      };
    }
    which = wanted;
  }
  for (let k = 0; dates.length < limit; k += 1) {
    const date =
      recurrence.frequency === 'weekly'
        ? addDays(firstDate, 7 * recurrence.interval * k)
        : nthWeekdayOfMonth(addMonths(firstDate.slice(0, 7), recurrence.interval * k), isoWeekday(firstDate), which);
    if (until !== null && date > until) break;
    if (dates.length >= MAX_SERIES_OCCURRENCES) {
      return { ok: false, path: 'end.until', message: `A series has at most ${MAX_SERIES_OCCURRENCES} visits; this one would have more. Choose an earlier last date.` };
    }
    dates.push(date);
  }
  return { ok: true, dates };
}

/** A series as it was booked: its first date, its rule, and the dates left out of it. */
export interface BookedSeries {
  firstDate: string;
  recurrence: Recurrence;
  end: SeriesEnd;
  skipDates: readonly string[];
}

/**
 * The visits a series was booked with, in order: each rule date not left out, with its place in the series (a visit's
 * `seriesIndex`: its date's place among all the rule's dates, skipped ones counted). Empty for a rule with no dates.
 */
export function bookedDates(series: BookedSeries): { date: string; index: number }[] {
  const dates = occurrenceDates(series.firstDate, series.recurrence, series.end);
  if (!dates.ok) return [];
  const skipped = new Set(series.skipDates);
  return dates.dates.map((date, index) => ({ date, index })).filter((d) => !skipped.has(d.date));
}

// ── Which visits a change takes ─────────────────────────────────────────────────────────────────────────────────

/** What the scope rule reads of a visit. */
export interface ScopeVisit {
  id: string;
  seriesId: string | null;
  seriesIndex: number | null;
  seriesException: boolean;
  status: AppointmentStatus;
  startAt: number;
}

/**
 * The visits a change with this scope takes. "this" (or a visit outside a series): the chosen one. "following" /
 * "all": the chosen one always, and the series' other visits that have not started (booked or confirmed, starting at
 * or after `now`) and were not changed on their own (exceptions keep their place) — from the chosen one's place on,
 * or all of them. In series order. `visits` may hold any visits; only the chosen one's series counts.
 */
export function scopeTargets<T extends ScopeVisit>(chosen: T, visits: readonly T[], scope: SeriesScope, now: number): T[] {
  if (scope === 'this' || chosen.seriesId === null) return [chosen];
  const from = scope === 'following' ? (chosen.seriesIndex ?? 0) : Number.NEGATIVE_INFINITY;
  const others = visits.filter(
    (v) => v.id !== chosen.id && v.seriesId === chosen.seriesId && isChangeable(v.status) && !v.seriesException && v.startAt >= now && (v.seriesIndex ?? 0) >= from,
  );
  return [chosen, ...others].sort((a, b) => (a.seriesIndex ?? 0) - (b.seriesIndex ?? 0));
}
