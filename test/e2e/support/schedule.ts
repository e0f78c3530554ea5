import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { ClinicApi } from '../../../shared/contract';
import type { AppointmentView, WaitlistEntryView } from '../../../shared/contract/scheduling';
import { ADMIN, setUpThroughBridge, signInThroughBridge } from './clinic';
import { startTestHost, type RunningHost } from './test-host';

/**
 * The appointment book's stories run on a clinic of their own (its own test host, set up once per worker), so the
 * day view shows exactly this clinic's six providers whatever other stories did to theirs.
 *
 * The clinic: six providers with realistic hours (Dr. Lee, Dr. Okafor, Dr. Raman, Dr. Chen, Dr. Herrera and the nurse
 * practitioner Jordan Ellis), six exam rooms, six appointment types, staff meeting blocked for Dr. Chen, and:
 * - FULL_DAY (a Tuesday): every provider's day full, as the desk sees it at 10:40 (earlier visits checked out, someone
 *   in the room, arrivals waiting, one no-show, one overbooked), plus a lighter Monday, Thursday and Friday for Dr. Lee;
 * - WORK_DAY (the Wednesday after): a few visits only, for the stories that book, move and cancel.
 * The dates are years ahead, so the core (which runs on the real clock) treats every visit as upcoming; the browser's
 * clock is fixed at FULL_DAY 10:40 so "today" and the current-time line are the same in every run.
 */
export const FULL_DAY = '2030-09-17';
export const WORK_DAY = '2030-09-18';
/** 10:40 in New York (EDT) on FULL_DAY. */
export const DESK_NOW = new Date('2030-09-17T10:40:00-04:00');

type ProviderKey = 'lee' | 'okafor' | 'raman' | 'chen' | 'herrera' | 'ellis' | 'brooks' | 'das' | 'evans' | 'grant' | 'ito' | 'khan';
type TypeKey = 'follow' | 'newPatient' | 'physical' | 'telehealth' | 'procedure' | 'vaccine';

