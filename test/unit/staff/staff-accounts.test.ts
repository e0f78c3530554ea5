import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicCore } from '../../../electron/core';
import type { Result } from '../../../shared/result';
import type { StaffMember } from '../../../shared/contract/staff';
import { ADMIN_CLIENT, APP_PAGE_URL, startTestCore, TEST_ADMIN } from '../../support/core';
import { createTempDataDir, type TempDataDir } from '../../support/temp-data-dir';

let dir: TempDataDir;
let core: ClinicCore;

beforeEach(async () => {
  dir = createTempDataDir();
  core = await startTestCore(dir.path);
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

const JAMAL = { fullName: 'Jamal Ortiz', username: 'JOrtiz', role: 'front_desk', temporaryPassword: 'blue heron at dawn' } as const;

describe('staff accounts (administrator)', () => {
  it('creates an account with a key slot: the person signs in with the temporary password and must choose their own', async () => {
    const created = await value(call<StaffMember>('staff:create', JAMAL));
    expect(created).toMatchObject({ username: 'jortiz', fullName: 'Jamal Ortiz', role: 'front_desk', status: 'active', passwordResetRequired: true, lockedUntil: null });

    const signedIn = await value(call('auth:signIn', { username: 'jortiz', password: 'blue heron at dawn' }, 'front-pc'));
    expect(signedIn).toEqual({ displayName: 'Jamal Ortiz', username: 'jortiz', role: 'front_desk', mustChangePassword: true, hasPin: false });
    await value(call('auth:changePassword', { currentPassword: 'blue heron at dawn', newPassword: 'ferns grow by the creek' }, 'front-pc'));
    const list = await value(call<StaffMember[]>('staff:list', undefined));
    expect(list.find((m) => m.username === 'jortiz')?.passwordResetRequired).toBe(false);
  });

  it('refuses a taken username (any case) and a weak temporary password, and creates nothing', async () => {
    const taken = await call('staff:create', { ...JAMAL, username: TEST_ADMIN.username.toUpperCase() });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'username' }] } });
    const weak = await call('staff:create', { ...JAMAL, temporaryPassword: 'password1234' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'temporaryPassword' }] } });
    expect(await value(call<StaffMember[]>('staff:list', undefined))).toHaveLength(1);
  });

  it('deactivates an account: its sessions end, its password opens nothing, and the name stays on the list', async () => {
    const jamal = await value(call<StaffMember>('staff:create', JAMAL));
    await value(call('auth:signIn', { username: 'jortiz', password: 'blue heron at dawn' }, 'front-pc'));
    const deactivated = await value(call<StaffMember>('staff:deactivate', { id: jamal.id }));
    expect(deactivated.status).toBe('inactive');
    expect(await call('auth:signOut', undefined, 'front-pc')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call('auth:signIn', { username: 'jortiz', password: 'blue heron at dawn' }, 'front-pc')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect((await value(call<StaffMember[]>('staff:list', undefined))).map((m) => [m.username, m.status])).toEqual([
      ['mlee', 'active'],
      ['jortiz', 'inactive'],
    ]);

    const back = await value(call<StaffMember>('staff:reactivate', { id: jamal.id, temporaryPassword: 'new heron at noon' }));
    expect(back).toMatchObject({ status: 'active', passwordResetRequired: true });
    expect(await value(call('auth:signIn', { username: 'jortiz', password: 'new heron at noon' }, 'front-pc'))).toMatchObject({ mustChangePassword: true });
  });

  it('keeps the clinic from locking itself out: no self-deactivation, always one active administrator', async () => {
    const list = await value(call<StaffMember[]>('staff:list', undefined));
    const me = list[0] as StaffMember;
    expect(await call('staff:deactivate', { id: me.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('your own account') } });
    expect(await call('staff:update', { id: me.id, role: 'front_desk' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('only active administrator') },
    });
    const second = await value(call<StaffMember>('staff:create', { ...JAMAL, role: 'admin' }));
    expect(await value(call<StaffMember>('staff:update', { id: me.id, role: 'coordinator' }))).toMatchObject({ role: 'coordinator' });
    expect(second.role).toBe('admin');
  });

  it('a password reset replaces the old password with a temporary one and ends the person’s sessions', async () => {
    const jamal = await value(call<StaffMember>('staff:create', JAMAL));
    await value(call('auth:signIn', { username: 'jortiz', password: 'blue heron at dawn' }, 'front-pc'));
    await value(call('auth:changePassword', { currentPassword: 'blue heron at dawn', newPassword: 'ferns grow by the creek' }, 'front-pc'));
    await value(call('staff:resetPassword', { id: jamal.id, temporaryPassword: 'otters float on rivers' }));
    expect((await value(call<{ phase: string }>('session:state', undefined, 'front-pc'))).phase).toBe('signed-out');
    expect(await call('auth:signIn', { username: 'jortiz', password: 'ferns grow by the creek' }, 'front-pc')).toMatchObject({ ok: false });
    expect(await value(call('auth:signIn', { username: 'jortiz', password: 'otters float on rivers' }, 'front-pc'))).toMatchObject({ mustChangePassword: true });
  });

  it('shows a locked account and lets the administrator lift the lock', async () => {
    const jamal = await value(call<StaffMember>('staff:create', JAMAL));
    for (let i = 0; i < 5; i++) await call('auth:signIn', { username: 'jortiz', password: 'not the right one' }, 'front-pc');
    expect(await call('auth:signIn', { username: 'jortiz', password: 'blue heron at dawn' }, 'front-pc')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const locked = (await value(call<StaffMember[]>('staff:list', undefined))).find((m) => m.id === jamal.id);
    expect(locked?.lockedUntil).toBeGreaterThan(Date.now());
    expect((await value(call<StaffMember>('staff:unlock', { id: jamal.id }))).lockedUntil).toBeNull();
    expect(await value(call('auth:signIn', { username: 'jortiz', password: 'blue heron at dawn' }, 'front-pc'))).toMatchObject({ role: 'front_desk' });
  });

  it('a role change ends the person’s sessions so the new role applies at their next sign-in', async () => {
    const jamal = await value(call<StaffMember>('staff:create', JAMAL));
    await value(call('auth:signIn', { username: 'jortiz', password: 'blue heron at dawn' }, 'front-pc'));
    await value(call('staff:update', { id: jamal.id, role: 'read_only' }));
    expect((await value(call<{ phase: string }>('session:state', undefined, 'front-pc'))).phase).toBe('signed-out');
    expect(await value(call('auth:signIn', { username: 'jortiz', password: 'blue heron at dawn' }, 'front-pc'))).toMatchObject({ role: 'read_only' });
  });

  it('answers NOT_FOUND for an id that is not a staff member', async () => {
    expect(await call('staff:unlock', { id: 'no-such-id' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('staff changes in the audit trail', () => {
  it('records creation, a role change (from → to), deactivation and a password reset, attributed to the administrator', async () => {
    const jamal = await value(call<StaffMember>('staff:create', JAMAL));
    await value(call('staff:update', { id: jamal.id, role: 'coordinator' }));
    await value(call('staff:resetPassword', { id: jamal.id, temporaryPassword: 'otters float on rivers' }));
    await value(call('staff:deactivate', { id: jamal.id }));
    const entries = await core.db
      .selectFrom('audit_event')
      .select(['action', 'actor_name', 'entity_type', 'entity_id', 'detail'])
      .where('entity_id', '=', jamal.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((e) => [e.action, e.actor_name, e.entity_type, JSON.parse(e.detail ?? 'null')])).toEqual([
      ['record.create', TEST_ADMIN.fullName, 'staff_user', { role: 'front_desk' }],
      ['role.change', TEST_ADMIN.fullName, 'staff_user', { from: 'front_desk', to: 'coordinator' }],
      ['record.update', TEST_ADMIN.fullName, 'staff_user', { fields: ['password'] }],
      ['record.update', TEST_ADMIN.fullName, 'staff_user', { fields: ['status'], status: 'inactive' }],
    ]);
    // No password, temporary or otherwise, ever reaches the trail.
    const all = JSON.stringify(await core.db.selectFrom('audit_event').selectAll().execute());
    expect(all).not.toContain('blue heron');
    expect(all).not.toContain('otters float');
  });
});
