import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentView, OpenSlot, WaitlistSuggestion } from '../../shared/contract/scheduling';
import { nyInstant, openSchedulingClinic, type SchedulingClinic, type SeriesOutcome } from './scheduling-support';

/**
 * Finding time, on a fixture small enough to check by hand (Tuesday 10 March 2026, New York):
 *   Dr. Lee works Tuesdays 9:00–12:00; Dr. Patel Tuesdays 13:00–15:00.
 *   Consult: 30 minutes + 10 minutes to get ready, needs a room (Exam 1, Exam 2).
 *   Dr. Lee has Maria 9:00–9:30 (Consult, Exam 1; busy until 9:40) and John 10:30–11:00 (Follow-up).
 *   Dr. Lee's time is blocked 11:30–12:00.
 * So Dr. Lee's open Consult starts on the quarter hours are 9:45 and 11:00, and nothing else.
 */
let clinic: SchedulingClinic;
let lee: string;
let patel: string;
let consult: string;
let followUp: string;
let maria: string;
let john: string;
let ana: string;
let mariaVisit: AppointmentView;
const TUE = '2026-03-10';

beforeAll(async () => {
  clinic = await openSchedulingClinic();
  lee = await clinic.provider('Dr. Lee', [{ weekday: 2, blocks: [{ start: '9:00', end: '12:00' }] }]);
  patel = await clinic.provider('Dr. Patel', [{ weekday: 2, blocks: [{ start: '13:00', end: '15:00' }] }]);
  await clinic.room('Exam 1');
  await clinic.room('Exam 2');
  const rooms = await clinic.value(clinic.call<{ rooms: { id: string; name: string }[] }>('scheduling:getSetup', undefined));
  const exam1 = rooms.rooms.find((r) => r.name === 'Exam 1')?.id as string;
  consult = await clinic.type('Consult', { durationMinutes: 30, bufferAfterMinutes: 10, needsRoom: true, providerIds: [lee, patel] });
  followUp = await clinic.type('Follow-up', { durationMinutes: 30, providerIds: [lee, patel] });
  maria = await clinic.patient('Maria', 'Gomez');
  john = await clinic.patient('John', 'Okafor');
  ana = await clinic.patient('Ana', 'Schmidt');
  mariaVisit = await clinic.booked({ patientId: maria, typeId: consult, providerId: lee, roomId: exam1, start: { date: TUE, time: '9:00' } });
  await clinic.booked({ patientId: john, typeId: followUp, providerId: lee, start: { date: TUE, time: '10:30' } });
  await clinic.value(clinic.call('scheduling:saveException', { exception: { providerId: lee, kind: 'blocked', fromDate: TUE, toDate: TUE, startTime: '11:30', endTime: '12:00' } }));
});
afterAll(async () => {
  await clinic.close();
});

async function slots(search: Record<string, unknown>): Promise<OpenSlot[]> {
  return (await clinic.value(clinic.call<{ slots: OpenSlot[] }>('scheduling:findSlots', search))).slots;
}
const brief = (s: OpenSlot) => `${s.providerName} ${s.start.date} ${s.start.time}–${s.endTime} ${s.roomName ?? '-'}`;

describe('find open slots', () => {
  it('for one provider and one day: exactly the hand-checked starts, with a free room', async () => {
    const found = await slots({ typeId: consult, providerId: lee, fromDate: TUE, toDate: TUE, limit: 10 });
    expect(found.map(brief)).toEqual(['Dr. Lee 2026-03-10 09:45–10:15 Exam 1', 'Dr. Lee 2026-03-10 11:00–11:30 Exam 1']);
    expect(found[0]).toMatchObject({ startAt: nyInstant(TUE, '09:45'), endAt: nyInstant(TUE, '10:15'), start: { date: TUE, time: '09:45' } });
  });

  it('any provider who offers the type, preferred day and time window, next N', async () => {
    const found = await slots({ typeId: consult, providerId: null, fromDate: '2026-03-09', toDate: '2026-03-31', weekdays: [2], timeWindows: [{ start: '13:00', end: '14:00' }], limit: 4 });
    expect(found.map(brief)).toEqual([
      'Dr. Patel 2026-03-10 13:00–13:30 Exam 1',
      'Dr. Patel 2026-03-10 13:15–13:45 Exam 1',
      'Dr. Patel 2026-03-10 13:30–14:00 Exam 1',
      'Dr. Patel 2026-03-17 13:00–13:30 Exam 1',
    ]);
  });

  it('a found slot books as it is', async () => {
    const [slot] = await slots({ typeId: consult, providerId: patel, fromDate: '2026-03-17', toDate: '2026-03-17', limit: 1 });
    const booked = await clinic.booked({ patientId: ana, typeId: consult, providerId: slot?.providerId, roomId: slot?.roomId, start: slot?.start });
    expect([booked.startAt, booked.roomName]).toEqual([slot?.startAt, 'Exam 1']);
    const next = await slots({ typeId: consult, providerId: patel, fromDate: '2026-03-17', toDate: '2026-03-17', limit: 1 });
    expect(next.map(brief)).toEqual(['Dr. Patel 2026-03-17 13:45–14:15 Exam 1']); // 13:00–13:30 + 10 min buffer; then the quarter hour
  });

  it('takes the other room when the first is in use', async () => {
    // Dr. Lee covers an afternoon in Exam 1, so Dr. Patel's first Consult that day goes to Exam 2.
    await clinic.booked({ patientId: john, typeId: consult, providerId: lee, roomId: (await roomId('Exam 1')), start: { date: '2026-03-24', time: '13:00' }, override: { reason: 'Covering the afternoon' } });
    const found = await slots({ typeId: consult, providerId: patel, fromDate: '2026-03-24', toDate: '2026-03-24', limit: 1 });
    expect(found.map(brief)).toEqual(['Dr. Patel 2026-03-24 13:00–13:30 Exam 2']);
  });

  it('any provider: the earliest N across providers, not the first provider’s N and one of each other’s', async () => {
    // Wednesday: Dr. Adams (sorts first) is free all morning; Dr. Brown only 8:00–8:30, so at 8:00 and 8:15.
    const adams = await clinic.provider('Dr. Adams', [{ weekday: 3, blocks: [{ start: '8:00', end: '12:00' }] }]);
    const brown = await clinic.provider('Dr. Brown', [{ weekday: 3, blocks: [{ start: '8:00', end: '8:30' }] }]);
    const checkIn = await clinic.type('Quick check', { durationMinutes: 15, providerIds: [adams, brown] });
    const found = await slots({ typeId: checkIn, providerId: null, fromDate: '2026-03-11', toDate: '2026-03-11', limit: 4 });
    expect(found.map(brief)).toEqual([
      'Dr. Adams 2026-03-11 08:00–08:15 -',
      'Dr. Brown 2026-03-11 08:00–08:15 -',
      'Dr. Adams 2026-03-11 08:15–08:30 -',
      'Dr. Brown 2026-03-11 08:15–08:30 -',
    ]);
  });

  it('searches at most 90 days at a time', async () => {
    const result = await clinic.call('scheduling:findSlots', { typeId: consult, providerId: null, fromDate: '2026-03-10', toDate: '2026-06-30' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'toDate', message: 'Search at most 90 days at a time. Choose an earlier last day.' }] } });
  });
});

