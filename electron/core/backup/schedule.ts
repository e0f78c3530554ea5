import { addDays, localDateTime, zonedInstant, type LocalDate } from './clinic-time';

/**
 * When backups are due. Pure: the clock, the settings and the last verified backup come in; an instant comes out.
 * Backups need the database key, which is in memory only while someone is signed in, so a backup that falls due
 * while nobody is signed in runs at the next sign-in (the due time is then in the past).
 */
export interface BackupSchedule {
  /** Absolute path of the backup folder; null until an administrator chooses one (no automatic backups before). */
  folder: string | null;
  /** HH:MM on a 24-hour clock in the clinic's time zone; null turns the daily backup off. */
  dailyAt: string | null;
  onQuit: boolean;
  /** The clinic's IANA time zone (app_meta 'clinic.timeZone'). */
  timeZone: string;
}

/** A backup older than this shows as stale on the Admin screen. */
export const STALE_AFTER_MS = 48 * 60 * 60 * 1000;

const DAILY_AT = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant of the daily time on a given clinic calendar day. */
function dailySlot(date: LocalDate, dailyAt: { hour: number; minute: number }, timeZone: string): number {
  return zonedInstant({ ...date, hour: dailyAt.hour, minute: dailyAt.minute, second: 0 }, timeZone);
}

function parseDailyAt(value: string): { hour: number; minute: number } | null {
  const match = DAILY_AT.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/**
 * When the next daily backup is due (epoch ms), or null when there is no daily backup (no folder, no time).
 * A result at or before `now` means "due now": the most recent daily time passed without a verified backup after it
 * (including never having had one).
 */
export function nextBackupDue(now: number, settings: Pick<BackupSchedule, 'folder' | 'dailyAt' | 'timeZone'>, lastBackupAt: number | null): number | null {
  if (settings.folder === null || settings.dailyAt === null) return null;
  const at = parseDailyAt(settings.dailyAt);
  if (!at) return null;
  const today = localDateTime(now, settings.timeZone);
  const todaySlot = dailySlot(today, at, settings.timeZone);
  const latestDay = todaySlot <= now ? today : addDays(today, -1);
  const latestSlot = todaySlot <= now ? todaySlot : dailySlot(latestDay, at, settings.timeZone);
  if (lastBackupAt === null || lastBackupAt < latestSlot) return latestSlot;
  return dailySlot(addDays(latestDay, 1), at, settings.timeZone);
}

/** Whether quitting (or closing the database) should make a backup first. */
export function backupOnQuitWanted(settings: Pick<BackupSchedule, 'folder' | 'onQuit'>): boolean {
  return settings.onQuit && settings.folder !== null;
}

/** No verified backup at all, or the last one is more than 48 hours old. */
export function isBackupStale(now: number, lastVerifiedAt: number | null): boolean {
  return lastVerifiedAt === null || now - lastVerifiedAt > STALE_AFTER_MS;
}
