import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../shared/contract/scheduling';
import { snapshotAllTables } from '../support/db-snapshot';
import { auditEntries, bookRowCounts, nyInstant, openSchedulingClinic, type BookOutcome, type SchedulingClinic } from './scheduling-support';

/**
 * Booking through the dispatcher, as the booking dialog does it: each rule with its plain message, nothing written on
 * a refusal, overbooking and overriding with a reason (and who may override), the same patient with two providers,
 * the status flow with who and when, and the audit trail.
 */
let clinic: SchedulingClinic;
let lee: string;
let patel: string;
let exam1: string;
let followUp: string;
let newPatient: string;
let video: string;
let maria: string;
let john: string;
let ana: string;
let frontDesk: { clientId: string; userId: string };
let coordinator: { clientId: string; userId: string };
let readOnly: { clientId: string; userId: string };

const TUE = '2026-03-10';

beforeAll(async () => {
  clinic = await openSchedulingClinic();
  lee = await clinic.provider('Dr. Lee');
  patel = await clinic.provider('Dr. Patel');
  exam1 = await clinic.room('Exam 1');
  followUp = await clinic.type('Follow-up', { durationMinutes: 30, providerIds: [lee, patel] });
  newPatient = await clinic.type('New patient', { durationMinutes: 40, bufferAfterMinutes: 10, needsRoom: true, providerIds: [lee, patel] });
  video = await clinic.type('Video visit', { durationMinutes: 20, mode: 'telehealth', providerIds: [lee] });
  maria = await clinic.patient('Maria', 'Gomez');
  john = await clinic.patient('John', 'Okafor');
  ana = await clinic.patient('Ana', 'Schmidt');
  frontDesk = await clinic.signInAs('front_desk', 'Fran Desk');
  coordinator = await clinic.signInAs('coordinator', 'Cora Ordinator');
  readOnly = await clinic.signInAs('read_only', 'Reed Only');
});
afterAll(async () => {
  await clinic.close();
});

const at = (date: string, time: string) => ({ date, time });

