import { v7 as uuidv7 } from 'uuid';
import { SETTINGS } from '../../electron/core/app/settings';
import type { SqliteDatabase } from '../../electron/core/db/open';
import { occurrenceDates, weekOfMonthOf } from '../../shared/scheduling/recurrence';
import { addDays, dayClock, daysBetween, isoWeekday } from '../../shared/scheduling/time';
import { createRandom } from './generate';

/**
 * The benchmark's appointment book (`--appointments N`): a deterministic synthetic clinic of 12 providers over ten
 * years around a fixed "today" derived from the seed (never the wall clock), written with raw prepared INSERTs in
 * large transactions through the real migrated schema (not the booking service, which is timed separately).
 *
 * Model (documented in docs/PERFORMANCE.md, "Appointment book (heavy tier)"):
 * - 12 providers: 6 physicians, a nurse practitioner and a physician assistant (visits of 10–45 min), two nurses
 *   (10-min nurse visits, 5-min lab draws), a phlebotomist (lab draws) and a physical therapist (45 min + 15 buffer);
 *   weekly hours with a lunch break (8–12 and 13–17 and variations), half days, evening hours for two providers, four
 *   Saturday mornings;
 * - 9 appointment types, 6 rooms (procedures, lab draws and therapy need one of "their" rooms; one room retired);
 * - clinic holidays (New Year, Memorial Day, July 4, Labor Day, Thanksgiving and the day after, Christmas), a monthly
 *   staff meeting (8:00–9:00, clinic-wide), three vacations a year per provider and about one half day of blocked time
 *   a month per provider;
 * - each provider's day is walked from the start of each stretch of working time: a visit type is drawn from the
 *   provider's mix and its slot (length + buffer) is booked with a probability that is ~0.9 in the past, 0.9 for the
 *   next two weeks, falls to 0.3 at 90 days and to 0.02 at a year, all scaled so that the walk draws N rows or a few
 *   more; exactly N of them are kept, chosen evenly (selection sampling);
 * - past visits: 14% cancelled (85% of those slots rebooked within the month around today and before, so both rows
 *   exist), 5% no-shows, the rest checked out; today: checked out / in the building / booked around "now"; future:
 *   booked or confirmed, 6% cancelled;
 * - series: weekly physical therapy (6–12 visits), weekly nurse visits (8–20), monthly follow-ups with a physician
 *   (4–8, same weekday of the month), dates from the core's own recurrence rules; dates that fall on time off or into a
 *   reserved slot are skipped, as the desk would; all of a series' visits are booked when it is made;
 * - 0.2% overbooked (a second visit in the same slot, flagged with a reason);
 * - per appointment: its 'booked' history row, a 'booked' status event plus one for its final status, and for ~40% a
 *   reminder call. No audit entries are written for the generated history (the audit trail is not read by the timed
 *   operations; a booking appends to it, measured as it is);
 * - rows are written in the order they were booked (created_at), as the app writes them: a day's appointments end up
 *   spread over months of the table, which is what makes the book's reads cost what they cost.
 * Patients are drawn with a skew: 5% of them (chronic care) have 30% of the visits.
 */

export const CLINIC_ZONE = 'America/Chicago';
const BENCH_USER_ID = '0192f0c4-0000-7000-8000-00000000be0c';

/** The fixed calendar of a seed: "today" is a Tuesday in the first half of 2026; 9 years of past, 1 of future. */
export function benchCalendar(seed: number) {
  const today = addDays('2026-01-06', 7 * (seed % 20));
  const year = Number(today.slice(0, 4));
  const fromDate = `${year - 9}${today.slice(4)}`;
  const toDate = addDays(`${year + 1}${today.slice(4)}`, -1);
  // 10:30 in the morning at the clinic: the desk's "now" for every timed operation.
  const now = dayClock(today, CLINIC_ZONE).toInstant(10 * 60 + 30, 'first');
  return { zone: CLINIC_ZONE, today, fromDate, toDate, now };
}

// ── The clinic's set-up ──────────────────────────────────────────────────────────────────────────────────────────

const H = (h: number, m = 0) => h * 60 + m;
type Block = readonly [number, number];
type Week = Readonly<Record<number, readonly Block[]>>;
const FULL: readonly Block[] = [
  [H(8), H(12)],
  [H(13), H(17)],
];
const MORNING: readonly Block[] = [[H(8), H(12)]];
const weekOf = (days: Record<number, readonly Block[]>): Week => days;
const monToFri = (blocks: readonly Block[]) => weekOf({ 1: blocks, 2: blocks, 3: blocks, 4: blocks, 5: blocks });

