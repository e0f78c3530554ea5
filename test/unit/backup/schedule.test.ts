import { describe, expect, it } from 'vitest';
import { backupOnQuitWanted, isBackupStale, nextBackupDue, STALE_AFTER_MS } from '../../../electron/core/backup/schedule';

const CHICAGO = 'America/Chicago';
const utc = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;
/** The clinic backs up daily at 12:30 Chicago time into a chosen folder. */
const settings = { folder: 'D:\\CareDesk Backups', dailyAt: '12:30', timeZone: CHICAGO };

describe('when the next daily backup is due', () => {
  it('is due at once when there has never been a backup (the most recent 12:30 already passed)', () => {
    const now = utc('2025-01-15T15:00:00Z'); // 09:00 in Chicago
    expect(nextBackupDue(now, settings, null)).toBe(utc('2025-01-14T18:30:00Z')); // yesterday 12:30, in the past
  });

  it('after this morning’s backup, is due today at 12:30', () => {
    const now = utc('2025-01-15T15:00:00Z'); // 09:00
    const last = utc('2025-01-14T18:31:00Z'); // yesterday, just after 12:30
    expect(nextBackupDue(now, settings, last)).toBe(utc('2025-01-15T18:30:00Z'));
  });

  it('once today’s 12:30 passes without a backup, it is due (in the past) until one is made', () => {
    const now = utc('2025-01-15T20:00:00Z'); // 14:00, nobody signed in at 12:30
    const last = utc('2025-01-14T18:31:00Z');
    const due = nextBackupDue(now, settings, last);
    expect(due).toBe(utc('2025-01-15T18:30:00Z'));
    expect(due).toBeLessThanOrEqual(now);
  });

  it('after today’s backup, is due tomorrow at 12:30', () => {
    const now = utc('2025-01-15T20:00:00Z');
    expect(nextBackupDue(now, settings, utc('2025-01-15T18:30:07Z'))).toBe(utc('2025-01-16T18:30:00Z'));
  });

  it('a manual backup before 12:30 does not replace the daily one', () => {
    const now = utc('2025-01-15T18:00:00Z'); // 12:00
    expect(nextBackupDue(now, settings, utc('2025-01-15T17:00:00Z'))).toBe(utc('2025-01-15T18:30:00Z'));
  });

  it('is exactly due at 12:30:00', () => {
    const now = utc('2025-01-15T18:30:00Z');
    expect(nextBackupDue(now, settings, utc('2025-01-14T18:30:05Z'))).toBe(now);
  });

  it('keeps 12:30 clinic time across the change to summer time (the UTC instant moves by an hour)', () => {
    const last = utc('2025-03-08T18:30:05Z'); // Saturday 12:30 CST
    const now = utc('2025-03-09T12:00:00Z'); // Sunday morning, after the change
    expect(nextBackupDue(now, settings, last)).toBe(utc('2025-03-09T17:30:00Z')); // Sunday 12:30 CDT
  });

  it('at 02:30 on the spring-forward night, runs at 03:30 instead of skipping the day', () => {
    const night = { ...settings, dailyAt: '02:30' };
    const last = utc('2025-03-08T08:30:05Z'); // Saturday 02:30 CST
    const now = utc('2025-03-09T07:00:00Z'); // Sunday 01:00 CST
    const due = nextBackupDue(now, night, last);
    expect(due).toBe(utc('2025-03-09T08:30:00Z')); // 03:30 CDT
  });

  it('at 01:30 on the fall-back night, runs once (at the first 01:30)', () => {
    const night = { ...settings, dailyAt: '01:30' };
    const first = utc('2025-11-02T06:30:00Z');
    expect(nextBackupDue(utc('2025-11-02T05:00:00Z'), night, utc('2025-11-01T06:30:05Z'))).toBe(first);
    // After the backup at the first 01:30, the repeated hour does not make it due again.
    expect(nextBackupDue(utc('2025-11-02T07:45:00Z'), night, first + 5000)).toBe(utc('2025-11-03T07:30:00Z'));
  });

  it('uses the clinic’s zone, not the computer’s', () => {
    const tokyo = { ...settings, timeZone: 'Asia/Tokyo' };
    expect(nextBackupDue(utc('2025-01-15T00:00:00Z'), tokyo, utc('2025-01-14T03:30:05Z'))).toBe(utc('2025-01-15T03:30:00Z'));
  });

  it('has nothing due without a folder or a daily time, or with a malformed time', () => {
    const now = utc('2025-01-15T20:00:00Z');
    expect(nextBackupDue(now, { ...settings, folder: null }, null)).toBeNull();
    expect(nextBackupDue(now, { ...settings, dailyAt: null }, null)).toBeNull();
    expect(nextBackupDue(now, { ...settings, dailyAt: '24:00' }, null)).toBeNull();
  });
});

describe('backup on quit', () => {
  it('happens when switched on and a folder is chosen', () => {
    expect(backupOnQuitWanted({ folder: '/Volumes/Backup', onQuit: true })).toBe(true);
    expect(backupOnQuitWanted({ folder: '/Volumes/Backup', onQuit: false })).toBe(false);
    expect(backupOnQuitWanted({ folder: null, onQuit: true })).toBe(false);
  });
});

describe('a stale backup (older than 48 hours)', () => {
  const now = utc('2025-01-15T20:00:00Z');
  it('is stale with no backup at all', () => expect(isBackupStale(now, null)).toBe(true));
  it('is fresh at exactly 48 hours, stale a millisecond later', () => {
    expect(STALE_AFTER_MS).toBe(48 * HOUR);
    expect(isBackupStale(now, now - 48 * HOUR)).toBe(false);
    expect(isBackupStale(now, now - 48 * HOUR - 1)).toBe(true);
  });
});
