import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../../electron/core/backup/backup-names';
import { addDays, dayKey, isoWeekKey, localDateTime, monthKey } from '../../../electron/core/backup/clinic-time';
import { DEFAULT_ROTATION, planRotation } from '../../../electron/core/backup/rotation';

const CHICAGO = 'America/Chicago';
const utc = (iso: string) => Date.parse(iso);
/** A backup file name for a Chicago wall-clock time, e.g. b('20250319-123000'). */
const b = (stamp: string) => `caredesk-backup-${stamp}.cdbak`;
/** One backup a day at 12:30 for the given Chicago dates (inclusive), as file names. */
function dailyBackups(from: string, days: number): string[] {
  const start = { year: Number(from.slice(0, 4)), month: Number(from.slice(4, 6)), day: Number(from.slice(6, 8)) };
  return Array.from({ length: days }, (_, i) => b(`${dayKey(addDays(start, i))}-123000`));
}
const kept = (plan: ReturnType<typeof planRotation>) => plan.keep.map((k) => k.fileName).sort();

// Wednesday 19 March 2025, 14:00 in Chicago (CDT, UTC−5).
const NOW = utc('2025-03-19T19:00:00Z');

describe('backup file names', () => {
  it('are stamped with the clinic’s wall-clock time', () => {
    expect(backupFileName(NOW, CHICAGO)).toBe('caredesk-backup-20250319-140000.cdbak');
    expect(backupFileName(NOW, 'UTC')).toBe('caredesk-backup-20250319-190000.cdbak');
  });

  it('parse back, and anything else is not ours', () => {
    expect(parseBackupFileName(b('20250319-140000'))?.local).toEqual({ year: 2025, month: 3, day: 19, hour: 14, minute: 0, second: 0 });
    for (const name of [
      'notes.txt',
      `${b('20250319-140000')}.partial`,
      'caredesk-backup-20250319-140000.CDBAK',
      'Caredesk-backup-20250319-140000.cdbak',
      'caredesk-backup-20250231-120000.cdbak', // 31 February
      'caredesk-backup-20250319-246000.cdbak',
      'caredesk-backup-2025031-140000.cdbak',
      `x${b('20250319-140000')}`,
    ]) {
      expect(parseBackupFileName(name), name).toBeNull();
    }
  });
});

