import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicCore } from '../../../electron/core';
import type { StaffMember } from '../../../shared/contract/staff';
import type { Result } from '../../../shared/result';
import { ADMIN_CLIENT, APP_PAGE_URL, startTestCore, TEST_ADMIN } from '../../support/core';
import { createTempDataDir, type TempDataDir } from '../../support/temp-data-dir';

// 09:00 in Chicago on a clinic day.
let clock = Date.UTC(2026, 10, 26, 15, 0);
let dir: TempDataDir;
let core: ClinicCore;

beforeEach(async () => {
  clock = Date.UTC(2026, 10, 26, 15, 0);
  dir = createTempDataDir();
  core = await startTestCore(dir.path, { clock: () => clock });
});
afterEach(async () => {
  await core.close();
  dir.remove();
});

function call<T = unknown>(channel: string, payload: unknown, clientId = ADMIN_CLIENT): Promise<Result<T>> {
  return core.dispatcher.dispatch({ channel, senderUrl: APP_PAGE_URL, clientId, payload }) as Promise<Result<T>>;
}
async function value<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('lock and switch user on a shared front-desk PC', () => {
  it('a locked window answers LOCKED to everything but unlocking and signing out, and shows whose session it is', async () => {
    await value(call('lock:now', undefined));
    expect(await call('settings:get', undefined)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await call('drafts:load', { formKey: 'staff:create' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await value(call('session:state', undefined))).toMatchObject({ phase: 'locked', user: { displayName: TEST_ADMIN.fullName }, pinUnlockAvailable: false });
    expect(await value(call('auth:signOut', undefined))).toBeNull();
    expect((await value(call<{ phase: string }>('session:state', undefined))).phase).toBe('signed-out');
  });

  it('the owner signs in again with the password on the lock screen and carries on', async () => {
    await value(call('lock:now', undefined));
    await value(call('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password }));
    expect(await value(call<{ clinicName: string }>('settings:get', undefined))).toMatchObject({ clinicName: 'Riverside Family Clinic' });
  });

  it('tells the window who is signed in, username included, and whether they have a PIN; never the PIN’s hash or salt', async () => {
    const admin = { displayName: TEST_ADMIN.fullName, username: TEST_ADMIN.username, role: 'admin', mustChangePassword: false };
    expect((await value(call<{ user: unknown }>('session:state', undefined))).user).toEqual({ ...admin, hasPin: false });
    expect(await value(call('auth:signIn', { username: TEST_ADMIN.username.toUpperCase(), password: TEST_ADMIN.password }))).toEqual({ ...admin, hasPin: false });

    await value(call('lock:setPin', { password: TEST_ADMIN.password, pin: '4821' }));
    const withPin = await value(call<{ user: unknown }>('session:state', undefined));
    expect(withPin.user).toEqual({ ...admin, hasPin: true });
    const stored = await core.access.database().db.selectFrom('staff_pin').select(['hash', 'salt']).executeTakeFirstOrThrow();
    await value(call('lock:now', undefined));
    const locked = await value(call('session:state', undefined));
    expect(locked).toMatchObject({ phase: 'locked', user: { ...admin, hasPin: true } });
    const unlocked = await value(call('lock:unlockWithPin', { pin: '4821' }));
    expect(unlocked).toEqual({ ...admin, hasPin: true });
    for (const answer of [withPin, locked, unlocked]) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain(stored.hash);
      expect(text).not.toContain(stored.salt);
      expect(text).not.toContain('4821');
    }

    await value(call('lock:clearPin', undefined));
    expect((await value(call<{ user: unknown }>('session:state', undefined))).user).toEqual({ ...admin, hasPin: false });
  });

  it('a PIN unlocks the owner’s session the same clinic day, after the password confirmed it', async () => {
    expect(await call('lock:setPin', { password: 'not my password', pin: '4821' })).toMatchObject({ ok: false, error: { issues: [{ path: 'password' }] } });
    expect(await call('lock:setPin', { password: TEST_ADMIN.password, pin: '1234' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await value(call('lock:setPin', { password: TEST_ADMIN.password, pin: '4821' }));
    await value(call('lock:now', undefined));
    expect(await value(call('session:state', undefined))).toMatchObject({ phase: 'locked', pinUnlockAvailable: true });
    clock += 3 * 60 * 60 * 1000; // lunch, same day
    expect(await value(call('lock:unlockWithPin', { pin: '4821' }))).toMatchObject({ displayName: TEST_ADMIN.fullName, role: 'admin' });
    expect((await value(call<{ phase: string }>('session:state', undefined))).phase).toBe('signed-in');
  });

  it('setting and removing a PIN are both in the audit trail, and removing it takes quick unlock away', async () => {
    await value(call('lock:setPin', { password: TEST_ADMIN.password, pin: '4821' }));
    await value(call('lock:clearPin', undefined));
    const { entries } = await value(call<{ entries: { action: string; entityType: string | null; detail: Record<string, unknown> | null }[] }>('audit:list', { action: 'record.update' }));
    const pinChanges = entries.filter((entry) => entry.entityType === 'staff_user' && Array.isArray(entry.detail?.fields) && (entry.detail.fields as string[]).includes('pin'));
    expect(pinChanges.map((entry) => entry.detail?.cleared ?? false).sort()).toEqual([false, true]);
    await value(call('lock:now', undefined));
    expect(await value(call('session:state', undefined))).toMatchObject({ phase: 'locked', pinUnlockAvailable: false });
  });

  it('a PIN does not work the next clinic day: a full sign-in starts the day', async () => {
    await value(call('lock:setPin', { password: TEST_ADMIN.password, pin: '4821' }));
    await value(call('lock:now', undefined));
    clock = Date.UTC(2026, 10, 27, 14, 30); // 08:30 next morning in Chicago
    expect(await value(call('session:state', undefined))).toMatchObject({ phase: 'locked', pinUnlockAvailable: false });
    expect(await call('lock:unlockWithPin', { pin: '4821' })).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringContaining('password') } });
  });

  it('five wrong PINs end the session', async () => {
    await value(call('lock:setPin', { password: TEST_ADMIN.password, pin: '4821' }));
    await value(call('lock:now', undefined));
    for (let i = 1; i <= 4; i++) {
      expect(await call('lock:unlockWithPin', { pin: '9999' })).toMatchObject({ ok: false, error: { issues: [{ message: expect.stringContaining(`${5 - i} tries left`) }] } });
    }
    expect(await call('lock:unlockWithPin', { pin: '9999' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await value(call<{ phase: string }>('session:state', undefined))).phase).toBe('signed-out');
  });

  it('another staff member signs in from the lock screen; the first user’s draft is kept for them and never shown to the other', async () => {
    await value(call<StaffMember>('staff:create', { fullName: 'Jamal Ortiz', username: 'jortiz', role: 'front_desk', temporaryPassword: 'blue heron at dawn' }));
    await value(call('drafts:save', { formKey: 'staff:create', data: '{"fullName":"Half-typed Name"}' }));
    await value(call('lock:now', undefined));

    await value(call('auth:signIn', { username: 'jortiz', password: 'blue heron at dawn' }));
    expect(await call('drafts:load', { formKey: 'staff:create' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Choose a new password first.' } });
    await value(call('auth:changePassword', { currentPassword: 'blue heron at dawn', newPassword: 'ferns grow by the creek' }));
    expect(await value(call('drafts:load', { formKey: 'staff:create' }))).toBeNull();

    await value(call('auth:signOut', undefined));
    await value(call('auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password }));
    expect(await value(call('drafts:load', { formKey: 'staff:create' }))).toEqual({ data: '{"fullName":"Half-typed Name"}', savedAt: clock });
    await value(call('drafts:discard', { formKey: 'staff:create' }));
    expect(await value(call('drafts:load', { formKey: 'staff:create' }))).toBeNull();
  });
});

describe('clinic settings', () => {
  it('the administrator sets the automatic lock between 1 and 30 minutes (default 10)', async () => {
    expect(await value(call('settings:get', undefined))).toMatchObject({ lockAfterMinutes: 10, automaticUpdates: true, timeZone: 'America/Chicago' });
    expect(await call('settings:update', { lockAfterMinutes: 0 })).toMatchObject({ ok: false, error: { issues: [{ message: 'Lock after at least 1 minute.' }] } });
    expect(await call('settings:update', { lockAfterMinutes: 31 })).toMatchObject({ ok: false, error: { issues: [{ message: 'Lock after at most 30 minutes.' }] } });
    expect(await value(call('settings:update', { lockAfterMinutes: 3, automaticUpdates: false }))).toMatchObject({ lockAfterMinutes: 3, automaticUpdates: false });
    expect(await core.automaticUpdatesEnabled()).toBe(false);
  });
});