interface ProviderPlan {
  key: ProviderKey;
  name: string;
  credentials: string;
  color: string;
  /** Weekday (1 = Monday) → blocks. */
  week: { weekday: number; blocks: { start: string; end: string }[] }[];
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const fullDays = (blocks: [string, string][]) => WEEKDAYS.map((weekday) => ({ weekday, blocks: blocks.map(([start, end]) => ({ start, end })) }));

export const PROVIDERS: readonly ProviderPlan[] = [
  { key: 'lee', name: 'Dr. Lee', credentials: 'MD', color: '#1c7ed6', week: fullDays([['8:00', '12:00'], ['13:00', '17:00']]) },
  { key: 'okafor', name: 'Dr. Okafor', credentials: 'MD', color: '#2f9e44', week: fullDays([['8:00', '12:00'], ['13:00', '17:00']]) },
  { key: 'raman', name: 'Dr. Raman', credentials: 'DO', color: '#ae3ec9', week: fullDays([['9:00', '13:00'], ['14:00', '18:00']]) },
  { key: 'chen', name: 'Dr. Chen', credentials: 'MD', color: '#f08c00', week: fullDays([['8:00', '12:00'], ['13:00', '16:00']]) },
  { key: 'herrera', name: 'Dr. Herrera', credentials: 'MD', color: '#c2255c', week: fullDays([['10:00', '14:00'], ['15:00', '18:00']]) },
  {
    key: 'ellis',
    name: 'Jordan Ellis',
    credentials: 'NP',
    color: '#0c8599',
    // Tuesday mornings only.
    week: WEEKDAYS.map((weekday) => ({ weekday, blocks: weekday === 2 ? [{ start: '8:00', end: '12:00' }] : [{ start: '8:00', end: '12:00' }, { start: '13:00', end: '17:00' }] })),
  },
];

/** Six more, for the story that checks the book stays quick with a dozen providers. */
export const MORE_PROVIDERS: readonly ProviderPlan[] = [
  { key: 'brooks', name: 'Dr. Brooks', credentials: 'MD', color: '#5f3dc4', week: fullDays([['8:00', '12:00'], ['13:00', '17:00']]) },
  { key: 'das', name: 'Dr. Das', credentials: 'MD', color: '#087f5b', week: fullDays([['8:00', '12:00'], ['13:00', '17:00']]) },
  { key: 'evans', name: 'Dr. Evans', credentials: 'DO', color: '#a61e4d', week: fullDays([['9:00', '13:00'], ['14:00', '18:00']]) },
  { key: 'grant', name: 'Dr. Grant', credentials: 'MD', color: '#364fc7', week: fullDays([['8:00', '12:00'], ['13:00', '16:00']]) },
  { key: 'ito', name: 'Dr. Ito', credentials: 'MD', color: '#2b8a3e', week: fullDays([['10:00', '14:00'], ['15:00', '18:00']]) },
  { key: 'khan', name: 'Sam Khan', credentials: 'PA', color: '#d9480f', week: fullDays([['8:00', '12:00'], ['13:00', '17:00']]) },
];

interface TypePlan {
  key: TypeKey;
  name: string;
  durationMinutes: number;
  color: string;
  mode: 'in_person' | 'telehealth';
  needsRoom: boolean;
  bufferAfterMinutes: number;
}

export const TYPES: readonly TypePlan[] = [
  { key: 'follow', name: 'Follow-up', durationMinutes: 15, color: '#339af0', mode: 'in_person', needsRoom: false, bufferAfterMinutes: 0 },
  { key: 'newPatient', name: 'New patient', durationMinutes: 30, color: '#f76707', mode: 'in_person', needsRoom: true, bufferAfterMinutes: 0 },
  { key: 'physical', name: 'Annual physical', durationMinutes: 30, color: '#37b24d', mode: 'in_person', needsRoom: true, bufferAfterMinutes: 0 },
  { key: 'telehealth', name: 'Telehealth check-in', durationMinutes: 15, color: '#9c36b5', mode: 'telehealth', needsRoom: false, bufferAfterMinutes: 0 },
  { key: 'procedure', name: 'Procedure', durationMinutes: 45, color: '#e03131', mode: 'in_person', needsRoom: true, bufferAfterMinutes: 15 },
  { key: 'vaccine', name: 'Vaccination', durationMinutes: 10, color: '#1098ad', mode: 'in_person', needsRoom: false, bufferAfterMinutes: 0 },
];

const FIRST_NAMES = [
  'Maria', 'James', 'Aisha', 'Chen', 'Olivia', 'Mateo', 'Fatima', 'Liam', 'Sofia', 'Noah', 'Amara', 'Ethan', 'Yuki', 'Lucas', 'Priya', 'Elena', 'Omar', 'Grace',
  'Diego', 'Hannah', 'Kwame', 'Isabel', 'Tomasz', 'Leila', 'Samuel', 'Rosa', 'Arjun', 'Chloe', 'Ibrahim', 'Mia',
];
const LAST_NAMES = [
  'Gomez', 'Whitfield', 'Rahman', 'Novak', 'Okonkwo', 'Alvarez', 'Kowalski', 'Haddad', 'Brennan', 'Tanaka', 'Mensah', 'Fischer', 'Delgado', 'Iverson', 'Quint',
  'Barros', 'Lindgren', 'Osei', 'Marchetti', 'Yilmaz', 'Castillo', 'Dubois', 'Nakamura', 'Petrov', 'Sorensen',
];

/** The patients the stories name (the rest come from the lists above). */
export const STORY_PATIENTS = {
  maria: { firstName: 'Maria', lastName: 'Gomez-Ruiz', dateOfBirth: '1971-05-02', phone: '(312) 555-0110' },
  walter: { firstName: 'Walter', lastName: 'Brennan', dateOfBirth: '1948-11-23', phone: '(312) 555-0111' },
  nadia: { firstName: 'Nadia', lastName: 'Petrova', dateOfBirth: '1990-02-14', phone: '(312) 555-0112' },
  ingrid: { firstName: 'Ingrid', lastName: 'Halvorsen', dateOfBirth: '1983-07-30', phone: '(312) 555-0113' },
  rosalind: { firstName: 'Rosalind', lastName: 'Achterberg', dateOfBirth: '1966-09-09', phone: '(312) 555-0114' },
  oskar: { firstName: 'Oskar', lastName: 'Vanterpool', dateOfBirth: '1979-12-01', phone: '(312) 555-0115' },
  greta: { firstName: 'Greta', lastName: 'Sandoval', dateOfBirth: '1955-04-18', phone: '(312) 555-0116' },
} as const;
export type StoryPatient = keyof typeof STORY_PATIENTS;

interface Booking {
  patient: string;
  provider: ProviderKey;
  type: TypeKey;
  date: string;
  time: string;
  durationMinutes?: number;
  reason?: string;
  status?: 'confirmed' | 'arrived' | 'in_room' | 'checked_out' | 'no_show';
  overbook?: string;
}

/** Deterministic "random" (mulberry32), so every run books the same day. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const hhmm = (minutes: number) => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
const REASONS = ['Blood pressure check', 'Knee pain', 'Medication review', 'Diabetes follow-up', 'Cough for two weeks', 'Lab results', 'Back pain', 'Rash', 'Flu shot', 'Headaches', ''];
const TYPE_CYCLE: TypeKey[] = ['follow', 'newPatient', 'follow', 'physical', 'telehealth', 'follow', 'procedure', 'vaccine', 'follow', 'newPatient'];

/**
 * A provider's day, filled as a busy clinic fills it: visits back to back with a free slot here and there, nothing in
 * blocked time, the buffer after a procedure kept free. `busy` 0.85 leaves about one slot in seven free.
 */
function planDay(provider: ProviderPlan, date: string, weekday: number, options: { seed: number; busy: number; blocked?: [number, number]; deskNowMinutes?: number }): Omit<Booking, 'patient'>[] {
  const rng = random(options.seed);
  const bookings: Omit<Booking, 'patient'>[] = [];
  const day = provider.week.find((d) => d.weekday === weekday);
  let cycle = Math.floor(rng() * TYPE_CYCLE.length);
  for (const block of day?.blocks ?? []) {
    let t = minutesOf(block.start);
    const end = minutesOf(block.end);
    while (t < end) {
      if (options.blocked && t >= options.blocked[0] && t < options.blocked[1]) {
        t = options.blocked[1];
        continue;
      }
      if (rng() > options.busy) {
        t += 15;
        continue;
      }
      let type = TYPES.find((x) => x.key === TYPE_CYCLE[cycle % TYPE_CYCLE.length]) as TypePlan;
      cycle += 1;
      const fits = (x: TypePlan) => t + x.durationMinutes + x.bufferAfterMinutes <= end && !(options.blocked && t < options.blocked[1] && t + x.durationMinutes > options.blocked[0]);
      if (!fits(type)) type = TYPES[0] as TypePlan;
      if (!fits(type)) break;
      const booking: Omit<Booking, 'patient'> = { provider: provider.key, type: type.key, date, time: hhmm(t), reason: REASONS[Math.floor(rng() * REASONS.length)] ?? '' };
      if (options.deskNowMinutes !== undefined) booking.status = statusAt(t, t + type.durationMinutes, options.deskNowMinutes, rng);
      bookings.push(booking);
      t += type.durationMinutes + type.bufferAfterMinutes;
      // Keep the grid's quarter hours: a 10-minute vaccination leaves 5 minutes free.
      if (t % 5 !== 0) t += 5 - (t % 5);
      if (t % 15 !== 0 && rng() < 0.7) t += 15 - (t % 15);
    }
  }
  return bookings;
}

/** The visit day as it stands at the desk's "now". */
function statusAt(start: number, end: number, now: number, rng: () => number): Booking['status'] {
  if (end <= now) return 'checked_out';
  if (start <= now) return 'in_room';
  if (start <= now + 30) return 'arrived';
  return rng() < 0.65 ? 'confirmed' : undefined;
}

function planClinic(providers: readonly ProviderPlan[]): Booking[] {
  const plans: Omit<Booking, 'patient'>[] = [];
  providers.forEach((provider, i) => {
    const blocked: [number, number] | undefined = provider.key === 'chen' ? [minutesOf('14:00'), minutesOf('15:00')] : undefined;
    plans.push(...planDay(provider, FULL_DAY, 2, { seed: 101 + i, busy: 0.86, blocked, deskNowMinutes: minutesOf('10:40') }));
  });
  // One no-show and one overbooking on the full day.
  const firstOkafor = plans.find((p) => p.provider === 'okafor' && p.date === FULL_DAY);
  if (firstOkafor) firstOkafor.status = 'no_show';
  const lee = PROVIDERS[0] as ProviderPlan;
  plans.push({ provider: 'lee', type: 'follow', date: FULL_DAY, time: '11:00', reason: 'Chest pain yesterday', status: 'confirmed', overbook: 'Urgent: asked to be seen today' });
  // A lighter rest of the week for Dr. Lee (the week view).
  for (const [offset, weekday] of [[-1, 1], [2, 4], [3, 5]] as const) {
    plans.push(...planDay(lee, addDays(FULL_DAY, offset), weekday, { seed: 300 + weekday, busy: 0.55 }));
  }
  // The pool of patients: a different one for every visit of a day.
  const shuffle = random(7);
  const pool = FIRST_NAMES.flatMap((first, i) => LAST_NAMES.map((last, j) => ({ first, last, i, j })))
    .filter((p) => (p.i * 7 + p.j * 3) % (providers.length > 6 ? 3 : 5) === 0)
    .map((p) => ({ ...p, order: shuffle() }))
    .sort((a, b) => a.order - b.order);
  const byDate = new Map<string, number>();
  const bookings: Booking[] = plans.map((plan) => {
    const n = byDate.get(plan.date) ?? 0;
    byDate.set(plan.date, n + 1);
    const person = pool[n % pool.length] as { first: string; last: string };
    return { ...plan, patient: `${person.first} ${person.last}` };
  });
  // The working Wednesday of the booking stories.
  bookings.push(
    { patient: 'maria', provider: 'lee', type: 'follow', date: WORK_DAY, time: '10:00', durationMinutes: 30, reason: 'Blood pressure check' },
    { patient: 'walter', provider: 'lee', type: 'follow', date: WORK_DAY, time: '11:00', reason: 'Medication review' },
    { patient: 'nadia', provider: 'lee', type: 'follow', date: WORK_DAY, time: '14:00', durationMinutes: 30, reason: 'Lab results' },
    { patient: 'ingrid', provider: 'okafor', type: 'follow', date: WORK_DAY, time: '9:00', reason: 'Knee pain' },
  );
  return bookings;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Ids of what the set-up made, for stories that talk to main directly. */
export interface ClinicBook {
  providers: Partial<Record<ProviderKey, string>> & Record<'lee' | 'okafor', string>;
  types: Record<TypeKey, string>;
  rooms: string[];
  patients: Record<string, string>;
}

/** People in the generated pool: "Maria Gomez" → a date of birth and phone of their own. */
function poolPerson(name: string, index: number) {
  const [firstName, ...rest] = name.split(' ');
  const year = 1940 + ((index * 7) % 62);
  const month = String(1 + ((index * 5) % 12)).padStart(2, '0');
  const day = String(1 + ((index * 11) % 28)).padStart(2, '0');
  return { firstName: firstName ?? name, lastName: rest.join(' '), dateOfBirth: `${year}-${month}-${day}`, phone: `(773) 555-${String(1000 + index).slice(-4)}` };
}

/**
 * Sets the book's clinic up through window.clinic as its administrator (signed in): providers and their hours, rooms,
 * types, Dr. Chen's staff meeting, the patients and every booking of the plan, with the visit-day steps taken.
 */
export async function setUpBookThroughBridge(page: Page, providerCount: 6 | 12 = 6): Promise<ClinicBook> {
  const providerPlans = providerCount === 12 ? [...PROVIDERS, ...MORE_PROVIDERS] : PROVIDERS;
  const bookings = planClinic(providerPlans);
  const names = [...new Set(bookings.map((b) => b.patient))];
  const people = names.map((name, index) => ({ key: name, fields: name in STORY_PATIENTS ? STORY_PATIENTS[name as StoryPatient] : poolPerson(name, index) }));
  for (const key of Object.keys(STORY_PATIENTS)) {
    if (!names.includes(key)) people.push({ key, fields: STORY_PATIENTS[key as StoryPatient] });
  }
  return page.evaluate(
    async ({ providers, types, bookings, people, fullDay }) => {
      const clinic = (window as unknown as { clinic: ClinicApi }).clinic;
      const api = clinic.scheduling;
      const must = <T,>(what: string, result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
        if (!result.ok) throw new Error(`${what} failed: ${result.error.message}`);
        return result.value;
      };
      const providerIds: Record<string, string> = {};
      for (const p of providers) {
        const saved = must('saveProvider', await api.saveProvider({ provider: { name: p.name, credentials: p.credentials, color: p.color, active: true } }));
        must('setWorkingHours', await api.setWorkingHours({ providerId: saved.id, week: p.week }));
        providerIds[p.key] = saved.id;
      }
      const rooms: string[] = [];
      for (let i = 1; i <= providers.length; i += 1) rooms.push(must('saveRoom', await api.saveRoom({ room: { name: `Exam ${i}`, active: true } })).id);
      const typeIds: Record<string, string> = {};
      for (const t of types) {
        const { key, ...fields } = t;
        typeIds[key] = must('saveAppointmentType', await api.saveAppointmentType({ type: { ...fields, providerIds: Object.values(providerIds), active: true } })).id;
      }
      must(
        'saveException',
        await api.saveException({ exception: { providerId: providerIds.chen ?? null, kind: 'blocked', fromDate: fullDay, toDate: fullDay, startTime: '14:00', endTime: '15:00', note: 'Staff meeting' } }),
      );
      const patients: Record<string, string> = {};
      for (const person of people) {
        let acknowledged: string[] = [];
        for (let round = 0; round < 4 && !patients[person.key]; round += 1) {
          const result = must('quickRegister', await clinic.patients.quickRegister({ fields: person.fields, acknowledgedDuplicateIds: acknowledged }));
          if (result.outcome === 'created') patients[person.key] = result.patient.id;
          else acknowledged = [...acknowledged, ...result.candidates.map((c) => c.id)];
        }
      }
      const providerOrder = providers.map((p) => p.key);
      for (const b of bookings) {
        const type = types.find((t) => t.key === b.type);
        const providerIndex = providerOrder.indexOf(b.provider);
        const booked = must(
          'book',
          await api.book({
            patientId: patients[b.patient] ?? '',
            providerId: providerIds[b.provider] ?? '',
            typeId: typeIds[b.type] ?? '',
            roomId: type?.needsRoom ? (rooms[providerIndex] ?? null) : null,
            start: { date: b.date, time: b.time },
            ...(b.durationMinutes ? { durationMinutes: b.durationMinutes } : {}),
            reason: b.reason ?? null,
            ...(b.overbook ? { overbook: { reason: b.overbook } } : {}),
          }),
        );
        if (booked.outcome !== 'saved') throw new Error(`book ${b.patient} ${b.date} ${b.time}: ${booked.problems.map((p) => p.message).join(' ')}`);
        const steps: Record<string, ('confirmed' | 'arrived' | 'in_room' | 'checked_out' | 'no_show')[]> = {
          confirmed: ['confirmed'],
          arrived: ['confirmed', 'arrived'],
          in_room: ['arrived', 'in_room'],
          checked_out: ['arrived', 'in_room', 'checked_out'],
          no_show: ['no_show'],
        };
        for (const status of b.status ? (steps[b.status] ?? []) : []) must('setStatus', await api.setStatus({ id: booked.appointment.id, status }));
      }
      return { providers: providerIds, types: typeIds, rooms, patients };
    },
    { providers: providerPlans, types: TYPES, bookings, people, fullDay: FULL_DAY },
  ) as Promise<ClinicBook>;
}

/**
 * `app`: the book's own clinic (set up once per worker), signed in as its administrator, the browser's clock fixed at
 * FULL_DAY 10:40, showing the Schedule screen. `book`: the ids of what was set up.
 */
export const test = base.extend<{ app: Page; book: ClinicBook }, { bookProviders: 6 | 12; bookHost: RunningHost; bookClinic: ClinicBook }>({
  /** `test.use({ bookProviders: 12 })`: a clinic of a dozen providers (a worker, and so a host, of its own). */
  bookProviders: [6, { scope: 'worker', option: true }],
  bookHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startTestHost();
      await use(host);
      expect(await host.stop(), 'the test host should exit cleanly (code 0) on SIGTERM').toBe(0);
    },
    { scope: 'worker' },
  ],
  bookClinic: [
    async ({ bookHost, bookProviders, browser }, use) => {
      const page = await browser.newPage({ baseURL: bookHost.url });
      await page.goto('/');
      await setUpThroughBridge(page);
      const book = await setUpBookThroughBridge(page, bookProviders);
      await page.close();
      await use(book);
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ bookHost }, use) => {
    await use(bookHost.url);
  },
  book: async ({ bookClinic }, use) => {
    await use(bookClinic);
  },
  app: async ({ page, bookClinic }, use) => {
    void bookClinic;
    await page.clock.setFixedTime(DESK_NOW);
    await page.goto('/');
    if (await signInThroughBridge(page, ADMIN)) await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Book' })).toHaveAttribute('aria-selected', 'true');
    await use(page);
  },
});

