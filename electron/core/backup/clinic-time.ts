/**
 * Wall-clock arithmetic in the clinic's time zone with nothing but Intl (no time-zone library):
 * backup names, the daily schedule and rotation all speak the clinic's local calendar.
 */
export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a wall clock in `timeZone` shows at the instant `at` (epoch ms). */
export function localDateTime(at: number, timeZone: string): LocalDateTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(at));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour') % 24, minute: field('minute'), second: field('second') };
}

/** The wall-clock reading as if it were UTC: a plain number to compare and do arithmetic on. */
function wallAsUtc(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** How far the zone's clocks are ahead of UTC at `at` (ms, whole seconds). */
function offsetAt(at: number, timeZone: string): number {
  const wholeSecond = Math.floor(at / 1000) * 1000;
  return wallAsUtc(localDateTime(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The instant at which clocks in `timeZone` show `local`. A time that happens twice (clocks go back) is its
 * first occurrence; a time skipped when clocks go forward is read with the offset before the jump
 * (02:30 on the spring-forward night is 03:30 summer time), so a daily time is never lost.
 */
export function zonedInstant(local: LocalDateTime, timeZone: string): number {
  const wall = wallAsUtc(local);
  // At most one offset change per day: the offsets a day either side cover both readings.
  const candidates = [...new Set([wall - offsetAt(wall - DAY_MS, timeZone), wall - offsetAt(wall + DAY_MS, timeZone)])].sort((a, b) => a - b);
  const exact = candidates.filter((at) => wallAsUtc(localDateTime(at, timeZone)) === wall);
  return exact[0] ?? wall - offsetAt(wall - DAY_MS, timeZone);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The first of the month `months` away (months may be negative). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** YYYYMMDD */
export function dayKey(date: LocalDate): string {
  return `${pad(date.year, 4)}${pad(date.month)}${pad(date.day)}`;
}

/** YYYY-MM */
export function monthKey(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}`;
}

/** ISO 8601 week (weeks start on Monday; week 1 holds the year's first Thursday), as GGGG-Www. */
export function isoWeekKey(date: LocalDate): string {
  const weekday = (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = addDays(date, 3 - weekday);
  const firstOfYear = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - firstOfYear) / (7 * DAY_MS)) + 1;
  return `${pad(thursday.year, 4)}-W${pad(week)}`;
}

/** YYYYMMDD-HHMMSS: sorts in time order as text. */
export function compactStamp(local: LocalDateTime): string {
  return `${dayKey(local)}-${pad(local.hour)}${pad(local.minute)}${pad(local.second)}`;
}

/** True when `timeZone` is a zone Intl knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
