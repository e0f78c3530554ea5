import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../electron/core/audit/service';
import type { AppointmentTypeRow, Database, ProviderRow, RoomRow } from '../../electron/core/db/schema';
import { insertPatient, issueMrn } from '../../electron/core/patients/repository';
import { availabilityOn, overlaps } from '../../electron/core/scheduling/availability';
import { createBooking, type Actor } from '../../electron/core/scheduling/booking';
import { createSchedulingReads, nextAppointmentsFor } from '../../electron/core/scheduling/reads';
import {
  appointmentsWithNames,
  HOLDS_TIME,
  listProviders,
  listRooms,
  listTypes,
  loadExceptions,
  loadHours,
  MAX_SPAN_MS,
  NOT_CANCELLED,
  placementConflicts,
  typeProviders,
} from '../../electron/core/scheduling/repository';
import { appointmentViews } from '../../electron/core/scheduling/views';
import type { AppointmentView, OpenSlot } from '../../shared/contract/scheduling';
import { addDays, createLocalReader, dayClock, mondayOf } from '../../shared/scheduling/time';
import { benchCalendar, generateAppointments } from '../bench/appointments';
import { createGenerator, createRandom } from '../bench/generate';
import { openTestDatabase, randomDatabaseKey, type TestDatabase } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

/**
 * The benchmark's appointment book (test/bench/appointments.ts) on a small clinic, and the core's fast reads on it
 * checked against the straightforward queries they replaced (docs/DECISIONS.md, "Scheduling performance"): the same
 * answers, to the field, on ten years of generated data with cancellations, no-shows, overbookings, series, time off
 * and reminder calls (some called back more than once).
 */

const SEED = 424242;
const cal = benchCalendar(SEED);
let dir: TempDataDir;
let database: TestDatabase;
let db: Kysely<Database>;
let reads: ReturnType<typeof createSchedulingReads>;
let generated: ReturnType<typeof generateAppointments>;
let providers: ProviderRow[];
let rooms: RoomRow[];
let types: AppointmentTypeRow[];
/** The core's clock: the generated clinic's "now", a millisecond on per reading. */
let clock = cal.now;

beforeAll(async () => {
  dir = createTempDataDir();
  database = await openTestDatabase(dir.path, randomDatabaseKey());
  db = database.db;
  const people = createGenerator(SEED, 400);
  const patientIds: string[] = [];
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < 400; i++) {
      const id = uuidv7();
      const at = Date.UTC(2020, 0, 1) + i;
      await insertPatient(trx, people.next().fields, { id, mrn: await issueMrn(trx, at), created_at: at, created_by: null, updated_at: at, updated_by: null });
      patientIds.push(id);
    }
  });
  generated = generateAppointments(database.sqlite, { seed: SEED, count: 6000, patientIds, log: () => undefined });

  const now = () => (clock += 1);
  const audit = createAuditService({ workstation: 'TEST', now, db: () => db });
  reads = createSchedulingReads({ db: () => db, audit, now });

  // More reminder calls, made as the desk makes them (each kept on its appointment as the last call): the book's
  // reads must show the last, as the straightforward read of appointment_reminder (latest at, then id) does.
  const booking = createBooking({ db: () => db, audit, now });
  const caller: Actor = { userId: uuidv7(), displayName: 'Test caller', role: 'front_desk' };
  const someIds = database.sqlite.prepare("SELECT id FROM appointment WHERE status <> 'cancelled' AND start_at >= ? ORDER BY start_at LIMIT 40").pluck().all(cal.now - 3 * 86_400_000) as string[];
  for (const [i, appointmentId] of someIds.entries()) {
    await booking.markReminder({ appointmentId, outcome: 'left_message', note: null }, caller);
    await booking.markReminder({ appointmentId, outcome: i % 2 === 0 ? 'no_answer' : 'confirmed', note: null }, caller);
    if (i % 3 === 0) await booking.markReminder({ appointmentId, outcome: 'called', note: null }, caller);
  }

  providers = await listProviders(db);
  rooms = (await listRooms(db)).filter((r) => r.active === 1);
  types = await listTypes(db);
}, 240_000);

