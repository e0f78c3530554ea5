import type { ClinicCore } from '../../electron/core';
import type { AppointmentView, RuleProblem, WaitlistSuggestion } from '../../shared/contract/scheduling';
import type { StaffMember } from '../../shared/contract/staff';
import type { Role } from '../../shared/roles';
import type { Result } from '../../shared/result';
import { ADMIN_CLIENT, APP_PAGE_URL, startTestCore } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

/**
 * A clinic for the scheduling stories: the real core on a real encrypted database, its clock in the test's hands
 * (`clock.now`), the clinic in New York, Maria Lee (admin) signed in on ADMIN_CLIENT.
 */

export const NEW_YORK = 'America/New_York';

/** Instant of a New York wall-clock time (for fixtures away from the clock changes: EST before Mar 8 / after Nov 1 2026, EDT between). */
export function nyInstant(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const edt = date >= '2026-03-08' && date < '2026-11-01';
  return Date.UTC(y, m - 1, d, hh + (edt ? 4 : 5), mm);
}

/** Monday 2 March 2026, 7:00 in New York: the default "now" of every story. */
export const STORY_START = nyInstant('2026-03-02', '07:00');

export type BookOutcome = { outcome: 'saved'; appointment: AppointmentView; waitlistSuggestions: WaitlistSuggestion[] } | { outcome: 'not-saved'; problems: RuleProblem[] };
export type SeriesOutcome =
  | { outcome: 'saved'; seriesId: string | null; appointments: AppointmentView[]; waitlistSuggestions: WaitlistSuggestion[] }
  | { outcome: 'not-saved'; problems: RuleProblem[] };

export interface SchedulingClinic {
  dir: TempDataDir;
  core: ClinicCore;
  clock: { now: number };
  call<T = unknown>(channel: string, payload: unknown, clientId?: string): Promise<Result<T>>;
  value<T>(promise: Promise<Result<T>>): Promise<T>;
  signInAs(role: Role, fullName: string): Promise<{ clientId: string; userId: string }>;
  patient(firstName: string, lastName: string, extra?: Record<string, unknown>): Promise<string>;
  provider(name: string, week?: { weekday: number; blocks: { start: string; end: string }[] }[]): Promise<string>;
  room(name: string): Promise<string>;
  type(name: string, fields: { durationMinutes: number; providerIds: string[]; bufferAfterMinutes?: number; needsRoom?: boolean; mode?: 'in_person' | 'telehealth' }): Promise<string>;
  book(payload: Record<string, unknown>, clientId?: string): Promise<BookOutcome>;
  /** Books and fails the test unless it was saved. */
  booked(payload: Record<string, unknown>, clientId?: string): Promise<AppointmentView>;
  close(): Promise<void>;
}

/** Monday to Friday, 8:00–12:00 and 13:00–17:00. */
export const WEEKDAYS_8_TO_5 = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  blocks: [
    { start: '8:00', end: '12:00' },
    { start: '13:00', end: '17:00' },
  ],
}));

export async function openSchedulingClinic(options: { now?: number; timeZone?: string } = {}): Promise<SchedulingClinic> {
  const dir = createTempDataDir();
  const clock = { now: options.now ?? STORY_START };
  const core = await startTestCore(dir.path, { clock: () => clock.now });
  const call = <T = unknown>(channel: string, payload: unknown, clientId = ADMIN_CLIENT) =>
    core.dispatcher.dispatch({ channel, senderUrl: APP_PAGE_URL, clientId, payload }) as Promise<Result<T>>;
  async function value<T>(promise: Promise<Result<T>>): Promise<T> {
    const result = await promise;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
    return result.value;
  }
  await value(call('settings:update', { timeZone: options.timeZone ?? NEW_YORK }));
  let staffCount = 0;
  let phoneCount = 100;
  return {
    dir,
    core,
    clock,
    call,
    value,
    async signInAs(role, fullName) {
      staffCount += 1;
      const username = `staff${staffCount}`;
      const clientId = `pc-${username}`;
      const member = await value(call<StaffMember>('staff:create', { fullName, username, role, temporaryPassword: 'blue heron at dawn' }));
      await value(call('auth:signIn', { username, password: 'blue heron at dawn' }, clientId));
      await value(call('auth:changePassword', { currentPassword: 'blue heron at dawn', newPassword: `ferns grow by the creek ${staffCount}` }, clientId));
      return { clientId, userId: member.id };
    },
    async patient(firstName, lastName, extra = {}) {
      phoneCount += 1;
      const outcome = await value(
        call<{ outcome: string; patient?: { id: string } }>('patients:register', {
          fields: { firstName, lastName, dateOfBirth: `19${50 + (phoneCount % 40)}-0${1 + (phoneCount % 9)}-1${phoneCount % 10}`, sexAtBirth: 'unknown', phoneMobile: `(312) 555-0${phoneCount}`, preferredPhone: 'mobile', ...extra },
          acknowledgedDuplicateIds: [],
        }),
      );
      if (outcome.outcome !== 'created' || !outcome.patient) throw new Error(`expected a new patient, got ${JSON.stringify(outcome)}`);
      return outcome.patient.id;
    },
    async provider(name, week = WEEKDAYS_8_TO_5) {
      const provider = await value(call<{ id: string }>('scheduling:saveProvider', { provider: { name, color: '#3b82f6' } }));
      await value(call('scheduling:setWorkingHours', { providerId: provider.id, week }));
      return provider.id;
    },
    async room(name) {
      return (await value(call<{ id: string }>('scheduling:saveRoom', { room: { name } }))).id;
    },
    async type(name, fields) {
      const type = await value(
        call<{ id: string }>('scheduling:saveAppointmentType', {
          type: { name, color: '#10b981', mode: fields.mode ?? 'in_person', needsRoom: fields.needsRoom ?? false, bufferAfterMinutes: fields.bufferAfterMinutes ?? 0, durationMinutes: fields.durationMinutes, providerIds: fields.providerIds },
        }),
      );
      return type.id;
    },
    book: (payload, clientId) => value(call<BookOutcome>('scheduling:book', payload, clientId)),
    async booked(payload, clientId) {
      const outcome = await value(call<BookOutcome>('scheduling:book', payload, clientId));
      if (outcome.outcome !== 'saved') throw new Error(`expected a booking, got ${JSON.stringify(outcome)}`);
      return outcome.appointment;
    },
    async close() {
      await core.close();
      dir.remove();
    },
  };
}

/** Rows of the given tables (everything but the audit trail), for "nothing changed" checks. */
export function bookRowCounts(core: ClinicCore): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of ['appointment', 'appointment_series', 'appointment_change', 'appointment_status_event', 'appointment_reminder', 'waitlist_entry']) {
    counts[table] = Number(core.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  }
  return counts;
}

export function auditEntries(core: ClinicCore, entityType: string): { action: string; entity_id: string; patient_id: string | null; detail: string | null; actor_user_id: string | null }[] {
  return core.sqlite.prepare('SELECT action, entity_id, patient_id, detail, actor_user_id FROM audit_event WHERE entity_type = ? ORDER BY seq').all(entityType) as never;
}
