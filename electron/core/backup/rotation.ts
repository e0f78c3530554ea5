import { parseBackupFileName, type BackupName } from './backup-names';
import { addDays, addMonths, compactStamp, dayKey, isoWeekKey, localDateTime, monthKey } from './clinic-time';

/**
 * Which backups to keep: the newest backup of each of the last 7 calendar days (today included), of each of the
 * last 4 ISO weeks (this week included) and of each of the last 12 calendar months (this month included), in the
 * clinic's time zone. One file may count for a day, a week and a month at once.
 *
 * Always kept, whatever the calendar says: every name in `protect` (the caller passes the last verified good backup),
 * the newest backup (so rotation alone can never leave the folder empty, however old it is), and any backup stamped
 * later than `now` (a clock that was wrong; a person decides).
 * Files not named like our backups are neither kept nor removed: they are not ours to judge.
 */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export type KeepReason = 'daily' | 'weekly' | 'monthly' | 'protected' | 'newest' | 'future';

export interface RotationPlan {
  /** Our backups to keep, newest first, each with why. */
  keep: { fileName: string; reasons: KeepReason[] }[];
  /** Our backups that no rule keeps, newest first. */
  remove: string[];
}

export interface RotationInput {
  fileNames: readonly string[];
  now: number;
  timeZone: string;
  protect?: readonly string[];
  policy?: RotationPolicy;
}

export function planRotation(input: RotationInput): RotationPlan {
  const policy = input.policy ?? DEFAULT_ROTATION;
  const protect = new Set(input.protect ?? []);
  const nowLocal = localDateTime(input.now, input.timeZone);
  const nowStamp = compactStamp(nowLocal);

  const windows: { reason: KeepReason; buckets: Set<string>; bucketOf: (b: BackupName) => string }[] = [
    { reason: 'daily', buckets: keysOf(policy.daily, (i) => dayKey(addDays(nowLocal, -i))), bucketOf: (b) => dayKey(b.local) },
    { reason: 'weekly', buckets: keysOf(policy.weekly, (i) => isoWeekKey(addDays(nowLocal, -7 * i))), bucketOf: (b) => isoWeekKey(b.local) },
    { reason: 'monthly', buckets: keysOf(policy.monthly, (i) => monthKey(addMonths(nowLocal, -i))), bucketOf: (b) => monthKey(b.local) },
  ];

  const backups = [...new Set(input.fileNames)]
    .map(parseBackupFileName)
    .filter((b): b is BackupName => b !== null)
    .sort((a, b) => (a.stamp < b.stamp ? 1 : a.stamp > b.stamp ? -1 : 0));

  const keep: RotationPlan['keep'] = [];
  const remove: string[] = [];
  for (const [index, backup] of backups.entries()) {
    const reasons: KeepReason[] = [];
    if (protect.has(backup.fileName)) reasons.push('protected');
    if (index === 0) reasons.push('newest');
    if (backup.stamp > nowStamp) reasons.push('future');
    else {
      for (const window of windows) {
        const bucket = window.bucketOf(backup);
        // Newest first, so the first backup seen in a bucket is the newest of it.
        if (window.buckets.delete(bucket)) reasons.push(window.reason);
      }
    }
    if (reasons.length > 0) keep.push({ fileName: backup.fileName, reasons });
    else remove.push(backup.fileName);
  }
  return { keep, remove };
}

function keysOf(count: number, key: (index: number) => string): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < count; i += 1) keys.add(key(i));
  return keys;
}
