import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookRowsBetween } from '../../electron/core/scheduling/repository';
import type { Database } from '../../electron/core/db/schema';
import { bookViews } from '../../electron/core/scheduling/views';
import type { AppointmentView, DayView } from '../../shared/contract/scheduling';
import { auditEntries, nyInstant, openSchedulingClinic, type SchedulingClinic } from './scheduling-support';

/** What the screens read: day, week, month, grid rows, check-in board, reminder calls, a patient's visits, .ics. */
let clinic: SchedulingClinic;
let lee: string;
let patel: string;
let exam1: string;
let followUp: string;
let maria: string;
let john: string;
let mariaVisit: AppointmentView;
let johnVisit: AppointmentView;
const MON = '2026-03-02';

beforeAll(async () => {
  clinic = await openSchedulingClinic();
  lee = await clinic.provider('Dr. Lee');
  patel = await clinic.provider('Dr. Patel', [{ weekday: 1, blocks: [{ start: '7:00', end: '15:00' }] }]);
  exam1 = await clinic.room('Exam 1');
  followUp = await clinic.type('Follow-up', { durationMinutes: 30, providerIds: [lee, patel] });
  maria = await clinic.patient('Maria', 'Gomez', { preferredLanguage: 'Spanish', interpreterNeeded: true, preferredContactMethod: 'phone' });
  john = await clinic.patient('John', 'Okafor');
  mariaVisit = await clinic.booked({ patientId: maria, typeId: followUp, providerId: lee, roomId: exam1, start: { date: MON, time: '9:00' } });
  johnVisit = await clinic.booked({ patientId: john, typeId: followUp, providerId: patel, start: { date: MON, time: '9:00' } });
  await clinic.booked({ patientId: john, typeId: followUp, providerId: lee, start: { date: '2026-03-04', time: '14:00' } });
  await clinic.value(clinic.call('scheduling:saveException', { exception: { providerId: lee, kind: 'blocked', fromDate: MON, toDate: MON, startTime: '12:00', endTime: '13:00', note: 'Lunch meeting' } }));
});
afterAll(async () => {
  await clinic.close();
});

describe('the day view', () => {
  it('has one column per provider with that day’s hours, blocked time and appointments', async () => {
    const day = await clinic.value(clinic.call<DayView>('scheduling:day', { date: MON }));
    expect(day).toMatchObject({ date: MON, timeZone: 'America/New_York', minutesInDay: 1440, startAt: nyInstant(MON, '00:00') });
    expect(day.columns.map((c) => c.name)).toEqual(['Dr. Lee', 'Dr. Patel']);
    const leeColumn = day.columns[0];
    expect(leeColumn?.hours).toEqual([
      { startAt: nyInstant(MON, '08:00'), endAt: nyInstant(MON, '12:00') },
      { startAt: nyInstant(MON, '13:00'), endAt: nyInstant(MON, '17:00') },
    ]);
    expect(leeColumn?.blocked).toEqual([{ startAt: nyInstant(MON, '12:00'), endAt: nyInstant(MON, '13:00'), kind: 'blocked', note: 'Lunch meeting', clinicWide: false }]);
    expect(leeColumn?.appointments.map((a) => a.id)).toEqual([mariaVisit.id]);
    expect(day.columns[1]?.appointments.map((a) => a.id)).toEqual([johnVisit.id]);
  });

  it('by room lists the rooms and what is in them', async () => {
    const day = await clinic.value(clinic.call<DayView>('scheduling:day', { date: MON, by: 'room' }));
    expect(day.columns.map((c) => [c.kind, c.name, c.appointments.map((a) => a.patientName)])).toEqual([['room', 'Exam 1', ['Maria Gomez']]]);
  });

  it('the change days have 23 and 25 hours', async () => {
    expect((await clinic.value(clinic.call<DayView>('scheduling:day', { date: '2026-03-08' }))).minutesInDay).toBe(1380);
    expect((await clinic.value(clinic.call<DayView>('scheduling:day', { date: '2026-11-01' }))).minutesInDay).toBe(1500);
  });

  it('grid rows: within the clinic’s hours that day (7:00–17:00), or the whole day', async () => {
    const within = await clinic.value(clinic.call<{ rows: { time: string }[] }>('scheduling:dayGrid', { date: MON, step: 10 }));
    expect(within.rows).toHaveLength(60);
    expect([within.rows[0]?.time, within.rows.at(-1)?.time]).toEqual(['07:00', '16:50']);
    const spring = await clinic.value(clinic.call<{ rows: unknown[] }>('scheduling:dayGrid', { date: '2026-03-08', step: 15, wholeDay: true }));
    expect(spring.rows).toHaveLength(92);
    const autumn = await clinic.value(clinic.call<{ rows: unknown[] }>('scheduling:dayGrid', { date: '2026-11-01', step: 5, wholeDay: true }));
    expect(autumn.rows).toHaveLength(300);
  });
});

