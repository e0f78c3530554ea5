import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView, DayView } from '../../shared/contract/scheduling';
import { bookedDates } from '../../shared/scheduling/recurrence';
import { snapshotAllTables } from '../support/db-snapshot';
import { nyInstant, openSchedulingClinic, STORY_START, type SchedulingClinic, type SeriesOutcome } from './scheduling-support';

/**
 * Recurring series: the wall-clock time holds across the clock changes, every conflict is reported before anything
 * is saved, and edits apply to this visit, this and following, or all — a visit changed on its own keeps its place.
 */
let clinic: SchedulingClinic;
let lee: string;
let patel: string;
let therapy: string;
let maria: string;
let john: string;

beforeAll(async () => {
  clinic = await openSchedulingClinic();
  lee = await clinic.provider('Dr. Lee');
  patel = await clinic.provider('Dr. Patel');
  therapy = await clinic.type('Therapy', { durationMinutes: 45, providerIds: [lee, patel] });
  maria = await clinic.patient('Maria', 'Gomez');
  john = await clinic.patient('John', 'Okafor');
});
afterAll(async () => {
  await clinic.close();
});

async function series(payload: Record<string, unknown>): Promise<SeriesOutcome> {
  return clinic.value(clinic.call<SeriesOutcome>('scheduling:bookSeries', payload));
}
async function savedSeries(payload: Record<string, unknown>) {
  const outcome = await series(payload);
  if (outcome.outcome !== 'saved') throw new Error(`expected a series, got ${JSON.stringify(outcome)}`);
  return outcome;
}
async function seriesRows(seriesId: string, patientId = maria): Promise<AppointmentView[]> {
  const all = await clinic.value(clinic.call<{ upcoming: AppointmentView[]; past: AppointmentView[] }>('scheduling:patientAppointments', { patientId }));
  return [...all.past, ...all.upcoming].filter((a) => a.seriesId === seriesId).sort((a, b) => (a.seriesIndex ?? 0) - (b.seriesIndex ?? 0));
}
/** The stored series row as it is in the database. */
function seriesRow(seriesId: string): unknown {
  return clinic.core.sqlite.prepare('SELECT * FROM appointment_series WHERE id = ?').get(seriesId);
}
/**
 * Whether the series the views carry is exact (`visits`: every visit of one or more series): its dates (shared
 * `bookedDates`, from occurrenceDates) are the places of its visits, and every visit not changed on its own and not
 * cancelled sits on its rule's date. Fails with the difference.
 */