export { expect };

// ── Helpers the stories use ──────────────────────────────────────────────────────────────────────────────────

/** The day view's grid. */
export function bookGrid(page: Page): Locator {
  return page.getByRole('group', { name: /^Appointment book, / });
}

/** An appointment block, by its accessible name ("10:00–10:30 Maria Gomez-Ruiz, Follow-up, Dr. Lee, booked"). */
export function block(page: Page, name: string | RegExp): Locator {
  return page.locator('.book-block').and(page.getByRole('button', { name }));
}

/** A provider's (or room's, or day's) column of the grid, by its heading. */
export function column(page: Page, name: string): Locator {
  return page.locator(`.book-col[aria-label="${name}"], .book-col[aria-label^="${name}, "]`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Goes to a date with the date box (as the desk would type it). */
export async function goToDate(page: Page, date: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Go to date' });
  if ((await box.inputValue()) === date) {
    await box.focus();
    return;
  }
  const answered = page.waitForResponse((r) => r.url().includes('/__caredesk/ipc/scheduling:') && (r.request().postData() ?? '').includes(date));
  await page.getByRole('textbox', { name: 'Go to date' }).fill(date);
  await answered;
}

/** The book's day through main (what is saved, not what is drawn). */
export async function dayThroughBridge(page: Page, date: string): Promise<AppointmentView[]> {
  return page.evaluate(async (date) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const day = await api.day({ date, by: 'provider' });
    if (!day.ok) throw new Error(`scheduling:day failed: ${day.error.message}`);
    return day.value.columns.flatMap((c) => c.appointments);
  }, date);
}

/** Puts a patient on the waitlist through main (as the Waitlist tab would). */
export async function addToWaitlistThroughBridge(
  page: Page,
  entry: { patientId: string; typeId: string; providerIds: string[]; weekdays: number[]; timeWindows: { start: string; end: string }[]; fromDate: string; toDate: string; note?: string },
): Promise<string> {
  return page.evaluate(async (entry) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const saved = await api.saveWaitlistEntry({ entry: { ...entry, active: true } });
    if (!saved.ok) throw new Error(`scheduling:saveWaitlistEntry failed: ${saved.error.message}`);
    return saved.value.id;
  }, entry);
}

