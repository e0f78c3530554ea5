import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../electron/core/audit/service';
import { verifyAuditTrail } from '../../electron/core/audit/verify';
import { writeSetting, SETTINGS } from '../../electron/core/app/settings';
import { createBooking, type Actor } from '../../electron/core/scheduling/booking';
import { createSchedulingSetup } from '../../electron/core/scheduling/setup';
import { openTestDatabase, randomDatabaseKey, type TestDatabase } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';
import { addPatient } from './patient-search-support';
import { nyInstant, STORY_START } from './scheduling-support';

/**
 * Two workstations (two connections to the same encrypted database file) try to take the same slot at the same
 * moment: exactly one gets it; the other is told, in the plain conflict message, who has the slot now.
 */
let dir: TempDataDir;
let first: TestDatabase;
let second: TestDatabase;
const now = () => STORY_START;
const desk: Actor = { userId: '0192f0c4-0000-7000-8000-00000000d001', displayName: 'Fran Desk', role: 'front_desk' };
let lee: string;
let followUp: string;
let john: string;
let ana: string;

function bookingOn(database: TestDatabase, workstation: string) {
  const audit = createAuditService({ workstation, now, db: () => database.db });
  return createBooking({ db: () => database.db, audit, now });
}

beforeAll(async () => {
  dir = createTempDataDir();
  const key = randomDatabaseKey();
  first = await openTestDatabase(dir.path, key);
  second = await openTestDatabase(dir.path, key);
  await writeSetting(first.db, SETTINGS.clinicTimeZone, 'America/New_York', STORY_START);
  const setup = createSchedulingSetup({ db: () => first.db, audit: createAuditService({ workstation: 'setup', now, db: () => first.db }), now });
  const admin = { userId: desk.userId, displayName: 'Maria Lee' };
  lee = (await setup.saveProvider({ provider: { name: 'Dr. Lee', credentials: null, npi: null, color: '#3b82f6', active: true } }, admin)).id;
  await setup.setWorkingHours({ providerId: lee, week: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, blocks: [{ start: 480, end: 1020 }] })) }, admin);
  followUp = (await setup.saveAppointmentType({ type: { name: 'Follow-up', durationMinutes: 30, color: '#10b981', mode: 'in_person', needsRoom: false, bufferAfterMinutes: 0, providerIds: [lee], active: true } }, admin)).id;
  john = (await addPatient(first.db, { firstName: 'John', lastName: 'Okafor', dateOfBirth: '1971-02-03' })).id;
  ana = (await addPatient(first.db, { firstName: 'Ana', lastName: 'Schmidt', dateOfBirth: '1988-09-10' })).id;
});
afterAll(async () => {
  await second?.close();
  await first?.close();
  dir?.remove();
});

const request = (patientId: string, time: string) => ({
  patientId,
  typeId: followUp,
  providerId: lee,
  roomId: null,
  start: { date: '2026-03-10', time: Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) },
  reason: null,
  notes: null,
  telehealthLink: null,
  acknowledgePatientOverlap: false,
});

describe('two connections to one database file, one slot', () => {
  it('exactly one booking succeeds; the other gets the slot-taken message naming who has it', async () => {
    const a = bookingOn(first, 'FRONT-DESK-1');
    const b = bookingOn(second, 'FRONT-DESK-2');
    const outcomes = await Promise.all([a.book(request(john, '10:00'), desk), b.book(request(ana, '10:00'), desk)]);
    const saved = outcomes.filter((o) => o.outcome === 'saved');
    const refused = outcomes.filter((o) => o.outcome === 'not-saved');
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const winner = saved[0]?.outcome === 'saved' ? saved[0].appointment.patientName : '';
    expect(refused[0]).toEqual({
      outcome: 'not-saved',
      problems: [{ kind: 'provider-busy', message: `Dr. Lee already has ${winner} 10:00–10:30.`, resolution: 'overbook', allowed: true, date: '2026-03-10', conflictingAppointmentId: expect.any(String) }],
    });
    for (const connection of [first, second]) {
      const rows = connection.sqlite.prepare("SELECT start_at FROM appointment WHERE status <> 'cancelled'").all();
      expect(rows).toEqual([{ start_at: nyInstant('2026-03-10', '10:00') }]);
    }
  });

  it('holds over many rounds of simultaneous attempts at overlapping times, and the audit chain stays whole', async () => {
    const a = bookingOn(first, 'FRONT-DESK-1');
    const b = bookingOn(second, 'FRONT-DESK-2');
    const times = ['13:00', '13:30', '14:00', '14:30', '15:00', '15:30'];
    for (const time of times) {
      // The second desk aims 15 minutes later: the two visits would overlap by half.
      const later = `${time.slice(0, 2)}:${String(Number(time.slice(3)) + 15).padStart(2, '0')}`;
      const outcomes = await Promise.all([a.book(request(john, time), desk), b.book(request(ana, later), desk)]);
      expect(outcomes.filter((o) => o.outcome === 'saved')).toHaveLength(1);
    }
    const starts = first.sqlite.prepare("SELECT start_at, end_at FROM appointment WHERE status <> 'cancelled' ORDER BY start_at").all() as { start_at: number; end_at: number }[];
    expect(starts).toHaveLength(1 + times.length);
    for (let i = 1; i < starts.length; i += 1) expect((starts[i] as { start_at: number }).start_at).toBeGreaterThanOrEqual((starts[i - 1] as { end_at: number }).end_at);
    expect(await verifyAuditTrail(second.db)).toMatchObject({ ok: true, count: expect.any(Number) });
    // The lock attempt sets busy_timeout to 0 for one statement only: each connection keeps its own wait afterwards.
    for (const connection of [first, second]) expect(connection.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