export const TYPE_DEFS = [
  { key: 'follow', name: 'Follow-up', duration: 15, buffer: 0, mode: 'in_person', rooms: [] as string[], color: '#3b82f6' },
  { key: 'sick', name: 'Sick visit', duration: 15, buffer: 0, mode: 'in_person', rooms: [], color: '#ef4444' },
  { key: 'new', name: 'New patient', duration: 40, buffer: 5, mode: 'in_person', rooms: [], color: '#8b5cf6' },
  { key: 'physical', name: 'Annual physical', duration: 30, buffer: 5, mode: 'in_person', rooms: [], color: '#10b981' },
  { key: 'tele', name: 'Telehealth check-in', duration: 10, buffer: 0, mode: 'telehealth', rooms: [], color: '#06b6d4' },
  { key: 'procedure', name: 'Minor procedure', duration: 45, buffer: 15, mode: 'in_person', rooms: ['Procedure 1', 'Procedure 2'], color: '#f59e0b' },
  { key: 'nurse', name: 'Nurse visit', duration: 10, buffer: 0, mode: 'in_person', rooms: [], color: '#ec4899' },
  { key: 'lab', name: 'Lab draw', duration: 5, buffer: 0, mode: 'in_person', rooms: ['Lab 1', 'Lab 2'], color: '#64748b' },
  { key: 'pt', name: 'Physical therapy', duration: 45, buffer: 15, mode: 'in_person', rooms: ['Therapy gym'], color: '#84cc16' },
] as const;
type TypeKey = (typeof TYPE_DEFS)[number]['key'];
export const ROOM_NAMES = ['Lab 1', 'Lab 2', 'Procedure 1', 'Procedure 2', 'Therapy gym', 'Exam 9 (storage)'] as const;

const PHYSICIAN_MIX: readonly [TypeKey, number][] = [
  ['follow', 40],
  ['sick', 16],
  ['new', 7],
  ['physical', 9],
  ['tele', 23],
  ['procedure', 5],
];
const MIDLEVEL_MIX: readonly [TypeKey, number][] = [
  ['follow', 45],
  ['sick', 20],
  ['new', 6],
  ['physical', 6],
  ['tele', 20],
  ['nurse', 3],
];

export const PROVIDER_DEFS: readonly { name: string; credentials: string; color: string; week: Week; mix: readonly [TypeKey, number][] }[] = [
  { name: 'Dr. Amelia Hart', credentials: 'MD', color: '#1d4ed8', week: monToFri([[H(8), H(12)], [H(13), H(17, 30)]]), mix: PHYSICIAN_MIX },
  { name: 'Dr. Rafael Ortiz', credentials: 'MD', color: '#b91c1c', week: weekOf({ 1: FULL, 2: FULL, 3: FULL, 4: FULL, 5: MORNING }), mix: PHYSICIAN_MIX },
  { name: 'Dr. Grace Kim', credentials: 'DO', color: '#047857', week: weekOf({ 1: FULL, 2: FULL, 3: MORNING, 4: FULL, 5: FULL, 6: MORNING }), mix: PHYSICIAN_MIX },
  { name: 'Dr. Samuel Okafor', credentials: 'MD', color: '#7c3aed', week: monToFri([[H(7, 30), H(11, 30)], [H(12, 30), H(17)]]), mix: PHYSICIAN_MIX },
  { name: 'Dr. Priya Nair', credentials: 'MD', color: '#c2410c', week: weekOf({ 2: [[H(9), H(12)], [H(13), H(18)]], 3: [[H(9), H(12)], [H(13), H(18)]], 4: [[H(9), H(12)], [H(13), H(18)]], 5: [[H(9), H(12)], [H(13), H(18)]], 6: MORNING }), mix: PHYSICIAN_MIX },
  { name: 'Dr. Daniel Weiss', credentials: 'MD', color: '#0e7490', week: weekOf({ 1: FULL, 2: [[H(11), H(14)], [H(15), H(19)]], 3: FULL, 4: [[H(11), H(14)], [H(15), H(19)]], 5: FULL, 6: MORNING }), mix: PHYSICIAN_MIX },
  { name: 'Lauren Brooks', credentials: 'NP', color: '#be185d', week: monToFri([[H(8), H(12)], [H(12, 30), H(17)]]), mix: MIDLEVEL_MIX },
  { name: 'Marcus Reed', credentials: 'PA-C', color: '#4d7c0f', week: weekOf({ 1: [[H(10), H(14)], [H(14, 30), H(19)]], 2: [[H(10), H(14)], [H(14, 30), H(19)]], 3: [[H(10), H(14)], [H(14, 30), H(19)]], 4: [[H(10), H(14)], [H(14, 30), H(19)]], 5: [[H(8), H(12)], [H(12, 30), H(16)]], 6: [[H(9), H(13)]] }), mix: MIDLEVEL_MIX },
  { name: 'Nina Alvarez', credentials: 'RN', color: '#9333ea', week: monToFri([[H(7, 30), H(12)], [H(12, 30), H(16, 30)]]), mix: [['nurse', 70], ['lab', 30]] },
  { name: 'Omar Haddad', credentials: 'LPN', color: '#a16207', week: monToFri([[H(7, 30), H(11, 30)], [H(12), H(16)]]), mix: [['nurse', 65], ['lab', 35]] },
  { name: 'Tom Becker', credentials: 'Phlebotomist', color: '#475569', week: monToFri([[H(7), H(11, 30)], [H(12), H(16)]]), mix: [['lab', 100]] },
  { name: 'Olivia Chen', credentials: 'DPT', color: '#15803d', week: monToFri([[H(7), H(11)], [H(11, 30), H(15, 30)]]), mix: [['pt', 100]] },
];

const VISIT_REASONS = ['Blood pressure check', 'Diabetes follow-up', 'Cough and fever', 'Medication review', 'Back pain', 'Annual exam', 'Lab results', 'Rash', 'Flu shot', 'Knee pain', 'Allergy shot', 'Headaches'];
const NOTES = ['Prefers mornings', 'Bring medication list', 'Interpreter booked', 'Fasting labs', 'Wheelchair access', 'Call on arrival'];