describe('booking from an empty slot', () => {
  it('saves the appointment in UTC, shows it in clinic time, and records who booked it', async () => {
    const appointment = await clinic.booked({ patientId: maria, typeId: followUp, providerId: lee, start: at(TUE, '10:00'), reason: 'Blood pressure check' }, frontDesk.clientId);
    expect(appointment).toMatchObject({
      patientName: 'Maria Gomez',
      providerName: 'Dr. Lee',
      typeName: 'Follow-up',
      startAt: nyInstant(TUE, '10:00'),
      endAt: nyInstant(TUE, '10:30'),
      date: TUE,
      startTime: '10:00',
      endTime: '10:30',
      durationMinutes: 30,
      status: 'booked',
      overbooked: false,
      reason: 'Blood pressure check',
      seriesId: null,
    });
    const entries = auditEntries(clinic.core, 'appointment').filter((e) => e.entity_id === appointment.id);
    expect(entries).toEqual([{ action: 'record.create', entity_id: appointment.id, patient_id: maria, detail: JSON.stringify({ overbooked: false, override: false }), actor_user_id: frontDesk.userId }]);
    const events = clinic.core.sqlite.prepare('SELECT status, at, by FROM appointment_status_event WHERE appointment_id = ?').all(appointment.id);
    expect(events).toEqual([{ status: 'booked', at: clinic.clock.now, by: frontDesk.userId }]);
  });

  it('refuses a second booking for Dr. Lee at the same time with the plain message, and writes nothing', async () => {
    const before = snapshotAllTables(clinic.core.sqlite);
    const outcome = await clinic.book({ patientId: john, typeId: followUp, providerId: lee, start: at(TUE, '10:15') }, frontDesk.clientId);
    expect(outcome).toEqual({
      outcome: 'not-saved',
      problems: [{ kind: 'provider-busy', message: 'Dr. Lee already has Maria Gomez 10:00–10:30.', resolution: 'overbook', allowed: true, date: TUE, conflictingAppointmentId: expect.any(String) }],
    });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });

  it('lets the desk overbook with a reason; the appointment is flagged and the reason kept', async () => {
    const appointment = await clinic.booked({ patientId: john, typeId: followUp, providerId: lee, start: at(TUE, '10:15'), overbook: { reason: 'Urgent, doctor agreed' } }, frontDesk.clientId);
    expect(appointment).toMatchObject({ overbooked: true, overbookReason: 'Urgent, doctor agreed', startTime: '10:15' });
    const day = await clinic.value(clinic.call<{ columns: { id: string; appointments: AppointmentView[] }[] }>('scheduling:day', { date: TUE }));
    const leeColumn = day.columns.find((c) => c.id === lee);
    expect(leeColumn?.appointments.map((a) => [a.patientName, a.overbooked])).toEqual([
      ['Maria Gomez', false],
      ['John Okafor', true],
    ]);
  });

  it('an overbook reason is not stored when there was nothing to overbook', async () => {
    const appointment = await clinic.booked({ patientId: ana, typeId: followUp, providerId: patel, start: at(TUE, '8:00'), overbook: { reason: 'Just in case' } });
    expect(appointment).toMatchObject({ overbooked: false, overbookReason: null });
  });

  it('counts the type’s buffer after: a visit ending 9:40 with 10 minutes to get ready keeps Dr. Patel until 9:50', async () => {
    await clinic.booked({ patientId: maria, typeId: newPatient, providerId: patel, roomId: exam1, start: at(TUE, '9:00') });
    const tooSoon = await clinic.book({ patientId: john, typeId: followUp, providerId: patel, start: at(TUE, '9:45') });
    expect(tooSoon).toMatchObject({ outcome: 'not-saved', problems: [{ kind: 'provider-busy', message: 'Dr. Patel already has Maria Gomez 9:00–9:40 (and 10 minutes after it to get ready).' }] });
    const rightAfter = await clinic.book({ patientId: ana, typeId: followUp, providerId: patel, start: at(TUE, '9:50') });
    expect(rightAfter.outcome).toBe('saved');
  });

  it('refuses a room that is in use, naming the room, the provider and the time (no overbooking a room)', async () => {
    const outcome = await clinic.book({ patientId: ana, typeId: newPatient, providerId: lee, roomId: exam1, start: at(TUE, '9:10') });
    expect(outcome).toEqual({
      outcome: 'not-saved',
      problems: [{ kind: 'room-busy', message: 'Exam 1 is in use 9:00–9:40 by Dr. Patel. Choose another room or time.', resolution: 'none', allowed: false, date: TUE, conflictingAppointmentId: expect.any(String) }],
    });
    const overbooked = await clinic.book({ patientId: ana, typeId: newPatient, providerId: lee, roomId: exam1, start: at(TUE, '9:10'), overbook: { reason: 'Please' } });
    expect(overbooked.outcome).toBe('not-saved');
  });

  it('a type that needs a room asks for one; a telehealth type never takes one', async () => {
    const noRoom = await clinic.book({ patientId: ana, typeId: newPatient, providerId: lee, start: at(TUE, '14:00') });
    expect(noRoom).toMatchObject({ outcome: 'not-saved', problems: [{ kind: 'room-needed', message: 'New patient needs a room. Choose one.', resolution: 'none' }] });
    const tele = await clinic.booked({ patientId: ana, typeId: video, providerId: lee, roomId: exam1, start: at(TUE, '15:00'), telehealthLink: 'https://meet.example.com/ana' });
    expect(tele).toMatchObject({ roomId: null, mode: 'telehealth', telehealthLink: 'https://meet.example.com/ana' });
  });

  it('a provider who does not offer the type is refused', async () => {
    const outcome = await clinic.book({ patientId: john, typeId: video, providerId: patel, start: at(TUE, '15:00') });
    expect(outcome).toMatchObject({ outcome: 'not-saved', problems: [{ kind: 'type-not-offered', message: 'Dr. Patel does not offer Video visit. Choose a provider who does.' }] });
  });
});