afterAll(async () => {
  await database?.close();
  dir?.remove();
});

/** How the book read its appointments before migration 0009: the names joined through the primary key, reminders in a second query. */
async function referenceAppointments(where: (q: ReturnType<typeof appointmentsWithNames>) => ReturnType<typeof appointmentsWithNames>, descending = false): Promise<AppointmentView[]> {
  const rows = await where(appointmentsWithNames(db))
    .orderBy('a.start_at', descending ? 'desc' : 'asc')
    .orderBy('a.id')
    .execute();
  return appointmentViews(db, rows, cal.zone);
}

const dates = (() => {
  const pick = createRandom(SEED + 1);
  return [cal.today, ...Array.from({ length: 30 }, () => addDays(cal.today, pick.int(60) - 20)), ...Array.from({ length: 10 }, () => addDays(cal.fromDate, pick.int(3650)))];
})();

describe('the benchmark clinic', () => {
  it('has exactly the appointments asked for, in ten years around a fixed today, with the book’s variety', () => {
    const count = (q: string, ...p: unknown[]) => Number(database.sqlite.prepare(q).pluck().get(...p));
    expect(generated.appointments).toBe(6000);
    expect(count('SELECT count(*) FROM appointment')).toBe(6000);
    expect(count('SELECT count(*) FROM provider')).toBe(12);
    expect(count("SELECT count(*) FROM appointment WHERE status = 'cancelled'")).toBe(generated.cancelled);
    expect(generated.cancelled).toBeGreaterThan(0);
    expect(generated.noShows).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM appointment WHERE series_id IS NOT NULL')).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM appointment_change')).toBeGreaterThanOrEqual(6000);
    expect(count('SELECT min(start_at) FROM appointment')).toBeGreaterThanOrEqual(dayClock(cal.fromDate, cal.zone).startAt);
    expect(count('SELECT max(start_at) FROM appointment')).toBeLessThan(dayClock(cal.toDate, cal.zone).endAt);
    expect(count('SELECT count(*) FROM appointment WHERE start_at >= ?', cal.now)).toBeGreaterThan(0);
  });
});

