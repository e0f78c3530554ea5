import type { ClinicCore } from '../../../electron/core';
import type { StaffMember } from '../../../shared/contract/staff';
import type { PatientPage } from '../../../shared/contract/patients';
import { todayIn } from '../../../shared/patients/dates';
import type { Role } from '../../../shared/roles';
import type { Result } from '../../../shared/result';
import { ADMIN_CLIENT, APP_PAGE_URL, startTestCore } from '../../support/core';
import { createTempDataDir, type TempDataDir } from '../../support/temp-data-dir';

/** A clinic for one patients story: the real core on a real encrypted database, Maria Lee (admin) signed in. */
export interface PatientsClinic {
  dir: TempDataDir;
  core: ClinicCore;
  call<T = unknown>(channel: string, payload: unknown, clientId?: string): Promise<Result<T>>;
  value<T>(promise: Promise<Result<T>>): Promise<T>;
  /** Registers (acknowledging nothing) and fails the test unless a record was created. */
  register(fields: Record<string, unknown>, clientId?: string): Promise<{ id: string; mrn: string }>;
  quickRegister(fields: Record<string, unknown>, clientId?: string): Promise<{ id: string; mrn: string }>;
  open(id: string, clientId?: string): Promise<PatientPage>;
  /** Creates a staff member of that role, signs them in on their own window and returns the window's client id. */
  signInAs(role: Role, fullName: string): Promise<{ clientId: string; userId: string }>;
  close(): Promise<void>;
}

export async function openPatientsClinic(options: { clock?: () => number } = {}): Promise<PatientsClinic> {
  const dir = createTempDataDir();
  const core = await startTestCore(dir.path, options.clock ? { clock: options.clock } : {});
  const call = <T = unknown>(channel: string, payload: unknown, clientId = ADMIN_CLIENT) =>
    core.dispatcher.dispatch({ channel, senderUrl: APP_PAGE_URL, clientId, payload }) as Promise<Result<T>>;
  async function value<T>(promise: Promise<Result<T>>): Promise<T> {
    const result = await promise;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.issues ?? [])}`);
    return result.value;
  }
  type Outcome = { outcome: 'created'; patient: { id: string; mrn: string } } | { outcome: 'possible-duplicates' };
  async function created(promise: Promise<Result<Outcome>>) {
    const outcome = await value(promise);
    if (outcome.outcome !== 'created') throw new Error(`expected a new record, got ${JSON.stringify(outcome)}`);
    return outcome.patient;
  }
  let staffCount = 0;
  return {
    dir,
    core,
    call,
    value,
    register: (fields, clientId) => created(call('patients:register', { fields, acknowledgedDuplicateIds: [] }, clientId)),
    quickRegister: (fields, clientId) => created(call('patients:quickRegister', { fields, acknowledgedDuplicateIds: [] }, clientId)),
    open: (id, clientId) => value(call<PatientPage>('patients:get', { id }, clientId)),
    async signInAs(role, fullName) {
      staffCount += 1;
      const username = `staff${staffCount}`;
      const clientId = `pc-${username}`;
      const member = await value(call<StaffMember>('staff:create', { fullName, username, role, temporaryPassword: 'blue heron at dawn' }));
      await value(call('auth:signIn', { username, password: 'blue heron at dawn' }, clientId));
      await value(call('auth:changePassword', { currentPassword: 'blue heron at dawn', newPassword: `ferns grow by the creek ${staffCount}` }, clientId));
      return { clientId, userId: member.id };
    },
    async close() {
      await core.close();
      dir.remove();
    },
  };
}

/** The clinic's today (the test clinic is in America/Chicago), shifted by whole days. */
export function clinicDay(offsetDays = 0): string {
  return todayIn('America/Chicago', Date.now() + offsetDays * 86_400_000);
}

/** Robert Smith, registered in full at the desk. Phones typed the way people type them. */
export const ROBERT = {
  firstName: 'Robert',
  middleName: 'James',
  lastName: 'Smith',
  suffix: 'Jr',
  preferredName: 'Bob',
  dateOfBirth: '1962-03-14',
  sexAtBirth: 'male',
  pronouns: 'he/him',
  phoneMobile: '(312) 555-0142',
  phoneHome: '312.555.0143',
  preferredPhone: 'mobile',
  textConsent: true,
  email: 'Bob.Smith@Example.com',
  emailConsent: true,
  addressLine1: '1200 N Clark St',
  city: 'Chicago',
  state: 'IL',
  postalCode: '60614',
  preferredLanguage: 'English',
  preferredContactMethod: 'text',
  emergencyContactName: 'Ana Smith',
  emergencyContactRelationship: 'daughter',
  emergencyContactPhone: '312-555-0199',
} as const;

/** Someone else entirely. */
export const GRACE = { firstName: 'Grace', lastName: 'Okafor', dateOfBirth: '1990-07-02', sexAtBirth: 'female' } as const;