describe('the same patient with another provider', () => {
  it('warns (nothing saved) until the desk acknowledges, then books', async () => {
    const first = await clinic.book({ patientId: maria, typeId: followUp, providerId: patel, start: at(TUE, '10:20') });
    expect(first).toEqual({
      outcome: 'not-saved',
      problems: [{ kind: 'patient-overlap', message: 'Maria Gomez already has a visit with Dr. Lee 10:00–10:30.', resolution: 'acknowledge', allowed: true, date: TUE, conflictingAppointmentId: expect.any(String) }],
    });
    const second = await clinic.book({ patientId: maria, typeId: followUp, providerId: patel, start: at(TUE, '10:20'), acknowledgePatientOverlap: true });
    expect(second.outcome).toBe('saved');
  });
});

describe('working hours and blocked time', () => {
  it('outside working hours is refused with the day’s hours in the message', async () => {
    const outcome = await clinic.book({ patientId: ana, typeId: followUp, providerId: lee, start: at(TUE, '17:30') }, frontDesk.clientId);
    expect(outcome).toEqual({
      outcome: 'not-saved',
      problems: [{ kind: 'outside-hours', message: 'That is outside Dr. Lee’s hours on Tuesday, March 10, 2026 (8:00–12:00, 13:00–17:00).', resolution: 'override', allowed: false, date: TUE, conflictingAppointmentId: null }],
    });
    const weekend = await clinic.book({ patientId: ana, typeId: followUp, providerId: lee, start: at('2026-03-14', '10:00') });
    expect(weekend).toMatchObject({ problems: [{ kind: 'outside-hours', message: 'Dr. Lee does not work on Saturdays (Saturday, March 14, 2026).', allowed: true }] });
  });

  it('a visit running past the end of a block is outside hours; one spanning 12:00 when blocks touch is not', async () => {
    const lunch = await clinic.book({ patientId: ana, typeId: followUp, providerId: lee, start: at(TUE, '11:45') });
    expect(lunch).toMatchObject({ outcome: 'not-saved', problems: [{ kind: 'outside-hours' }] });
  });

  it('front desk may not override; a care coordinator may, with a reason kept on the appointment', async () => {
    const denied = await clinic.call('scheduling:book', { patientId: ana, typeId: followUp, providerId: lee, start: at(TUE, '17:30'), override: { reason: 'Doctor staying late' } }, frontDesk.clientId);
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const allowed = await clinic.booked({ patientId: ana, typeId: followUp, providerId: lee, start: at(TUE, '17:30'), override: { reason: 'Doctor staying late' } }, coordinator.clientId);
    expect(allowed).toMatchObject({ overrideReason: 'Doctor staying late', startTime: '17:30', endTime: '18:00' });
  });

  it('blocked time, vacation and clinic holidays refuse bookings with their own words', async () => {
    await clinic.value(clinic.call('scheduling:saveException', { exception: { providerId: lee, kind: 'blocked', fromDate: '2026-03-11', toDate: '2026-03-11', startTime: '12:00', endTime: '14:00', note: 'Staff meeting' } }, coordinator.clientId));
    await clinic.value(clinic.call('scheduling:saveException', { exception: { providerId: patel, kind: 'vacation', fromDate: '2026-03-16', toDate: '2026-03-20' } }));
    await clinic.value(clinic.call('scheduling:saveException', { exception: { providerId: null, kind: 'holiday', fromDate: '2026-05-25', toDate: '2026-05-25', note: 'Memorial Day' } }));
    const meeting = await clinic.book({ patientId: ana, typeId: followUp, providerId: lee, start: at('2026-03-11', '13:00') });
    expect(meeting).toMatchObject({ problems: [{ kind: 'blocked-time', message: 'Dr. Lee’s time is blocked 12:00–14:00 on Wednesday, March 11, 2026 (Staff meeting).', resolution: 'override' }] });
    const away = await clinic.book({ patientId: ana, typeId: followUp, providerId: patel, start: at('2026-03-18', '9:00') });
    expect(away).toMatchObject({ problems: [{ kind: 'blocked-time', message: 'Dr. Patel is away on Wednesday, March 18, 2026.' }] });
    const holiday = await clinic.book({ patientId: ana, typeId: followUp, providerId: lee, start: at('2026-05-25', '9:00') });
    expect(holiday).toMatchObject({ problems: [{ kind: 'blocked-time', message: 'The clinic is closed on Monday, May 25, 2026 (Memorial Day).' }] });
  });

  it('several problems come back together', async () => {
    const outcome = await clinic.book({ patientId: john, typeId: followUp, providerId: lee, start: at(TUE, '17:30') });
    expect(outcome.outcome).toBe('not-saved');
    if (outcome.outcome === 'not-saved') expect(outcome.problems.map((p) => p.kind)).toEqual(['provider-busy', 'outside-hours']);
  });
});

