import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../shared/contract/scheduling';
import { snapshotAllTables } from '../support/db-snapshot';
import { nyInstant, openSchedulingClinic, type SchedulingClinic, type SeriesOutcome } from './scheduling-support';

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
async function seriesRows(seriesId: string): Promise<AppointmentView[]> {
  const all = await clinic.value(clinic.call<{ upcoming: AppointmentView[]; past: AppointmentView[] }>('scheduling:patientAppointments', { patientId: maria }));
  return [...all.past, ...all.upcoming].filter((a) => a.seriesId === seriesId).sort((a, b) => (a.seriesIndex ?? 0) - (b.seriesIndex ?? 0));
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
  beforeAll(async () => {
    const created = await savedSeries({
      booking: { patientId: maria, typeId: therapy, providerId: lee, start: { date: '2026-09-01', time: '9:00' } },
      recurrence: { frequency: 'weekly', interval: 1 },
      end: { count: 6 },
    });
    seriesId = created.seriesId as string;
    visits = created.appointments;
  });

  it('moving one visit on its own makes it an exception that keeps its place', async () => {
    const moved = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[1]?.id, start: { date: '2026-09-09', time: '15:00' } }));
    expect(moved).toMatchObject({ outcome: 'saved', appointments: [{ date: '2026-09-09', startTime: '15:00', seriesIndex: 1, seriesException: true }] });
  });

  it('"this and following" moves the 3rd to the 6th visit to 10:30; the first two (and the exception) stay', async () => {
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[2]?.id, start: { date: '2026-09-15', time: '10:30' }, scope: 'following' }));
    expect(outcome.outcome).toBe('saved');
    const rows = await seriesRows(seriesId);
    expect(rows.map((a) => `${a.seriesIndex} ${a.date} ${a.startTime}`)).toEqual([
      '0 2026-09-01 09:00',
      '1 2026-09-09 15:00',
      '2 2026-09-15 10:30',
      '3 2026-09-22 10:30',
      '4 2026-09-29 10:30',
      '5 2026-10-06 10:30',
    ]);
    const history = clinic.core.sqlite.prepare("SELECT count(*) FROM appointment_change WHERE kind = 'rescheduled' AND appointment_id IN (SELECT id FROM appointment WHERE series_id = ?)").pluck().get(seriesId);
    expect(history).toBe(5);
  });

  it('"all" with a new length and day shift checks every visit first: one conflict stops the whole change', async () => {
    await clinic.booked({ patientId: john, typeId: therapy, providerId: lee, start: { date: '2026-09-30', time: '10:30' } });
    const before = snapshotAllTables(clinic.core.sqlite);
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[3]?.id, start: { date: '2026-09-23', time: '10:30' }, durationMinutes: 60, scope: 'all' }));
    expect(outcome).toEqual({ outcome: 'not-saved', problems: [expect.objectContaining({ kind: 'provider-busy', date: '2026-09-30', message: 'Wed, Sep 30: Dr. Lee already has John Okafor 10:30–11:15.' })] });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });

  it('cancelling "this and following" cancels the 5th and 6th with the reason; the rest stay booked', async () => {
    const result = await clinic.value(clinic.call<{ cancelled: string[] }>('scheduling:cancel', { id: visits[4]?.id, reason: 'patient', scope: 'following' }));
    expect(result.cancelled.sort()).toEqual([visits[4]?.id, visits[5]?.id].sort());
    const rows = await seriesRows(seriesId);
    expect(rows.map((a) => [a.seriesIndex, a.status, a.cancelReason])).toEqual([
      [0, 'booked', null],
      [1, 'booked', null],
      [2, 'booked', null],
      [3, 'booked', null],
      [4, 'cancelled', 'patient'],
      [5, 'cancelled', 'patient'],
    ]);
  });

  it('moving the whole series audits each visit it changed', async () => {
    const outcome = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: visits[0]?.id, start: { date: '2026-09-01', time: '8:00' }, scope: 'all' }));
    expect(outcome.outcome).toBe('saved');
    const rows = await seriesRows(seriesId);
    expect(rows.map((a) => `${a.seriesIndex} ${a.startTime} ${a.status}`)).toEqual(['0 08:00 booked', '1 15:00 booked', '2 08:00 booked', '3 08:00 booked', '4 10:30 cancelled', '5 10:30 cancelled']);
    const audited = clinic.core.sqlite.prepare("SELECT count(*) FROM audit_event WHERE entity_type = 'appointment' AND action = 'record.update' AND detail LIKE '%\"scope\":\"all\"%'").pluck().get();
    expect(audited).toBe(3);
    expect(rows[0]?.startAt).toBe(nyInstant('2026-09-01', '08:00'));
  });
});
