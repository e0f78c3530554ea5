import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { createAuditService } from '../../electron/core/audit/service';
import type { SqliteDatabase } from '../../electron/core/db/open';
import type { AppointmentTypeRow, Database, ProviderRow, RoomRow } from '../../electron/core/db/schema';
import { availabilityOn, overlaps } from '../../electron/core/scheduling/availability';
import { createBooking, type Actor } from '../../electron/core/scheduling/booking';
import { clinicTimeZone } from '../../electron/core/scheduling/clinic-zone';
import { createSchedulingReads } from '../../electron/core/scheduling/reads';
import {
  appointmentsWithNames,
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
import { findOpenSlots } from '../../electron/core/scheduling/slots';
import { appointmentViews } from '../../electron/core/scheduling/views';
import type { DayView } from '../../shared/contract/scheduling';
import { bookingSchema, type BookingInput, type SlotSearchInput } from '../../shared/scheduling/schemas';
import { addDays, dayClock, daysBetween, isoWeekday, mondayOf } from '../../shared/scheduling/time';
import { benchCalendar } from './appointments';
import { createRandom } from './generate';
import { kyselyOnConnection } from './statement-cache';

/**
 * The appointment book's timed operations (`--appointments N`), each through the core function its IPC handler calls
 * (electron/core/scheduling/handlers.ts), on the encrypted database opened as the app opens it (synchronous=FULL,
 * WAL, the app's 64 MiB page cache), after the patients' part. Wall-clock percentiles go into the report; the
 * process's CPU time per run is printed beside them (a busy machine stretches wall time, not CPU time). Where a
 * straightforward implementation is a meaningful comparison, it runs on the same data, fewer times (--naive-runs).
 */

interface Stats {
  p50: number;
  p95: number;
  p99: number;
}
export interface Timing {
  record(name: string, times: number[]): Stats;
  log(line: string): void;
  warmUp: number;
}

const BENCH_ACTOR: Actor = { userId: '0192f0c4-0000-7000-8000-00000000be0c', displayName: 'Benchmark', role: 'front_desk' };
const DAY_MS = 86_400_000;

/** UTC offset (ms) of the clinic on a regular day: what a straightforward `date(start_at)` filter would add. */
function offsetOf(date: string, zone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - dayClock(date, zone).startAt;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}
const ms = (x: number) => x.toFixed(2);

export async function measureAppointmentBook(options: { sqlite: SqliteDatabase; db: Kysely<Database>; seed: number; runs: number; naiveRuns: number; timing: Timing }): Promise<{ notes: string[] }> {
  const { sqlite, db, seed, runs, naiveRuns, timing } = options;
  const { record, log } = timing;
  const notes: string[] = [];
  const cpuLines: string[] = [];

  /**
   * Runs an operation (after a warm-up), records its wall-clock percentiles and keeps its CPU-time percentiles.
   * Returns the percentiles and the wall times in run order.
   */
  async function timed(name: string, count: number, run: (i: number) => Promise<unknown>): Promise<Stats & { wall: number[] }> {
    for (let i = 0; i < Math.min(timing.warmUp, Math.ceil(count / 10)); i++) await run(count + i);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < count; i++) {
      const usage = process.cpuUsage();
      const start = performance.now();
      await run(i);
      wall.push(performance.now() - start);
      const used = process.cpuUsage(usage);
      cpu.push((used.user + used.system) / 1000);
    }
    cpu.sort((a, b) => a - b);
    const stats = record(name, [...wall]);
    cpuLines.push(`${name} ${ms(percentile(cpu, 50))}/${ms(percentile(cpu, 95))}`);
    return { ...stats, wall };
  }
  /** p50/p95 of the runs whose date is near today and of the others. */
  const split = (wall: readonly number[], dateOf: (i: number) => string) => {
    const near: number[] = [];
    const far: number[] = [];
    wall.forEach((t, i) => (isNear(dateOf(i)) ? near : far).push(t));
    near.sort((a, b) => a - b);
    far.sort((a, b) => a - b);
    return `${near.length} near today p50 ${ms(percentile(near, 50))} / p95 ${ms(percentile(near, 95))} ms, ${far.length} further away p50 ${ms(percentile(far, 50))} / p95 ${ms(percentile(far, 95))} ms`;
  };

  const cal = benchCalendar(seed);
  const pick = createRandom(seed + 101);
  let clockNow = cal.now;
  const now = () => (clockNow += 1);
  const audit = createAuditService({ workstation: 'BENCH', now, db: () => db });
  const reads = createSchedulingReads({ db: () => db, audit, now });
  const zone = await clinicTimeZone(db);
  if (zone !== cal.zone) throw new Error(`The clinic's time zone is ${zone}, not ${cal.zone}.`);
  const synchronous = Number(sqlite.pragma('synchronous', { simple: true }));
  if (synchronous !== 2) throw new Error(`synchronous is ${synchronous}, not FULL (2) as the app runs.`);
  const cacheKb = -Number(sqlite.pragma('cache_size', { simple: true }));

  const providers: ProviderRow[] = (await listProviders(db)).filter((p) => p.active === 1);
  const rooms: RoomRow[] = (await listRooms(db)).filter((r) => r.active === 1);
  const types: AppointmentTypeRow[] = (await listTypes(db)).filter((t) => t.active === 1);
  const offered = await typeProviders(db);
  const typesOf = new Map(providers.map((p) => [p.id, types.filter((t) => (offered.get(t.id) ?? []).includes(p.id))]));
  const pool = Math.max(runs, naiveRuns) + timing.warmUp + 5;

  // Dates the desk looks at: 70% from two weeks back to a month ahead, 30% anywhere in the ten years; no Sundays.
  const spanDays = daysBetween(cal.fromDate, cal.toDate);
  const pickDate = () => {
    for (;;) {
      const date = pick.chance(0.7) ? addDays(cal.today, pick.int(45) - 14) : addDays(cal.fromDate, pick.int(spanDays + 1));
      if (isoWeekday(date) !== 7) return date;
    }
  };
  const isNear = (date: string) => Math.abs(daysBetween(cal.today, date) - 8) <= 22;
  const dates = Array.from({ length: pool }, pickDate);
  const weekPicks = Array.from({ length: pool }, () => ({ provider: pick.pick(providers), date: pickDate() }));
  // Patients seen in the last 400 days (the desk opens the history of someone in front of it).
  const patientIds = sqlite.prepare('SELECT DISTINCT patient_id FROM appointment WHERE start_at >= ? AND start_at < ? LIMIT 20000').pluck().all(cal.now - 400 * DAY_MS, cal.now) as string[];
  const historyPatients = Array.from({ length: pool }, () => pick.pick(patientIds));

  // ── Day, week, history ─────────────────────────────────────────────────────────────────────────────────────────
  log(`Appointment book (today ${cal.today}, ${zone}; page cache ${Math.round(cacheKb / 1024)} MB as the app opens it): day of all providers, a provider's week, a patient's history:`);
  let dayRows = 0;
  let dayCalls = 0;
  const dayTimes = await timed('day_all_providers', runs, async (i) => {
    const view = await reads.day({ date: dates[i % pool] as string, by: 'provider', includeInactive: false });
    dayRows += view.columns.reduce((n, c) => n + c.appointments.length, 0);
    dayCalls += 1;
    return view;
  });
  const weekTimes = await timed('week_one_provider', runs, (i) => reads.week({ providerId: (weekPicks[i % pool] as { provider: ProviderRow }).provider.id, date: (weekPicks[i % pool] as { date: string }).date }));
  let historyRows = 0;
  let historyCalls = 0;
  await timed('patient_history', runs, async (i) => {
    const history = await reads.patientAppointments({ patientId: historyPatients[i % pool] as string });
    historyRows += history.past.length + history.upcoming.length;
    historyCalls += 1;
    return history;
  });

  // ── Find open slots ────────────────────────────────────────────────────────────────────────────────────────────
  log('Find open slots from today over 90 days (the next 10, 15-minute grid), a random type, one provider / any provider:');
  const slotPicks = Array.from({ length: pool }, () => {
    const provider = pick.pick(providers);
    return { provider, type: pick.pick(typesOf.get(provider.id) ?? types) };
  });
  const toDate = addDays(cal.today, 89);
  const slotInput = (typeId: string, providerId: string | null): SlotSearchInput => ({ typeId, providerId, fromDate: cal.today, toDate, weekdays: [], timeWindows: [], step: 15, limit: 10 });
  let slotsFound = 0;
  let slotCalls = 0;
  await timed('find_slots_90d', runs, async (i) => {
    const p = slotPicks[i % pool] as (typeof slotPicks)[number];
    const { slots } = await reads.findSlots(slotInput(p.type.id, p.provider.id));
    slotsFound += slots.length;
    slotCalls += 1;
    return slots;
  });
  await timed('find_slots_90d_any', runs, (i) => reads.findSlots(slotInput((slotPicks[i % pool] as (typeof slotPicks)[number]).type.id, null)));

  // ── Overlap checks (the reads of the rule checks) ──────────────────────────────────────────────────────────────
  const candidates = Array.from({ length: pool }, () => {
    const provider = pick.pick(providers);
    const type = pick.pick(typesOf.get(provider.id) ?? types);
    const date = addDays(cal.today, pick.int(60) - 10);
    const startAt = dayClock(date, zone).toInstant(8 * 60 + 5 * pick.int(100), 'first');
    const room = type.needs_room === 1 ? pick.pick(rooms) : null;
    return { provider, type, room, patientId: pick.pick(patientIds), startAt, endAt: startAt + type.duration_min * 60_000, busyUntil: startAt + (type.duration_min + type.buffer_after_min) * 60_000 };
  });
  log('Overlap checks (the provider, room and patient reads of the rule checks) at candidate times near today:');
  await timed('overlap_check', runs, (i) => {
    const c = candidates[i % pool] as (typeof candidates)[number];
    return placementConflicts(db, { providerId: c.provider.id, roomId: c.room?.id ?? null, patientId: c.patientId, startAt: c.startAt, endAt: c.endAt, busyUntil: c.busyUntil }, []);
  });

  // ── Booking ────────────────────────────────────────────────────────────────────────────────────────────────────
  // Bookable places found beforehand with the core's slot finder (tomorrow to 60 days ahead), none in another's way;
  // three times as many as timed, for the comparison runs below.
  const wanted = 3 * runs + timing.warmUp;
  const bookings: BookingInput[] = [];
  const taken: { provider: string; room: string | null; startAt: number; until: number }[] = [];
  for (let tries = 0; bookings.length < wanted && tries < wanted * 20; tries++) {
    const provider = pick.pick(providers);
    const type = pick.pick(typesOf.get(provider.id) ?? types);
    const date = addDays(cal.today, 1 + pick.int(60));
    const open = await findOpenSlots(db, { zone, type, providers: [provider], rooms, fromDate: date, toDate: date, weekdays: [], timeWindows: [], step: 5, limit: 100, notBefore: cal.now });
    const free = open.filter((s) => !taken.some((t) => (t.provider === s.providerId || (t.room !== null && t.room === s.roomId)) && t.startAt < s.endAt + type.buffer_after_min * 60_000 && s.startAt < t.until));
    const slot = free.length > 0 ? pick.pick(free) : undefined;
    if (!slot) continue;
    taken.push({ provider: slot.providerId, room: slot.roomId, startAt: slot.startAt, until: slot.endAt + type.buffer_after_min * 60_000 });
    bookings.push(
      bookingSchema.parse({
        patientId: pick.pick(patientIds),
        typeId: type.id,
        providerId: slot.providerId,
        roomId: slot.roomId,
        start: { date: slot.start.date, time: slot.start.time, ...(slot.start.occurrence ? { occurrence: slot.start.occurrence } : {}) },
        reason: 'Benchmark visit',
        // Another visit of the same patient at that time is only a warning: acknowledged, every check still runs.
        acknowledgePatientOverlap: true,
      }),
    );
  }
  if (bookings.length < wanted) throw new Error(`Found only ${bookings.length} free places to book.`);

  log('Booking through the booking service (every rule check, the appointment, its history and status rows, the audit entry; synchronous=FULL):');
  let lastCommit = 0;
  // The app's driver (statements kept), with each COMMIT (WAL write and fsync at synchronous=FULL) timed inside the real booking.
  const committing = kyselyOnConnection(sqlite, 'reuse', (took) => (lastCommit = took));
  const booking = createBooking({ db: () => committing, audit, now });
  let saved = 0;
  let notSaved = 0;
  const commitTimes: number[] = [];
  const workTimes: number[] = [];
  let bookingIndex = 0;
  await timed('book_with_checks', runs, async () => {
    lastCommit = 0;
    const start = performance.now();
    const outcome = await booking.book(bookings[bookingIndex++] as BookingInput, BENCH_ACTOR);
    const took = performance.now() - start;
    if (bookingIndex <= Math.min(timing.warmUp, Math.ceil(runs / 10))) return; // the warm-up runs first
    if (outcome.outcome === 'saved') saved++;
    else notSaved++;
    commitTimes.push(lastCommit);
    workTimes.push(took - lastCommit);
  });
  record('book_with_checks_commit', commitTimes);
  record('book_with_checks_work', workTimes);

  // ── What keeping prepared statements saves (not in the report) ─────────────────────────────────────────────────
  // The app keeps its prepared statements (electron/core/db/statement-cache.ts); Kysely's SQLite driver by itself
  // prepares every query afresh. The same core functions on such a Kysely, turn about with the app's (so a busy
  // moment weighs on both alike), show what that is worth. A measurement for docs/PERFORMANCE.md, not the app's figures.
  log('Without kept statements (same core functions, preparing every query afresh, turn about with the app’s driver; not in the report):');
  const afresh = kyselyOnConnection(sqlite, 'afresh');
  const afreshReads = createSchedulingReads({ db: () => afresh, audit, now });
  const afreshBooking = createBooking({ db: () => afresh, audit, now });
  const pairs = {
    day: { app: [] as number[], afresh: [] as number[] },
    book: { app: [] as number[], afresh: [] as number[] },
  };
  const clocked = async (into: number[], run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < runs; i++) {
    const date = dates[i % pool] as string;
    const day = [() => clocked(pairs.day.app, () => reads.day({ date, by: 'provider', includeInactive: false })), () => clocked(pairs.day.afresh, () => afreshReads.day({ date, by: 'provider', includeInactive: false }))];
    const book = [
      () => clocked(pairs.book.app, () => booking.book(bookings[bookingIndex++] as BookingInput, BENCH_ACTOR)),
      () => clocked(pairs.book.afresh, () => afreshBooking.book(bookings[bookingIndex++] as BookingInput, BENCH_ACTOR)),
    ];
    for (const step of i % 2 === 0 ? [...day, ...book] : [...day.reverse(), ...book.reverse()]) await step();
  }
  await afresh.destroy();
  const pairLine = (name: string, pair: { app: number[]; afresh: number[] }) => {
    const app = [...pair.app].sort((a, b) => a - b);
    const anew = [...pair.afresh].sort((a, b) => a - b);
    const line = `${name} p50 ${ms(percentile(anew, 50))} afresh → ${ms(percentile(app, 50))} kept, p95 ${ms(percentile(anew, 95))} → ${ms(percentile(app, 95))} ms`;
    log(`  ${line}`);
    return line;
  };
  const keptStatements = [pairLine('day_all_providers', pairs.day), pairLine('book_with_checks', pairs.book)];

  // ── Straightforward implementations, same data ─────────────────────────────────────────────────────────────────
  log(`Straightforward implementations (${naiveRuns} runs each):`);
  // Day: every appointment whose local date(start_at) is the day (no range on an index), then the same columns.
  async function naiveDay(date: string): Promise<DayView> {
    const clock = dayClock(date, zone);
    const rows = await appointmentsWithNames(db)
      .where(sql<boolean>`date((a.start_at + ${offsetOf(date, zone)}) / 1000, 'unixepoch') = ${date}`)
      .where(NOT_CANCELLED)
      .orderBy('a.start_at')
      .orderBy('a.id')
      .execute();
    const appointments = await appointmentViews(db, rows, zone);
    const list = await listProviders(db);
    const hours = await loadHours(db);
    const exceptions = await loadExceptions(db, date, date);
    const columns = list
      .filter((p) => p.active === 1)
      .map((p) => {
        const availability = availabilityOn(date, p.id, hours.get(p.id), exceptions, zone, clock);
        return { kind: 'provider' as const, id: p.id, name: p.name, color: p.color, hours: availability.hours, blocked: availability.blocked.map(({ range: _range, ...b }) => b), appointments: appointments.filter((a) => a.providerId === p.id) };
      });
    return { date, timeZone: zone, startAt: clock.startAt, endAt: clock.endAt, minutesInDay: clock.minutes, columns };
  }
  await timed('day_all_providers_naive', naiveRuns, (i) => naiveDay(dates[i % pool] as string));

  // Week: the provider's appointments filtered by date(start_at) (no range on an index), cancelled dropped after.
  async function naiveWeek(providerId: string, date: string) {
    const monday = mondayOf(date);
    const sunday = addDays(monday, 6);
    const rows = await appointmentsWithNames(db)
      .where('a.provider_id', '=', providerId)
      .where(sql<boolean>`date((a.start_at + ${offsetOf(monday, zone)}) / 1000, 'unixepoch') BETWEEN ${monday} AND ${sunday}`)
      .orderBy('a.start_at')
      .orderBy('a.id')
      .execute();
    const views = await appointmentViews(db, rows.filter((r) => r.status !== 'cancelled'), zone);
    const hours = await loadHours(db, [providerId]);
    const exceptions = await loadExceptions(db, monday, sunday, [providerId]);
    return Array.from({ length: 7 }, (_, k) => {
      const day = addDays(monday, k);
      const clock = dayClock(day, zone);
      return { day, availability: availabilityOn(day, providerId, hours.get(providerId), exceptions, zone, clock), appointments: views.filter((a) => a.startAt >= clock.startAt && a.startAt < clock.endAt) };
    });
  }
  await timed('week_one_provider_naive', naiveRuns, (i) => naiveWeek((weekPicks[i % pool] as { provider: ProviderRow }).provider.id, (weekPicks[i % pool] as { date: string }).date));

  // Overlap: everything the provider (room, patient) has that ends after the start, with no lower bound on start_at:
  // a scan of all their earlier appointments.
  const naiveOverlap = (column: 'provider_id' | 'room_id' | 'patient_id', id: string, startAt: number, until: number) =>
    db
      .selectFrom('appointment as a')
      .select(['a.id', 'a.start_at', 'a.busy_until', 'a.end_at'])
      .where(`a.${column}`, '=', id)
      .where(NOT_CANCELLED)
      .where('a.status', '<>', 'no_show')
      .where('a.start_at', '<', until)
      .where(column === 'patient_id' ? 'a.end_at' : 'a.busy_until', '>', startAt)
      .execute();
  await timed('overlap_check_naive', naiveRuns, async (i) => {
    const c = candidates[i % pool] as (typeof candidates)[number];
    const found = await naiveOverlap('provider_id', c.provider.id, c.startAt, c.busyUntil);
    if (c.room) found.push(...(await naiveOverlap('room_id', c.room.id, c.startAt, c.busyUntil)));
    found.push(...(await naiveOverlap('patient_id', c.patientId, c.startAt, c.endAt)));
    return found;
  });

  // Find slots: one overlap query per candidate start (the core reads all providers' week at once and sweeps in memory).
  const overlapsAt = async (column: 'provider_id' | 'room_id', id: string, startAt: number, until: number) =>
    (
      await db
        .selectFrom('appointment as a')
        .select('a.id')
        .where(`a.${column}`, '=', id)
        .where('a.start_at', '>', startAt - MAX_SPAN_MS)
        .where('a.start_at', '<', until)
        .where('a.busy_until', '>', startAt)
        .where(NOT_CANCELLED)
        .where('a.status', '<>', 'no_show')
        .execute()
    ).length > 0;
  async function naiveFindSlots(type: AppointmentTypeRow, providerId: string): Promise<number> {
    const hours = await loadHours(db, [providerId]);
    const exceptions = await loadExceptions(db, cal.today, toDate, [providerId]);
    const found: number[] = [];
    for (let d = 0; d < 90 && found.length < 10; d++) {
      const date = addDays(cal.today, d);
      const clock = dayClock(date, zone);
      const day = availabilityOn(date, providerId, hours.get(providerId), exceptions, zone, clock);
      for (const stretch of day.hours) {
        for (let s = stretch.startAt; s + type.duration_min * 60_000 <= stretch.endAt && found.length < 10; s += 15 * 60_000) {
          if (s < cal.now) continue;
          const e = s + type.duration_min * 60_000;
          const until = e + type.buffer_after_min * 60_000;
          if (day.blocked.some((b) => overlaps(b, s, e))) continue;
          if (await overlapsAt('provider_id', providerId, s, until)) continue;
          if (type.needs_room === 1) {
            let room = false;
            for (const r of rooms) {
              if (!(await overlapsAt('room_id', r.id, s, until))) {
                room = true;
                break;
              }
            }
            if (!room) continue;
          }
          found.push(s);
        }
      }
    }
    return found.length;
  }
  await timed('find_slots_90d_naive', naiveRuns, (i) => {
    const p = slotPicks[i % pool] as (typeof slotPicks)[number];
    return naiveFindSlots(p.type, p.provider.id);
  });

  notes.push(
    `Appointment book: today ${cal.today} 10:30 (${zone}); ${providers.length} providers, ${rooms.length} rooms, ${types.length} types. Day views returned ${Math.round(dayRows / Math.max(1, dayCalls))} appointments on average, patient histories ${Math.round(historyRows / Math.max(1, historyCalls))} visits, one-provider slot searches ${(slotsFound / Math.max(1, slotCalls)).toFixed(1)} slots.`,
    `Bookings: ${saved} saved, ${notSaved} not saved (rule problems) of ${saved + notSaved}.`,
    `By date: day_all_providers ${split(dayTimes.wall, (i) => dates[i % pool] as string)}; week_one_provider ${split(weekTimes.wall, (i) => (weekPicks[i % pool] as { date: string }).date)}.`,
    `CPU time per run, p50/p95 ms (wall time above includes waiting for a core): ${cpuLines.join(', ')}.`,
    `Prepared statements made afresh vs kept (turn about, ${runs} runs each; not in the report): ${keptStatements.join('; ')}.`,
  );
  return { notes };
}
