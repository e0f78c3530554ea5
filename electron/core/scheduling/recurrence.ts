import type { Recurrence, SeriesEnd } from '../../../shared/scheduling/schemas';
import { MAX_SERIES_OCCURRENCES } from '../../../shared/scheduling/schemas';
import { addDays, daysInMonth, isoWeekday, longDate, weekdayName } from '../../../shared/scheduling/time';

/** Where a date sits in its month: its weekday, which one of them (1–5), and whether it is the last. */
export function weekOfMonthOf(date: string): { weekday: number; nth: number; isLast: boolean } {
  const day = Number(date.slice(8, 10));
  return { weekday: isoWeekday(date), nth: Math.ceil(day / 7), isLast: day + 7 > daysInMonth(date.slice(0, 7)) };
}

/** The nth (or last) given weekday of a month 'YYYY-MM'. */
export function nthWeekdayOfMonth(month: string, weekday: number, which: 1 | 2 | 3 | 4 | 'last'): string {
  if (which === 'last') {
    const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = `${month}-01`;
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (which - 1));
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const ORDINALS = ['', '1st', '2nd', '3rd', '4th', '5th'];

export type OccurrenceDates = { ok: true; dates: string[] } | { ok: false; path: string; message: string };

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
  let monthlyWhich: 1 | 2 | 3 | 4 | 'last' | null = null;
  if (recurrence.frequency === 'monthly') {
    const where = weekOfMonthOf(firstDate);
    const wanted = recurrence.weekOfMonth;
    if (wanted === 'last' ? !where.isLast : where.nth !== wanted) {
      const actual = where.isLast ? `the ${ORDINALS[where.nth]} (and last)` : `the ${ORDINALS[where.nth]}`;
      return {
        ok: false,
        path: 'recurrence.weekOfMonth',
        message: `${longDate(firstDate)} is ${actual} ${weekdayName(where.weekday)} of its month. Choose that, or start on the ${wanted === 'last' ? 'last' : ORDINALS[wanted]} ${weekdayName(where.weekday)}.`,
      };
    }
    monthlyWhich = wanted;
  }
  for (let k = 0; dates.length < limit; k += 1) {
    const date =
      recurrence.frequency === 'weekly'
        ? addDays(firstDate, 7 * recurrence.interval * k)
        : nthWeekdayOfMonth(addMonths(firstDate.slice(0, 7), recurrence.interval * k), isoWeekday(firstDate), monthlyWhich ?? 1);
    if (until !== null && date > until) break;
    if (dates.length >= MAX_SERIES_OCCURRENCES) {
      return { ok: false, path: 'end.until', message: `A series has at most ${MAX_SERIES_OCCURRENCES} visits; this one would have more. Choose an earlier last date.` };
    }
    dates.push(date);
  }
  return { ok: true, dates };
}