describe('times the clocks skip or repeat', () => {
  it('2:30 on the spring-forward day is refused: that time does not exist', async () => {
    const result = await clinic.call('scheduling:book', { patientId: ana, typeId: followUp, providerId: lee, start: at('2026-03-08', '2:30'), override: { reason: 'Night clinic' } });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '2:30 does not exist on Sunday, March 8, 2026: the clocks go forward an hour at 2:00, straight to 3:00. Choose another time.',
        issues: [{ path: 'start.time', message: expect.stringContaining('does not exist') }],
      },
    });
  });

  it('1:30 on the fall-back day must say which one; each choice is its own instant', async () => {
    const ambiguous = await clinic.call('scheduling:book', { patientId: ana, typeId: followUp, providerId: lee, start: at('2026-11-01', '1:30'), override: { reason: 'Night clinic' } });
    expect(ambiguous).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('1:30 happens twice on Sunday, November 1, 2026'), issues: [{ path: 'start.occurrence' }] } });
    const first = await clinic.booked({ patientId: ana, typeId: followUp, providerId: lee, start: { date: '2026-11-01', time: '1:30', occurrence: 'first' }, override: { reason: 'Night clinic' } });
    const second = await clinic.booked({ patientId: john, typeId: followUp, providerId: patel, start: { date: '2026-11-01', time: '1:30', occurrence: 'second' }, override: { reason: 'Night clinic' } });
    expect(first.startAt).toBe(Date.UTC(2026, 10, 1, 5, 30)); // 1:30 EDT
    expect(second.startAt).toBe(Date.UTC(2026, 10, 1, 6, 30)); // 1:30 EST
    expect([first.startTime, first.occurrence, second.startTime, second.occurrence]).toEqual(['01:30', 'first', '01:30', 'second']);
  });
});