describe('rotation: 7 daily, 4 weekly, 12 monthly', () => {
  it('keeps one backup for each of the last 7 days and removes older dailies of this week and month', () => {
    const files = dailyBackups('20250310', 10); // 10–19 March
    const plan = planRotation({ fileNames: files, now: NOW, timeZone: CHICAGO });
    expect(kept(plan)).toEqual(dailyBackups('20250313', 7));
    // 10–12 March: their week (W11) and month are represented by newer backups.
    expect(plan.remove.sort()).toEqual(dailyBackups('20250310', 3));
  });

  it('keeps only the newest backup of a day (a manual one in the morning goes once the daily one exists)', () => {
    const plan = planRotation({ fileNames: [b('20250319-080000'), b('20250319-123000'), b('20250318-123000')], now: NOW, timeZone: CHICAGO });
    expect(kept(plan)).toEqual([b('20250318-123000'), b('20250319-123000')]);
    expect(plan.remove).toEqual([b('20250319-080000')]);
    expect(plan.keep.find((k) => k.fileName === b('20250319-123000'))?.reasons).toEqual(['newest', 'daily', 'weekly', 'monthly']);
  });

  it('keeps the newest of each of the last 4 ISO weeks (Monday to Sunday) once the dailies run out', () => {
    const files = dailyBackups('20250217', 31); // 17 Feb – 19 Mar
    const plan = planRotation({ fileNames: files, now: NOW, timeZone: CHICAGO });
    const weekly = plan.keep.filter((k) => k.reasons.includes('weekly')).map((k) => k.fileName);
    // Weeks 12 (17–23 Mar), 11 (10–16 Mar, newest Sunday 16th), 10 (newest Sunday 9th), 9 (newest Sunday 2nd).
    expect(weekly.sort()).toEqual([b('20250302-123000'), b('20250309-123000'), b('20250316-123000'), b('20250319-123000')]);
    // February's newest (28th) stays as the monthly one; the rest of February goes.
    expect(plan.keep.find((k) => k.fileName === b('20250228-123000'))?.reasons).toEqual(['monthly']);
    expect(plan.remove).toContain(b('20250227-123000'));
    expect(plan.remove).toContain(b('20250301-123000'));
    expect(kept(plan)).toHaveLength(7 + 2 + 1); // 7 dailies (one also weekly), the 9th and 2nd, the 28th of Feb
  });

  it('keeps the newest of each of the last 12 calendar months, and nothing older', () => {
    // Two backups a month, on the 5th and the 20th, from January 2024 to March 2025 (20 March is still ahead: kept as 'future').
    const names: string[] = [];
    for (let y = 2024, m = 1; y < 2025 || m <= 3; m === 12 ? ((m = 1), (y += 1)) : (m += 1)) {
      names.push(b(`${y}${String(m).padStart(2, '0')}05-123000`), b(`${y}${String(m).padStart(2, '0')}20-123000`));
    }
    const plan = planRotation({ fileNames: names, now: NOW, timeZone: CHICAGO });
    const monthly = plan.keep.filter((k) => k.reasons.includes('monthly')).map((k) => k.fileName.slice(16, 22));
    expect(monthly).toEqual(['202503', '202502', '202501', '202412', '202411', '202410', '202409', '202408', '202407', '202406', '202405', '202404']);
    // A kept month keeps its newest (the 20th; March 2025 the 5th); January–March 2024 are gone entirely.
    expect(plan.keep.some((k) => k.fileName.includes('-20240405-'))).toBe(false);
    for (const old of ['202401', '202402', '202403']) expect(plan.keep.some((k) => k.fileName.includes(`-${old}`))).toBe(false);
  });

  it('crosses the year end: the first ISO week of 2025 starts on Monday 30 December 2024', () => {
    const now = utc('2025-01-02T18:00:00Z'); // Thursday 2 January, 12:00 in Chicago
    const files = dailyBackups('20241220', 13); // 20 Dec – 1 Jan
    const plan = planRotation({ fileNames: files, now, timeZone: CHICAGO });
    expect(plan.keep.find((k) => k.fileName === b('20250101-123000'))?.reasons).toEqual(['newest', 'daily', 'weekly', 'monthly']);
    // Dailies are 27 Dec – 2 Jan. December is represented by the 31st (a daily too).
    expect(plan.keep.find((k) => k.fileName === b('20241231-123000'))?.reasons).toEqual(['daily', 'monthly']);
    // Week 2024-W52 (23–29 Dec) by Sunday the 29th (a daily too); week 2024-W51 (16–22 Dec) by the 22nd.
    expect(plan.keep.find((k) => k.fileName === b('20241229-123000'))?.reasons).toEqual(['daily', 'weekly']);
    expect(plan.keep.find((k) => k.fileName === b('20241222-123000'))?.reasons).toEqual(['weekly']);
    expect(plan.remove.sort()).toEqual(['20241220', '20241221', '20241223', '20241224', '20241225', '20241226'].map((d) => b(`${d}-123000`)));
  });

  it('judges "today" by the clinic’s calendar, not UTC', () => {
    const lateEvening = utc('2025-03-19T04:30:00Z'); // still 18 March, 23:30 in Chicago
    const plan = planRotation({ fileNames: [b('20250318-120000'), b('20250318-230000')], now: lateEvening, timeZone: CHICAGO });
    expect(kept(plan)).toEqual([b('20250318-230000')]);
  });

  it('after four weeks switched off, thins the old dailies to one for February, never to none', () => {
    const files = dailyBackups('20250201', 20); // 1–20 February, then nothing until 19 March
    const plan = planRotation({ fileNames: files, now: NOW, timeZone: CHICAGO });
    // No backup falls in the last 7 days or the last 4 weeks (17 Feb is week 8); February is kept by its newest.
    expect(plan.keep).toEqual([{ fileName: b('20250220-123000'), reasons: ['newest', 'monthly'] }]);
    expect(plan.remove).toHaveLength(19);
  });

  it('never removes the newest backup, however old (rotation alone cannot empty the folder)', () => {
    const ancient = [b('20200105-123000'), b('20200106-123000')];
    expect(planRotation({ fileNames: ancient, now: NOW, timeZone: CHICAGO })).toEqual({
      keep: [{ fileName: b('20200106-123000'), reasons: ['newest'] }],
      remove: [b('20200105-123000')],
    });
  });
});

