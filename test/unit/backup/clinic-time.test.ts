import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isoWeekKey, localDateTime, zonedInstant } from '../../../electron/core/backup/clinic-time';

const CHICAGO = 'America/Chicago';
const utc = (iso: string) => Date.parse(iso);

describe('reading the clinic’s wall clock', () => {
  it('shows Chicago time in winter (UTC−6) and summer (UTC−5)', () => {
    expect(localDateTime(utc('2025-01-15T18:30:00Z'), CHICAGO)).toEqual({ year: 2025, month: 1, day: 15, hour: 12, minute: 30, second: 0 });
    expect(localDateTime(utc('2025-07-15T17:30:05Z'), CHICAGO)).toEqual({ year: 2025, month: 7, day: 15, hour: 12, minute: 30, second: 5 });
  });

  it('shows midnight as hour 0, not 24', () => {
    expect(localDateTime(utc('2025-01-16T06:00:00Z'), CHICAGO).hour).toBe(0);
  });
});

describe('finding the instant of a wall-clock time', () => {
  it('round-trips ordinary times in both seasons', () => {
    expect(zonedInstant({ year: 2025, month: 1, day: 15, hour: 12, minute: 30, second: 0 }, CHICAGO)).toBe(utc('2025-01-15T18:30:00Z'));
    expect(zonedInstant({ year: 2025, month: 7, day: 15, hour: 12, minute: 30, second: 0 }, CHICAGO)).toBe(utc('2025-07-15T17:30:00Z'));
    expect(zonedInstant({ year: 2025, month: 7, day: 15, hour: 12, minute: 30, second: 0 }, 'Asia/Kolkata')).toBe(utc('2025-07-15T07:00:00Z'));
  });

  it('reads 02:30 on the spring-forward night (a time that never happens) as 03:30 summer time', () => {
    // 2025-03-09: clocks in Chicago jump from 02:00 CST to 03:00 CDT.
    const at = zonedInstant({ year: 2025, month: 3, day: 9, hour: 2, minute: 30, second: 0 }, CHICAGO);
    expect(at).toBe(utc('2025-03-09T08:30:00Z'));
    expect(localDateTime(at, CHICAGO)).toMatchObject({ hour: 3, minute: 30 });
  });

  it('takes the first 01:30 on the fall-back night (a time that happens twice)', () => {
    // 2025-11-02: clocks go from 02:00 CDT back to 01:00 CST; 01:30 CDT is 06:30Z, 01:30 CST is 07:30Z.
    expect(zonedInstant({ year: 2025, month: 11, day: 2, hour: 1, minute: 30, second: 0 }, CHICAGO)).toBe(utc('2025-11-02T06:30:00Z'));
  });
});

describe('calendar arithmetic', () => {
  it('steps over month and year ends, and leap days', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2025, month: 1, day: 1 }, -1)).toEqual({ year: 2024, month: 12, day: 31 });
    expect(addMonths({ year: 2025, month: 1, day: 31 }, -1)).toEqual({ year: 2024, month: 12, day: 1 });
    expect(addMonths({ year: 2025, month: 3, day: 15 }, -14)).toEqual({ year: 2024, month: 1, day: 1 });
  });

  it('numbers ISO weeks from Monday, with the year of the week’s Thursday', () => {
    expect(isoWeekKey({ year: 2025, month: 3, day: 10 })).toBe('2025-W11'); // Monday
    expect(isoWeekKey({ year: 2025, month: 3, day: 16 })).toBe('2025-W11'); // Sunday, same week
    expect(isoWeekKey({ year: 2024, month: 12, day: 30 })).toBe('2025-W01'); // belongs to 2025's first week
    expect(isoWeekKey({ year: 2021, month: 1, day: 3 })).toBe('2020-W53');
  });
});
