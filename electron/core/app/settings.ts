import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** Clinic-wide settings kept in app_meta. Keys are fixed here so no caller invents its own spelling. */
export const SETTINGS = {
  clinicName: 'clinic.name',
  clinicTimeZone: 'clinic.timeZone',
  automaticUpdates: 'updates.automatic',
  lockAfterMinutes: 'lock.afterMinutes',
  backupFolder: 'backup.folder',
  backupDailyAt: 'backup.dailyAt',
  backupOnQuit: 'backup.onQuit',
  /** JSON list of recent backups (electron/core/backup/history.ts), not a setting an administrator edits. */
  backupHistory: 'backup.history',
} as const;
export type SettingKey = (typeof SETTINGS)[keyof typeof SETTINGS];

export async function readSetting(db: Kysely<Database>, key: SettingKey): Promise<string | null> {
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function writeSetting(db: Kysely<Database>, key: SettingKey, value: string, now: number): Promise<void> {
  await db
    .insertInto('app_meta')
    .values({ key, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
