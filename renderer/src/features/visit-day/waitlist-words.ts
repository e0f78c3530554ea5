import type { WaitlistEntryView } from '../../../../shared/contract/scheduling';
import { clockLabel, localPartsOf, shortDate } from '../../../../shared/scheduling/time';
import { hhmmLabel } from '../scheduling/schedule-words';

type ClosedVisit = NonNullable<NonNullable<WaitlistEntryView['closed']>['visit']>;

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const WEEKDAY_CHOICES = SHORT_DAYS.map((label, index) => ({ value: String(index + 1), label }));

/** "Mon, Wed, Fri", "Mon–Fri", or "Any day". */
export function weekdaysText(weekdays: readonly number[]): string {
  if (weekdays.length === 0 || weekdays.length === 7) return 'Any day';
  const sorted = [...weekdays].sort((a, b) => a - b);
  const contiguous = sorted.every((day, i) => i === 0 || day === (sorted[i - 1] ?? 0) + 1);
  if (contiguous && sorted.length > 2) return `${SHORT_DAYS[(sorted[0] ?? 1) - 1]}–${SHORT_DAYS[(sorted[sorted.length - 1] ?? 1) - 1]}`;
  return sorted.map((day) => SHORT_DAYS[day - 1]).join(', ');
}

/** "8:00–12:00, 14:00–17:00" or "Any time". */
const MINUTES_PER_DAY = 24 * 60;

export function windowsText(windows: WaitlistEntryView['timeWindows']): string {
  if (windows.length === 0) return 'Any time';
  // A window to the end of the day ends at 24:00, which a clock face writes as 0:00: say "from 12:00" instead.
  const windowText = (window: { start: number; end: number }) =>
    window.start <= 0 && window.end >= MINUTES_PER_DAY
      ? 'Any time'
      : window.end >= MINUTES_PER_DAY
        ? `From ${clockLabel(window.start)}`
        : window.start <= 0
          ? `Until ${clockLabel(window.end)}`
          : `${clockLabel(window.start)}–${clockLabel(window.end)}`;
  return windows.map(windowText).join(', ');
}

const monthDay = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' });
function dayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return monthDay.format(Date.UTC(y, m - 1, d));
}

/** "Mar 10 – Apr 10, 2026" (the year of the last day; both years when they differ). */
export function dateRangeText(fromDate: string, toDate: string): string {
  const [fromYear, toYear] = [fromDate.slice(0, 4), toDate.slice(0, 4)];
  if (fromDate === toDate) return `${dayOf(fromDate)}, ${toYear}`;
  return fromYear === toYear ? `${dayOf(fromDate)} – ${dayOf(toDate)}, ${toYear}` : `${dayOf(fromDate)}, ${fromYear} – ${dayOf(toDate)}, ${toYear}`;
}

/** The booked visit's day and start as the book writes them: "Tue, Mar 3, 9:00", "Sun, Nov 1, 1:30 (2nd)" in the repeated hour. */
export function visitWhenText(visit: ClosedVisit, thisYear?: string): string {
  const year = thisYear !== undefined && visit.date.slice(0, 4) !== thisYear ? `, ${visit.date.slice(0, 4)}` : '';
  const time = hhmmLabel(visit.startTime);
  return `${shortDate(visit.date)}${year}, ${visit.occurrence === 'second' ? `${time} (2nd)` : time}`;
}

/** What became of the visit since, when it is not simply still booked there: "(since cancelled)", "(no-show)". */
const SINCE: Partial<Record<ClosedVisit['status'], string>> = { cancelled: ' (since cancelled)', no_show: ' (no-show)' };

/**
 * How an entry left the list, in the desk's words: "Booked for Tue, Mar 3, 9:00 with Dr. Lee — on Mar 2, 2026 by Ana
 * Ruiz" (the visit as it is now: moved since, it shows the new time; "(since cancelled)" once cancelled), "Removed Mar
 * 3, 2026 by Ana Ruiz" (days and times in the clinic's time zone); without "by …" when the account is gone, and "Booked
 * Mar 3, 2026 …" when the visit cannot be read. Entries closed before outcomes were recorded say so rather than guess.
 * Null for an active entry. `closedWords` gives the two halves around " — " (the panel sets them on two lines).
 */
export function closedText(entry: Pick<WaitlistEntryView, 'active' | 'closed'>, zone: string): string | null {
  const words = closedWords(entry, zone);
  if (words === null) return null;
  return words.when === null ? words.outcome : `${words.outcome} — ${words.when}`;
}

export function closedWords(entry: Pick<WaitlistEntryView, 'active' | 'closed'>, zone: string): { outcome: string; when: string | null } | null {
  if (entry.active) return null;
  const closed = entry.closed;
  if (closed === null) return { outcome: 'Off the waitlist (not recorded whether booked or removed)', when: null };
  const date = localPartsOf(closed.at, zone).date;
  const day = `${dayOf(date)}, ${date.slice(0, 4)}`;
  const by = closed.byName ? ` by ${closed.byName}` : '';
  if (closed.reason === 'removed') return { outcome: `Removed ${day}${by}`, when: null };
  const visit = closed.visit;
  if (visit === null) return { outcome: `Booked ${day}${by}`, when: null };
  return { outcome: `Booked for ${visitWhenText(visit, date.slice(0, 4))} with ${visit.providerName}${SINCE[visit.status] ?? ''}`, when: `on ${day}${by}` };
}
