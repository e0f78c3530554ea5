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
  scheduling: {
    getSetup: undefined,
    saveProvider: { provider: { name: 'Dr. Anna Lee', credentials: 'MD', npi: '1234567893', color: '#3b82f6', active: true } },
    saveRoom: { room: { name: 'Exam 1', active: true } },
    setWorkingHours: {
      providerId: '0192f0c4-0000-7000-8000-0000000000b1',
      week: [
        { weekday: 1, blocks: [{ start: '8:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
        { weekday: 3, blocks: [{ start: '9:00', end: '15:30' }] },
      ],
    },
    saveAppointmentType: {
      type: { name: 'New patient visit', durationMinutes: 40, color: '#10b981', mode: 'in_person', needsRoom: true, bufferAfterMinutes: 10, providerIds: ['0192f0c4-0000-7000-8000-0000000000b1'], active: true },
    },
    listExceptions: { fromDate: '2026-03-01', toDate: '2026-03-31' },
    saveException: { exception: { providerId: '0192f0c4-0000-7000-8000-0000000000b1', kind: 'blocked', fromDate: '2026-03-10', toDate: '2026-03-10', startTime: '12:00', endTime: '13:30', note: 'Staff meeting' } },
    removeException: { id: '0192f0c4-0000-7000-8000-0000000000e1' },
    day: { date: '2026-03-10', by: 'provider', includeInactive: false },
    week: { providerId: '0192f0c4-0000-7000-8000-0000000000b1', date: '2026-03-10' },
    month: { month: '2026-03', providerId: null },
    dayGrid: { date: '2026-03-08', step: 15, wholeDay: true },
    get: { id: '0192f0c4-0000-7000-8000-0000000000c1' },
    patientAppointments: { patientId: '0192f0c4-0000-7000-8000-0000000000a1' },
    book: {
      patientId: '0192f0c4-0000-7000-8000-0000000000a1',
      typeId: '0192f0c4-0000-7000-8000-0000000000d1',
      providerId: '0192f0c4-0000-7000-8000-0000000000b1',
      roomId: '0192f0c4-0000-7000-8000-0000000000f1',
      start: { date: '2026-03-10', time: '10:00' },
      durationMinutes: 30,
      reason: 'Follow-up on blood pressure',
      notes: 'Prefers mornings',
      telehealthLink: null,
      overbook: { reason: 'Urgent, doctor agreed' },
      acknowledgePatientOverlap: false,
      fromWaitlistEntryId: '0192f0c4-0000-7000-8000-0000000000f2',
    },
    bookSeries: {
      booking: {
        patientId: '0192f0c4-0000-7000-8000-0000000000a1',
        typeId: '0192f0c4-0000-7000-8000-0000000000d1',
        providerId: '0192f0c4-0000-7000-8000-0000000000b1',
        start: { date: '2026-03-10', time: '9:00' },
      },
      recurrence: { frequency: 'monthly', interval: 1, weekOfMonth: 2 },
      end: { count: 6 },
      skipDates: ['2026-05-12'],
    },
    reschedule: { id: '0192f0c4-0000-7000-8000-0000000000c1', start: { date: '2026-11-01', time: '1:30', occurrence: 'second' }, durationMinutes: 45, scope: 'following', override: { reason: 'Doctor staying late' } },
    updateDetails: { id: '0192f0c4-0000-7000-8000-0000000000c1', reason: 'Annual physical', notes: null, telehealthLink: 'https://meet.example.com/abc' },
    cancel: { id: '0192f0c4-0000-7000-8000-0000000000c1', reason: 'weather', note: 'Snow storm', scope: 'this' },
    setStatus: { id: '0192f0c4-0000-7000-8000-0000000000c1', status: 'arrived', overbook: { reason: 'Came late, doctor agreed' }, acknowledgePatientOverlap: true },
    checkInBoard: undefined,
    reminderList: { date: '2026-03-10' },
    markReminder: { appointmentId: '0192f0c4-0000-7000-8000-0000000000c1', outcome: 'left_message', note: 'Voicemail' },
    findSlots: {
      typeId: '0192f0c4-0000-7000-8000-0000000000d1',
      providerId: null,
      fromDate: '2026-03-10',
      toDate: '2026-04-10',
      weekdays: [2, 4],
      timeWindows: [{ start: '8:00', end: '12:00' }],
      step: 15,
      limit: 5,
    },
    listWaitlist: { includeInactive: false },
    saveWaitlistEntry: {
      entry: {
        patientId: '0192f0c4-0000-7000-8000-0000000000a1',
        typeId: '0192f0c4-0000-7000-8000-0000000000d1',
        providerIds: ['0192f0c4-0000-7000-8000-0000000000b1'],
        weekdays: [1, 2, 3],
        timeWindows: [{ start: '8:00', end: '11:00' }],
        fromDate: '2026-03-10',
        toDate: '2026-04-30',
        note: 'Wants an earlier visit',
        active: true,
      },
    },
    waitlistForSlot: { providerId: '0192f0c4-0000-7000-8000-0000000000b1', startAt: 1_773_151_200_000, endAt: 1_773_153_000_000 },
    exportIcs: { id: '0192f0c4-0000-7000-8000-0000000000c1' },
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
