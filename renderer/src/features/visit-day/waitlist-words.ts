import type { WaitlistEntryView } from '../../../../shared/contract/scheduling';
import { clockLabel, localPartsOf } from '../../../../shared/scheduling/time';

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

/**
 * How an entry left the list, in the desk's words: "Booked Mar 3, 2026 by Ana Ruiz", "Removed Mar 3, 2026 by Ana Ruiz"
 * (the day in the clinic's time zone); "Booked Mar 3, 2026" when the account is gone. Entries closed before outcomes
 * were recorded say so rather than guess. Null for an active entry.
 */
export function closedText(entry: Pick<WaitlistEntryView, 'active' | 'closed'>, zone: string): string | null {
  if (entry.active) return null;
  if (entry.closed === null) return 'Off the waitlist (not recorded whether booked or removed)';
  const date = localPartsOf(entry.closed.at, zone).date;
  const when = `${entry.closed.reason === 'booked' ? 'Booked' : 'Removed'} ${dayOf(date)}, ${date.slice(0, 4)}`;
  return entry.closed.byName ? `${when} by ${entry.closed.byName}` : when;
}
