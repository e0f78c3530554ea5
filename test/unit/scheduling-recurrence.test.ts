import { describe, expect, it } from 'vitest';
import { bookedDates, monthWeeksOf, nthWeekdayOfMonth, occurrenceDates, scopeTargets, weekOfMonthOf, type ScopeVisit } from '../../shared/scheduling/recurrence';
import type { AppointmentStatus } from '../../shared/scheduling/status';

/** The series rule (shared/scheduling/recurrence.ts), as main books with it and the desk lists with it. */

describe('series dates', () => {
  it('weekly every 2 weeks for 4 visits', () => {
    expect(occurrenceDates('2026-03-03', { frequency: 'weekly', interval: 2 }, { count: 4 })).toEqual({ ok: true, dates: ['2026-03-03', '2026-03-17', '2026-03-31', '2026-04-14'] });
  });

  it('weekly until a date, the date included', () => {
    expect(occurrenceDates('2026-03-03', { frequency: 'weekly', interval: 1 }, { until: '2026-03-24' })).toEqual({ ok: true, dates: ['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24'] });
  });

  it('monthly on the 2nd Tuesday, and on the last Friday', () => {
    expect(occurrenceDates('2026-03-10', { frequency: 'monthly', interval: 1, weekOfMonth: 2 }, { count: 4 })).toEqual({ ok: true, dates: ['2026-03-10', '2026-04-14', '2026-05-12', '2026-06-09'] });
    expect(occurrenceDates('2026-01-30', { frequency: 'monthly', interval: 1, weekOfMonth: 'last' }, { count: 3 })).toEqual({ ok: true, dates: ['2026-01-30', '2026-02-27', '2026-03-27'] });
    expect(nthWeekdayOfMonth('2026-05', 2, 'last')).toBe('2026-05-26');
    expect(weekOfMonthOf('2026-03-31')).toEqual({ weekday: 2, nth: 5, isLast: true });
  });

  it('a start date that is not the chosen week of the month is refused with words', () => {
    expect(occurrenceDates('2026-03-17', { frequency: 'monthly', interval: 1, weekOfMonth: 2 }, { count: 3 })).toEqual({
      ok: false,
      path: 'recurrence.weekOfMonth',
      message: 'Tuesday, March 17, 2026 is the 3rd Tuesday of its month. Choose that, or start on the 2nd Tuesday.',
    });
  });

  it('at most 104 visits: a longer series is refused, an end before the start too', () => {
    expect(occurrenceDates('2026-03-03', { frequency: 'weekly', interval: 1 }, { until: '2028-06-30' })).toMatchObject({ ok: false, message: expect.stringContaining('at most 104 visits') });
    expect(occurrenceDates('2026-03-03', { frequency: 'weekly', interval: 1 }, { until: '2029-01-01' })).toMatchObject({ ok: false });
    expect(occurrenceDates('2026-03-03', { frequency: 'weekly', interval: 1 }, { count: 104 })).toMatchObject({ ok: true, dates: expect.any(Array) });
    expect(occurrenceDates('2026-03-03', { frequency: 'weekly', interval: 1 }, { until: '2026-03-01' })).toMatchObject({ ok: false, path: 'end.until' });
  });

  it('the weeks of the month a date can repeat on: its own, and "last" when it is the last one', () => {
    expect(monthWeeksOf('2026-03-10')).toEqual([2]);
    expect(monthWeeksOf('2026-03-24')).toEqual([4]);
    expect(monthWeeksOf('2026-02-24')).toEqual([4, 'last']);
    expect(monthWeeksOf('2026-03-31')).toEqual(['last']);
  });
});

describe('the dates a series was booked on', () => {
  it('are the rule’s dates without the ones left out, each with its place among all of them', () => {
    expect(
      bookedDates({ firstDate: '2026-04-07', recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 5 }, skipDates: ['2026-04-07', '2026-04-21', '2026-04-28'] }),
    ).toEqual([
      { date: '2026-04-14', index: 1 },
      { date: '2026-05-05', index: 4 },
    ]);
  });

  it('are none for a rule that has no dates', () => {
    expect(bookedDates({ firstDate: '2026-03-17', recurrence: { frequency: 'monthly', interval: 1, weekOfMonth: 2 }, end: { count: 3 }, skipDates: [] })).toEqual([]);
  });
});

describe('which visits a change takes', () => {
  const NOW = 1_000;
  const visit = (index: number, fields: Partial<ScopeVisit> = {}): ScopeVisit => ({
    id: `v${index}`,
    seriesId: 's1',
    seriesIndex: index,
    seriesException: false,
    status: 'booked' as AppointmentStatus,
    startAt: NOW + index,
    ...fields,
  });
  // 0 past, 1 confirmed, 2 changed on its own, 3 chosen, 4 arrived, 5 cancelled, 6 booked; and another series' visit.
  const visits = [
    visit(0, { startAt: NOW - 1 }),
    visit(1, { status: 'confirmed' }),
    visit(2, { seriesException: true }),
    visit(3),
    visit(4, { status: 'arrived' }),
    visit(5, { status: 'cancelled' }),
    visit(6),
    visit(7, { id: 'other', seriesId: 's2' }),
  ];
  const chosen = visits[3] as ScopeVisit;
  const ids = (list: ScopeVisit[]) => list.map((v) => v.id);

  it('"this": only the chosen visit', () => {
    expect(ids(scopeTargets(chosen, visits, 'this', NOW))).toEqual(['v3']);
  });

  it('"following": the chosen one and the later visits not started, not changed on their own, in series order', () => {
    expect(ids(scopeTargets(chosen, [...visits].reverse(), 'following', NOW))).toEqual(['v3', 'v6']);
  });

  it('"all": also the earlier ones that have not started', () => {
    expect(ids(scopeTargets(chosen, visits, 'all', NOW))).toEqual(['v1', 'v3', 'v6']);
  });

  it('a visit outside a series is alone whatever the scope', () => {
    const single = visit(0, { id: 'single', seriesId: null, seriesIndex: null });
    expect(ids(scopeTargets(single, [single, ...visits], 'all', NOW))).toEqual(['single']);
  });
});