function onTheirRule(visits: readonly AppointmentView[]): boolean {
  for (const visit of visits) {
    if (!visit.series) throw new Error(`visit ${visit.date} carries no series`);
    const booked = bookedDates(visit.series);
    const place = booked.find((d) => d.index === visit.seriesIndex);
    if (!place) throw new Error(`visit ${visit.date} (place ${visit.seriesIndex}) is not among its series' dates ${JSON.stringify(booked)}`);
    if (!visit.seriesException && visit.status !== 'cancelled') expect(`${visit.seriesIndex} ${visit.date}`).toBe(`${place.index} ${place.date}`);
  }
  // Each series' dates are exactly its visits' places: none missing, none extra.
  for (const seriesId of new Set(visits.map((v) => v.seriesId))) {
    const own = visits.filter((v) => v.seriesId === seriesId);
    const dates = bookedDates(own[0]?.series as NonNullable<AppointmentView['series']>);
    expect(own.map((v) => v.seriesIndex).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(dates.map((d) => d.index));
  }
  return true;
}

describe('a weekly 9:00 series across the clock changes', () => {
  it('stays at 9:00 in New York through the March change (the UTC hour moves instead)', async () => {
    const { appointments } = await savedSeries({
      booking: { patientId: maria, typeId: therapy, providerId: lee, start: { date: '2026-03-03', time: '9:00' } },
      recurrence: { frequency: 'weekly', interval: 1 },
      end: { count: 3 },
    });
    expect(appointments.map((a) => [a.date, a.startTime, a.seriesIndex])).toEqual([
      ['2026-03-03', '09:00', 0],
      ['2026-03-10', '09:00', 1],
      ['2026-03-17', '09:00', 2],
    ]);
    expect(appointments.map((a) => new Date(a.startAt).toISOString())).toEqual(['2026-03-03T14:00:00.000Z', '2026-03-10T13:00:00.000Z', '2026-03-17T13:00:00.000Z']);
  });

  it('and through the November change', async () => {
    const { appointments } = await savedSeries({
      booking: { patientId: john, typeId: therapy, providerId: patel, start: { date: '2026-10-20', time: '9:00' } },
      recurrence: { frequency: 'weekly', interval: 1 },
      end: { until: '2026-11-10' },
    });
    expect(appointments.map((a) => [a.date, a.startTime])).toEqual([
      ['2026-10-20', '09:00'],
      ['2026-10-27', '09:00'],
      ['2026-11-03', '09:00'],
      ['2026-11-10', '09:00'],
    ]);
    expect(appointments[1]?.startAt).toBe(Date.UTC(2026, 9, 27, 13, 0));
    expect(appointments[2]?.startAt).toBe(Date.UTC(2026, 10, 3, 14, 0));
  });
});

describe('creating a series reports every conflict before anything is saved', () => {
  it('lists all the problems (taken, holiday), one per occurrence, and writes nothing', async () => {
    await clinic.booked({ patientId: john, typeId: therapy, providerId: patel, start: { date: '2026-04-07', time: '14:00' } });
    await clinic.booked({ patientId: john, typeId: therapy, providerId: patel, start: { date: '2026-04-21', time: '14:30' } });
    await clinic.value(clinic.call('scheduling:saveException', { exception: { providerId: null, kind: 'holiday', fromDate: '2026-04-28', toDate: '2026-04-28', note: 'Clinic retreat' } }));
    const before = snapshotAllTables(clinic.core.sqlite);
    const outcome = await series({
      booking: { patientId: maria, typeId: therapy, providerId: patel, start: { date: '2026-04-07', time: '14:00' } },
      recurrence: { frequency: 'weekly', interval: 1 },
      end: { count: 5 },
    });
    expect(outcome).toEqual({
      outcome: 'not-saved',
      problems: [
        expect.objectContaining({ kind: 'provider-busy', date: '2026-04-07', message: 'Tue, Apr 7: Dr. Patel already has John Okafor 14:00–14:45.' }),
        expect.objectContaining({ kind: 'provider-busy', date: '2026-04-21', message: 'Tue, Apr 21: Dr. Patel already has John Okafor 14:30–15:15.' }),
        expect.objectContaining({ kind: 'blocked-time', date: '2026-04-28', message: 'Tue, Apr 28: The clinic is closed on Tuesday, April 28, 2026 (Clinic retreat).' }),
      ],
    });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });

  it('skipping the reported dates books the rest; each visit keeps its place in the series', async () => {
    const { appointments } = await savedSeries({
      booking: { patientId: maria, typeId: therapy, providerId: patel, start: { date: '2026-04-07', time: '14:00' } },
      recurrence: { frequency: 'weekly', interval: 1 },
      end: { count: 5 },
      skipDates: ['2026-04-07', '2026-04-21', '2026-04-28'],
    });
    expect(appointments.map((a) => [a.date, a.seriesIndex])).toEqual([
      ['2026-04-14', 1],
      ['2026-05-05', 4],
    ]);
  });

  it('an occurrence at a time the spring change skips is reported for that date', async () => {
    const outcome = await series({
      booking: { patientId: maria, typeId: therapy, providerId: lee, start: { date: '2026-03-01', time: '2:30' }, override: { reason: 'Night shift' } },
      recurrence: { frequency: 'weekly', interval: 1 },
      end: { count: 2 },
    });
    expect(outcome).toEqual({
      outcome: 'not-saved',
      problems: [
        expect.objectContaining({
          kind: 'nonexistent-time',
          date: '2026-03-08',
          message: '2:30 does not exist on Sunday, March 8, 2026: the clocks go forward an hour at 2:00, straight to 3:00. Skip this date or choose another time.',
        }),
      ],
    });
  });

  it('monthly on the 2nd Tuesday', async () => {
    const { appointments } = await savedSeries({
      booking: { patientId: john, typeId: therapy, providerId: lee, start: { date: '2026-06-09', time: '11:00' } },
      recurrence: { frequency: 'monthly', interval: 1, weekOfMonth: 2 },
      end: { count: 3 },
    });
    expect(appointments.map((a) => `${a.date} ${a.startTime}`)).toEqual(['2026-06-09 11:00', '2026-07-14 11:00', '2026-08-11 11:00']);
  });
});

describe('changing a series', () => {
  let seriesId: string;
  let visits: AppointmentView[];
  let laterSeriesId: string;
  beforeAll(async () => {
    const created = await savedSeries({
      booking: { patientId: maria, typeId: therapy, providerId: lee, start: { date: '2026-09-01', time: '9:00' } },
      recurrence: { frequency: 'weekly', interval: 1 },
      end: { count: 6 },
    });
    seriesId = created.seriesId as string;
    visits = created.appointments;
  });

  it('moving one visit on its own makes it an exception that keeps its place; the series row stays as booked', async () => {
    const stored = seriesRow(seriesId);
    const moved = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[1]?.id, start: { date: '2026-09-09', time: '15:00' } }));
    expect(moved).toMatchObject({ outcome: 'saved', seriesId, appointments: [{ date: '2026-09-09', startTime: '15:00', seriesIndex: 1, seriesException: true }] });
    expect(seriesRow(seriesId)).toEqual(stored);
    expect(await seriesRows(seriesId)).toSatisfy(onTheirRule);
  });

  it('"this and following" splits the series: the first two keep it (now ending before), the 3rd to 6th form a new one at 10:30', async () => {
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[2]?.id, start: { date: '2026-09-15', time: '10:30' }, scope: 'following' }));
    if (outcome.outcome !== 'saved') throw new Error(JSON.stringify(outcome));
    laterSeriesId = outcome.seriesId as string;
    expect(laterSeriesId).not.toBe(seriesId);

    const earlier = await seriesRows(seriesId);
    expect(earlier.map((a) => `${a.id} ${a.seriesIndex} ${a.date} ${a.startTime}`)).toEqual([`${visits[0]?.id} 0 2026-09-01 09:00`, `${visits[1]?.id} 1 2026-09-09 15:00`]);
    expect(earlier[0]?.series).toEqual({ firstDate: '2026-09-01', recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 2 }, skipDates: [] });
    const later = await seriesRows(laterSeriesId);
    // The same appointments (ids kept), renumbered from 0 in the new series.
    expect(later.map((a) => `${a.id} ${a.seriesIndex} ${a.date} ${a.startTime}`)).toEqual(visits.slice(2).map((v, i) => `${v.id} ${i} ${v.date} 10:30`));
    expect(later[0]?.series).toEqual({ firstDate: '2026-09-15', recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 4 }, skipDates: [] });
    expect(outcome.appointments.map((a) => a.series)).toEqual(later.map((a) => a.series));
    expect(earlier).toSatisfy(onTheirRule);
    expect(later).toSatisfy(onTheirRule);
    expect(seriesRow(laterSeriesId)).toMatchObject({ patient_id: maria, first_date: '2026-09-15', start_minute: 630 });

    // History kept: each moved visit has its booking and its move (old and new time); the split is in the audit trail.
    type Change = { appointment_id: string; kind: string; old_start_at: number | null; new_start_at: number };
    const byVisit = (a: Change, b: Change) => `${a.appointment_id} ${a.kind}`.localeCompare(`${b.appointment_id} ${b.kind}`);
    const history = clinic.core.sqlite
      .prepare('SELECT appointment_id, kind, old_start_at, new_start_at FROM appointment_change WHERE appointment_id IN (SELECT id FROM appointment WHERE series_id = ?)')
      .all(laterSeriesId) as Change[];
    expect(history.sort(byVisit)).toEqual(
      visits
        .slice(2)
        .flatMap((v): Change[] => [
          { appointment_id: v.id, kind: 'booked', old_start_at: null, new_start_at: v.startAt },
          { appointment_id: v.id, kind: 'rescheduled', old_start_at: v.startAt, new_start_at: nyInstant(v.date, '10:30') },
        ])
        .sort(byVisit),
    );
    const audited = clinic.core.sqlite
      .prepare("SELECT action, entity_id AS id, detail FROM audit_event WHERE entity_type = 'appointment_series' AND entity_id IN (?, ?) AND detail LIKE '%split%' ORDER BY seq")
      .all(seriesId, laterSeriesId) as { action: string; id: string; detail: string }[];
    expect(audited.map((a) => [a.action, a.id, JSON.parse(a.detail)])).toEqual([
      ['record.update', seriesId, { change: 'split', newSeriesId: laterSeriesId }],
      ['record.create', laterSeriesId, { change: 'split', fromSeriesId: seriesId, visits: 4 }],
    ]);
  });

  it('"all" with a new length and day shift checks every visit first: one conflict stops the whole change', async () => {
    await clinic.booked({ patientId: john, typeId: therapy, providerId: lee, start: { date: '2026-09-30', time: '10:30' } });
    const before = snapshotAllTables(clinic.core.sqlite);
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[3]?.id, start: { date: '2026-09-23', time: '10:30' }, durationMinutes: 60, scope: 'all' }));
    expect(outcome).toEqual({ outcome: 'not-saved', problems: [expect.objectContaining({ kind: 'provider-busy', date: '2026-09-30', message: 'Wed, Sep 30: Dr. Lee already has John Okafor 10:30–11:15.' })] });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });

  it('a refused "this and following" splits nothing', async () => {
    const before = snapshotAllTables(clinic.core.sqlite);
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[3]?.id, start: { date: '2026-09-23', time: '10:30' }, scope: 'following' }));
    expect(outcome).toMatchObject({ outcome: 'not-saved', problems: [{ kind: 'provider-busy', date: '2026-09-30' }] });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });

  it('cancelling "this and following" cancels the 5th and 6th with the reason; the rest stay booked', async () => {
    const result = await clinic.value(clinic.call<{ cancelled: string[] }>('scheduling:cancel', { id: visits[4]?.id, reason: 'patient', scope: 'following' }));
    expect(result.cancelled.sort()).toEqual([visits[4]?.id, visits[5]?.id].sort());
    const rows = await seriesRows(laterSeriesId);
    expect(rows.map((a) => [a.seriesIndex, a.status, a.cancelReason])).toEqual([
      [0, 'booked', null],
      [1, 'booked', null],
      [2, 'cancelled', 'patient'],
      [3, 'cancelled', 'patient'],
    ]);
    expect((await seriesRows(seriesId)).map((a) => a.status)).toEqual(['booked', 'booked']);
  });

  it('after the split, moving "all" of the new series to Thursdays leaves the old series alone', async () => {
    const earlierBefore = await seriesRows(seriesId);
    const storedBefore = seriesRow(seriesId);
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[3]?.id, start: { date: '2026-09-24', time: '11:00' }, scope: 'all' }));
    expect(outcome).toMatchObject({ outcome: 'saved', seriesId: laterSeriesId });
    const later = await seriesRows(laterSeriesId);
    expect(later.map((a) => `${a.seriesIndex} ${a.date} ${a.startTime} ${a.status}`)).toEqual([
      '0 2026-09-17 11:00 booked',
      '1 2026-09-24 11:00 booked',
      // Cancelled visits keep the time they had.
      '2 2026-09-29 10:30 cancelled',
      '3 2026-10-06 10:30 cancelled',
    ]);
    // The rule is rewritten in place: its first date, weekday and end describe the visits as they now are.
    expect(later[0]?.series).toEqual({ firstDate: '2026-09-17', recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 4 }, skipDates: [] });
    expect(later).toSatisfy(onTheirRule);
    expect(seriesRow(laterSeriesId)).toMatchObject({ first_date: '2026-09-17', start_minute: 660 });
    expect(await seriesRows(seriesId)).toEqual(earlierBefore);
    expect(seriesRow(seriesId)).toEqual(storedBefore);
  });

  it('and moving "all" of the old series moves only its own visits, auditing each', async () => {
    const laterBefore = await seriesRows(laterSeriesId);
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[0]?.id, start: { date: '2026-09-01', time: '8:00' }, scope: 'all' }));
    expect(outcome.outcome).toBe('saved');
    const rows = await seriesRows(seriesId);
    // The exception keeps its own time.
    expect(rows.map((a) => `${a.seriesIndex} ${a.startTime} ${a.status}`)).toEqual(['0 08:00 booked', '1 15:00 booked']);
    expect(rows[0]?.startAt).toBe(nyInstant('2026-09-01', '08:00'));
    expect(rows).toSatisfy(onTheirRule);
    expect(seriesRow(seriesId)).toMatchObject({ first_date: '2026-09-01', start_minute: 480 });
    expect(await seriesRows(laterSeriesId)).toEqual(laterBefore);
    const audited = clinic.core.sqlite.prepare("SELECT count(*) FROM audit_event WHERE entity_type = 'appointment' AND action = 'record.update' AND entity_id = ? AND detail LIKE '%\"scope\":\"all\"%'").pluck().get(visits[0]?.id);
    expect(audited).toBe(1);
  });
});