describe('the fast reads answer as the straightforward queries did', () => {
  it('day view, all providers: the same appointments in each column, with their last reminder call', async () => {
    let seen = 0;
    for (const date of dates) {
      const view = await reads.day({ date, by: 'provider', includeInactive: false });
      const clock = dayClock(date, cal.zone);
      const reference = await referenceAppointments((q) => q.where('a.start_at', '>=', clock.startAt).where('a.start_at', '<', clock.endAt).where(NOT_CANCELLED));
      for (const column of view.columns) expect(column.appointments, `${date} ${column.name}`).toEqual(reference.filter((a) => a.providerId === column.id));
      seen += reference.length;
    }
    expect(seen).toBeGreaterThan(30);
  });

  it('week view of one provider', async () => {
    for (const [i, date] of dates.slice(0, 20).entries()) {
      const provider = providers[i % providers.length] as ProviderRow;
      const week = await reads.week({ providerId: provider.id, date });
      const monday = mondayOf(date);
      const reference = await referenceAppointments((q) =>
        q.where('a.start_at', '>=', dayClock(monday, cal.zone).startAt).where('a.start_at', '<', dayClock(addDays(monday, 6), cal.zone).endAt).where(NOT_CANCELLED).where('a.provider_id', '=', provider.id),
      );
      expect(week.days.flatMap((d) => d.appointments)).toEqual(reference);
    }
  });

  it('a patient’s history, upcoming and past', async () => {
    const patients = database.sqlite.prepare('SELECT DISTINCT patient_id FROM appointment ORDER BY patient_id LIMIT 60').pluck().all() as string[];
    for (const patientId of patients) {
      const history = await reads.patientAppointments({ patientId });
      const reference = await referenceAppointments((q) => q.where('a.patient_id', '=', patientId), true);
      expect([...[...history.upcoming].reverse(), ...history.past]).toEqual(reference);
    }
  });

  it('each patient’s next booked or confirmed visit, for patient search results', async () => {
    const patients = database.sqlite.prepare('SELECT id FROM patient ORDER BY id').pluck().all() as string[];
    for (const at of [cal.now, cal.now + 20 * 86_400_000, dayClock(cal.fromDate, cal.zone).startAt]) {
      const reference = new Map<string, number>();
      for (const id of patients) {
        const next = database.sqlite.prepare("SELECT min(start_at) FROM appointment WHERE patient_id = ? AND start_at >= ? AND status IN ('booked', 'confirmed')").pluck().get(id, at);
        if (next !== null && next !== undefined) reference.set(id, Number(next));
      }
      const found = await nextAppointmentsFor(db, patients, at);
      expect(new Map([...found].sort(([a], [b]) => a.localeCompare(b)))).toEqual(reference);
      if (at === cal.now) expect(reference.size).toBeGreaterThan(50);
    }
    expect(await nextAppointmentsFor(db, [], cal.now)).toEqual(new Map());
  });

  it('the rule checks’ overlap reads: the provider’s, the room’s and the patient’s', async () => {
    const pick = createRandom(SEED + 2);
    const busy = (column: 'provider_id' | 'room_id' | 'patient_id', id: string, startAt: number, until: number) =>
      db
        .selectFrom('appointment as a')
        .innerJoin('patient as p', 'p.id', 'a.patient_id')
        .innerJoin('provider as pr', 'pr.id', 'a.provider_id')
        .select(['a.id', 'a.patient_id', 'a.provider_id', 'a.room_id', 'a.start_at', 'a.end_at', 'a.busy_until', 'a.buffer_after_min', 'p.first_name', 'p.last_name', 'pr.name as provider_name'])
        .where(NOT_CANCELLED)
        .where(HOLDS_TIME)
        .where(`a.${column}`, '=', id)
        .where('a.start_at', '>', startAt - MAX_SPAN_MS)
        .where('a.start_at', '<', until)
        .where(column === 'patient_id' ? 'a.end_at' : 'a.busy_until', '>', startAt)
        .orderBy('a.start_at')
        .execute();
    const existing = database.sqlite.prepare("SELECT provider_id, room_id, patient_id, start_at FROM appointment WHERE status NOT IN ('cancelled', 'no_show') AND start_at > ? ORDER BY start_at LIMIT 300").all(cal.now - 30 * 86_400_000) as {
      provider_id: string;
      room_id: string | null;
      patient_id: string;
      start_at: number;
    }[];
    let conflicts = 0;
    for (const [i, at] of existing.entries()) {
      // Near an existing visit (often overlapping it), with its provider, room and patient or someone else's.
      const startAt = at.start_at + (pick.int(7) - 3) * 5 * 60_000;
      const endAt = startAt + 20 * 60_000;
      const busyUntil = endAt + (i % 2) * 15 * 60_000;
      const providerId = i % 4 === 0 ? (providers[i % 12] as ProviderRow).id : at.provider_id;
      const roomId = i % 3 === 0 ? null : (at.room_id ?? (rooms[i % rooms.length] as RoomRow).id);
      const found = await placementConflicts(db, { providerId, roomId, patientId: at.patient_id, startAt, endAt, busyUntil }, []);
      expect(found.provider).toEqual(await busy('provider_id', providerId, startAt, busyUntil));
      expect(found.room).toEqual(roomId === null ? [] : await busy('room_id', roomId, startAt, busyUntil));
      expect(found.patient).toEqual(await busy('patient_id', at.patient_id, startAt, endAt));
      conflicts += found.provider.length + found.room.length + found.patient.length;
    }
    expect(conflicts).toBeGreaterThan(100);
  });

  it('find open slots: the first free starts a sweep with one overlap query per candidate finds', async () => {
    const offered = await typeProviders(db);
    const free = async (column: 'provider_id' | 'room_id', id: string, startAt: number, until: number) =>
      (
        await db
          .selectFrom('appointment as a')
          .select('a.id')
          .where(`a.${column}`, '=', id)
          .where('a.start_at', '>', startAt - MAX_SPAN_MS)
          .where('a.start_at', '<', until)
          .where('a.busy_until', '>', startAt)
          .where(NOT_CANCELLED)
          .where(HOLDS_TIME)
          .execute()
      ).length === 0;
    /**
     * The rules of findOpenSlots (electron/core/scheduling/slots.ts), candidate by candidate: every open start of every
     * provider on a day, ordered by start then provider name, and the earliest that still fit under the limit.
     */
    async function referenceSlots(type: AppointmentTypeRow, providerId: string | null, fromDate: string, toDate: string, limit: number, notBefore: number): Promise<OpenSlot[]> {
      const candidates = providers.filter((p) => p.active === 1 && (offered.get(type.id) ?? []).includes(p.id) && (providerId === null || p.id === providerId));
      const hours = await loadHours(db);
      const exceptions = await loadExceptions(db, fromDate, toDate);
      const local = createLocalReader(cal.zone);
      const slots: OpenSlot[] = [];
      for (let date = fromDate; date <= toDate && slots.length < limit; date = addDays(date, 1)) {
        const clock = dayClock(date, cal.zone);
        const found: OpenSlot[] = [];
        for (const provider of candidates) {
          const day = availabilityOn(date, provider.id, hours.get(provider.id), exceptions, cal.zone, clock);
          for (const stretch of day.hours) {
            const startMinute = clock.toMinutes(stretch.startAt);
            const firstMark = Math.ceil(startMinute / 15) * 15;
            for (let s = stretch.startAt + (firstMark - startMinute) * 60_000; s + type.duration_min * 60_000 <= stretch.endAt; s += 15 * 60_000) {
              const e = s + type.duration_min * 60_000;
              const until = e + type.buffer_after_min * 60_000;
              if (s < notBefore || day.blocked.some((b) => overlaps(b, s, e)) || !(await free('provider_id', provider.id, s, until))) continue;
              let room: RoomRow | null = null;
              if (type.needs_room === 1) {
                for (const r of rooms) {
                  if (await free('room_id', r.id, s, until)) {
                    room = r;
                    break;
                  }
                }
                if (!room) continue;
              }
              const start = local(s);
              found.push({ providerId: provider.id, providerName: provider.name, roomId: room?.id ?? null, roomName: room?.name ?? null, startAt: s, endAt: e, start: { date: start.date, time: start.time }, endTime: local(e).time });
            }
          }
        }
        found.sort((a, b) => a.startAt - b.startAt || a.providerName.localeCompare(b.providerName));
        slots.push(...found.slice(0, limit - slots.length));
      }
      return slots;
    }
    let compared = 0;
    for (const [i, type] of types.entries()) {
      const who = (offered.get(type.id) ?? [])[i % 2] ?? null;
      for (const providerId of [who, null]) {
        const fromDate = addDays(cal.today, i % 3);
        const toDate = addDays(fromDate, 13);
        const { slots } = await reads.findSlots({ typeId: type.id, providerId, fromDate, toDate, weekdays: [], timeWindows: [], step: 15, limit: 12 });
        expect(slots, `${type.name} ${providerId ?? 'any provider'}`).toEqual(await referenceSlots(type, providerId, fromDate, toDate, 12, clock));
        compared += slots.length;
      }
    }
    expect(compared).toBeGreaterThan(50);
  }, 120_000);
});
