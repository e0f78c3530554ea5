import type { Recurrence, SeriesEnd } from '../../../../../../shared/scheduling/schemas';
import { MAX_SERIES_OCCURRENCES } from '../../../../../../shared/scheduling/schemas';
import { addDays, daysBetween, daysInMonth, isCalendarDate, isoWeekday, longDate, weekdayName } from '../../../../../../shared/scheduling/time';

/**
 * A series' dates and words, on the desk's side. The dates are worked out exactly as the core does
 * (electron/core/scheduling/recurrence.ts, which the renderer may not import), so the dialog can list the visits and
 * say "6 visits, until Nov 5, 2030" before anything is sent; the core checks again and has the last word.
 */

export type MonthWeek = 1 | 2 | 3 | 4 | 'last';

const ORDINALS = ['', '1st', '2nd', '3rd', '4th', '5th'] as const;

export function ordinal(n: number): string {
  return ORDINALS[n] ?? `${n}th`;
}

/** Where a date sits in its month: its weekday, which one of them (1–5), and whether it is the last. */
export function monthPosition(date: string): { weekday: number; nth: number; isLast: boolean } {
  const day = Number(date.slice(8, 10));
  return { weekday: isoWeekday(date), nth: Math.ceil(day / 7), isLast: day + 7 > daysInMonth(date.slice(0, 7)) };
}

/** The "nth weekday of the month" a date can repeat on: its own (1st–4th), and "last" when it is the last one. */
export function monthWeeksOf(date: string): MonthWeek[] {
  const { nth, isLast } = monthPosition(date);
  const choices: MonthWeek[] = [];
  if (nth <= 4) choices.push(nth as 1 | 2 | 3 | 4);
  if (isLast) choices.push('last');
  return choices;
}

/** "2nd Tuesday", "last Friday". */
export function monthWeekWords(week: MonthWeek, weekday: number): string {
  return `${week === 'last' ? 'last' : ordinal(week)} ${weekdayName(weekday)}`;
}

