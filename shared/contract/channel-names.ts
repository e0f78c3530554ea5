/**
 * Channel names only, without zod, so the preload bundle stays tiny and schema-free.
 * `contract.ts` checks at compile time that this list and the contract agree exactly.
 */
export const CHANNEL_NAMES = {
  app: ['status', 'setUnsavedWork'],
  session: ['state'],
  setup: ['begin', 'cancel', 'complete'],
  auth: ['signIn', 'signOut', 'recover', 'changePassword'],
  audit: ['list', 'verify', 'exportCsv'],
  staff: ['list', 'create', 'update', 'deactivate', 'reactivate', 'resetPassword', 'unlock'],
  settings: ['get', 'update'],
  lock: ['now', 'unlockWithPin', 'setPin', 'clearPin'],
  drafts: ['save', 'load', 'discard'],
  backup: ['chooseFolder', 'chooseFile', 'restoreAfterDamage', 'runNow', 'status', 'list', 'restore', 'cancel', 'getSettings', 'setSettings'],
  patients: ['search', 'get', 'checkDuplicates', 'register', 'quickRegister', 'update', 'saveRelatedPerson', 'merge'],
  scheduling: [
    'getSetup', 'saveProvider', 'saveRoom', 'setWorkingHours', 'saveAppointmentType', 'listExceptions', 'saveException', 'removeException',
    'day', 'week', 'month', 'dayGrid', 'get', 'patientAppointments',
    'book', 'bookSeries', 'reschedule', 'updateDetails', 'cancel', 'setStatus',
    'checkInBoard', 'reminderList', 'markReminder',
    'findSlots', 'listWaitlist', 'saveWaitlistEntry', 'waitlistForSlot', 'exportIcs',
  ],
} as const;

export type ChannelNames = typeof CHANNEL_NAMES;

export function listChannels(): string[] {
  return Object.entries(CHANNEL_NAMES).flatMap(([area, actions]) =>
    (actions as readonly string[]).map((action) => `${area}:${action}`),
  );
}
