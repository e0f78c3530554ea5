import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WaitlistEntryView } from '../../shared/contract/scheduling';
import { snapshotAllTables } from '../support/db-snapshot';
import { auditEntries, openSchedulingClinic, type SchedulingClinic, type SeriesOutcome } from './scheduling-support';

/**
 * How a patient left the waitlist, as the desk asks it: "did Mrs Gomez get her earlier slot, or did someone take her
 * off?" Booked from the entry (into which appointment), or removed — when and by whom — and never overwritten.
 */
let clinic: SchedulingClinic;
let lee: string;
let patel: string;
let followUp: string;
let maria: string;
let john: string;
let ana: string;
let wei: string;
let frontDesk: { clientId: string; userId: string };
let coordinator: { clientId: string; userId: string };

const THU = '2026-03-05';
const FRI = '2026-03-06';
const MINUTE = 60_000;

beforeAll(async () => {
  clinic = await openSchedulingClinic();
  lee = await clinic.provider('Dr. Lee');
  patel = await clinic.provider('Dr. Patel');
  followUp = await clinic.type('Follow-up', { durationMinutes: 30, providerIds: [lee, patel] });
  maria = await clinic.patient('Maria', 'Gomez');
  john = await clinic.patient('John', 'Okafor');
  ana = await clinic.patient('Ana', 'Schmidt');
  wei = await clinic.patient('Wei', 'Chen');
  frontDesk = await clinic.signInAs('front_desk', 'Ana Ruiz');
  coordinator = await clinic.signInAs('coordinator', 'Cora Ordinator');
});
afterAll(async () => {
  await clinic.close();
});

const fields = (patientId: string, active = true) => ({ patientId, typeId: followUp, providerIds: [lee], fromDate: '2026-03-02', toDate: '2026-04-30', active });
const addEntry = async (patientId: string) => (await clinic.value(clinic.call<WaitlistEntryView>('scheduling:saveWaitlistEntry', { entry: fields(patientId) }))).id;
const removeEntry = (id: string, patientId: string, clientId?: string) => clinic.call<WaitlistEntryView>('scheduling:saveWaitlistEntry', { id, entry: fields(patientId, false) }, clientId);
async function listed(id: string): Promise<WaitlistEntryView | undefined> {
  const { entries } = await clinic.value(clinic.call<{ entries: WaitlistEntryView[] }>('scheduling:listWaitlist', { includeInactive: true }));
  return entries.find((entry) => entry.id === id);
}
const stored = (id: string) =>
  clinic.core.sqlite.prepare('SELECT active, closed_reason, closed_at, closed_by, booked_appointment_id FROM waitlist_entry WHERE id = ?').get(id);