async function roomId(name: string): Promise<string> {
  const setup = await clinic.value(clinic.call<{ rooms: { id: string; name: string }[] }>('scheduling:getSetup', undefined));
  return setup.rooms.find((r) => r.name === name)?.id as string;
}

describe('the waitlist', () => {
  let anaEntry: string;
  beforeAll(async () => {
    anaEntry = (
      await clinic.value(
        clinic.call<{ id: string }>('scheduling:saveWaitlistEntry', {
          entry: { patientId: ana, typeId: consult, providerIds: [lee], weekdays: [2], timeWindows: [{ start: '9:00', end: '10:00' }], fromDate: '2026-03-01', toDate: '2026-03-31', note: 'Wants an earlier visit' },
        }),
      )
    ).id;
    // John only wants afternoons: he must not be offered a morning slot.
    await clinic.value(
      clinic.call('scheduling:saveWaitlistEntry', {
        entry: { patientId: john, typeId: consult, providerIds: [], weekdays: [], timeWindows: [{ start: '14:00', end: '16:00' }], fromDate: '2026-03-01', toDate: '2026-03-31' },
      }),
    );
  });

  it('lists active entries with the patient’s name and phone', async () => {
    const { entries } = await clinic.value(clinic.call<{ entries: { id: string; patientName: string; phone: string | null; weekdays: number[] }[] }>('scheduling:listWaitlist', {}));
    expect(entries.map((e) => e.patientName)).toEqual(['Ana Schmidt', 'John Okafor']);
    expect(entries[0]).toMatchObject({ id: anaEntry, weekdays: [2], phone: expect.stringMatching(/^\(312\) 555-/) });
  });

  it('cancelling Maria’s 9:00 suggests Ana for the freed time (and not John)', async () => {
    const result = await clinic.value(clinic.call<{ cancelled: string[]; waitlistSuggestions: WaitlistSuggestion[] }>('scheduling:cancel', { id: mariaVisit.id, reason: 'weather', note: 'Snow' }));
    expect(result.cancelled).toEqual([mariaVisit.id]);
    expect(result.waitlistSuggestions.map((s) => [s.entry.patientName, brief(s.slot)])).toEqual([['Ana Schmidt', 'Dr. Lee 2026-03-10 09:00–09:30 Exam 1']]);
  });

  it('the same suggestions for a chosen slot, through their own channel', async () => {
    const result = await clinic.value(clinic.call<{ suggestions: WaitlistSuggestion[] }>('scheduling:waitlistForSlot', { providerId: lee, startAt: nyInstant(TUE, '09:00'), endAt: nyInstant(TUE, '09:40') }));
    expect(result.suggestions.map((s) => s.entry.id)).toEqual([anaEntry]);
  });

  it('moving an appointment away suggests waitlisted patients for the time it left', async () => {
    const johnVisit = (await clinic.value(clinic.call<{ upcoming: AppointmentView[] }>('scheduling:patientAppointments', { patientId: john }))).upcoming.find((a) => a.date === TUE) as AppointmentView;
    const moved = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: johnVisit.id, start: { date: '2026-03-17', time: '10:30' } }));
    // Ana's window is 9:00–10:00: the freed 10:30 does not fit her, so nobody is suggested.
    expect(moved).toMatchObject({ outcome: 'saved', waitlistSuggestions: [] });
    const inactive = await clinic.value(clinic.call<{ active: boolean }>('scheduling:saveWaitlistEntry', { id: anaEntry, entry: { patientId: ana, typeId: consult, fromDate: '2026-03-01', toDate: '2026-03-31', active: false } }));
    expect(inactive.active).toBe(false);
    const none = await clinic.value(clinic.call<{ suggestions: WaitlistSuggestion[] }>('scheduling:waitlistForSlot', { providerId: lee, startAt: nyInstant(TUE, '09:00'), endAt: nyInstant(TUE, '09:40') }));
    expect(none.suggestions).toEqual([]);
  });
});
