import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DAMAGED_DATABASE } from '../../electron/core/auth/clinic-access';
import { DATABASE_FILE } from '../../electron/core/db/clinic-database';
import type { SessionState } from '../../shared/contract/auth';
import type { ClinicCore } from '../../electron/core';
import type { Result } from '../../shared/result';
import { ADMIN_CLIENT, APP_PAGE_URL, startTestCore, TEST_ADMIN } from '../support/core';
import { sha256OfFile } from '../support/files';
import { admitCanaryPatient, CANARY_PATIENT, readCanaryPatient, startBackupClinic, type BackupClinic } from './backup-support';

/**
 * A corrupted or truncated database at start: the sign-in screen learns it (without the key), sign-in refuses
 * with a plain message and touches nothing, and the recovery code restores the last verified backup while the
 * damaged file is kept aside, never overwritten.
 */
const clinics: BackupClinic[] = [];
const restartedCores: ClinicCore[] = [];
afterEach(async () => {
  for (const core of restartedCores.splice(0)) await core.close();
  for (const clinic of clinics.splice(0)) await clinic.close(); // closing twice is harmless; removes the folders
});

async function clinicWithVerifiedBackup(): Promise<{ clinic: BackupClinic; backupFile: string }> {
  const clinic = await startBackupClinic();
  clinics.push(clinic);
  await admitCanaryPatient(clinic.core);
  const made = await clinic.value<{ fileName: string }>('backup:runNow');
  await admitCanaryPatient(clinic.core, 'Written after the backup');
  await clinic.core.close();
  return { clinic, backupFile: made.fileName };
}

/** CareDesk starts again on the same computer (data and keychain folders). */
async function restart(clinic: BackupClinic) {
  const core = await startTestCore(clinic.dataDir.path, { setUp: false, keychainDir: clinic.keychainDir, clock: clinic.clock.now });
  restartedCores.push(core);
  const call = <T = unknown>(channel: string, payload: unknown) =>
    core.dispatcher.dispatch({ channel, senderUrl: APP_PAGE_URL, clientId: ADMIN_CLIENT, payload }) as Promise<Result<T>>;
  return { core, call };
}

async function state(clinic: Awaited<ReturnType<typeof restart>>): Promise<SessionState> {
  const result = await clinic.call<SessionState>('session:state', undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('a damaged clinic database at start', () => {
  it('truncated: the sign-in screen offers the last verified backup; sign-in refuses and changes nothing', async () => {
    const { clinic, backupFile } = await clinicWithVerifiedBackup();
    const db = clinic.dataDir.file(DATABASE_FILE);
    truncateSync(db, statSync(db).size - 1000);
    const before = sha256OfFile(db);

    const again = await restart(clinic);
    expect((await state(again)).databaseProblem).toEqual({ kind: 'damaged', lastVerifiedBackup: { fileName: backupFile, createdAt: expect.any(Number) } });
    expect(await again.call('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: DAMAGED_DATABASE },
    });
    // A wrong password still gets the usual answer (no hint that the database is damaged to a stranger).
    expect(await again.call('auth:signIn', { username: TEST_ADMIN.username, password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(sha256OfFile(db)).toBe(before);
  });

  it('restores the last verified backup with the recovery code, keeping the damaged file aside', async () => {
    const { clinic } = await clinicWithVerifiedBackup();
    const db = clinic.dataDir.file(DATABASE_FILE);
    truncateSync(db, statSync(db).size - 1000);
    const damagedBytes = readFileSync(db);
    const again = await restart(clinic);

    expect(await again.call('backup:restoreAfterDamage', { recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG' })).toMatchObject({ ok: false });
    expect(readFileSync(db).equals(damagedBytes)).toBe(true);

    const restored = await again.call('backup:restoreAfterDamage', { recoveryCode: clinic.recoveryCode.toLowerCase() });
    expect(restored).toMatchObject({ ok: true });
    const kept = readdirSync(clinic.dataDir.path).filter((name) => name.startsWith(`${DATABASE_FILE}.damaged-`));
    expect(kept).toHaveLength(1);
    expect(readFileSync(clinic.dataDir.file(kept[0] as string)).equals(damagedBytes)).toBe(true);

    expect((await state(again)).databaseProblem).toBeNull();
    expect(await again.call('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })).toMatchObject({ ok: true });
    // The backup's data is back (what was written after the backup is, honestly, not).
    expect(await readCanaryPatient(again.core)).toBe(CANARY_PATIENT);
    expect(await again.call('audit:verify', undefined)).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('corrupted in place (same size, first page overwritten): the right password finds it damaged, and the screen then says so', async () => {
    const { clinic } = await clinicWithVerifiedBackup();
    const db = clinic.dataDir.file(DATABASE_FILE);
    const bytes = readFileSync(db);
    randomBytes(4096).copy(bytes, 0);
    writeFileSync(db, bytes);
    const again = await restart(clinic);
    expect(await again.call('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: DAMAGED_DATABASE },
    });
    expect((await state(again)).databaseProblem).toMatchObject({ kind: 'damaged' });
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it('missing: says so and offers the backup', async () => {
    const { clinic, backupFile } = await clinicWithVerifiedBackup();
    rmSync(clinic.dataDir.file(DATABASE_FILE));
    const again = await restart(clinic);
    expect((await state(again)).databaseProblem).toMatchObject({ kind: 'missing', lastVerifiedBackup: { fileName: backupFile } });
    expect(await again.call('backup:restoreAfterDamage', { recoveryCode: clinic.recoveryCode })).toMatchObject({ ok: true });
    expect(await again.call('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password })).toMatchObject({ ok: true });
  });

  it('a healthy database: no problem reported, and the damage restore refuses to run', async () => {
    const { clinic } = await clinicWithVerifiedBackup();
    const again = await restart(clinic);
    expect((await state(again)).databaseProblem).toBeNull();
    expect(await again.call('backup:restoreAfterDamage', { recoveryCode: clinic.recoveryCode })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