describe('week and month', () => {
  it('the week runs Monday to Sunday for one provider', async () => {
    const week = await clinic.value(clinic.call<{ days: { date: string; hours: unknown[]; appointments: AppointmentView[] }[] }>('scheduling:week', { providerId: lee, date: '2026-03-05' }));
    expect(week.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(week.days.map((d) => d.appointments.length)).toEqual([1, 0, 1, 0, 0, 0, 0]);
    expect(week.days.map((d) => d.hours.length)).toEqual([2, 2, 2, 2, 2, 0, 0]);
  });

  it('the month counts per day, cancelled apart', async () => {
    const extra = await clinic.booked({ patientId: maria, typeId: followUp, providerId: lee, start: { date: '2026-03-04', time: '10:00' } });
    await clinic.value(clinic.call('scheduling:cancel', { id: extra.id, reason: 'clinic' }));
    const month = await clinic.value(clinic.call<{ days: { date: string; booked: number; cancelled: number }[] }>('scheduling:month', { month: '2026-03' }));
    expect(month.days).toHaveLength(31);
    expect(month.days.slice(1, 4).map((d) => [d.date, d.booked, d.cancelled])).toEqual([
      ['2026-03-02', 2, 0],
      ['2026-03-03', 0, 0],
      ['2026-03-04', 1, 1],
    ]);
    const leeOnly = await clinic.value(clinic.call<{ days: { booked: number }[] }>('scheduling:month', { month: '2026-03', providerId: lee }));
    expect(leeOnly.days.reduce((sum, d) => sum + d.booked, 0)).toBe(2); // Maria on the 2nd, John on the 4th (the cancelled one is not booked)
  });
});

describe('the visit day', () => {
  it('the check-in board shows who is waiting and for how long (the core’s clock)', async () => {
    clinic.clock.now = nyInstant(MON, '08:50');
    await clinic.value(clinic.call('scheduling:setStatus', { id: mariaVisit.id, status: 'arrived' }));
    clinic.clock.now = nyInstant(MON, '08:55');
    await clinic.value(clinic.call('scheduling:setStatus', { id: johnVisit.id, status: 'arrived' }));
    clinic.clock.now = nyInstant(MON, '09:05');
    await clinic.value(clinic.call('scheduling:setStatus', { id: johnVisit.id, status: 'in_room' }));
    clinic.clock.now = nyInstant(MON, '09:12');
    const board = await clinic.value(
      clinic.call<{ now: number; entries: { appointment: AppointmentView; arrivedAt: number | null; inRoomAt: number | null; waitingMinutes: number }[] }>('scheduling:checkInBoard', undefined),
    );
    expect(board.now).toBe(nyInstant(MON, '09:12'));
    expect(board.entries.map((e) => [e.appointment.patientName, e.appointment.status, e.arrivedAt, e.inRoomAt, e.waitingMinutes])).toEqual([
      ['Maria Gomez', 'arrived', nyInstant(MON, '08:50'), null, 22],
      ['John Okafor', 'in_room', nyInstant(MON, '08:55'), nyInstant(MON, '09:05'), 7],
    ]);
  });

  it('the reminder list for a day, and marking calls (confirmed confirms the visit)', async () => {
    const list = await clinic.value(
      clinic.call<{ entries: { appointment: AppointmentView; phone: string | null; preferredContactMethod: string | null; language: string | null; interpreterNeeded: boolean; confirmed: boolean }[] }>('scheduling:reminderList', { date: '2026-03-04' }),
    );
    expect(list.entries.map((e) => [e.appointment.patientName, e.appointment.startTime, e.language, e.confirmed])).toEqual([['John Okafor', '14:00', null, false]]);
    const visit = list.entries[0]?.appointment as AppointmentView;
    const message = await clinic.value(clinic.call<AppointmentView>('scheduling:markReminder', { appointmentId: visit.id, outcome: 'left_message' }));
    expect(message).toMatchObject({ status: 'booked', reminder: { outcome: 'left_message', at: clinic.clock.now, by: 'Maria Lee' } });
    const confirmed = await clinic.value(clinic.call<AppointmentView>('scheduling:markReminder', { appointmentId: visit.id, outcome: 'confirmed' }));
    expect(confirmed).toMatchObject({ status: 'confirmed', reminder: { outcome: 'confirmed' } });
    const after = await clinic.value(clinic.call<{ entries: { confirmed: boolean }[] }>('scheduling:reminderList', { date: '2026-03-04' }));
    expect(after.entries.map((e) => e.confirmed)).toEqual([true]);
    // The book shows the last call on the visit (kept on the appointment with each call), and every call stays listed.
    const day = await clinic.value(clinic.call<DayView>('scheduling:day', { date: '2026-03-04' }));
    const shown = day.columns.flatMap((c) => c.appointments).find((a) => a.id === visit.id);
    expect(shown?.reminder).toEqual({ outcome: 'confirmed', at: clinic.clock.now, by: 'Maria Lee' });
    const calls = clinic.core.sqlite.prepare('SELECT outcome FROM appointment_reminder WHERE appointment_id = ? ORDER BY at, id').pluck().all(visit.id);
    expect(calls).toEqual(['left_message', 'confirmed']);
  });

  it('the reminder list carries phone, contact method, language and interpreter', async () => {
    const extra = await clinic.booked({ patientId: maria, typeId: followUp, providerId: lee, start: { date: '2026-03-05', time: '9:00' } });
    const list = await clinic.value(clinic.call<{ entries: { appointment: AppointmentView; phone: string | null; preferredContactMethod: string | null; language: string | null; interpreterNeeded: boolean }[] }>('scheduling:reminderList', { date: '2026-03-05' }));
    expect(list.entries).toEqual([{ appointment: expect.objectContaining({ id: extra.id }), phone: expect.stringMatching(/^\(312\) 555-/), preferredContactMethod: 'phone', language: 'Spanish', interpreterNeeded: true, confirmed: false }]);
  });
});

describe('a patient’s appointments and the .ics file', () => {
  it('lists upcoming (soonest first) and past visits', async () => {
    clinic.clock.now = nyInstant('2026-03-03', '12:00');
    const visits = await clinic.value(clinic.call<{ upcoming: AppointmentView[]; past: AppointmentView[] }>('scheduling:patientAppointments', { patientId: john }));
    expect(visits.upcoming.map((a) => a.date)).toEqual(['2026-03-04']);
    expect(visits.past.map((a) => a.date)).toEqual([MON]);
  });

  it('patient search shows each result’s next booked visit, and none once it has passed', async () => {
    type Found = { results: { id: string; nextAppointmentAt: number | null }[] };
    clinic.clock.now = nyInstant('2026-03-03', '12:00');
    const before = await clinic.value(clinic.call<Found>('patients:search', { query: 'okafor' }));
    expect(before.results.find((r) => r.id === john)?.nextAppointmentAt).toBe(nyInstant('2026-03-04', '14:00'));
    clinic.clock.now = nyInstant('2026-03-05', '08:00');
    const after = await clinic.value(clinic.call<Found>('patients:search', { query: 'okafor' }));
    expect(after.results.find((r) => r.id === john)?.nextAppointmentAt).toBeNull();
  });

  it('exports an .ics for the patient, and the export is audited without PHI', async () => {
    const file = await clinic.value(clinic.call<{ fileName: string; content: string }>('scheduling:exportIcs', { id: mariaVisit.id }));
    expect(file.fileName).toBe('appointment-2026-03-02-0900.ics');
    expect(file.content).toContain('\r\nDTSTART:20260302T140000Z\r\nDTEND:20260302T143000Z\r\n');
    expect(file.content).toContain('SUMMARY:Follow-up with Dr. Lee\r\n');
    expect(file.content).not.toContain('Gomez');
    const exported = auditEntries(clinic.core, 'appointment').filter((e) => e.action === 'export');
    expect(exported).toEqual([{ action: 'export', entity_id: mariaVisit.id, patient_id: maria, detail: '{"format":"ics"}', actor_user_id: expect.any(String) }]);
  });

  it('opening an appointment is audited as a record opening', async () => {
    await clinic.value(clinic.call('scheduling:get', { id: johnVisit.id }));
    expect(auditEntries(clinic.core, 'appointment').filter((e) => e.action === 'record.open').map((e) => e.entity_id)).toEqual([johnVisit.id]);
  });
});

describe('what the day sheet prints', () => {
  const APR6 = '2026-04-06';

  it('each visit carries the patient’s date of birth and the phone to call (the preferred one), for the day sheet', async () => {
    const chen = await clinic.patient('Wei', 'Chen', { dateOfBirth: '1978-11-02', phoneMobile: '(312) 555-0188', phoneHome: '+13125550177', preferredPhone: 'home' });
    const novak = await clinic.patient('Olga', 'Novak', { dateOfBirth: '1948-09-09', phoneMobile: null, preferredPhone: null });
    const chenVisit = await clinic.booked({ patientId: chen, typeId: followUp, providerId: patel, start: { date: APR6, time: '10:00' } });
    const novakVisit = await clinic.booked({ patientId: novak, typeId: followUp, providerId: patel, start: { date: APR6, time: '11:00' } });
    const day = await clinic.value(clinic.call<DayView>('scheduling:day', { date: APR6 }));
    const visits = day.columns.flatMap((c) => c.appointments);
    const contact = (id: string) => visits.filter((a) => a.id === id).map((a) => [a.patientName, a.patientDateOfBirth, a.patientPhone]);
    expect(contact(chenVisit.id)).toEqual([['Wei Chen', '1978-11-02', '+13125550177']]);
    expect(contact(novakVisit.id)).toEqual([['Olga Novak', '1948-09-09', null]]);
    // Every view of the book says the same (the saved booking, a patient's list, one appointment opened).
    expect([chenVisit.patientDateOfBirth, chenVisit.patientPhone]).toEqual(['1978-11-02', '+13125550177']);
    const list = await clinic.value(clinic.call<{ upcoming: AppointmentView[]; past: AppointmentView[] }>('scheduling:patientAppointments', { patientId: chen }));
    expect([...list.upcoming, ...list.past].map((a) => a.patientPhone)).toEqual(['+13125550177']);
    const opened = await clinic.value(clinic.call<{ appointment: AppointmentView }>('scheduling:get', { id: novakVisit.id }));
    expect([opened.appointment.patientDateOfBirth, opened.appointment.patientPhone]).toEqual(['1948-09-09', null]);
  });

  it('the day view reads them in its one statement, from the patient index alone (no patient row read per visit)', async () => {
    const statements: CompiledQuery[] = [];
    const spy = new Kysely<Database>({ dialect: new SqliteDialect({ database: clinic.core.sqlite }), log: (event) => void statements.push(event.query) });
    const rows = await bookRowsBetween(spy, nyInstant(APR6, '00:00'), nyInstant('2026-04-07', '00:00'), null);
    expect(rows.map((r) => [r.first_name, r.date_of_birth])).toEqual([
      ['Wei', '1978-11-02'],
      ['Olga', '1948-09-09'],
    ]);
    // One statement for the visits and their patients; the names their views show come from the book's set-up, kept
    // between reads (book-setup.test.ts), not from a join or a read per visit.
    expect(statements).toHaveLength(1);
    const statement = statements[0] as CompiledQuery;
    expect(statement.sql).toMatch(/FROM appointment AS a\s+JOIN patient AS p/);
    const views = await bookViews(spy, rows, 'America/New_York');
    expect(views.map((v) => [v.patientName, v.providerName, v.roomName])).toEqual(rows.map((r) => [`${r.first_name} ${r.last_name}`, 'Dr. Patel', null]));
    const plan = clinic.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.parameters) as { detail: string }[];
    expect(plan.map((step) => step.detail)).toContain('SEARCH p USING COVERING INDEX patient_book_names (id=?)');
    expect(plan.map((step) => step.detail)).toContain('SEARCH a USING COVERING INDEX appointment_book (start_at>? AND start_at<?)');

    // A provider's week reads its visits from the provider's covering index (no table row per visit; migration 0011).
    statements.length = 0;
    const week = await bookRowsBetween(spy, nyInstant(APR6, '00:00'), nyInstant('2026-04-13', '00:00'), patel);
    expect(week.map((r) => r.first_name)).toEqual(['Wei', 'Olga']);
    const weekStatement = statements[0] as CompiledQuery;
    const weekPlan = clinic.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${weekStatement.sql}`).all(...weekStatement.parameters) as { detail: string }[];
    expect(weekPlan.map((step) => step.detail)).toContain('SEARCH a USING COVERING INDEX appointment_provider_start (provider_id=? AND start_at>? AND start_at<?)');
  });
});

describe('time off added over booked visits', () => {
  const TUE = '2026-04-07';
  type Saved = { id: string; bookedVisits: { id: string; patientName: string; providerName: string; date: string; startTime: string; endTime: string }[]; bookedVisitCount: number };

  it('is saved all the same, and lists the visits booked in it (who, when, with whom) for the desk to move', async () => {
    clinic.clock.now = nyInstant('2026-04-01', '09:00');
    const chen = await clinic.patient('Li', 'Chen');
    const inside = [
      await clinic.booked({ patientId: maria, typeId: followUp, providerId: lee, start: { date: TUE, time: '9:00' } }),
      await clinic.booked({ patientId: john, typeId: followUp, providerId: lee, start: { date: TUE, time: '11:00' } }),
    ];
    const cancelled = await clinic.booked({ patientId: chen, typeId: followUp, providerId: lee, start: { date: TUE, time: '10:00' } });
    await clinic.value(clinic.call('scheduling:cancel', { id: cancelled.id, reason: 'patient' }));
    await clinic.booked({ patientId: chen, typeId: followUp, providerId: lee, start: { date: TUE, time: '13:00' } }); // after the block
    await clinic.booked({ patientId: chen, typeId: followUp, providerId: patel, start: { date: '2026-04-06', time: '12:00' } }); // another provider
    const saved = await clinic.value(clinic.call<Saved>('scheduling:saveException', { exception: { providerId: lee, kind: 'blocked', fromDate: TUE, toDate: TUE, startTime: '9:15', endTime: '12:00', note: 'Training' } }));
    expect(saved.bookedVisitCount).toBe(2);
    expect(saved.bookedVisits).toEqual([
      { id: inside[0]?.id, patientName: 'Maria Gomez', providerName: 'Dr. Lee', date: TUE, startTime: '09:00', endTime: '09:30', startAt: nyInstant(TUE, '09:00') },
      { id: inside[1]?.id, patientName: 'John Okafor', providerName: 'Dr. Lee', date: TUE, startTime: '11:00', endTime: '11:30', startAt: nyInstant(TUE, '11:00') },
    ]);
    const listed = await clinic.value(clinic.call<{ exceptions: { id: string }[] }>('scheduling:listExceptions', { fromDate: TUE, toDate: TUE }));
    expect(listed.exceptions.map((e) => e.id)).toContain(saved.id);
    // The visits stay booked: time off is the clinic's decision, moving them the desk's.
    const day = await clinic.value(clinic.call<DayView>('scheduling:day', { date: TUE }));
    expect(day.columns.flatMap((c) => c.appointments).filter((a) => a.status === 'booked').map((a) => a.patientName)).toEqual(['Maria Gomez', 'John Okafor', 'Li Chen']);
  });

  it('a clinic holiday lists every provider’s visits; time off already over lists none', async () => {
    const holiday = await clinic.value(clinic.call<Saved>('scheduling:saveException', { exception: { providerId: null, kind: 'holiday', fromDate: '2026-04-06', toDate: TUE } }));
    expect(holiday.bookedVisits.map((v) => [v.date, v.startTime, v.providerName])).toEqual([
      ['2026-04-06', '10:00', 'Dr. Patel'],
      ['2026-04-06', '11:00', 'Dr. Patel'],
      ['2026-04-06', '12:00', 'Dr. Patel'],
      [TUE, '09:00', 'Dr. Lee'],
      [TUE, '11:00', 'Dr. Lee'],
      [TUE, '13:00', 'Dr. Lee'],
    ]);
    const past = await clinic.value(clinic.call<Saved>('scheduling:saveException', { exception: { providerId: lee, kind: 'vacation', fromDate: '2026-03-04', toDate: '2026-03-05' } }));
    expect(past).toMatchObject({ bookedVisits: [], bookedVisitCount: 0 });
  });
});
