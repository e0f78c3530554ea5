import type { Recurrence, SeriesScope } from '../../../../../../shared/scheduling/schemas';
import { monthWeekWords } from '../../../../../../shared/scheduling/recurrence';
import { isCalendarDate, isoWeekday, weekdayName } from '../../../../../../shared/scheduling/time';

/**
 * A series in the desk's words. The rule itself (its dates, which visits a scope takes) is shared with main:
 * shared/scheduling/recurrence.ts.
 */

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

/** What the book says about a series: its rule (carried on the appointment view), or null when not known. */
export type SeriesKind = Recurrence | null;

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

/**
 * What moving "this and following" or "all" does to the other visits and to the series, as main does it
 * (electron/core/scheduling/series-moves.ts): weekly ones move by as many days, monthly ones to the same week of their
 * month on the new weekday; "this and following" makes the visits from this one on a series of their own.
 */
export function seriesMoveWords(kind: SeriesKind | undefined, scope: Exclude<SeriesScope, 'this'>): string {
  const how = kind?.frequency === 'monthly' ? 'go to the same week of their month on the new weekday' : 'move by as many days as this one';
  const split = scope === 'following' ? ' From this visit on they become a series of their own; the earlier visits keep the series, ending before this one.' : '';
  return `The other visits ${how}, to the new time and length (and to the new provider or room, if changed).${split} Every one is checked first; nothing moves unless all can.`;
}
