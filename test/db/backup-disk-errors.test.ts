import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../shared/contract/backup';
import { admitCanaryPatient, startBackupClinic, type BackupClinic } from './backup-support';

/**
 * A real full disk and a real read-only drive: small tmpfs mounts. Mounting needs root (as on CI here); elsewhere
 * these tests skip and say why (the errno mapping itself is covered by the unit tests of backup-failure).
 */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'caredesk-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

const MOUNT_OK = canMount();
const mounts: string[] = [];
const clinics: BackupClinic[] = [];

afterEach(async () => {
  for (const dir of mounts.splice(0)) {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      // already unmounted
    }
    rmSync(dir, { recursive: true, force: true });
  }
  for (const clinic of clinics.splice(0)) await clinic.close();
});

function mountTmpfs(options: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'caredesk-drive-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  mounts.push(dir);
  return dir;
}

async function clinicBackingUpTo(folder: string): Promise<BackupClinic> {
  const clinic = await startBackupClinic();
  clinics.push(clinic);
  await admitCanaryPatient(clinic.core);
  await clinic.value('backup:setSettings', { folder, dailyAt: '12:30', onQuit: false });
  return clinic;
}

describe.skipIf(!MOUNT_OK)('backups onto a drive that cannot take them', () => {
  it('a full drive: a plain message, reported as failed (never as done), no partial file left behind', async () => {
    const full = mountTmpfs('size=16k');
    const clinic = await clinicBackingUpTo(full);
    const result = await clinic.call('backup:runNow');
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('The backup drive is full') } });
    expect(readdirSync(full)).toEqual([]);
    const status = await clinic.value<BackupStatus>('backup:status');
    expect(status.lastVerifiedAt).toBeNull();
    expect(status.lastFailure?.message).toContain('The backup drive is full');
  });

  it('choosing a read-only folder is refused on the folder field', async () => {
    const readOnly = mountTmpfs('size=1m,ro');
    const clinic = await startBackupClinic();
    clinics.push(clinic);
    expect(await clinic.call('backup:setSettings', { folder: readOnly, dailyAt: '12:30', onQuit: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('cannot save files in that folder') },
    });
  });

  it('a drive that became read-only after it was chosen: a plain message, reported as failed, nothing written', async () => {
    const readOnly = mountTmpfs('size=1m');
    const clinic = await clinicBackingUpTo(readOnly);
    execFileSync('mount', ['-o', 'remount,ro', readOnly], { stdio: 'ignore' });
    const result = await clinic.call('backup:runNow');
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('cannot write to the backup folder') } });
    expect(readdirSync(readOnly)).toEqual([]);
    const status = await clinic.value<BackupStatus>('backup:status');
    expect(status.lastVerifiedAt).toBeNull();
    expect(status.lastFailure?.message).toContain('cannot write to the backup folder');
  });
});

describe.skipIf(MOUNT_OK)('backups onto a drive that cannot take them (skipped)', () => {
  it('needs root and tmpfs mounts to make a real full or read-only drive: skipped on this machine', () => {
    expect(MOUNT_OK).toBe(false);
  });
});
