import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createClinicAccess, WRONG_CREDENTIALS } from '../../../electron/core/auth/clinic-access';
import { ClinicFailure } from '../../../electron/core/errors';
import { createSessionStore } from '../../../electron/core/ipc/sessions';
import type { ScryptParams } from '../../../electron/core/keys/kdf';
import { unlockWithPassword } from '../../../electron/core/keys/keystore';
import { keystorePath, readKeystoreFile } from '../../../electron/core/keys/keystore-file';
import { folderKeychain, loadMachineSecret, noKeychain, type OsKeychain } from '../../../electron/core/keys/machine-secret';
import { createMemoryLogger } from '../../../electron/core/log';
import { filesContaining, onDiskForms } from '../../support/files';
import { createTempDataDir, type TempDataDir } from '../../support/temp-data-dir';

const FAST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = 'maple syrup on tuesday';
const SETUP = {
  clinicName: 'Riverside Family Clinic',
  timeZone: 'America/Chicago',
  admin: { fullName: 'Maria Lee', username: 'mlee', password: PASSWORD },
};

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

function clinic(options: { keychain?: OsKeychain; clock?: () => number; dir?: TempDataDir; keychainDir?: TempDataDir } = {}) {
  const dir = options.dir ?? createTempDataDir();
  const keychainDir = options.keychainDir ?? createTempDataDir('caredesk-keychain-');
  if (!options.dir) cleanups.push(() => dir.remove());
  if (!options.keychainDir) cleanups.push(() => keychainDir.remove());
  const log = createMemoryLogger();
  const sessions = createSessionStore();
  const keychain = options.keychain ?? folderKeychain(keychainDir.path);
  const access = createClinicAccess({ dataDir: dir.path, keychain, sessions, log, scrypt: FAST, ...(options.clock ? { clock: options.clock } : {}) });
  cleanups.push(() => void access.close());
  return { access, dir, keychainDir, keychain, log, sessions };
}

async function setUp(access: ReturnType<typeof createClinicAccess>) {
  const begun = access.beginSetup();
  const groups = begun.recoveryCodeGroups;
  const [a, b] = begun.confirmGroupNumbers;
  const user = await access.completeSetup({ ...SETUP, confirmGroups: [groups[a - 1] as string, (groups[b - 1] as string).toLowerCase()] }, 'w1');
  return { user, recoveryCode: groups.join('') };
}

async function failureOf(promise: Promise<unknown>): Promise<ClinicFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ClinicFailure) return error;
    throw error;
  }
  throw new Error('expected a ClinicFailure');
}

describe('first run', () => {
  it('sets up the clinic, signs the administrator in, and writes database, keystore and machine secret', async () => {
    const { access, dir } = clinic();
    expect((await access.state('w1')).phase).toBe('needs-setup');
    const { user } = await setUp(access);
    expect(user).toEqual({ displayName: 'Maria Lee', username: 'mlee', role: 'admin', mustChangePassword: false, hasPin: false });
    expect(dir.list()).toEqual(expect.arrayContaining(['caredesk.db', 'caredesk.keystore', 'machine-secret.sealed']));
    expect(await access.state('w1')).toMatchObject({ phase: 'signed-in', user: { displayName: 'Maria Lee', role: 'admin' } });
  });

  it('a cancelled setup leaves the data folder empty', async () => {
    const { access, dir } = clinic();
    access.beginSetup();
    access.cancelSetup();
    expect(dir.list()).toEqual([]);
    expect((await access.state('w1')).phase).toBe('needs-setup');
  });

  it('refuses mistyped recovery groups, names the group, and writes nothing', async () => {
    const { access, dir } = clinic();
    const begun = access.beginSetup();
    const failure = await failureOf(access.completeSetup({ ...SETUP, confirmGroups: ['ZZZZ', 'ZZZZ'] }, 'w1'));
    expect(failure.code).toBe('VALIDATION');
    expect(failure.issues?.map((i) => i.path)).toEqual(['confirmGroups.0', 'confirmGroups.1']);
    expect(failure.issues?.[0]?.message).toContain(`Group ${begun.confirmGroupNumbers[0]}`);
    expect(dir.list()).toEqual([]);
  });

  it('without a secure keychain, says so and still sets up with password-only slots', async () => {
    const { access } = clinic({ keychain: noKeychain('insecure') });
    expect((await access.state('w1')).keychain).toMatchObject({ status: 'insecure', warning: expect.stringContaining('passwords alone') });
    await setUp(access);
    await access.signOut('w1');
    expect(await access.signIn({ username: 'mlee', password: PASSWORD }, 'w1')).toMatchObject({ role: 'admin' });
  });

  it('stores no database key, password or recovery code in any file of the data folder', async () => {
    const { access, dir, keychain } = clinic();
    const { recoveryCode } = await setUp(access);
    const keystore = readKeystoreFile(keystorePath(dir.path));
    const machine = await loadMachineSecret(dir.path, keychain);
    const unlocked = await unlockWithPassword(keystore!, 'mlee', PASSWORD, machine.secret);
    if (!unlocked.ok) throw new Error('setup password should open the keystore');
    const key = unlocked.dbKey;
    await access.signOut('w1');
    const needles = [
      key,
      Buffer.from(key.toString('hex')),
      Buffer.from(key.toString('hex').toUpperCase()),
      Buffer.from(key.toString('base64')),
      ...onDiskForms(PASSWORD),
      ...onDiskForms(recoveryCode),
      ...onDiskForms(recoveryCode.match(/.{4}/g)!.join('-')),
    ];
    expect(filesContaining(dir.path, needles)).toEqual([]);
  });
});

