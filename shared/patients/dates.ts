/** Calendar dates (YYYY-MM-DD), with no time zone: a birth date is the same day everywhere. */
export const MAX_AGE_YEARS = 130;

export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's calendar date in the given time zone (the clinic's, or the computer's when not given). */
export function todayIn(timeZone?: string, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * A date of birth as typed at the desk: 03/14/1962, 3/14/62, 1962-03-14, 03-14-1962, 14.03.1962 is NOT accepted
 * (US order only). Two-digit years are read as the most recent past year. Returns YYYY-MM-DD or null.
 */
export function parseTypedDate(input: string, today = todayIn()): string | null {
  const text = input.trim();
  let year: number;
  let month: number;
  let day: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) {
    [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(text);
    if (!match) return null;
    [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if ((match[3] ?? '').length === 2) {
      const thisYear = Number(today.slice(0, 4));
      year += Math.floor(thisYear / 100) * 100;
      if (year > thisYear) year -= 100;
    }
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}