describe('booked from the waitlist', () => {
  it('records booked, into which appointment, when and by whom, in the booking itself', async () => {
    const entry = await addEntry(maria);
    clinic.clock.now += 5 * MINUTE;
    const bookedAt = clinic.clock.now;
    const appointment = await clinic.booked({ patientId: maria, typeId: followUp, providerId: lee, start: { date: THU, time: '9:00' }, fromWaitlistEntryId: entry }, frontDesk.clientId);

    expect(stored(entry)).toEqual({ active: 0, closed_reason: 'booked', closed_at: bookedAt, closed_by: frontDesk.userId, booked_appointment_id: appointment.id });
    expect(await listed(entry)).toMatchObject({ active: false, closed: { reason: 'booked', at: bookedAt, byName: 'Ana Ruiz', appointmentId: appointment.id } });
    const closing = auditEntries(clinic.core, 'waitlist_entry').filter((e) => e.entity_id === entry && e.action === 'record.update');
    expect(closing).toEqual([{ action: 'record.update', entity_id: entry, patient_id: maria, detail: JSON.stringify({ fields: ['active'], change: 'booked', appointmentId: appointment.id }), actor_user_id: frontDesk.userId }]);
  });

  it('a series booked from an entry points at its first visit', async () => {
    const entry = await addEntry(wei);
    const series = await clinic.value(
      clinic.call<SeriesOutcome>(
        'scheduling:bookSeries',
        { booking: { patientId: wei, typeId: followUp, providerId: lee, start: { date: THU, time: '14:00' }, fromWaitlistEntryId: entry }, recurrence: { frequency: 'weekly', interval: 1 }, end: { count: 3 } },
        coordinator.clientId,
      ),
    );
    if (series.outcome !== 'saved') throw new Error(`expected a series, got ${JSON.stringify(series)}`);
    const first = series.appointments.find((a) => a.date === THU);
    expect(first).toBeDefined();
    expect(await listed(entry)).toMatchObject({
      closed: { reason: 'booked', byName: 'Cora Ordinator', appointmentId: first?.id, visit: { date: THU, startTime: '14:00', providerName: 'Dr. Lee', status: 'booked' } },
    });
  });

  it('an entry booked at one desk cannot then be removed at another (the booking is not overwritten), and nothing changes', async () => {
    const entry = await addEntry(john);
    const appointment = await clinic.booked({ patientId: john, typeId: followUp, providerId: lee, start: { date: THU, time: '10:00' }, fromWaitlistEntryId: entry }, frontDesk.clientId);
    const before = snapshotAllTables(clinic.core.sqlite);
    clinic.clock.now += MINUTE;
    expect(await removeEntry(entry, john, coordinator.clientId)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'That waitlist entry is already closed (the patient was booked from it), so nothing was changed. Reload the waitlist.' },
    });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
    expect(await listed(entry)).toMatchObject({ closed: { reason: 'booked', byName: 'Ana Ruiz', appointmentId: appointment.id } });
  });
  it('an edit saved from a list read before the booking (another desk booked from it meanwhile) is refused: the entry stays booked', async () => {
    const entry = await addEntry(wei);
    await clinic.booked({ patientId: wei, typeId: followUp, providerId: lee, start: { date: THU, time: '13:00' }, fromWaitlistEntryId: entry }, frontDesk.clientId);
    const before = snapshotAllTables(clinic.core.sqlite);
    clinic.clock.now += MINUTE;
    // The second desk's Edit dialog still shows the entry open and sends it back open, with a new note.
    const edit = { id: entry, entry: { ...fields(wei, true), note: 'Mornings only' }, wasActive: true };
    expect(await clinic.call('scheduling:saveWaitlistEntry', edit, coordinator.clientId)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'That waitlist entry is already closed (the patient was booked from it), so nothing was changed. Reload the waitlist.' },
    });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
    // Read afresh (closed), putting it back is a choice the desk makes knowingly.
    const back = await clinic.value(clinic.call<WaitlistEntryView>('scheduling:saveWaitlistEntry', { ...edit, wasActive: false }, coordinator.clientId));
    expect(back).toMatchObject({ active: true, note: 'Mornings only', closed: null });
  });

  it('removing an entry another desk has put back meanwhile is refused as changed elsewhere', async () => {
    const entry = await addEntry(ana);
    await clinic.value(removeEntry(entry, ana, coordinator.clientId));
    await clinic.value(clinic.call<WaitlistEntryView>('scheduling:saveWaitlistEntry', { id: entry, entry: fields(ana, true), wasActive: false }, frontDesk.clientId));
    const before = snapshotAllTables(clinic.core.sqlite);
    // This desk still shows it removed and edits it as removed.
    expect(await clinic.call('scheduling:saveWaitlistEntry', { id: entry, entry: fields(ana, false), wasActive: false }, coordinator.clientId)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'That waitlist entry was put back on the waitlist at another desk, so nothing was changed. Reload the waitlist.' },
    });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });
});

describe('which visit a booked entry got, as it is now', () => {
  it('names the visit: its day and start on the clinic’s clock, and its provider', async () => {
    const entry = await addEntry(maria);
    const appointment = await clinic.booked({ patientId: maria, typeId: followUp, providerId: lee, start: { date: FRI, time: '9:30' }, fromWaitlistEntryId: entry }, frontDesk.clientId);
    // 9:30 in New York is 14:30 UTC: the list says the clinic's wall clock.
    expect(await listed(entry)).toMatchObject({
      closed: { reason: 'booked', byName: 'Ana Ruiz', appointmentId: appointment.id, visit: { date: FRI, startTime: '09:30', occurrence: null, providerName: 'Dr. Lee', status: 'booked' } },
    });
  });

  it('once the visit is cancelled, still names it and says it is cancelled', async () => {
    const entry = await addEntry(john);
    const appointment = await clinic.booked({ patientId: john, typeId: followUp, providerId: lee, start: { date: FRI, time: '10:30' }, fromWaitlistEntryId: entry }, frontDesk.clientId);
    await clinic.value(clinic.call('scheduling:cancel', { id: appointment.id, reason: 'patient' }, frontDesk.clientId));
    expect(await listed(entry)).toMatchObject({
      active: false,
      closed: { reason: 'booked', appointmentId: appointment.id, visit: { date: FRI, startTime: '10:30', providerName: 'Dr. Lee', status: 'cancelled' } },
    });
  });

  it('once the visit is moved (another day, time and provider), shows where it is now', async () => {
    const entry = await addEntry(ana);
    const appointment = await clinic.booked({ patientId: ana, typeId: followUp, providerId: lee, start: { date: FRI, time: '11:30' }, fromWaitlistEntryId: entry }, frontDesk.clientId);
    const moved = await clinic.value(clinic.call<SeriesOutcome>('scheduling:reschedule', { id: appointment.id, providerId: patel, start: { date: '2026-03-10', time: '8:15' } }, frontDesk.clientId));
    expect(moved.outcome).toBe('saved');
    expect(await listed(entry)).toMatchObject({
      closed: { reason: 'booked', appointmentId: appointment.id, visit: { date: '2026-03-10', startTime: '08:15', providerName: 'Dr. Patel', status: 'booked' } },
    });
  });

  it('a removed entry names no visit', async () => {
    const entry = await addEntry(wei);
    await clinic.value(removeEntry(entry, wei, coordinator.clientId));
    expect(await listed(entry)).toMatchObject({ closed: { reason: 'removed', appointmentId: null, visit: null } });
  });
});