describe('sign-in', () => {
  it('a wrong password and an unknown username get the same message', async () => {
    const { access } = clinic();
    await setUp(access);
    await access.signOut('w1');
    const wrongPassword = await failureOf(access.signIn({ username: 'mlee', password: 'not the password at all' }, 'w1'));
    const unknownUser = await failureOf(access.signIn({ username: 'nobody', password: PASSWORD }, 'w1'));
    expect([wrongPassword.code, wrongPassword.message]).toEqual(['UNAUTHENTICATED', WRONG_CREDENTIALS]);
    expect([unknownUser.code, unknownUser.message]).toEqual(['UNAUTHENTICATED', WRONG_CREDENTIALS]);
    expect((await access.state('w1')).phase).toBe('signed-out');
  });

  it('locks the account after 5 failures in 15 minutes, says until when, and opens again after 15 minutes', async () => {
    let now = Date.UTC(2026, 10, 26, 15, 0);
    const { access } = clinic({ clock: () => now });
    await setUp(access);
    await access.signOut('w1');
    for (let i = 0; i < 4; i++) {
      expect((await failureOf(access.signIn({ username: 'mlee', password: 'wrong wrong wrong' }, 'w1'))).code).toBe('UNAUTHENTICATED');
      now += 60_000;
    }
    const fifth = await failureOf(access.signIn({ username: 'mlee', password: 'wrong wrong wrong' }, 'w1'));
    expect(fifth.code).toBe('LOCKED');
    expect(fifth.message).toMatch(/locked until \d{1,2}:\d{2}/);
    // Even the right password waits out the lock.
    expect((await failureOf(access.signIn({ username: 'mlee', password: PASSWORD }, 'w1'))).code).toBe('LOCKED');
    now += 15 * 60_000;
    expect(await access.signIn({ username: 'mlee', password: PASSWORD }, 'w1')).toMatchObject({ role: 'admin' });
  });

  it('signing out of the last session closes the database; signing in opens the same data again', async () => {
    const { access } = clinic();
    await setUp(access);
    await access.database().db.insertInto('app_meta').values({ key: 'test.note', value: 'kept', updated_at: 1 }).execute();
    await access.signOut('w1');
    expect(access.isOpen()).toBe(false);
    await access.signIn({ username: 'MLee', password: PASSWORD }, 'w2');
    const row = await access.database().db.selectFrom('app_meta').select('value').where('key', '=', 'test.note').executeTakeFirst();
    expect(row?.value).toBe('kept');
  });
});

describe('recovery', () => {
  it('on a new computer the recovery code opens the data and the administrator sets a new password', async () => {
    const first = clinic();
    const { recoveryCode } = await setUp(first.access);
    await first.access.close();

    // Same data folder, but the keychain is gone (a new computer).
    rmSync(first.keychainDir.path, { recursive: true, force: true });
    const second = clinic({ dir: first.dir });
    expect((await second.access.state('w1')).recoveryRequired).toBe(true);
    expect((await failureOf(second.access.signIn({ username: 'mlee', password: PASSWORD }, 'w1'))).message).toBe(WRONG_CREDENTIALS);

    const wrong = await failureOf(second.access.recover({ recoveryCode: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345', username: 'mlee', newPassword: 'new machine new passphrase' }, 'w1'));
    expect(wrong.code).toBe('UNAUTHENTICATED');

    const user = await second.access.recover({ recoveryCode: recoveryCode.toLowerCase(), username: 'mlee', newPassword: 'new machine new passphrase' }, 'w1');
    expect(user).toMatchObject({ displayName: 'Maria Lee', role: 'admin' });
    expect((await second.access.state('w1')).recoveryRequired).toBe(false);
    await second.access.signOut('w1');
    expect(await second.access.signIn({ username: 'mlee', password: 'new machine new passphrase' }, 'w1')).toMatchObject({ role: 'admin' });
    expect((await failureOf(second.access.signIn({ username: 'mlee', password: PASSWORD }, 'w1'))).code).toBe('UNAUTHENTICATED');
  });

  it('a password change re-wraps the slot: the old password stops working, the new one works', async () => {
    const { access, sessions } = clinic();
    await setUp(access);
    const session = sessions.get('w1');
    if (!session) throw new Error('expected a session');
    const wrong = await failureOf(access.changePassword({ currentPassword: 'not my password', newPassword: 'quiet river stones glow' }, session));
    expect(wrong.issues?.[0]?.path).toBe('currentPassword');
    await access.changePassword({ currentPassword: PASSWORD, newPassword: 'quiet river stones glow' }, session);
    await access.signOut('w1');
    expect((await failureOf(access.signIn({ username: 'mlee', password: PASSWORD }, 'w1'))).code).toBe('UNAUTHENTICATED');
    expect(await access.signIn({ username: 'mlee', password: 'quiet river stones glow' }, 'w1')).toMatchObject({ role: 'admin' });
  });
});
