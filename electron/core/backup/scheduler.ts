import { errorKind, type Logger } from '../log';
import type { ScheduledRun } from './service';

/** How often the schedule looks at the clock: a daily backup starts within a minute of its time. */
export const SCHEDULE_CHECK_MS = 60_000;

export interface BackupScheduleOptions {
  /** The backup service's runIfDue (decides everything: due time, open database, retry wait, running job). */
  runIfDue: () => Promise<ScheduledRun>;
  log: Logger;
  /**
   * Quiet-time upkeep after a scheduled backup that ran (e.g. merging the patient search index). Inside the same
   * "one check at a time" guard, so it never overlaps the next backup; a failure is logged by kind and forgotten.
   */
  afterScheduledBackup?: () => Promise<void>;
  everyMs?: number;
  timers?: { setInterval: typeof setInterval; clearInterval: typeof clearInterval };
}

/**
 * The timer for daily backups, for the shell to start after the core (and stop before closing it). It only asks
 * the service once a minute; one check at a time, and a timer that never keeps the process alive on its own.
 */
export function startBackupSchedule(options: BackupScheduleOptions): { stop(): void } {
  const timers = options.timers ?? { setInterval, clearInterval };
  let checking = false;
  const check = () => {
    if (checking) return;
    checking = true;
    options
      .runIfDue()
      .then(async (outcome) => {
        if (outcome === 'ran' || outcome === 'failed') options.log.info('backupSchedule', 'daily backup attempted', { outcome });
        if (outcome === 'ran' && options.afterScheduledBackup) {
          await options.afterScheduledBackup().catch((error: unknown) => options.log.error('backupSchedule', 'upkeep after the backup failed', { kind: errorKind(error) }));
        }
      })
      .catch((error: unknown) => options.log.error('backupSchedule', 'could not check whether a backup is due', { kind: errorKind(error) }))
      .finally(() => {
        checking = false;
      });
  };
  const handle = timers.setInterval(check, options.everyMs ?? SCHEDULE_CHECK_MS);
  (handle as { unref?: () => void }).unref?.();
  return { stop: () => timers.clearInterval(handle) };
}