/** Registers a patient through main (quick registration, past any duplicate check) and returns the id. */
export async function registerPatientThroughBridge(page: Page, fields: { firstName: string; lastName: string; dateOfBirth: string; phone: string }): Promise<string> {
  return page.evaluate(async (fields) => {
    const clinic = (window as unknown as { clinic: ClinicApi }).clinic;
    let acknowledged: string[] = [];
    for (let round = 0; round < 4; round += 1) {
      const result = await clinic.patients.quickRegister({ fields, acknowledgedDuplicateIds: acknowledged });
      if (!result.ok) throw new Error(`patients:quickRegister failed: ${result.error.message}`);
      if (result.value.outcome === 'created') return result.value.patient.id;
      acknowledged = [...acknowledged, ...result.value.candidates.map((c) => c.id)];
    }
    throw new Error('patients:quickRegister kept finding duplicates');
  }, fields);
}

/** Books one visit through main (no rule problems expected) and returns it. */
export async function bookThroughBridge(
  page: Page,
  booking: { patientId: string; providerId: string; typeId: string; start: { date: string; time: string }; roomId?: string | null; reason?: string },
): Promise<AppointmentView> {
  return page.evaluate(async (booking) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const result = await api.book(booking);
    if (!result.ok) throw new Error(`scheduling:book failed: ${result.error.message}`);
    if (result.value.outcome !== 'saved') throw new Error(`scheduling:book refused: ${result.value.problems.map((p) => p.message).join(' ')}`);
    return result.value.appointment;
  }, booking);
}