describe('the stored rule follows the visits', () => {
  let novak: string;
  let counselling: string;
  let ada: string;
  beforeAll(async () => {
    novak = await clinic.provider('Dr. Novak');
    counselling = await clinic.type('Counselling', { durationMinutes: 45, providerIds: [novak] });
    ada = await clinic.patient('Ada', 'Brennan');
  });

  /** A series of Ada's with Dr. Novak; `start` is the first visit's. */
  async function adaSeries({ start, ...rest }: { start: { date: string; time: string } } & Record<string, unknown>) {
    return savedSeries({ booking: { patientId: ada, typeId: counselling, providerId: novak, start }, ...rest });
  }

  it('"all" to another weekday and time, every 2 weeks with a date left out: first date, end and the left-out date move too', async () => {
    const created = await adaSeries({ start: { date: '2026-10-06', time: '9:00' }, recurrence: { frequency: 'weekly', interval: 2 }, end: { until: '2026-11-17' }, skipDates: ['2026-10-20'] });
    const third = created.appointments.find((a) => a.date === '2026-11-03');
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: third?.id, start: { date: '2026-11-05', time: '14:00' }, scope: 'all' }));
    expect(outcome).toMatchObject({ outcome: 'saved', seriesId: created.seriesId });
    const rows = await seriesRows(created.seriesId as string, ada);
    expect(rows.map((a) => `${a.seriesIndex} ${a.date} ${a.startTime}`)).toEqual(['0 2026-10-08 14:00', '2 2026-11-05 14:00', '3 2026-11-19 14:00']);
    expect(rows[0]?.series).toEqual({ firstDate: '2026-10-08', recurrence: { frequency: 'weekly', interval: 2 }, end: { until: '2026-11-19' }, skipDates: ['2026-10-22'] });
    expect(rows).toSatisfy(onTheirRule);
  });

  it('monthly "all" to a Thursday: each visit goes to the 2nd Thursday of its month (not the same number of days on)', async () => {
    const created = await adaSeries({ start: { date: '2026-06-09', time: '9:00' }, recurrence: { frequency: 'monthly', interval: 1, weekOfMonth: 2 }, end: { count: 3 } });
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: created.appointments[1]?.id, start: { date: '2026-07-09', time: '10:00' }, scope: 'all' }));
    expect(outcome.outcome).toBe('saved');
    const rows = await seriesRows(created.seriesId as string, ada);
    // Shifting by 2 days back would give Jun 4 (the 1st Thursday) and Aug 6.
    expect(rows.map((a) => `${a.date} ${a.startTime}`)).toEqual(['2026-06-11 10:00', '2026-07-09 10:00', '2026-08-13 10:00']);
    expect(rows[0]?.series).toEqual({ firstDate: '2026-06-11', recurrence: { frequency: 'monthly', interval: 1, weekOfMonth: 2 }, end: { count: 3 }, skipDates: [] });
    expect(rows).toSatisfy(onTheirRule);
  });

  it('monthly on the last Friday moved to a Thursday that is both the 4th and the last: it stays "last"', async () => {
    const created = await adaSeries({ start: { date: '2026-07-31', time: '15:00' }, recurrence: { frequency: 'monthly', interval: 1, weekOfMonth: 'last' }, end: { count: 2 } });
    await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: created.appointments[1]?.id, start: { date: '2026-08-27', time: '15:00' }, scope: 'all' }));
    const rows = await seriesRows(created.seriesId as string, ada);
    // The 4th Thursday of July is the 23rd; the last is the 30th.
    expect(rows.map((a) => a.date)).toEqual(['2026-07-30', '2026-08-27']);
    expect(rows[0]?.series?.recurrence).toEqual({ frequency: 'monthly', interval: 1, weekOfMonth: 'last' });
    expect(rows).toSatisfy(onTheirRule);
  });

  it('"this and following" from the first visit splits nothing: the series is rewritten in place', async () => {
    const created = await adaSeries({ start: { date: '2026-12-01', time: '9:00' }, recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 3 } });
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: created.appointments[0]?.id, start: { date: '2026-12-02', time: '9:00' }, scope: 'following' }));
    expect(outcome).toMatchObject({ outcome: 'saved', seriesId: created.seriesId });
    const rows = await seriesRows(created.seriesId as string, ada);
    expect(rows.map((a) => `${a.seriesIndex} ${a.date}`)).toEqual(['0 2026-12-02', '1 2026-12-09', '2 2026-12-16']);
    expect(rows).toSatisfy(onTheirRule);
    expect(clinic.core.sqlite.prepare('SELECT count(*) FROM appointment_series WHERE patient_id = ?').pluck().get(ada)).toBe(4);
  });

  it('"this and following" of the last visit: a series of one, and the rest ends on its last date', async () => {
    const created = await adaSeries({ start: { date: '2027-01-05', time: '9:00' }, recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 3 } });
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: created.appointments[2]?.id, start: { date: '2027-01-19', time: '13:00' }, scope: 'following' }));
    if (outcome.outcome !== 'saved') throw new Error(JSON.stringify(outcome));
    const earlier = await seriesRows(created.seriesId as string, ada);
    const later = await seriesRows(outcome.seriesId as string, ada);
    expect(earlier[0]?.series).toEqual({ firstDate: '2027-01-05', recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 2 }, skipDates: [] });
    expect(later.map((a) => [a.seriesIndex, a.date, a.startTime, a.series])).toEqual([
      [0, '2027-01-19', '13:00', { firstDate: '2027-01-19', recurrence: { frequency: 'weekly', interval: 1 }, end: { until: '2027-01-19' }, skipDates: [] }],
    ]);
    expect([...earlier, ...later]).toSatisfy(onTheirRule);
  });

  it('"all" once the first visit has taken place: it keeps the rule it had, the rest form a new series on the new day', async () => {
    const created = await adaSeries({ start: { date: '2026-03-10', time: '9:00' }, recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 4 } });
    const [first, second] = created.appointments;
    clinic.clock.now = nyInstant('2026-03-10', '10:00');
    try {
      await clinic.value(clinic.call('scheduling:setStatus', { id: first?.id, status: 'arrived' }));
      await clinic.value(clinic.call('scheduling:setStatus', { id: first?.id, status: 'checked_out' }));
      const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: second?.id, start: { date: '2026-03-19', time: '9:00' }, scope: 'all' }));
      if (outcome.outcome !== 'saved') throw new Error(JSON.stringify(outcome));
      const earlier = await seriesRows(created.seriesId as string, ada);
      const later = await seriesRows(outcome.seriesId as string, ada);
      expect(earlier.map((a) => [a.date, a.status, a.series])).toEqual([
        ['2026-03-10', 'checked_out', { firstDate: '2026-03-10', recurrence: { frequency: 'weekly', interval: 1 }, end: { until: '2026-03-10' }, skipDates: [] }],
      ]);
      expect(later.map((a) => `${a.seriesIndex} ${a.date}`)).toEqual(['0 2026-03-19', '1 2026-03-26', '2 2026-04-02']);
      expect(later[0]?.series).toEqual({ firstDate: '2026-03-19', recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 3 }, skipDates: [] });
      expect([...earlier, ...later]).toSatisfy(onTheirRule);
    } finally {
      clinic.clock.now = STORY_START;
    }
  });

  it('"all" from a past visit nobody checked in, with a later one taken place: it moves on its own terms (an exception), the rest split off', async () => {
    const created = await adaSeries({ start: { date: '2026-05-05', time: '9:00' }, recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 4 } });
    const [missed, done] = created.appointments;
    clinic.clock.now = nyInstant('2026-05-12', '10:00');
    try {
      await clinic.value(clinic.call('scheduling:setStatus', { id: done?.id, status: 'arrived' }));
      await clinic.value(clinic.call('scheduling:setStatus', { id: done?.id, status: 'checked_out' }));
      const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: missed?.id, start: { date: '2026-05-07', time: '9:00' }, scope: 'all' }));
      expect(outcome).toMatchObject({ outcome: 'saved', seriesId: created.seriesId });
      const earlier = await seriesRows(created.seriesId as string, ada);
      expect(earlier.map((a) => `${a.seriesIndex} ${a.date} ${a.status} ${a.seriesException}`)).toEqual(['0 2026-05-07 booked true', '1 2026-05-12 checked_out false']);
      expect(earlier[0]?.series).toEqual({ firstDate: '2026-05-05', recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 2 }, skipDates: [] });
      const laterId = clinic.core.sqlite.prepare('SELECT series_id FROM appointment WHERE id = ?').pluck().get(created.appointments[2]?.id);
      const later = await seriesRows(laterId as string, ada);
      expect(later.map((a) => `${a.seriesIndex} ${a.date}`)).toEqual(['0 2026-05-21', '1 2026-05-28']);
      expect([...earlier, ...later]).toSatisfy(onTheirRule);
    } finally {
      clinic.clock.now = STORY_START;
    }
  });
});