describe('the status flow', () => {
  let appointment: AppointmentView;
  beforeAll(async () => {
    appointment = await clinic.booked({ patientId: ana, typeId: followUp, providerId: lee, start: at('2026-03-02', '14:00') });
  });

  it('steps booked → confirmed → arrived → in room → checked out, each with when and who', async () => {
    const steps: [string, number, string][] = [
      ['confirmed', nyInstant('2026-03-02', '08:00'), frontDesk.clientId],
      ['arrived', nyInstant('2026-03-02', '13:50'), frontDesk.clientId],
      ['in_room', nyInstant('2026-03-02', '14:05'), coordinator.clientId],
      ['checked_out', nyInstant('2026-03-02', '14:40'), frontDesk.clientId],
    ];
    for (const [status, when, clientId] of steps) {
      clinic.clock.now = when;
      const result = await clinic.value(clinic.call<{ appointment: AppointmentView }>('scheduling:setStatus', { id: appointment.id, status }, clientId));
      expect(result).toMatchObject({ outcome: 'saved' });
      expect(result.appointment).toMatchObject({ status, statusAt: when });
    }
    const events = clinic.core.sqlite.prepare('SELECT status, at, by FROM appointment_status_event WHERE appointment_id = ? ORDER BY at').all(appointment.id);
    expect(events).toEqual([
      { status: 'booked', at: expect.any(Number), by: clinic.core.sessions.get('test-admin-window')?.userId },
      { status: 'confirmed', at: steps[0]?.[1], by: frontDesk.userId },
      { status: 'arrived', at: steps[1]?.[1], by: frontDesk.userId },
      { status: 'in_room', at: steps[2]?.[1], by: coordinator.userId },
      { status: 'checked_out', at: steps[3]?.[1], by: frontDesk.userId },
    ]);
    const detail = await clinic.value(clinic.call<{ history: { what: string; by: string | null; description: string }[] }>('scheduling:get', { id: appointment.id }));
    expect(detail.history.map((h) => [h.what, h.by, h.description])).toEqual([
      ['booked', 'Maria Lee', 'Booked for Mon, Mar 2 14:00 (Dr. Lee)'],
      ['status', 'Fran Desk', 'Marked confirmed'],
      ['status', 'Fran Desk', 'Marked arrived'],
      ['status', 'Cora Ordinator', 'Marked in room'],
      ['status', 'Fran Desk', 'Marked checked out'],
    ]);
  });

  it('refuses a step that does not follow, with CONFLICT and plain words', async () => {
    const result = await clinic.call('scheduling:setStatus', { id: appointment.id, status: 'no_show' });
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'A visit that is checked out cannot be marked no-show. Reload the book.' } });
    const cancel = await clinic.call('scheduling:cancel', { id: appointment.id, reason: 'patient' });
    expect(cancel).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('checked out') } });
  });
});

describe('booking from a waitlist entry ("Offer this slot")', () => {
  const THU = '2026-03-26';
  const entryFor = async (patientId: string) =>
    (
      await clinic.value(
        clinic.call<{ id: string }>('scheduling:saveWaitlistEntry', { entry: { patientId, typeId: followUp, providerIds: [lee], weekdays: [], timeWindows: [], fromDate: '2026-03-02', toDate: '2026-04-30' } }),
      )
    ).id;
  const isOpen = (id: string) => clinic.core.sqlite.prepare('SELECT active FROM waitlist_entry WHERE id = ?').pluck().get(id);

  it('books and closes the entry in one step, audited on both', async () => {
    const entry = await entryFor(john);
    const appointment = await clinic.booked({ patientId: john, typeId: followUp, providerId: lee, start: at(THU, '9:00'), fromWaitlistEntryId: entry }, frontDesk.clientId);
    expect(appointment).toMatchObject({ patientName: 'John Okafor', startTime: '09:00', status: 'booked' });
    expect(isOpen(entry)).toBe(0);
    const closed = auditEntries(clinic.core, 'waitlist_entry').filter((e) => e.entity_id === entry && e.action === 'record.update');
    expect(closed).toEqual([{ action: 'record.update', entity_id: entry, patient_id: john, detail: JSON.stringify({ fields: ['active'], change: 'booked', appointmentId: appointment.id }), actor_user_id: frontDesk.userId }]);
    const listed = await clinic.value(clinic.call<{ entries: { id: string }[] }>('scheduling:listWaitlist', {}));
    expect(listed.entries.map((e) => e.id)).not.toContain(entry);
  });

  it('a booking refused by a rule leaves the entry open, and writes nothing', async () => {
    const entry = await entryFor(ana);
    const before = snapshotAllTables(clinic.core.sqlite);
    const outcome = await clinic.book({ patientId: ana, typeId: followUp, providerId: lee, start: at(THU, '9:10'), fromWaitlistEntryId: entry });
    expect(outcome).toMatchObject({ outcome: 'not-saved', problems: [{ kind: 'provider-busy', message: 'Dr. Lee already has John Okafor 9:00–9:30.' }] });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
    expect(isOpen(entry)).toBe(1);
  });

  it('an entry already closed (booked at another desk, or removed) is refused with CONFLICT: no appointment, no change', async () => {
    const entry = await entryFor(maria);
    await clinic.booked({ patientId: maria, typeId: followUp, providerId: lee, start: at(THU, '10:00'), fromWaitlistEntryId: entry });
    const counts = bookRowCounts(clinic.core);
    const again = await clinic.call('scheduling:book', { patientId: maria, typeId: followUp, providerId: lee, start: at(THU, '11:00'), fromWaitlistEntryId: entry });
    expect(again).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'That waitlist entry is already closed (booked or taken off the waitlist), so nothing was booked. Reload the waitlist.' },
    });
    expect(bookRowCounts(clinic.core)).toEqual(counts);
  });

  it('another patient’s entry is refused under the field, and nothing is booked or closed', async () => {
    const entry = await entryFor(john);
    const counts = bookRowCounts(clinic.core);
    const result = await clinic.call('scheduling:book', { patientId: ana, typeId: followUp, providerId: lee, start: at(THU, '14:00'), fromWaitlistEntryId: entry });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'fromWaitlistEntryId', message: expect.stringContaining('is for another patient') }] } });
    expect(bookRowCounts(clinic.core)).toEqual(counts);
    expect(isOpen(entry)).toBe(1);
  });
});