/** A patient's appointments through main (upcoming and past, cancelled ones included), by date and time. */
export async function patientAppointmentsThroughBridge(page: Page, patientId: string): Promise<AppointmentView[]> {
  return page.evaluate(async (patientId) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const result = await api.patientAppointments({ patientId });
    if (!result.ok) throw new Error(`scheduling:patientAppointments failed: ${result.error.message}`);
    return [...result.value.past, ...result.value.upcoming].sort((a, b) => a.startAt - b.startAt);
  }, patientId);
}

/** Clicks a provider's free time in the day view, where the gutter labels that time (on the hour or half hour). */
export async function clickFreeTime(page: Page, provider: string, time: string): Promise<void> {
  const label = page.locator('.book-gutter-label').filter({ hasText: new RegExp(`^${escapeRegExp(time)}$`) });
  await label.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const row = await label.boundingBox();
  const box = await column(page, provider).boundingBox();
  if (!row || !box) throw new Error(`no free time for ${provider} at ${time}`);
  await page.mouse.click(box.x + box.width / 2, row.y + 1.6 + 12);
}

/** Blocks a provider's time on one day through main (as Admin › exceptions would), and returns the exception's id. */
export async function blockTimeThroughBridge(page: Page, block: { providerId: string; date: string; startTime: string; endTime: string; note: string }): Promise<string> {
  return page.evaluate(async (block) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const saved = await api.saveException({
      exception: { providerId: block.providerId, kind: 'blocked', fromDate: block.date, toDate: block.date, startTime: block.startTime, endTime: block.endTime, note: block.note },
    });
    if (!saved.ok) throw new Error(`scheduling:saveException failed: ${saved.error.message}`);
    return saved.value.id;
  }, block);
}

