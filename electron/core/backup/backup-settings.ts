import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { backupSettingsSchema, type BackupSettings } from '../../../shared/contract/backup';
import { readSetting, SETTINGS, writeSetting } from '../app/settings';
import type { Database } from '../db/schema';
import { ClinicFailure } from '../errors';
import { isKnownTimeZone } from './clinic-time';
import type { BackupSchedule } from './schedule';

/** Lunch time: the office is open and someone is signed in (a backup needs the key, which only a sign-in brings). */
export const DEFAULT_DAILY_AT = '12:30';

export async function readBackupSettings(db: Kysely<Database>): Promise<BackupSettings> {
  const [folder, dailyAt, onQuit] = await Promise.all([
    readSetting(db, SETTINGS.backupFolder),
    readSetting(db, SETTINGS.backupDailyAt),
    readSetting(db, SETTINGS.backupOnQuit),
  ]);
  const parsed = backupSettingsSchema.safeParse({ folder: folder || null, dailyAt: dailyAt ?? DEFAULT_DAILY_AT, onQuit: onQuit !== 'off' });
  // A value that no longer passes the contract (edited by hand) falls back to the defaults, folder included.
  return parsed.success ? parsed.data : { folder: null, dailyAt: DEFAULT_DAILY_AT, onQuit: true };
}

export async function writeBackupSettings(db: Kysely<Database>, settings: BackupSettings, now: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await writeSetting(trx, SETTINGS.backupFolder, settings.folder ?? '', now);
    await writeSetting(trx, SETTINGS.backupDailyAt, settings.dailyAt, now);
    await writeSetting(trx, SETTINGS.backupOnQuit, settings.onQuit ? 'on' : 'off', now);
  });
}

export async function readClinicTimeZone(db: Kysely<Database>): Promise<string> {
  const zone = await readSetting(db, SETTINGS.clinicTimeZone);
  return zone && isKnownTimeZone(zone) ? zone : 'UTC';
}

export async function readBackupSchedule(db: Kysely<Database>): Promise<BackupSchedule> {
  const [settings, timeZone] = await Promise.all([readBackupSettings(db), readClinicTimeZone(db)]);
  return { ...settings, timeZone };
}

/**
 * The folder an administrator chose, checked in main: it exists, CareDesk may write there, and it is not
 * CareDesk's own data folder (a backup on the same disk as the database protects against little).
 */
export async function checkBackupFolder(folder: string, dataDir: string): Promise<void> {
  const issue = (message: string) => new ClinicFailure('VALIDATION', message, [{ path: 'folder', message }]);
  if (!isAbsolute(folder)) throw issue('Choose the backup folder with its full path.');
  const inside = relative(resolve(dataDir), resolve(folder));
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw issue("Choose a folder outside CareDesk's own data folder, ideally on another drive.");
  }
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw issue('That folder was not found. Check that its drive is connected, or choose another folder.');
  }
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw issue('CareDesk cannot save files in that folder. Choose a folder you may save files in.');
  }
}