// ── Generation ───────────────────────────────────────────────────────────────────────────────────────────────────

export interface AppointmentGeneration {
  appointments: number;
  series: number;
  cancelled: number;
  noShows: number;
  overbooked: number;
  exceptions: number;
  seconds: number;
  /** The fill scale that gave exactly N rows, and the share of past working slots booked. */
  scale: number;
  pastFill: number;
}

interface Reservation {
  minute: number;
  type: number;
  patient: number;
  seriesId: string;
  seriesIndex: number;
  /** A series books all its visits when it is made. */
  createdAt: number;
}

interface Sink {
  /** False once N rows are written: the walk stops. */
  appointment(row: AppointmentDraft): boolean;
  series(row: { id: string; patient: number; rule: string; firstDate: string; startMinute: number; createdAt: number }): void;
}

interface AppointmentDraft {
  day: number;
  date: string;
  provider: number;
  room: number | null;
  type: number;
  patient: number;
  startAt: number;
  seriesId: string | null;
  seriesIndex: number | null;
  status: 'booked' | 'confirmed' | 'arrived' | 'in_room' | 'checked_out' | 'no_show' | 'cancelled';
  cancelReason: 'patient' | 'clinic' | 'weather' | 'other' | null;
  overbooked: boolean;
  createdAt: number;
  reminder: 'called' | 'confirmed' | 'left_message' | 'no_answer' | null;
  rescheduledFrom: number | null;
  reason: string | null;
  notes: string | null;
}

/** Booking probability shape by days from today (before scaling). */
function fillShape(daysFromToday: number): number {
  if (daysFromToday < 0) return 0.9;
  if (daysFromToday <= 14) return 0.9;
  if (daysFromToday <= 90) return 0.9 - ((daysFromToday - 14) / 76) * 0.6;
  return Math.max(0.02, 0.3 - ((daysFromToday - 90) / 275) * 0.28);
}