function nthWeekdayOfMonth(month: string, weekday: number, which: MonthWeek): string {
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

export type OccurrenceDates = { ok: true; dates: string[] } | { ok: false; field: 'until' | 'monthWeek'; message: string };

/** The clinic dates of a series, the first included, at most MAX_SERIES_OCCURRENCES (the core's rule and words). */
export function occurrenceDates(firstDate: string, recurrence: Recurrence, end: SeriesEnd): OccurrenceDates {
  if ('until' in end && end.until < firstDate) return { ok: false, field: 'until', message: 'The series ends before it starts. Choose a later last date.' };
  const limit = 'count' in end ? end.count : Number.POSITIVE_INFINITY;
  const until = 'until' in end ? end.until : null;
  let which: MonthWeek = 1;
  if (recurrence.frequency === 'monthly') {
    const where = monthPosition(firstDate);
    const wanted = recurrence.weekOfMonth;
    if (wanted === 'last' ? !where.isLast : where.nth !== wanted) {
      return { ok: false, field: 'monthWeek', message: `${longDate(firstDate)} is not the ${monthWeekWords(wanted, where.weekday)} of its month.` };
    }
    which = wanted;
  }
  const dates: string[] = [];
  for (let k = 0; dates.length < limit; k += 1) {
    const date =
      recurrence.frequency === 'weekly'
        ? addDays(firstDate, 7 * recurrence.interval * k)
        : nthWeekdayOfMonth(addMonths(firstDate.slice(0, 7), recurrence.interval * k), isoWeekday(firstDate), which);
    if (until !== null && date > until) break;
    if (dates.length >= MAX_SERIES_OCCURRENCES) {
      return { ok: false, field: 'until', message: `A series has at most ${MAX_SERIES_OCCURRENCES} visits; this one would have more. Choose an earlier last date.` };
    }
    dates.push(date);
  }
  return { ok: true, dates };
}

// ── Words ────────────────────────────────────────────────────────────────────────────────────────────────────

const MEDIUM = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' });
const MONTH_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
const WEEKDAY_MONTH_DAY = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** "Apr 14, 2026". */
export function mediumDate(date: string): string {
  return MEDIUM.format(utc(date));
}

/** "Apr 14". */
export function monthDay(date: string): string {
  return MONTH_DAY.format(utc(date));
}

/** "Tue, Apr 14, 2026": a visit in a list of visits. */
export function visitDate(date: string): string {
  return WEEKDAY_MONTH_DAY.format(utc(date));
}

/** "Every week on Tuesday", "Every 2 weeks on Tuesday", "Monthly on the 2nd Tuesday", "Every 3 months on the last Friday". */
export function repeatWords(recurrence: Recurrence, firstDate: string): string {
  const weekday = isCalendarDate(firstDate) ? isoWeekday(firstDate) : 1;
  if (recurrence.frequency === 'weekly') {
    return `${recurrence.interval === 1 ? 'Every week' : `Every ${recurrence.interval} weeks`} on ${weekdayName(weekday)}`;
  }
  return `${recurrence.interval === 1 ? 'Monthly' : `Every ${recurrence.interval} months`} on the ${monthWeekWords(recurrence.weekOfMonth, weekday)}`;
}

/** "Oct 15", "Oct 15 and Oct 29", "Oct 1, Oct 15 and Oct 29", "4 dates". */
export function leftOutWords(dates: readonly string[]): string {
  if (dates.length > 3) return `${dates.length} dates`;
  const words = dates.map(monthDay);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

/**
 * The series in one line, as the desk reads it back to the patient:
 * "Every 2 weeks on Tuesday at 9:00, 6 visits, until Apr 14, 2026" (+ "(Apr 7 left out)").
 */
export function seriesSummary(recurrence: Recurrence, firstDate: string, timeLabel: string, dates: readonly string[], skipped: readonly string[]): string {
  const left = dates.filter((d) => !skipped.includes(d));
  const out = dates.filter((d) => skipped.includes(d));
  const last = left[left.length - 1];
  const visits = `${left.length} ${left.length === 1 ? 'visit' : 'visits'}`;
  const leftOut = out.length > 0 ? ` (${leftOutWords(out)} left out)` : '';
  return `${repeatWords(recurrence, firstDate)} at ${timeLabel}, ${visits}${leftOut}${last ? `, until ${mediumDate(last)}` : ''}`;
}

// ── What kind of series an appointment belongs to ───────────────────────────────────────────────────────────

/** What the book says about a series: its rule when known (booked here, or read from its visits), else null. */
export type SeriesKind = Recurrence | null;

interface SeriesVisitDates {
  date: string;
  seriesIndex: number | null;
  seriesException: boolean;
}

/**
 * The rule of a series read back from its visits (the contract's appointment carries the series and each visit's
 * place in it, not the rule). Visits changed on their own are left out; the rest are on the rule's dates, all shifted
 * alike by a "move all". Weekly when every gap is the same number of weeks per place; monthly by weekday when every
 * visit is the same nth (or last) weekday, the same number of months per place. Two or three visits four weeks apart
 * that are also the same weekday of consecutive months are read as every 4 weeks. Null when it cannot be told.
 */
export function inferSeriesKind(visits: readonly SeriesVisitDates[]): SeriesKind {
  const rows = visits.filter((v) => !v.seriesException && v.seriesIndex !== null).sort((a, b) => (a.seriesIndex ?? 0) - (b.seriesIndex ?? 0));
  const base = rows[0];
  if (!base || rows.length < 2) return null;
  const others = rows.slice(1).filter((r) => r.seriesIndex !== base.seriesIndex);
  if (others.length === 0) return null;

  let weeks: number | null = null;
  let weekly = true;
  for (const r of others) {
    const places = (r.seriesIndex ?? 0) - (base.seriesIndex ?? 0);
    const days = daysBetween(base.date, r.date);
    if (days <= 0 || days % (7 * places) !== 0) weekly = false;
    const n = days / (7 * places);
    if (weeks === null) weeks = n;
    else if (weeks !== n) weekly = false;
  }
  if (weekly && weeks !== null && weeks >= 1 && weeks <= 12) return { frequency: 'weekly', interval: weeks };

  const where = monthPosition(base.date);
  const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  let months: number | null = null;
  const sameNth = others.every((r) => monthPosition(r.date).nth === where.nth);
  const allLast = where.isLast && others.every((r) => monthPosition(r.date).isLast);
  if (!sameNth && !allLast) return null;
  for (const r of others) {
    if (isoWeekday(r.date) !== where.weekday) return null;
    const places = (r.seriesIndex ?? 0) - (base.seriesIndex ?? 0);
    const diff = monthIndex(r.date) - monthIndex(base.date);
    if (diff <= 0 || diff % places !== 0) return null;
    const n = diff / places;
    if (months === null) months = n;
    else if (months !== n) return null;
  }
  if (months === null || months < 1 || months > 12) return null;
  const weekOfMonth: MonthWeek = sameNth && where.nth <= 4 ? (where.nth as 1 | 2 | 3 | 4) : 'last';
  return { frequency: 'monthly', interval: months, weekOfMonth };
}

/** "weekly series", "series every 2 weeks", "monthly series", "series every 3 months", "repeating series". */
export function seriesKindWords(kind: SeriesKind | undefined): string {
  if (!kind) return 'repeating series';
  if (kind.frequency === 'weekly') return kind.interval === 1 ? 'weekly series' : `series every ${kind.interval} weeks`;
  return kind.interval === 1 ? 'monthly series' : `series every ${kind.interval} months`;
}

/** On a block or in a list: "Weekly", "Every 2 weeks", "Monthly", "Every 3 months", "Series". */
export function seriesKindShort(kind: SeriesKind | undefined): string {
  if (!kind) return 'Series';
  if (kind.frequency === 'weekly') return kind.interval === 1 ? 'Weekly' : `Every ${kind.interval} weeks`;
  return kind.interval === 1 ? 'Monthly' : `Every ${kind.interval} months`;
}

/** "Every week on Tuesday" → "every week on Tuesday" (the weekday keeps its capital). */
export function lowerFirst(text: string): string {
  return `${text[0]?.toLowerCase() ?? ''}${text.slice(1)}`;
}
