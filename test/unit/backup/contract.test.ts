import { describe, expect, it } from 'vitest';
import { backupChannels, backupFileSchema, backupFolderSchema, backupSettingsSchema, dailyAtSchema } from '../../../shared/contract/backup';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('the backup folder an administrator enters', () => {
  it.each(['D:\\CareDesk Backups', 'D:/CareDesk Backups', 'e:\\', '\\\\clinic-nas\\backups\\caredesk', '/Volumes/Backup/CareDesk', '/home/clinic/backups'])(
    'accepts the full path %s',
    (folder) => expect(backupFolderSchema.safeParse(folder).success).toBe(true),
  );

  it.each(['Backups', 'CareDesk\\Backups', '.\\Backups', '~/Backups', 'C:', 'C:Backups', '\\\\server'])('refuses the partial path %s, saying how a full one looks', (folder) => {
    expect(messageOf(backupFolderSchema.safeParse(folder))).toBe('Choose the folder with its full path, such as D:\\CareDesk Backups or /Volumes/Backup/CareDesk.');
  });

  it('asks for a folder when none is given, and refuses control characters and absurd lengths', () => {
    expect(messageOf(backupFolderSchema.safeParse(''))).toBe('Choose the backup folder.');
    expect(messageOf(backupFolderSchema.safeParse('   '))).toBe('Choose the backup folder.');
    expect(messageOf(backupFolderSchema.safeParse(42))).toBe('Choose the backup folder.');
    expect(messageOf(backupFolderSchema.safeParse('D:\\Back\u0000ups'))).toMatch(/characters a folder name cannot have/);
    expect(messageOf(backupFolderSchema.safeParse(`D:\\${'x'.repeat(1100)}`))).toMatch(/too long/);
  });
});

describe('the daily backup time', () => {
  it.each(['00:00', '07:05', '12:30', '23:59'])('accepts %s', (time) => expect(dailyAtSchema.safeParse(time).success).toBe(true));
  it.each(['7:30', '24:00', '12:60', '12.30', '12:30pm', '1230', ''])('refuses %s with an example of the right form', (time) => {
    expect(messageOf(dailyAtSchema.safeParse(time))).toBe('Enter the time as HH:MM on a 24-hour clock, such as 12:30 or 18:45.');
  });
});

describe('the backup file to restore', () => {
  it('must be a full path to a .cdbak file', () => {
    expect(backupFileSchema.safeParse('E:\\caredesk-backup-20250314-123000.cdbak').success).toBe(true);
    expect(backupFileSchema.safeParse('/Volumes/USB/CAREDESK-BACKUP-20250314-123000.CDBAK').success).toBe(true);
    expect(messageOf(backupFileSchema.safeParse('E:\\caredesk.db'))).toBe('Choose a CareDesk backup file (its name ends in .cdbak).');
    expect(messageOf(backupFileSchema.safeParse('caredesk-backup-20250314-123000.cdbak'))).toMatch(/full path/);
  });
});

describe('backup settings and channels', () => {
  it('take exactly folder, daily time and on-quit (an unknown field is refused, the folder may be unset)', () => {
    expect(backupSettingsSchema.safeParse({ folder: null, dailyAt: '12:30', onQuit: true }).success).toBe(true);
    expect(backupSettingsSchema.safeParse({ folder: '/b', dailyAt: '12:30', onQuit: true, retention: 99 }).success).toBe(false);
    expect(backupSettingsSchema.safeParse({ folder: '/b', dailyAt: '12:30' }).success).toBe(false);
  });

  it('are for administrators only, except the damaged-database restore (nobody can sign in then; the recovery code is the proof)', () => {
    for (const [name, spec] of Object.entries(backupChannels)) expect(spec.access, name).toEqual(name === 'restoreAfterDamage' ? 'public' : ['admin']);
  });

  it('restore accepts an optional recovery code and nothing else', () => {
    const input = backupChannels.restore.input;
    expect(input.safeParse({ file: '/b/caredesk-backup-20250314-123000.cdbak' }).success).toBe(true);
    expect(input.safeParse({ file: '/b/caredesk-backup-20250314-123000.cdbak', recoveryCode: '7KQ2 9XHM ABCD EFGH JKMN PQRS TVWX' }).success).toBe(true);
    expect(input.safeParse({ file: '/b/caredesk-backup-20250314-123000.cdbak', dbKey: 'ab'.repeat(32) }).success).toBe(false);
  });
});