describe('the appointment view carries its series as booked', () => {
  it('every read of a series visit carries the rule, the first date and the dates left out; a single visit carries null', async () => {
    const created = await savedSeries({
      booking: { patientId: john, typeId: therapy, providerId: patel, start: { date: '2026-05-12', time: '15:00' } },
      recurrence: { frequency: 'weekly', interval: 2 },
      end: { until: '2026-06-23' },
      skipDates: ['2026-05-26'],
    });
    const asBooked = { firstDate: '2026-05-12', recurrence: { frequency: 'weekly', interval: 2 }, end: { until: '2026-06-23' }, skipDates: ['2026-05-26'] };
    expect(created.appointments.map((a) => [a.date, a.seriesIndex, a.series])).toEqual([
      ['2026-05-12', 0, asBooked],
      ['2026-06-09', 2, asBooked],
      ['2026-06-23', 3, asBooked],
    ]);
    const single = await clinic.booked({ patientId: john, typeId: therapy, providerId: patel, start: { date: '2026-06-09', time: '9:00' } });
    expect(single.series).toBeNull();

    // Opening one (the appointment dialog), the day and the patient's visits say the same.
    const opened = await clinic.value(clinic.call<{ appointment: AppointmentView }>('scheduling:get', { id: created.appointments[1]?.id }));
    expect(opened.appointment.series).toEqual(asBooked);
    expect((await clinic.value(clinic.call<{ appointment: AppointmentView }>('scheduling:get', { id: single.id }))).appointment.series).toBeNull();
    const day = await clinic.value(clinic.call<DayView>('scheduling:day', { date: '2026-06-09' }));
    const onDay = day.columns.flatMap((c) => c.appointments).filter((a) => a.patientId === john).sort((a, b) => a.startAt - b.startAt);
    // John's monthly series with Dr. Lee (booked above) falls on this day too: each visit carries its own series.
    expect(onDay.map((a) => [a.startTime, a.series])).toEqual([
      ['09:00', null],
      ['11:00', { firstDate: '2026-06-09', recurrence: { frequency: 'monthly', interval: 1, weekOfMonth: 2 }, end: { count: 3 }, skipDates: [] }],
      ['15:00', asBooked],
    ]);
    const visits = await clinic.value(clinic.call<{ upcoming: AppointmentView[]; past: AppointmentView[] }>('scheduling:patientAppointments', { patientId: john }));
    const ofSeries = visits.upcoming.filter((a) => a.seriesId === created.seriesId);
    expect(ofSeries.map((a) => a.series)).toEqual([asBooked, asBooked, asBooked]);
  });

  it('a monthly series carries its week of the month', async () => {
    const created = await savedSeries({
      booking: { patientId: maria, typeId: therapy, providerId: patel, start: { date: '2026-07-31', time: '10:00' } },
      recurrence: { frequency: 'monthly', interval: 1, weekOfMonth: 'last' },
      end: { count: 2 },
    });
    expect(created.appointments.map((a) => [a.date, a.series?.recurrence])).toEqual([
      ['2026-07-31', { frequency: 'monthly', interval: 1, weekOfMonth: 'last' }],
      ['2026-08-28', { frequency: 'monthly', interval: 1, weekOfMonth: 'last' }],
    ]);
  });
});