/** The waitlist through main (active entries, or all), as the Waitlist tab reads it. */
export async function waitlistThroughBridge(page: Page, includeInactive = false): Promise<WaitlistEntryView[]> {
  return page.evaluate(async (includeInactive) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const result = await api.listWaitlist({ includeInactive });
    if (!result.ok) throw new Error(`scheduling:listWaitlist failed: ${result.error.message}`);
    return result.value.entries;
  }, includeInactive);
}

/** In the booking dialog: searches for a patient and takes the first match for `name` with Enter, as the desk would. */
export async function chooseBookingPatient(page: Page, query: string, name: RegExp): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
  const answered = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/patients:search'));
  await dialog.getByRole('combobox', { name: 'Patient' }).fill(query);
  await answered;
  await expect(dialog.getByRole('option').filter({ hasText: name }).first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.locator('.booking-patient')).toContainText(name);
}

/** Asks main to book one visit and returns its answer as it is (for stories where main should refuse). */
export async function bookingAnswerThroughBridge(
  page: Page,
  booking: { patientId: string; providerId: string; typeId: string; start: { date: string; time: string }; roomId?: string | null },
): Promise<{ ok: true; outcome: 'saved' | 'not-saved' } | { ok: false; code: string; message: string }> {
  return page.evaluate(async (booking) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const result = await api.book(booking);
    return result.ok ? { ok: true as const, outcome: result.value.outcome } : { ok: false as const, code: result.error.code, message: result.error.message };
  }, booking);
}
