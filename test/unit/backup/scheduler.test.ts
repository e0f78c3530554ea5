import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHEDULE_CHECK_MS, startBackupSchedule } from '../../../electron/core/backup/scheduler';
import type { ScheduledRun } from '../../../electron/core/backup/service';
import { createMemoryLogger } from '../../../electron/core/log';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the daily backup timer', () => {
  it('asks the service once a minute, and stops when told', async () => {
    const runIfDue = vi.fn(async (): Promise<ScheduledRun> => 'not-due');
    const schedule = startBackupSchedule({ runIfDue, log: createMemoryLogger() });
    await vi.advanceTimersByTimeAsync(3 * SCHEDULE_CHECK_MS);
    expect(runIfDue).toHaveBeenCalledTimes(3);
    schedule.stop();
    await vi.advanceTimersByTimeAsync(5 * SCHEDULE_CHECK_MS);
    expect(runIfDue).toHaveBeenCalledTimes(3);
  });

  it('never starts a second check while a backup from the first is still running', async () => {
    let finish: (run: ScheduledRun) => void = () => undefined;
    const runIfDue = vi.fn(() => new Promise<ScheduledRun>((resolve) => (finish = resolve)));
    const log = createMemoryLogger();
    const schedule = startBackupSchedule({ runIfDue, log });
    await vi.advanceTimersByTimeAsync(5 * SCHEDULE_CHECK_MS);
    expect(runIfDue).toHaveBeenCalledTimes(1);
    finish('ran');
    await vi.advanceTimersByTimeAsync(SCHEDULE_CHECK_MS);
    expect(runIfDue).toHaveBeenCalledTimes(2);
    expect(log.lines.some((line) => line.includes('daily backup attempted') && line.includes('"outcome":"ran"'))).toBe(true);
    schedule.stop();
  });

  it('logs a failed check by kind only and keeps going', async () => {
    const runIfDue = vi.fn(async (): Promise<ScheduledRun> => {
      throw Object.assign(new Error('SQLITE_BUSY near "patient Zyxwvut"'), { code: 'SQLITE_BUSY' });
    });
    const log = createMemoryLogger();
    const schedule = startBackupSchedule({ runIfDue, log });
    await vi.advanceTimersByTimeAsync(2 * SCHEDULE_CHECK_MS);
    expect(runIfDue).toHaveBeenCalledTimes(2);
    expect(log.lines.join('\n')).toContain('SQLITE_BUSY');
    expect(log.lines.join('\n')).not.toContain('Zyxwvut');
    schedule.stop();
  });
});

describe('upkeep after the nightly backup', () => {
  it('runs only after a backup that ran, before the next check, and a failure in it is logged by kind and the timer goes on', async () => {
    const outcomes: ScheduledRun[] = ['not-due', 'ran', 'failed', 'ran'];
    const runIfDue = vi.fn(async (): Promise<ScheduledRun> => outcomes.shift() ?? 'not-due');
    const upkeep = vi.fn(async () => {
      if (upkeep.mock.calls.length === 2) throw Object.assign(new Error('disk I/O error reading "patient Zyxwvut"'), { code: 'SQLITE_IOERR' });
    });
    const log = createMemoryLogger();
    const schedule = startBackupSchedule({ runIfDue, log, afterScheduledBackup: upkeep });
    await vi.advanceTimersByTimeAsync(SCHEDULE_CHECK_MS);
    expect(upkeep).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SCHEDULE_CHECK_MS);
    expect(upkeep).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(SCHEDULE_CHECK_MS);
    expect(upkeep, 'not after a failed backup').toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * SCHEDULE_CHECK_MS);
    expect(upkeep).toHaveBeenCalledTimes(2);
    expect(runIfDue).toHaveBeenCalledTimes(5);
    const failure = log.lines.find((line) => line.includes('upkeep after the backup failed'));
    expect(failure).toContain('SQLITE_IOERR');
    expect(failure).not.toContain('Zyxwvut');
    schedule.stop();
  });
});
