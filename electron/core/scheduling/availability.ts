import type { ScheduleExceptionRow } from '../db/schema';
import { timeRange } from '../../../shared/scheduling/messages';
import { dayClock, isoWeekday, localPartsOf, type DayClock } from '../../../shared/scheduling/time';
import type { Hours } from './repository';

export interface Interval {
  startAt: number;
  endAt: number;
}

export interface BlockedInterval extends Interval {
  kind: 'vacation' | 'blocked' | 'holiday';
  note: string | null;
  clinicWide: boolean;
  /** "12:00–13:30", or null for whole days. */
  range: string | null;
}

export interface DayAvailability {
  date: string;
  /** Working time as instants, adjacent blocks merged (8–12 and 12–17 is one stretch). */
  hours: Interval[];
  /** The blocks as the desk reads them: "8:00–12:00". */
  hourLabels: string[];
  blocked: BlockedInterval[];
}

/** Wall-clock blocks of one day → instants, merged when they touch. The edges of a skipped or repeated hour are read leniently. */
export function blocksToIntervals(clock: DayClock, blocks: readonly { start: number; end: number }[]): Interval[] {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  const intervals: Interval[] = [];
  for (const block of sorted) {
    const startAt = clock.toInstant(block.start, 'first');
    const endAt = clock.toInstant(block.end, 'second');
    if (endAt <= startAt) continue;
    const last = intervals[intervals.length - 1];
    if (last && startAt <= last.endAt) last.endAt = Math.max(last.endAt, endAt);
    else intervals.push({ startAt, endAt });
  }
  return intervals;
}

/** Time off on one date for one provider (or, with providerId null, the clinic-wide time off only). */
export function blockedOn(clock: DayClock, providerId: string | null, exceptions: readonly ScheduleExceptionRow[]): BlockedInterval[] {
  const blocked: BlockedInterval[] = [];
  const { date } = clock;
  for (const ex of exceptions) {
    if (ex.from_date > date || ex.to_date < date) continue;
    if (ex.provider_id !== null && ex.provider_id !== providerId) continue;
    const partial = ex.start_minute !== null && ex.end_minute !== null;
    const startAt = partial ? clock.toInstant(ex.start_minute as number, 'first') : clock.startAt;
    const endAt = partial ? clock.toInstant(ex.end_minute as number, 'second') : clock.endAt;
    blocked.push({
      startAt,
      endAt,
      kind: ex.kind,
      note: ex.note,
      clinicWide: ex.provider_id === null,
      range: partial ? timeRange(ex.start_minute as number, ex.end_minute as number) : null,
    });
  }
  return blocked.sort((a, b) => a.startAt - b.startAt);
}

export function availabilityOn(date: string, providerId: string, hours: Hours | undefined, exceptions: readonly ScheduleExceptionRow[], zone: string, clock: DayClock = dayClock(date, zone)): DayAvailability {
  const blocks = hours?.get(isoWeekday(date)) ?? [];
  return {
    date,
    hours: blocksToIntervals(clock, blocks),
    hourLabels: blocks.map((b) => timeRange(b.start, b.end)),
    blocked: blockedOn(clock, providerId, exceptions),
  };
}

/** True when [startAt, endAt) lies inside one stretch of working time. */
export function withinHours(hours: readonly Interval[], startAt: number, endAt: number): boolean {
  return hours.some((h) => h.startAt <= startAt && endAt <= h.endAt);
}

export function overlaps(a: Interval, startAt: number, endAt: number): boolean {
  return a.startAt < endAt && startAt < a.endAt;
}

/** Wall-clock minutes of an instant on its clinic date (for messages). */
export function localMinutes(instant: number, zone: string): number {
  return localPartsOf(instant, zone).minutes;
}
