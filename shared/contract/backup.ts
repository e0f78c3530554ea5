import { z } from 'zod';
import { defineChannel } from './channel';

/**
 * Encrypted, verified backups and restore. Administrators only. The folder and the file are paths chosen in a
 * main-process dialog (the renderer never browses the disk); main checks them again before using them.
 */
const ADMIN_ONLY = ['admin'] as const;

/** An absolute folder or file path on Windows (C:\..., \\server\share\...) or macOS/Linux (/...). */
export function isAbsolutePath(path: string): boolean {
  return /^[A-Za-z]:[\\/]/.test(path) || /^\\\\[^\\/]+[\\/][^\\/]+/.test(path) || path.startsWith('/');
}

// C0 controls and DEL: no real folder name has them, and they garble paths in messages and logs.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

const pathSchema = (what: 'folder' | 'file', example: string) =>
  z
    .string({ error: `Choose the backup ${what}.` })
    .trim()
    .min(1, `Choose the backup ${what}.`)
    .max(1024, `That ${what} path is too long. Choose a ${what} closer to the top of the drive.`)
    .refine((path) => !CONTROL_CHARACTERS.test(path), `That ${what} path contains characters a ${what} name cannot have. Choose the ${what} again.`)
    .refine(isAbsolutePath, `Choose the ${what} with its full path, such as ${example}.`);

export const backupFolderSchema = pathSchema('folder', 'D:\\CareDesk Backups or /Volumes/Backup/CareDesk');

export const backupFileSchema = pathSchema('file', 'E:\\caredesk-backup-20250314-123000.cdbak').refine(
  (path) => path.toLowerCase().endsWith('.cdbak'),
  'Choose a CareDesk backup file (its name ends in .cdbak).',
);

export const dailyAtSchema = z
  .string({ error: 'Enter the time of the daily backup, such as 12:30.' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as HH:MM on a 24-hour clock, such as 12:30 or 18:45.');

/** The same leniency as sign-in recovery: groups, spaces and dashes are fine; main checks the code itself. */
const recoveryCodeSchema = z
  .string({ error: 'Enter the recovery code.' })
  .trim()
  .min(1, 'Enter the recovery code.')
  .max(64, 'A recovery code has 28 characters (7 groups of 4).');

export const backupSettingsSchema = z
  .object({
    /** Null until an administrator chooses a folder: no automatic backups before that. */
    folder: backupFolderSchema.nullable(),
    /** Daily backup time in the clinic's time zone. */
    dailyAt: dailyAtSchema,
    /** Also back up when CareDesk quits. */
    onQuit: z.boolean({ error: 'Choose whether to back up when CareDesk quits.' }),
  })
  .strict();
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const BACKUP_PHASES = ['snapshot', 'checksum', 'write', 'verify', 'restore'] as const;

const backupRunSchema = z.object({
  job: z.enum(['backup', 'restore']),
  phase: z.enum(BACKUP_PHASES),
  /** Overall, 0–100. */
  percent: z.number().int().min(0).max(100),
});

export const backupStatusSchema = z.object({
  folder: z.string().nullable(),
  /** When the last verified backup was taken (UTC epoch ms), or null if there is none. */
  lastVerifiedAt: z.number().int().nullable(),
  lastVerifiedFile: z.string().nullable(),
  /** No verified backup in the last 48 hours (or none at all). */
  stale: z.boolean(),
  /** When the next daily backup is due; at or before now means "at the next chance". Null without a folder. */
  nextDueAt: z.number().int().nullable(),
  /** The latest attempt, when it failed after the last verified backup. */
  lastFailure: z.object({ at: z.number().int(), message: z.string() }).nullable(),
  /** A backup or restore in progress. */
  running: backupRunSchema.nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupSummarySchema = z.object({
  fileName: z.string(),
  path: z.string(),
  createdAt: z.number().int(),
  /** Size of the backup file. */
  bytes: z.number().int().nonnegative(),
  verified: z.literal(true),
});

export const backupListEntrySchema = z.object({
  fileName: z.string(),
  path: z.string(),
  /** From the backup's description; null when it cannot be read. */
  createdAt: z.number().int().nullable(),
  bytes: z.number().int().nonnegative(),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  /** This computer verified it after writing it (and the file still has that checksum's size). */
  verifiedHere: z.boolean(),
  /** Null when it looks restorable; otherwise why not, in plain words. */
  problem: z.string().nullable(),
});
export type BackupListEntry = z.infer<typeof backupListEntrySchema>;

export const backupChannels = {
  chooseFolder: defineChannel({
    summary: 'Opens the computer’s folder picker (in main) for the backup folder; null when cancelled or not available.',
    input: z.undefined(),
    output: z.object({ path: z.string().nullable() }),
    access: ADMIN_ONLY,
  }),
  chooseFile: defineChannel({
    summary: 'Opens the computer’s file picker (in main) for a backup to restore; null when cancelled or not available.',
    input: z.undefined(),
    output: z.object({ path: z.string().nullable() }),
    access: ADMIN_ONLY,
  }),
  restoreAfterDamage: defineChannel({
    summary: 'The clinic database is missing or damaged: restore the last verified backup, opened with the recovery code.',
    input: z.object({ recoveryCode: recoveryCodeSchema }).strict(),
    output: z.object({ fileName: z.string(), backupCreatedAt: z.number().int() }),
    access: 'public',
  }),
  runNow: defineChannel({
    summary: 'Back up now: an encrypted copy of the database, verified after writing, in the backup folder (old ones rotated).',
    input: z.undefined(),
    output: backupSummarySchema,
    access: ADMIN_ONLY,
  }),
  status: defineChannel({
    summary: 'The last verified backup, whether it is older than 48 hours, the next due time, and any backup or restore in progress.',
    input: z.undefined(),
    output: backupStatusSchema,
    access: ADMIN_ONLY,
  }),
  list: defineChannel({
    summary: 'The backups in the backup folder, newest first (read from their descriptions; no patient data).',
    input: z.undefined(),
    output: z.object({ folder: z.string().nullable(), backups: z.array(backupListEntrySchema) }),
    access: ADMIN_ONLY,
  }),
  restore: defineChannel({
    summary:
      'Replaces the clinic database with a backup, after verifying it. This clinic’s backups use the current key; another ' +
      'clinic’s (a new computer) need its recovery code. Everyone signs in again afterwards.',
    input: z.object({ file: backupFileSchema, recoveryCode: recoveryCodeSchema.optional() }).strict(),
    output: z.object({
      restoredFile: z.string(),
      backupCreatedAt: z.number().int(),
      /** After a restore everyone signs in again. */
      signInAgain: z.literal(true),
      /** The backup came from another clinic database: sign in with its recovery code to choose a new password. */
      recoveryCodeSignInNeeded: z.boolean(),
    }),
    access: ADMIN_ONLY,
  }),
  cancel: defineChannel({
    summary: 'Stops the backup or the verification in progress (a restore can be cancelled until it starts replacing files).',
    input: z.undefined(),
    output: z.object({ cancelled: z.boolean() }),
    access: ADMIN_ONLY,
  }),
  getSettings: defineChannel({
    summary: 'Backup folder, daily time (clinic time zone) and whether to back up on quit.',
    input: z.undefined(),
    output: backupSettingsSchema,
    access: ADMIN_ONLY,
  }),
  setSettings: defineChannel({
    summary: 'An administrator sets the backup folder, daily time and back-up-on-quit (the folder must be writable).',
    input: backupSettingsSchema,
    output: backupSettingsSchema,
    access: ADMIN_ONLY,
  }),
};
