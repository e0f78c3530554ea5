/**
 * Times on the Admin screen are the clinic's wall-clock times (settings:get → timeZone), whatever zone this
 * computer is set to. Only Intl, no time-zone library: the same approach as main's backup schedule.
 */
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
    formatters.set(key, found);
  }
  return found;
}

/** "Mar 14, 2025, 9:05 AM" in the clinic's time zone. */
export function formatDateTime(at: number, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** "Mar 14, 2025, 9:05:32 AM": for the audit trail, where entries a few seconds apart must be told apart. */
export function formatDateTimeSeconds(at: number, timeZone: string): string {
  return formatter(timeZone, { dateStyle: 'medium', timeStyle: 'medium' }).format(at);
}

/** "9:05 AM" in the clinic's time zone. */
export function formatTimeOfDay(at: number, timeZone: string): string {
  return formatter(timeZone, { hour: 'numeric', minute: '2-digit' }).format(at);
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(at: number, timeZone: string): WallClock {
  const parts = formatter(timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: field('year'), month: field('month'), day: field('day'), hour: field('hour') % 24, minute: field('minute'), second: field('second') };
}

const asUtc = (wall: WallClock) => Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);

/** How far the zone's clocks are ahead of UTC at `at`. */
function offsetAt(at: number, timeZone: string): number {
  const second = Math.floor(at / 1000) * 1000;
  return asUtc(wallClock(second, timeZone)) - second;
}

/** "2025-03-14" → its parts, or null when it is not a real calendar date. */
export function parseDateKey(date: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/**
 * The first instant (UTC epoch ms) of a clinic calendar day, "YYYY-MM-DD". Where clocks go forward at midnight
 * the day starts at the jump (01:00); where midnight happens twice, at its first occurrence.
 */
export function clinicDayStart(date: string, timeZone: string): number | null {
  const parts = parseDateKey(date);
  if (!parts) return null;
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day);
  // At most one offset change in a day: the offsets a day either side give every reading of local midnight.
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const exact = [before, after].filter((at) => asUtc(wallClock(at, timeZone)) === wall).sort((a, b) => a - b);
  return exact[0] ?? before;
}

/** The last millisecond of a clinic calendar day (the next day's start minus 1 ms: days of 23 or 25 hours included). */
export function clinicDayEnd(date: string, timeZone: string): number | null {
  const parts = parseDateKey(date);
  if (!parts) return null;
  const next = new Date(Date.UTC(parts.year, parts.month - 1, parts.day) + DAY_MS).toISOString().slice(0, 10);
  const start = clinicDayStart(next, timeZone);
  return start === null ? null : start - 1;
}

/** "20250314-0905": for file names, in clinic time. */
export function fileStamp(at: number, timeZone: string): string {
  const wall = wallClock(at, timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${wall.year}${pad(wall.month)}${pad(wall.day)}-${pad(wall.hour)}${pad(wall.minute)}`;
}
