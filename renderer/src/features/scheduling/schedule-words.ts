import type { AppointmentView } from '../../../../shared/contract/scheduling';
import { STATUS_LABELS, type AppointmentStatus } from '../../../../shared/scheduling/status';
import { clockLabel, longDate, shortDate } from '../../../../shared/scheduling/time';
import { seriesKindWords } from './dialogs/series/recurrence';

/**
 * The words the book uses for an appointment, in one place so the block on screen, its accessible name, the list
 * view and the day sheet all say the same thing.
 */

/** "10:00–10:30" from an appointment's wall-clock "HH:MM" times. */
export function appointmentTimeRange(appointment: Pick<AppointmentView, 'startTime' | 'endTime'>): string {
  return `${hhmmLabel(appointment.startTime)}–${hhmmLabel(appointment.endTime)}`;
}

/** "09:30" → "9:30" (the way the core's messages write times). */
export function hhmmLabel(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return clockLabel(h * 60 + m);
}

export function statusLabel(status: AppointmentStatus): string {
  return STATUS_LABELS[status];
}

/** A mark drawn beside the status word, so status never rests on color alone (decorative: the word is there too). */
export const STATUS_MARKS: Readonly<Record<AppointmentStatus, string>> = {
  booked: '○',
  confirmed: '✓',
  arrived: '●',
  in_room: '▣',
  checked_out: '✔',
  no_show: '✕',
  cancelled: '⊘',
};

/**
 * "10:00–10:30 Maria Gomez, Follow-up, Dr. Lee, confirmed" (+ ", overbooked", + ", second 1:30", + ", part of a
 * weekly series" with the series' kind when the book knows it).
 */
export function appointmentAccessibleName(appointment: AppointmentView): string {
  const parts = [`${appointmentTimeRange(appointment)} ${appointment.patientName}`, appointment.typeName, appointment.providerName];
  if (appointment.roomName) parts.push(appointment.roomName);
  parts.push(statusLabel(appointment.status).toLowerCase());
  if (appointment.overbooked) parts.push('overbooked');
  if (appointment.occurrence === 'second') parts.push('after the clocks went back');
  if (appointment.seriesId !== null) parts.push(`part of a ${seriesKindWords(appointment.series?.recurrence)}`);
  return parts.join(', ');
}

/** "Tuesday, March 10, 2026" / "Tue Mar 10". */
export { longDate, shortDate };

/** "March 2026" for 2026-03. */
export function monthTitle(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.UTC(y, m - 1, 1));
}

/** "03/14/1962" for a date of birth (how the Patients screen shows it). */
export function birthDateLabel(date: string): string {
  const [y, m, d] = date.split('-');
  return `${m}/${d}/${y}`;
}

/** "Mon Mar 9 – Sun Mar 15, 2026" for the week that starts on monday. */
export function weekTitle(monday: string, sunday: string): string {
  return `${shortDate(monday)} – ${shortDate(sunday)}, ${sunday.slice(0, 4)}`;
}

/** "1 appointment" / "12 appointments". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
