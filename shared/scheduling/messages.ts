import { clockLabel, longDate, shortDate, weekdayName } from './time';

/**
 * The rule messages the desk reads, in clinic time with names from the records:
 * "Dr. Lee already has Maria Gomez 10:00–10:30". Times are 24-hour H:MM (no leading zero).
 */

export function timeRange(startMinutes: number, endMinutes: number): string {
  return `${clockLabel(startMinutes)}–${clockLabel(endMinutes)}`;
}

/** For series: "Tue Mar 10: " before a message about one occurrence. */
export function onDate(date: string, message: string): string {
  return `${shortDate(date)}: ${message}`;
}

export function providerBusyMessage(providerName: string, patientName: string, range: string, bufferMinutes: number): string {
  const buffer = bufferMinutes > 0 ? ` (and ${bufferMinutes} minutes after it to get ready)` : '';
  return `${providerName} already has ${patientName} ${range}${buffer}.`;
}

export function roomBusyMessage(roomName: string, providerName: string, range: string): string {
  return `${roomName} is in use ${range} by ${providerName}. Choose another room or time.`;
}

export function patientOverlapMessage(patientName: string, providerName: string, range: string): string {
  return `${patientName} already has a visit with ${providerName} ${range}.`;
}

export function outsideHoursMessage(providerName: string, date: string, hours: readonly string[]): string {
  if (hours.length === 0) return `${providerName} does not work on ${weekdayName(isoWeekdayOf(date))}s (${longDate(date)}).`;
  return `That is outside ${providerName}’s hours on ${longDate(date)} (${hours.join(', ')}).`;
}

export function blockedMessage(kind: 'vacation' | 'blocked' | 'holiday', providerName: string, date: string, range: string | null, note: string | null): string {
  const why = note ? ` (${note})` : '';
  if (kind === 'holiday') return `The clinic is closed on ${longDate(date)}${why}.`;
  if (kind === 'vacation') return `${providerName} is away on ${longDate(date)}${why}.`;
  return range ? `${providerName}’s time is blocked ${range} on ${longDate(date)}${why}.` : `${providerName}’s time is blocked all day on ${longDate(date)}${why}.`;
}

function isoWeekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}