function nthWeekdayOf(year: number, month: number, weekday: number, n: number | 'last'): string {
  const mm = String(month).padStart(2, '0');
  if (n === 'last') {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const last = `${year}-${mm}-${String(days).padStart(2, '0')}`;
    return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = `${year}-${mm}-01`;
  return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
}

/**
 * The walk over every provider-day, shared by the counting passes and the writing pass: the same seed and scale
 * give the same rows. `sink` is null when only counting.
 */
function walk(seed: number, patients: number, scale: number, sink: Sink | null) {
  // Separate streams: time off; each working slot's type and whether it is booked (one draw each, booked or not, so
  // a higher scale books a superset of the slots); and everything about a booked visit.
  const setupRandom = createRandom(seed * 7 + 3);
  const slotRandom = createRandom(seed * 7 + 4);
  const random = createRandom(seed * 7 + 5);
  const ids = createRandom(seed * 11 + 5);
  const idBytes = new Uint8Array(16);
  const newId = (at: number) => {
    for (let i = 0; i < 16; i++) idBytes[i] = ids.int(256);
    return uuidv7({ msecs: at, random: idBytes });
  };
  const cal = benchCalendar(seed);
  const days = daysBetween(cal.fromDate, cal.toDate) + 1;
  const todayIndex = daysBetween(cal.fromDate, cal.today);
  const typeIndex = new Map(TYPE_DEFS.map((t, i) => [t.key as TypeKey, i]));
  const roomIndex = new Map(ROOM_NAMES.map((r, i) => [r as string, i]));
  const P = PROVIDER_DEFS.length;

  // Time off: clinic holidays and staff meetings, provider vacations and blocked half days.
  const holiday = new Uint8Array(days);
  const clinicBlocks: (Block[] | undefined)[] = new Array<Block[] | undefined>(days);
  const providerOff = new Uint8Array(days * P);
  const providerBlocks = new Map<number, Block[]>();
  const exceptions: { provider: number | null; kind: 'vacation' | 'blocked' | 'holiday'; from: string; to: string; start: number | null; end: number | null; note: string }[] = [];
  const dayOf = (date: string) => daysBetween(cal.fromDate, date);
  const firstYear = Number(cal.fromDate.slice(0, 4));
  const lastYear = Number(cal.toDate.slice(0, 4));
  for (let y = firstYear; y <= lastYear; y++) {
    const thanksgiving = nthWeekdayOf(y, 11, 4, 4);
    const holidays: [string, string][] = [
      [`${y}-01-01`, 'New Year’s Day'],
      [nthWeekdayOf(y, 5, 1, 'last'), 'Memorial Day'],
      [`${y}-07-04`, 'Independence Day'],
      [nthWeekdayOf(y, 9, 1, 1), 'Labor Day'],
      [thanksgiving, 'Thanksgiving'],
      [addDays(thanksgiving, 1), 'Day after Thanksgiving'],
      [`${y}-12-25`, 'Christmas Day'],
    ];
    for (const [date, note] of holidays) {
      const d = dayOf(date);
      if (d < 0 || d >= days) continue;
      holiday[d] = 1;
      exceptions.push({ provider: null, kind: 'holiday', from: date, to: date, start: null, end: null, note });
    }
    for (let m = 1; m <= 12; m++) {
      const date = nthWeekdayOf(y, m, 2, 1);
      const d = dayOf(date);
      if (d < 0 || d >= days) continue;
      (clinicBlocks[d] ??= []).push([H(8), H(9)]);
      exceptions.push({ provider: null, kind: 'blocked', from: date, to: date, start: H(8), end: H(9), note: 'Staff meeting' });
    }
    for (let p = 0; p < P; p++) {
      for (const length of [10, 5, 5]) {
        const monday = addDays(`${y}-01-05`, 7 * setupRandom.int(50) - (isoWeekday(`${y}-01-05`) - 1));
        const to = addDays(monday, length === 10 ? 11 : 4);
        for (let date = monday; date <= to; date = addDays(date, 1)) {
          const d = dayOf(date);
          if (d >= 0 && d < days) providerOff[d * P + p] = 1;
        }
        if (dayOf(to) >= 0 && dayOf(monday) < days) exceptions.push({ provider: p, kind: 'vacation', from: monday, to, start: null, end: null, note: 'Vacation' });
      }
      for (let k = 0; k < 11; k++) {
        const date = addDays(`${y}-01-01`, setupRandom.int(365));
        const d = dayOf(date);
        if (d < 0 || d >= days) continue;
        const morning = setupRandom.chance(0.4);
        const block: Block = morning ? [H(8), H(10)] : [H(13), H(17)];
        const key = d * P + p;
        providerBlocks.set(key, [...(providerBlocks.get(key) ?? []), block]);
        exceptions.push({ provider: p, kind: 'blocked', from: date, to: date, start: block[0], end: block[1], note: morning ? 'Hospital rounds' : 'Admin time' });
      }
    }
  }

  // Provider mixes as cumulative weights.
  const mixes = PROVIDER_DEFS.map((def) => {
    const total = def.mix.reduce((s, [, w]) => s + w, 0);
    let acc = 0;
    return def.mix.map(([key, w]) => {
      acc += w / total;
      return { type: typeIndex.get(key) as number, upTo: acc };
    });
  });
  const drawType = (p: number) => {
    const x = slotRandom.next();
    const mix = mixes[p] as { type: number; upTo: number }[];
    for (const m of mix) if (x < m.upTo) return m.type;
    return (mix[mix.length - 1] as { type: number }).type;
  };
  const duration = TYPE_DEFS.map((t) => t.duration);
  const cycles = TYPE_DEFS.map((t) => t.duration + t.buffer);
  const cycle = (t: number) => cycles[t] as number;
  const typesOf = PROVIDER_DEFS.map((def) => def.mix.map(([key]) => typeIndex.get(key) as number));
  const shortest = typesOf.map((list) => Math.min(...list.map((t) => duration[t] as number)));
  const shortestType = typesOf.map((list, p) => list.filter((t) => duration[t] === shortest[p]));
  const roomless = typesOf.map((list) => list.filter((t) => (TYPE_DEFS[t]?.rooms.length ?? 0) === 0));
  /** Does a visit of this type fit at cursor: inside the stretch, and with its buffer before the next reserved visit. */
  const fitsAt = (type: number, cursor: number, segEnd: number, limit: number) => cursor + (duration[type] as number) <= segEnd && (limit === segEnd || cursor + (cycles[type] as number) <= limit);
  const firstFitting = (list: readonly number[], cursor: number, segEnd: number, limit: number) => {
    for (const type of list) if (fitsAt(type, cursor, segEnd, limit)) return type;
    return undefined;
  };
  // 30% of visits go to the 5% of patients in chronic care (about six times the typical patient's visits).
  const chronic = Math.max(1, Math.floor(patients * 0.05));
  const drawPatient = () => (random.chance(0.3) ? random.int(chronic) : chronic + random.int(Math.max(1, patients - chronic))) % patients;

  /** Free stretches of a provider's day (wall-clock minutes): hours minus time off. */
  const freeSegments = (d: number, date: string, p: number): Block[] => {
    if (holiday[d] || providerOff[d * P + p]) return [];
    const hours = (PROVIDER_DEFS[p] as (typeof PROVIDER_DEFS)[number]).week[isoWeekday(date)] ?? [];
    const blocked = [...(clinicBlocks[d] ?? []), ...(providerBlocks.get(d * P + p) ?? [])];
    let segments: Block[] = [...hours];
    for (const [bs, be] of blocked) {
      const next: Block[] = [];
      for (const [s, e] of segments) {
        if (be <= s || bs >= e) next.push([s, e]);
        else {
          if (bs > s) next.push([s, bs]);
          if (be < e) next.push([be, e]);
        }
      }
      segments = next;
    }
    return segments;
  };

  const reservations = new Map<number, Reservation[]>(); // key d * P + p
  const roomBusy: [number, number][][] = ROOM_NAMES.map(() => []);
  let rows = 0;
  let seriesCount = 0;
  let cancelled = 0;
  let noShows = 0;
  let overbooked = 0;
  let pastSlots = 0;
  let pastBooked = 0;
  let stopped = false;

  const emit = (draft: AppointmentDraft) => {
    if (stopped) return;
    rows += 1;
    if (draft.status === 'cancelled') cancelled += 1;
    if (draft.status === 'no_show') noShows += 1;
    if (draft.overbooked) overbooked += 1;
    if (sink && !sink.appointment(draft)) stopped = true;
  };

  /** Status, reminder and history of one visit, by when it is. */
  const outcome = (d: number, startAt: number, series: boolean) => {
    const ahead = d - todayIndex;
    const lead = series ? random.int(60) : random.chance(0.3) ? random.int(3) : random.int(45);
    const createdAt = Math.min(cal.now - 3_600_000 - random.int(40) * 86_400_000 * (ahead >= 0 ? 1 : 0), startAt - lead * 86_400_000 - random.int(8 * 3_600_000));
    let status: AppointmentDraft['status'];
    let cancelReason: AppointmentDraft['cancelReason'] = null;
    let reminder: AppointmentDraft['reminder'] = null;
    const x = random.next();
    if (ahead < 0 || (ahead === 0 && startAt + 45 * 60_000 < cal.now)) {
      status = x < 0.14 ? 'cancelled' : x < 0.19 ? 'no_show' : 'checked_out';
    } else if (ahead === 0 && startAt < cal.now) {
      status = x < 0.4 ? 'in_room' : x < 0.8 ? 'arrived' : 'checked_out';
    } else {
      status = x < 0.06 ? 'cancelled' : ahead <= 2 && x < 0.55 ? 'confirmed' : 'booked';
    }
    if (status === 'cancelled') {
      const r = random.next();
      cancelReason = r < 0.7 ? 'patient' : r < 0.85 ? 'clinic' : r < 0.9 ? 'weather' : 'other';
    }
    if (ahead < 0 ? random.chance(0.4) : ahead <= 2) {
      const r = random.next();
      reminder = status === 'confirmed' || r < 0.55 ? 'confirmed' : r < 0.8 ? 'left_message' : r < 0.92 ? 'called' : 'no_answer';
    }
    const rescheduledFrom = random.chance(0.05) ? startAt + (random.int(9) - 4 || 1) * 86_400_000 : null;
    return { status, cancelReason, reminder, createdAt, rescheduledFrom, reason: random.chance(0.5) ? random.pick(VISIT_REASONS) : null, notes: random.chance(0.15) ? random.pick(NOTES) : null };
  };

  const roomFree = (room: number, s: number, e: number) => !(roomBusy[room] as [number, number][]).some(([a, b]) => a < e && s < b);
  const pickRoom = (t: number, s: number, e: number): number | null | undefined => {
    const names = (TYPE_DEFS[t] as (typeof TYPE_DEFS)[number]).rooms;
    if (names.length === 0) return null;
    for (const name of names) {
      const r = roomIndex.get(name) as number;
      if (roomFree(r, s, e)) return r;
    }
    return undefined; // every room of the type is taken
  };

  /** A series starting with the visit just booked: later dates reserved for the same provider and time. */
  const maybeSeries = (date: string, p: number, t: number, minute: number, patient: number): { id: string; createdAt: number } | null => {
    const key = TYPE_DEFS[t]?.key;
    const chance = key === 'pt' ? 0.25 : key === 'nurse' ? 0.05 : key === 'follow' ? 0.01 : 0;
    if (chance === 0 || !random.chance(chance)) return null;
    const weekOfMonth = weekOfMonthOf(date);
    const rule =
      key === 'follow'
        ? { recurrence: { frequency: 'monthly' as const, interval: 1, weekOfMonth: weekOfMonth.nth <= 4 ? (weekOfMonth.nth as 1 | 2 | 3 | 4) : ('last' as const) }, end: { count: 4 + random.int(5) } }
        : { recurrence: { frequency: 'weekly' as const, interval: 1 }, end: { count: key === 'pt' ? 6 + random.int(7) : 8 + random.int(13) } };
    const dates = occurrenceDates(date, rule.recurrence, rule.end);
    if (!dates.ok) return null;
    const createdAt = Math.min(cal.now, dayClock(date, cal.zone).startAt) - random.int(20) * 86_400_000 - random.int(8 * 3_600_000);
    const id = newId(createdAt);
    seriesCount += 1;
    const skipped: string[] = [];
    dates.dates.forEach((next, index) => {
      if (index === 0) return;
      const nd = dayOf(next);
      if (nd >= days) return;
      const fits = freeSegments(nd, next, p).some(([s, e]) => s <= minute && minute + (TYPE_DEFS[t]?.duration ?? 0) <= e);
      const list = reservations.get(nd * P + p) ?? [];
      const clash = list.some((r) => r.minute < minute + cycle(t) && minute < r.minute + cycle(r.type));
      if (!fits || clash) {
        skipped.push(next);
        return;
      }
      list.push({ minute, type: t, patient, seriesId: id, seriesIndex: index, createdAt });
      list.sort((a, b) => a.minute - b.minute);
      reservations.set(nd * P + p, list);
    });
    sink?.series({ id, patient, rule: JSON.stringify({ ...rule, skipDates: skipped }), firstDate: date, startMinute: minute, createdAt });
    return { id, createdAt };
  };

  for (let d = 0; d < days && !stopped; d++) {
    const date = addDays(cal.fromDate, d);
    const clock = dayClock(date, cal.zone);
    const probability = Math.min(0.985, scale * fillShape(d - todayIndex));
    for (const busy of roomBusy) busy.length = 0;
    for (let p = 0; p < P && !stopped; p++) {
      const segments = freeSegments(d, date, p);
      const reserved = reservations.get(d * P + p) ?? [];
      reservations.delete(d * P + p);
      let r = 0;
      for (const [segStart, segEnd] of segments) {
        let cursor = segStart;
        while (cursor < segEnd && !stopped) {
          while (r < reserved.length && (reserved[r] as Reservation).minute < cursor) r++; // a reservation no longer reachable
          const next = reserved[r];
          if (next && next.minute === cursor) {
            r++;
            const startAt = clock.regular ? clock.startAt + cursor * 60_000 : clock.toInstant(cursor, 'first');
            const t = next.type;
            const end = startAt + (TYPE_DEFS[t]?.duration ?? 0) * 60_000;
            const room = pickRoom(t, startAt, end + (TYPE_DEFS[t]?.buffer ?? 0) * 60_000);
            if (room !== undefined) {
              if (room !== null) (roomBusy[room] as [number, number][]).push([startAt, end + (TYPE_DEFS[t]?.buffer ?? 0) * 60_000]);
              emit({ day: d, date, provider: p, room, type: t, patient: next.patient, startAt, seriesId: next.seriesId, seriesIndex: next.seriesIndex, overbooked: false, ...outcome(d, startAt, true), createdAt: next.createdAt });
            }
            cursor += cycle(t);
            continue;
          }
          const limit = next && next.minute < segEnd ? next.minute : segEnd;
          let t = drawType(p);
          if (!fitsAt(t, cursor, segEnd, limit)) {
            const fallback = firstFitting(shortestType[p] as number[], cursor, segEnd, limit);
            if (fallback === undefined) {
              if (limit < segEnd) cursor = limit;
              else break;
              continue;
            }
            t = fallback;
          }
          const past = d < todayIndex;
          if (past) pastSlots += 1;
          if (slotRandom.next() < probability) {
            const startAt = clock.regular ? clock.startAt + cursor * 60_000 : clock.toInstant(cursor, 'first');
            const busyEnd = startAt + cycle(t) * 60_000;
            let room = pickRoom(t, startAt, busyEnd);
            if (room === undefined) {
              // The type's rooms are taken: a visit that needs none (the provider's most common type) instead.
              const plain = firstFitting(roomless[p] as number[], cursor, segEnd, limit);
              if (plain === undefined) {
                cursor += cycle(t);
                continue;
              }
              t = plain;
              room = null;
            }
            if (room !== null) (roomBusy[room] as [number, number][]).push([startAt, startAt + cycle(t) * 60_000]);
            if (past) pastBooked += 1;
            const patient = drawPatient();
            const series = d >= todayIndex - 400 ? maybeSeries(date, p, t, cursor, patient) : null;
            const first = { day: d, date, provider: p, room, type: t, patient, startAt, seriesId: series?.id ?? null, seriesIndex: series ? 0 : null, overbooked: false, ...outcome(d, startAt, series !== null), ...(series ? { createdAt: series.createdAt } : {}) };
            emit(first);
            if (first.status === 'cancelled' && d <= todayIndex + 30 && random.chance(0.85)) {
              // The freed slot was taken by someone else.
              emit({ day: d, date, provider: p, room, type: t, patient: drawPatient(), startAt, seriesId: null, seriesIndex: null, overbooked: false, ...outcome(d, startAt, false), status: d < todayIndex ? 'checked_out' : 'booked', cancelReason: null });
            } else if (first.status !== 'cancelled' && random.chance(0.002) && (TYPE_DEFS[t]?.rooms.length ?? 0) === 0) {
              emit({ day: d, date, provider: p, room: null, type: t, patient: drawPatient(), startAt, seriesId: null, seriesIndex: null, overbooked: true, ...outcome(d, startAt, false), cancelReason: null, status: d < todayIndex ? 'checked_out' : 'booked' });
            }
          }
          cursor += cycle(t);
        }
      }
    }
  }
  return { rows, seriesCount, cancelled, noShows, overbooked, exceptions, pastFill: pastSlots === 0 ? 0 : pastBooked / pastSlots, cal, days };
}

/** How many visits the walk draws at a scale (no writes): the capacity of the model at a large scale. */
export function countVisits(seed: number, patients: number, scale: number): { rows: number; pastFill: number } {
  const { rows, pastFill } = walk(seed, patients, scale, null);
  return { rows, pastFill };
}

/**
 * Writes the clinic's set-up and exactly `count` appointments (with their history, status events and reminder
 * calls) through raw prepared INSERTs, 100,000 appointments per transaction, in the order they were booked. `patientIds`: bookable patients, in a
 * fixed order. Returns what was written and how long it took.
 */
export function generateAppointments(sqlite: SqliteDatabase, options: { seed: number; count: number; patientIds: readonly string[]; log: (line: string) => void }): AppointmentGeneration {
  const { seed, count, patientIds, log } = options;
  const started = performance.now();
  const patients = patientIds.length;
  if (patients === 0) throw new Error('Appointments need patients.');

  // The scale whose walk gives between N and 3% more rows (counting walks, no writes); the writing walk then keeps
  // exactly N of them, chosen evenly over the ten years (selection sampling), so the shape of the book is kept.
  let scale = 1;
  let probe = walk(seed, patients, scale, null);
  for (let i = 0; i < 12 && !(probe.rows >= count && probe.rows <= count * 1.03 + 10); i++) {
    if (scale > 50) throw new Error(`Twelve providers over ten years have room for about ${probe.rows.toLocaleString('en-US')} appointments at most; ask for fewer.`);
    scale *= (count * 1.012 + 5) / Math.max(1, probe.rows);
    probe = walk(seed, patients, scale, null);
  }
  if (probe.rows < count) throw new Error(`Could not find a fill for ${count.toLocaleString('en-US')} appointments (got ${probe.rows.toLocaleString('en-US')}).`);
  const available = probe.rows;
  log(`  fill scale ${scale.toFixed(4)}: ${available.toLocaleString('en-US')} visits drawn, ${count.toLocaleString('en-US')} kept (${((performance.now() - started) / 1000).toFixed(1)} s of counting)`);

  const cal = benchCalendar(seed);
  const at0 = Date.UTC(2015, 0, 1);
  const idRandom = createRandom(seed * 13 + 1);
  const bytes = new Uint8Array(16);
  const setupId = (at: number) => {
    for (let i = 0; i < 16; i++) bytes[i] = idRandom.int(256);
    return uuidv7({ msecs: at, random: bytes });
  };
  const providerIds = PROVIDER_DEFS.map(() => setupId(at0));
  const roomIds = ROOM_NAMES.map(() => setupId(at0));
  const typeIds = TYPE_DEFS.map(() => setupId(at0));

  const insertSetting = sqlite.prepare('INSERT INTO app_meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at');
  const insertProvider = sqlite.prepare('INSERT INTO provider (id, name, credentials, npi, color, active, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)');
  const insertHours = sqlite.prepare('INSERT INTO provider_hours (provider_id, weekday, start_minute, end_minute) VALUES (?, ?, ?, ?)');
  const insertRoom = sqlite.prepare('INSERT INTO room (id, name, active, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertType = sqlite.prepare(
    'INSERT INTO appointment_type (id, name, duration_min, color, mode, needs_room, buffer_after_min, active, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)',
  );
  const insertOffer = sqlite.prepare('INSERT INTO appointment_type_provider (type_id, provider_id) VALUES (?, ?)');
  const insertException = sqlite.prepare(
    'INSERT INTO schedule_exception (id, provider_id, kind, from_date, to_date, start_minute, end_minute, note, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSeries = sqlite.prepare('INSERT INTO appointment_series (id, patient_id, rule, first_date, start_minute, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const insertAppointment = sqlite.prepare(
    `INSERT INTO appointment (id, patient_id, provider_id, room_id, type_id, series_id, series_index, series_exception, start_at, end_at, buffer_after_min, busy_until,
       status, status_at, overbook_reason, override_reason, visit_reason, notes, telehealth_link, cancel_reason, cancel_note,
       reminder_outcome, reminder_at, reminder_by, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertChange = sqlite.prepare(
    `INSERT INTO appointment_change (id, appointment_id, kind, old_start_at, old_end_at, old_provider_id, old_room_id, new_start_at, new_end_at, new_provider_id, new_room_id, note, changed_at, changed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = sqlite.prepare('INSERT INTO appointment_status_event (id, appointment_id, status, at, by) VALUES (?, ?, ?, ?, ?)');
  const insertReminder = sqlite.prepare('INSERT INTO appointment_reminder (id, appointment_id, outcome, note, at, by) VALUES (?, ?, ?, ?, ?, ?)');

  const by = BENCH_USER_ID;
  sqlite.exec('BEGIN');
  insertSetting.run(SETTINGS.clinicTimeZone, cal.zone, at0);
  PROVIDER_DEFS.forEach((def, p) => {
    insertProvider.run(providerIds[p], def.name, def.credentials, null, def.color, at0, by, at0, by);
    for (const [weekday, blocks] of Object.entries(def.week)) for (const [s, e] of blocks) insertHours.run(providerIds[p], Number(weekday), s, e);
  });
  ROOM_NAMES.forEach((name, r) => insertRoom.run(roomIds[r], name, name.includes('storage') ? 0 : 1, at0, by, at0, by));
  TYPE_DEFS.forEach((def, t) => {
    insertType.run(typeIds[t], def.name, def.duration, def.color, def.mode, def.rooms.length > 0 ? 1 : 0, def.buffer, at0, by, at0, by);
    PROVIDER_DEFS.forEach((provider, p) => {
      if (provider.mix.some(([key]) => key === def.key)) insertOffer.run(typeIds[t], providerIds[p]);
    });
  });
  sqlite.exec('COMMIT');

  const dayMs = 86_400_000;
  const keep = createRandom(seed * 17 + 9);
  let seen = 0;
  const kept: AppointmentDraft[] = [];
  const series: Parameters<Sink['series']>[0][] = [];
  const sink: Sink = {
    series: (row) => void series.push(row),
    appointment(a) {
      // Selection sampling: keeps exactly `count` of the `available` rows, each with the same chance.
      if (keep.next() * (available - seen) < count - kept.length) kept.push(a);
      seen += 1;
      return true;
    },
  };
  const result = walk(seed, patients, scale, sink);
  if (result.rows !== available) throw new Error(`The writing walk drew ${result.rows} visits, the counting walk ${available}.`);
  if (kept.length !== count) throw new Error(`Kept ${kept.length} appointments, not ${count}.`);
  // Written in the order they were booked (as the app would have written them), not in the order of their dates.
  kept.sort((a, b) => a.createdAt - b.createdAt);
  series.sort((a, b) => a.createdAt - b.createdAt);
  log(`  drew the book (${((performance.now() - started) / 1000).toFixed(1)} s); writing ${count.toLocaleString('en-US')} appointments in the order they were booked`);

  const stats = { cancelled: 0, noShows: 0, overbooked: 0 };
  let written = 0;
  const writeStart = performance.now();
  const writeOne = (a: AppointmentDraft) => {
    if (a.status === 'cancelled') stats.cancelled += 1;
    if (a.status === 'no_show') stats.noShows += 1;
    if (a.overbooked) stats.overbooked += 1;
    const type = TYPE_DEFS[a.type] as (typeof TYPE_DEFS)[number];
    const id = setupId(a.createdAt);
    const endAt = a.startAt + type.duration * 60_000;
    const busyUntil = endAt + type.buffer * 60_000;
    const statusAt =
      a.status === 'booked'
        ? a.createdAt
        : a.status === 'confirmed'
          ? Math.max(a.createdAt, a.startAt - 2 * dayMs)
          : a.status === 'cancelled'
            ? Math.max(a.createdAt, Math.min(cal.now - 60_000, a.startAt - dayMs / 2))
            : Math.min(cal.now - 60_000, a.startAt + 20 * 60_000);
    const provider = providerIds[a.provider] as string;
    const room = a.room === null ? null : (roomIds[a.room] as string);
    // The last (here the only) reminder call, carried on the appointment as markReminder writes it.
    const calledAt = a.reminder === null ? null : Math.max(a.createdAt, Math.min(cal.now - 60_000, a.startAt - dayMs - 3 * 3_600_000));
    insertAppointment.run(
      id,
      patientIds[a.patient],
      provider,
      room,
      typeIds[a.type],
      a.seriesId,
      a.seriesIndex,
      a.startAt,
      endAt,
      type.buffer,
      busyUntil,
      a.status,
      statusAt,
      a.overbooked ? 'Urgent: fitted in by the doctor' : null,
      a.reason,
      a.notes,
      type.mode === 'telehealth' ? `https://meet.example.org/caredesk-${id.slice(-12)}` : null,
      a.cancelReason,
      a.cancelReason === 'other' ? 'Car trouble' : null,
      a.reminder,
      calledAt,
      a.reminder === null ? null : by,
      a.createdAt,
      by,
      statusAt,
      by,
    );
    insertChange.run(setupId(a.createdAt), id, 'booked', null, null, null, null, a.startAt, endAt, provider, room, null, a.createdAt, by);
    if (a.rescheduledFrom !== null) {
      const movedAt = Math.max(a.createdAt, Math.min(a.createdAt + dayMs, cal.now - 60_000));
      insertChange.run(setupId(movedAt), id, 'rescheduled', a.rescheduledFrom, a.rescheduledFrom + type.duration * 60_000, provider, room, a.startAt, endAt, provider, room, null, movedAt, by);
    }
    insertEvent.run(setupId(a.createdAt), id, 'booked', a.createdAt, by);
    if (a.status !== 'booked') insertEvent.run(setupId(statusAt), id, a.status, statusAt, by);
    if (a.status === 'cancelled') insertChange.run(setupId(statusAt), id, 'cancelled', a.startAt, endAt, provider, room, a.startAt, endAt, provider, room, a.cancelReason, statusAt, by);
    if (a.reminder !== null && calledAt !== null) insertReminder.run(setupId(calledAt), id, a.reminder, null, calledAt, by);
  };
  const BATCH = 100_000;
  const writeSeries = (row: (typeof series)[number]) => insertSeries.run(row.id, patientIds[row.patient], row.rule, row.firstDate, row.startMinute, row.createdAt, by);
  let s = 0;
  for (let i = 0; i < kept.length; i += BATCH) {
    sqlite.exec('BEGIN');
    for (const a of kept.slice(i, i + BATCH)) {
      // Each series row just before its first visit (they were made together).
      while (s < series.length && (series[s] as (typeof series)[number]).createdAt <= a.createdAt) writeSeries(series[s++] as (typeof series)[number]);
      writeOne(a);
      written += 1;
    }
    if (i + BATCH >= kept.length) while (s < series.length) writeSeries(series[s++] as (typeof series)[number]);
    sqlite.exec('COMMIT');
    if (written % Math.max(BATCH, Math.floor(count / 10 / BATCH) * BATCH) === 0 || written === count) log(`  wrote ${written.toLocaleString('en-US')} appointments (${((performance.now() - writeStart) / 1000).toFixed(1)} s)`);
  }
  sqlite.exec('BEGIN');
  let exceptions = 0;
  for (const ex of result.exceptions) {
    exceptions += 1;
    insertException.run(setupId(at0), ex.provider === null ? null : providerIds[ex.provider], ex.kind, ex.from, ex.to, ex.start, ex.end, ex.note, at0, by, at0, by);
  }
  sqlite.exec('COMMIT');
  if (written !== count) throw new Error(`Wrote ${written} appointments, not ${count}.`);
  return {
    appointments: written,
    series: result.seriesCount,
    ...stats,
    exceptions,
    seconds: (performance.now() - started) / 1000,
    scale,
    pastFill: (result.pastFill * count) / available,
  };
}