describe('taken off the waitlist', () => {
  it('records removed, when and by whom, with no appointment; booking from it afterwards is refused as before', async () => {
    const entry = await addEntry(ana);
    clinic.clock.now += 7 * MINUTE;
    const removedAt = clinic.clock.now;
    const removed = await clinic.value(removeEntry(entry, ana, coordinator.clientId));

    expect(removed).toMatchObject({ active: false, closed: { reason: 'removed', at: removedAt, byName: 'Cora Ordinator', appointmentId: null } });
    expect(stored(entry)).toEqual({ active: 0, closed_reason: 'removed', closed_at: removedAt, closed_by: coordinator.userId, booked_appointment_id: null });
    const audit = auditEntries(clinic.core, 'waitlist_entry').filter((e) => e.entity_id === entry && e.action === 'record.update');
    expect(audit).toEqual([{ action: 'record.update', entity_id: entry, patient_id: ana, detail: JSON.stringify({ fields: ['active'], change: 'removed' }), actor_user_id: coordinator.userId }]);

    const booking = await clinic.call('scheduling:book', { patientId: ana, typeId: followUp, providerId: lee, start: { date: THU, time: '11:00' }, fromWaitlistEntryId: entry }, frontDesk.clientId);
    expect(booking).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'That waitlist entry is already closed (booked or taken off the waitlist), so nothing was booked. Reload the waitlist.' },
    });
    expect(stored(entry)).toMatchObject({ closed_reason: 'removed', closed_at: removedAt, closed_by: coordinator.userId });
  });

  it('a second removal (a stale list at another desk) is refused and keeps who removed it first', async () => {
    const entry = await addEntry(maria);
    await clinic.value(removeEntry(entry, maria, coordinator.clientId));
    const before = snapshotAllTables(clinic.core.sqlite);
    clinic.clock.now += MINUTE;
    expect(await removeEntry(entry, maria, frontDesk.clientId)).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'That waitlist entry is already closed (it was taken off the waitlist), so nothing was changed. Reload the waitlist.' },
    });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });

  it('putting an entry back clears how it was closed; closing it again records the new outcome', async () => {
    const entry = await addEntry(john);
    await clinic.value(removeEntry(entry, john, coordinator.clientId));
    const back = await clinic.value(clinic.call<WaitlistEntryView>('scheduling:saveWaitlistEntry', { id: entry, entry: fields(john, true) }, frontDesk.clientId));
    expect(back).toMatchObject({ active: true, closed: null });
    expect(stored(entry)).toEqual({ active: 1, closed_reason: null, closed_at: null, closed_by: null, booked_appointment_id: null });
    const reopened = auditEntries(clinic.core, 'waitlist_entry').filter((e) => e.entity_id === entry && e.action === 'record.update').at(-1);
    expect(reopened?.detail).toBe(JSON.stringify({ fields: ['active'], change: 'reopened' }));

    clinic.clock.now += MINUTE;
    const appointment = await clinic.booked({ patientId: john, typeId: followUp, providerId: lee, start: { date: THU, time: '15:00' }, fromWaitlistEntryId: entry }, frontDesk.clientId);
    expect(await listed(entry)).toMatchObject({ closed: { reason: 'booked', at: clinic.clock.now, byName: 'Ana Ruiz', appointmentId: appointment.id } });
  });

  it('an entry closed before this was recorded (0012 leaves them NULL) shows as closed, outcome unknown', async () => {
    const entry = await addEntry(ana);
    await clinic.value(removeEntry(entry, ana));
    clinic.core.sqlite.prepare('UPDATE waitlist_entry SET closed_reason = NULL, closed_at = NULL, closed_by = NULL WHERE id = ?').run(entry);
    expect(await listed(entry)).toMatchObject({ active: false, closed: null });
    // The database keeps to the two outcomes.
    expect(() => clinic.core.sqlite.prepare("UPDATE waitlist_entry SET closed_reason = 'expired' WHERE id = ?").run(entry)).toThrow(/CHECK constraint/);
  });
});