describe('what rotation never removes', () => {
  it('the last verified good backup, however old', () => {
    const lastVerified = b('20230105-123000');
    const files = [b('20230104-123000'), lastVerified, ...dailyBackups('20250313', 7)];
    const plan = planRotation({ fileNames: files, now: NOW, timeZone: CHICAGO, protect: [lastVerified] });
    expect(plan.remove).toEqual([b('20230104-123000')]);
    expect(plan.keep.find((k) => k.fileName === lastVerified)?.reasons).toEqual(['protected']);
    // Without the protection it would go.
    expect(planRotation({ fileNames: files, now: NOW, timeZone: CHICAGO }).remove).toEqual([lastVerified, b('20230104-123000')]);
  });

  it('a protected backup that is also the only one left', () => {
    const only = b('20200101-000000');
    expect(planRotation({ fileNames: [only], now: NOW, timeZone: CHICAGO, protect: [only] })).toEqual({ keep: [{ fileName: only, reasons: ['protected', 'newest'] }], remove: [] });
  });

  it('backups stamped after "now" (the clock was wrong when they were made)', () => {
    const future = [b('20250320-123000'), b('20260101-000000')];
    const plan = planRotation({ fileNames: [...future, ...dailyBackups('20250301', 19)], now: NOW, timeZone: CHICAGO });
    expect(plan.keep.find((k) => k.fileName === future[0])?.reasons).toEqual(['future']);
    expect(plan.keep.find((k) => k.fileName === future[1])?.reasons).toEqual(['newest', 'future']);
    // A clock set to 1970 keeps everything rather than guess.
    expect(planRotation({ fileNames: future, now: 0, timeZone: CHICAGO }).remove).toEqual([]);
  });

  it('files not named like our backups, which it does not even list', () => {
    const strangers = ['notes.txt', `${b('20200101-000000')}.partial`, 'caredesk-backup-20200101-000000.cdbak.bak', 'CareDesk Backup.cdbak'];
    const plan = planRotation({ fileNames: strangers, now: NOW, timeZone: CHICAGO });
    expect(plan).toEqual({ keep: [], remove: [] });
  });
});

describe('rotation properties over random backup sets', () => {
  const stampArb = fc
    .integer({ min: utc('2023-01-01T00:00:00Z'), max: utc('2025-03-19T19:00:00Z') })
    .map((at) => backupFileName(Math.floor(at / 1000) * 1000, CHICAGO));

  it('keeps the newest of every day and week in its window and the newest overall; at most 23 (+ newest, + protected); judges every file it was given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(stampArb, { minLength: 0, maxLength: 120 }), fc.option(fc.nat(119)), (names, protectIndex) => {
        const protect = protectIndex !== null && names[protectIndex] ? [names[protectIndex]] : [];
        const plan = planRotation({ fileNames: names, now: NOW, timeZone: CHICAGO, protect });
        const all = [...plan.keep.map((k) => k.fileName), ...plan.remove];
        expect(all.sort()).toEqual([...names].sort());
        for (const name of protect) expect(plan.remove).not.toContain(name);
        expect(plan.keep.length).toBeLessThanOrEqual(DEFAULT_ROTATION.daily + DEFAULT_ROTATION.weekly + DEFAULT_ROTATION.monthly + protect.length + 1);

        const today = localDateTime(NOW, CHICAGO);
        const windows = [
          { keys: new Set(Array.from({ length: 7 }, (_, i) => dayKey(addDays(today, -i)))), of: (n: string) => dayKey(parseBackupFileName(n)!.local) },
          { keys: new Set(Array.from({ length: 4 }, (_, i) => isoWeekKey(addDays(today, -7 * i)))), of: (n: string) => isoWeekKey(parseBackupFileName(n)!.local) },
        ];
        for (const window of windows) {
          for (const key of window.keys) {
            const inBucket = names.filter((n) => window.of(n) === key).sort();
            const newest = inBucket.at(-1);
            if (newest) expect(plan.remove).not.toContain(newest);
          }
        }
        // The newest backup overall is always kept.
        const newestOverall = [...names].sort().at(-1);
        if (newestOverall) expect(plan.remove).not.toContain(newestOverall);
        // Every kept month is one of the last 12.
        const months = new Set(plan.keep.filter((k) => k.reasons.includes('monthly')).map((k) => monthKey(parseBackupFileName(k.fileName)!.local)));
        expect(months.size).toBeLessThanOrEqual(12);
      }),
      { numRuns: 300 },
    );
  });
});
