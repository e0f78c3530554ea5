import type { z } from 'zod';
import type { Contract } from '../../shared/contract';
import type { ChannelSpec } from '../../shared/contract/channel';

/** One valid input per channel, typed by the contract: a new channel does not compile here until it has one. */
export type ChannelExamples = {
  [A in keyof Contract]: {
    [K in keyof Contract[A]]: Contract[A][K] extends ChannelSpec<infer I> ? z.input<I> : never;
  };
};

export const CHANNEL_EXAMPLES: ChannelExamples = {
  app: {
    status: undefined,
    setUnsavedWork: { unsaved: true },
  },
  session: {
    state: undefined,
  },
  setup: {
    begin: undefined,
    cancel: undefined,
    complete: {
      clinicName: 'Riverside Family Clinic',
      timeZone: 'America/Chicago',
      admin: { fullName: 'Maria Lee', username: 'mlee', password: 'maple syrup on tuesday' },
      confirmGroups: ['7KQ2', '9XHM'],
    },
  },
  auth: {
    signIn: { username: 'mlee', password: 'maple syrup on tuesday' },
    signOut: undefined,
    recover: { recoveryCode: '7KQ2-9XHM-ABCD-EFGH-JKMN-PQRS-TVWX', username: 'mlee', newPassword: 'quiet river stones glow' },
    changePassword: { currentPassword: 'maple syrup on tuesday', newPassword: 'quiet river stones glow' },
  },
  audit: {
    list: { action: 'auth.signIn', from: 1_767_225_600_000, to: 1_767_311_999_999, sort: 'at', direction: 'desc', limit: 50, offset: 0 },
    verify: undefined,
    exportCsv: { userId: '0192f0c4-0000-7000-8000-000000000001', from: 1_767_225_600_000, to: 1_767_311_999_999, sort: 'actor', direction: 'asc' },
  },
  staff: {
    list: undefined,
    create: { fullName: 'Jamal Ortiz', username: 'jortiz', role: 'front_desk', temporaryPassword: 'blue heron at dawn' },
    update: { id: '0192f0c4-0000-7000-8000-000000000001', role: 'coordinator' },
    deactivate: { id: '0192f0c4-0000-7000-8000-000000000001' },
    reactivate: { id: '0192f0c4-0000-7000-8000-000000000001', temporaryPassword: 'blue heron at dawn' },
    resetPassword: { id: '0192f0c4-0000-7000-8000-000000000001', temporaryPassword: 'blue heron at dawn' },
    unlock: { id: '0192f0c4-0000-7000-8000-000000000001' },
  },
  settings: {
    get: undefined,
    update: { lockAfterMinutes: 5 },
  },
  lock: {
    now: undefined,
    unlockWithPin: { pin: '4821' },
    setPin: { password: 'maple syrup on tuesday', pin: '4821' },
    clearPin: undefined,
  },
  drafts: {
    save: { formKey: 'staff:create', data: '{"fullName":"Jamal"}' },
    load: { formKey: 'staff:create' },
    discard: { formKey: 'staff:create' },
  },
  backup: {
    chooseFolder: undefined,
    chooseFile: undefined,
    restoreAfterDamage: { recoveryCode: '7KQ2-9XHM-ABCD-EFGH-JKMN-PQRS-TVWX' },
    runNow: undefined,
    status: undefined,
    list: undefined,
    restore: { file: 'E:\\CareDesk Backups\\caredesk-backup-20250314-123000.cdbak', recoveryCode: '7KQ2-9XHM-ABCD-EFGH-JKMN-PQRS-TVWX' },
    cancel: undefined,
    getSettings: undefined,
    setSettings: { folder: 'E:\\CareDesk Backups', dailyAt: '12:30', onQuit: true },
  },
  patients: {
    search: { query: 'smith, jo', limit: 20 },
    get: { id: '0192f0c4-0000-7000-8000-0000000000a1' },
    checkDuplicates: { firstName: 'Robert', lastName: 'Smith', dateOfBirth: '1962-03-14', phone: '(312) 555-0142', email: 'bob@example.com', postalCode: '60614' },
    register: {
      fields: {
        firstName: 'Robert',
        middleName: 'James',
        lastName: 'Smith',
        suffix: 'Jr',
        preferredName: 'Bob',
        dateOfBirth: '1962-03-14',
        sexAtBirth: 'male',
        genderIdentity: null,
        pronouns: 'he/him',
        phoneMobile: '(312) 555-0142',
        phoneHome: null,
        phoneWork: null,
        preferredPhone: 'mobile',
        textConsent: true,
        email: 'bob@example.com',
        emailConsent: false,
        addressLine1: '1200 N Clark St',
        addressLine2: null,
        city: 'Chicago',
        state: 'IL',
        postalCode: '60614',
        preferredLanguage: 'Spanish',
        interpreterNeeded: true,
        preferredContactMethod: 'text',
        preferredContactTimes: 'Weekday mornings',
        emergencyContactName: 'Ana Smith',
        emergencyContactRelationship: 'daughter',
        emergencyContactPhone: '312-555-0199',
        status: 'active',
      },
      acknowledgedDuplicateIds: [],
    },
    quickRegister: { fields: { firstName: 'Robert', lastName: 'Smith', dateOfBirth: '1962-03-14', phone: '(312) 555-0142' }, acknowledgedDuplicateIds: [] },
    update: {
      id: '0192f0c4-0000-7000-8000-0000000000a1',
      fields: { firstName: 'Robert', lastName: 'Smith', dateOfBirth: '1962-03-14', sexAtBirth: 'male', phoneHome: '312 555 0143', status: 'active' },
    },
    saveRelatedPerson: {
      patientId: '0192f0c4-0000-7000-8000-0000000000a1',
      person: { name: 'Ana Smith', relationship: 'daughter', phone: '(312) 555-0199', shareAppointments: true, authorizedFrom: '2025-01-15', authorizedUntil: null },
    },
    merge: { survivorId: '0192f0c4-0000-7000-8000-0000000000a1', mergedId: '0192f0c4-0000-7000-8000-0000000000a2' },
  },
};

/** The example for 'area:action', or found:false when the map has none (checked by contract.test.ts). */
export function exampleFor(channel: string): { found: boolean; value: unknown } {
  const [area, action] = channel.split(':');
  const areaExamples: Record<string, unknown> | undefined =
    area !== undefined && Object.hasOwn(CHANNEL_EXAMPLES, area) ? (CHANNEL_EXAMPLES as Record<string, Record<string, unknown>>)[area] : undefined;
  if (!areaExamples || action === undefined || !Object.hasOwn(areaExamples, action)) return { found: false, value: undefined };
  return { found: true, value: areaExamples[action] };
}