describe('restoring a no-show', () => {
  const FRI = '2026-03-27';

  it('is refused when the freed time was booked since, with the booking’s own message; nothing is written', async () => {
    const noShow = await clinic.booked({ patientId: maria, typeId: followUp, providerId: lee, start: at(FRI, '9:00') });
    clinic.clock.now = nyInstant(FRI, '9:20');
    await clinic.value(clinic.call('scheduling:setStatus', { id: noShow.id, status: 'no_show' }));
    await clinic.booked({ patientId: john, typeId: followUp, providerId: lee, start: at(FRI, '9:15') }, frontDesk.clientId);
    clinic.clock.now = nyInstant(FRI, '9:25');
    const before = snapshotAllTables(clinic.core.sqlite);
    const late = await clinic.value(clinic.call<BookOutcome>('scheduling:setStatus', { id: noShow.id, status: 'arrived' }, frontDesk.clientId));
    expect(late).toEqual({
      outcome: 'not-saved',
      problems: [{ kind: 'provider-busy', message: 'Dr. Lee already has John Okafor 9:15–9:45.', resolution: 'overbook', allowed: true, date: FRI, conflictingAppointmentId: expect.any(String) }],
    });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
    const rebooked = await clinic.value(clinic.call<BookOutcome>('scheduling:setStatus', { id: noShow.id, status: 'booked' }, frontDesk.clientId));
    expect(rebooked.outcome).toBe('not-saved');
  });

  it('is allowed with an overbook reason: the visit is flagged and the reason kept, as for a booking', async () => {
    const [noShow] = clinic.core.sqlite.prepare("SELECT id FROM appointment WHERE status = 'no_show' AND patient_id = ?").pluck().all(maria) as string[];
    const result = await clinic.value(clinic.call<BookOutcome>('scheduling:setStatus', { id: noShow, status: 'arrived', overbook: { reason: 'Came late, doctor will fit her in' } }, frontDesk.clientId));
    expect(result).toMatchObject({ outcome: 'saved', appointment: { status: 'arrived', overbooked: true, overbookReason: 'Came late, doctor will fit her in' } });
    const audited = auditEntries(clinic.core, 'appointment').filter((e) => e.entity_id === noShow).at(-1);
    expect(audited?.detail).toBe(JSON.stringify({ change: 'status', from: 'no_show', to: 'arrived', overbooked: true }));
  });

  it('a room taken meanwhile cannot be overbooked; a no-show whose time is still free comes back at once', async () => {
    const inRoom = await clinic.booked({ patientId: ana, typeId: newPatient, providerId: lee, roomId: exam1, start: at(FRI, '14:00') });
    clinic.clock.now = nyInstant(FRI, '14:20');
    await clinic.value(clinic.call('scheduling:setStatus', { id: inRoom.id, status: 'no_show' }));
    await clinic.booked({ patientId: john, typeId: newPatient, providerId: patel, roomId: exam1, start: at(FRI, '14:30') });
    const refused = await clinic.value(clinic.call<BookOutcome>('scheduling:setStatus', { id: inRoom.id, status: 'arrived', overbook: { reason: 'Please' } }));
    expect(refused).toMatchObject({ outcome: 'not-saved', problems: [{ kind: 'room-busy', message: 'Exam 1 is in use 14:30–15:10 by Dr. Patel. Choose another room or time.', resolution: 'none', allowed: false }] });

    const free = await clinic.booked({ patientId: ana, typeId: followUp, providerId: patel, start: at(FRI, '16:00') });
    clinic.clock.now = nyInstant(FRI, '16:20');
    await clinic.value(clinic.call('scheduling:setStatus', { id: free.id, status: 'no_show' }));
    const back = await clinic.value(clinic.call<BookOutcome>('scheduling:setStatus', { id: free.id, status: 'booked' }));
    expect(back).toMatchObject({ outcome: 'saved', appointment: { status: 'booked', overbooked: false } });
  });
});

