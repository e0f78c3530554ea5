import { describe, expect, it } from 'vitest';
import { isLeftInTimeOff } from '../../shared/scheduling/status';

const HOUR = 3_600_000;
const visit = (over: Partial<Parameters<typeof isLeftInTimeOff>[0]> = {}) => ({ status: 'booked' as const, overrideReason: null, startAt: 10 * HOUR, endAt: 10.5 * HOUR, ...over });

describe('a visit left in time off (marked in the book and on the day sheet)', () => {
  it('is one still booked or confirmed that overlaps time off, unless it was booked there on purpose', () => {
    const training = [{ startAt: 10.25 * HOUR, endAt: 12 * HOUR }];
    expect(isLeftInTimeOff(visit(), training)).toBe(true);
    expect(isLeftInTimeOff(visit({ status: 'confirmed' }), training)).toBe(true);
    expect(isLeftInTimeOff(visit({ overrideReason: 'Doctor agreed to come in' }), training)).toBe(false);
    for (const status of ['arrived', 'in_room', 'checked_out', 'no_show', 'cancelled'] as const) expect(isLeftInTimeOff(visit({ status }), training), status).toBe(false);
  });

  it('touching the time off at either end is not overlapping it', () => {
    expect(isLeftInTimeOff(visit(), [{ startAt: 10.5 * HOUR, endAt: 11 * HOUR }])).toBe(false);
    expect(isLeftInTimeOff(visit(), [{ startAt: 9 * HOUR, endAt: 10 * HOUR }])).toBe(false);
    expect(isLeftInTimeOff(visit(), [])).toBe(false);
  });
});
