import { clockLabel, localPartsOf } from '../../../../shared/scheduling/time';

/** Waits longer than this stand out on the check-in board (with words and a mark, not only a color). */
export const LONG_WAIT_MINUTES = 20;

/** "9:05" on the clinic's clock. */
export function clinicClock(instant: number, timeZone: string): string {
  return clockLabel(localPartsOf(instant, timeZone).minutes);
}

/** "HH:MM" from the book → "9:05". */
export function bookTime(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return `${Number(h)}:${m ?? '00'}`;
}

/** Whole minutes from `since` to `now` (never negative: another computer's clock may be a little ahead). */
export function minutesSince(since: number, now: number): number {
  return Math.max(0, Math.floor((now - since) / 60_000));
}

/** "4 min", "1 h 5 min". */
export function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
