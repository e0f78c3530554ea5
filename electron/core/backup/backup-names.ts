import { compactStamp, localDateTime, type LocalDateTime } from './clinic-time';

/**
 * Backup file names: `caredesk-backup-YYYYMMDD-HHMMSS.cdbak`, stamped with the clinic's wall-clock time
 * (what the administrator sees on the clock when choosing one to restore). Rotation reads the calendar day,
 * week and month straight from the name, and considers no other file.
 */
export const BACKUP_EXTENSION = '.cdbak';
const PREFIX = 'caredesk-backup-';
const NAME = /^caredesk-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.cdbak$/;

export interface BackupName {
  fileName: string;
  /** YYYYMMDD-HHMMSS, clinic wall-clock time; sorts in time order. */
  stamp: string;
  local: LocalDateTime;
}

export function backupFileName(at: number, timeZone: string): string {
  return `${PREFIX}${compactStamp(localDateTime(at, timeZone))}${BACKUP_EXTENSION}`;
}

/** The name's parts, or null when it is not one of ours (including impossible dates such as the 31st of April). */
export function parseBackupFileName(fileName: string): BackupName | null {
  const match = NAME.exec(fileName);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second;
  if (!valid) return null;
  return { fileName, stamp: fileName.slice(PREFIX.length, PREFIX.length + 15), local: { year, month, day, hour, minute, second } };
}

export function isBackupFileName(fileName: string): boolean {
  return parseBackupFileName(fileName) !== null;
}