describe('roles, through the dispatcher', () => {
  it('read-only staff see the book but cannot book, and the attempt is audited', async () => {
    const day = await clinic.call('scheduling:day', { date: TUE }, readOnly.clientId);
    expect(day.ok).toBe(true);
    const counts = bookRowCounts(clinic.core);
    const result = await clinic.call<BookOutcome>('scheduling:book', { patientId: ana, typeId: followUp, providerId: lee, start: at('2026-03-12', '9:00') }, readOnly.clientId);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(bookRowCounts(clinic.core)).toEqual(counts);
    const denied = clinic.core.sqlite.prepare("SELECT actor_user_id, entity_id FROM audit_event WHERE action = 'access.denied' ORDER BY seq DESC LIMIT 1").get();
    expect(denied).toEqual({ actor_user_id: readOnly.userId, entity_id: 'scheduling:book' });
  });

  it('only administrators set up providers; coordinators may block time', async () => {
    expect(await clinic.call('scheduling:saveProvider', { provider: { name: 'Dr. Who', color: '#000000' } }, coordinator.clientId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clinic.call('scheduling:saveProvider', { provider: { name: 'Dr. Who', color: '#000000' } }, frontDesk.clientId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clinic.call('scheduling:saveException', { exception: { providerId: lee, kind: 'blocked', fromDate: '2026-04-01', toDate: '2026-04-01' } }, frontDesk.clientId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('clinic set-up validation', () => {
  it('checks the NPI’s check digit and says so', async () => {
    const bad = await clinic.call('scheduling:saveProvider', { provider: { name: 'Dr. Kim', npi: '1234567890', color: '#123456' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'provider.npi', message: 'This NPI’s check digit does not match. Check the number on the provider’s NPI record.' }] } });
    const good = await clinic.value(clinic.call<{ npi: string }>('scheduling:saveProvider', { provider: { name: 'Dr. Kim', npi: '1234567893', color: '#123456', active: false } }));
    expect(good.npi).toBe('1234567893');
  });

  it('keeps several blocks a day as wall-clock minutes and refuses overlapping blocks', async () => {
    const setup = await clinic.value(clinic.call<{ providers: { id: string; hours: unknown }[] }>('scheduling:getSetup', undefined, readOnly.clientId));
    expect(setup.providers.find((p) => p.id === lee)?.hours).toContainEqual({ weekday: 2, blocks: [{ start: 480, end: 720 }, { start: 780, end: 1020 }] });
    const overlapping = await clinic.call('scheduling:setWorkingHours', { providerId: lee, week: [{ weekday: 1, blocks: [{ start: '8:00', end: '12:00' }, { start: '11:00', end: '13:00' }] }] });
    expect(overlapping).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'week.0.blocks', message: 'Blocks on the same day must not overlap.' }] } });
  });
});
