import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYSTORE_FILE } from '../../electron/core/keys/keystore-file';
import type { ClinicCore } from '../../electron/core';
import { channelSpec } from '../../shared/contract';
import { listChannels } from '../../shared/contract/channel-names';
import type { StaffMember } from '../../shared/contract/staff';
import { ROLES, type Role } from '../../shared/roles';
import type { Result } from '../../shared/result';
import { exampleFor } from '../support/contract-examples';
import { ADMIN_CLIENT, APP_PAGE_URL, startTestCore } from '../support/core';
import { snapshotAllTables } from '../support/db-snapshot';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

/**
 * The whole role × channel matrix: every channel that a role may not call answers FORBIDDEN to a signed-in
 * user of that role, changes nothing (every table but the audit trail is identical), and leaves exactly one
 * 'access.denied' entry naming the user and the channel. Main enforces this whatever the renderer shows.
 */
let dir: TempDataDir;
let core: ClinicCore;
const clientOf: Record<Role, string> = { admin: ADMIN_CLIENT, coordinator: 'pc-coordinator', front_desk: 'pc-front-desk', read_only: 'pc-read-only' };
const userIdOf = {} as Record<Role, string>;

function call<T = unknown>(channel: string, payload: unknown, clientId: string): Promise<Result<T>> {
  return core.dispatcher.dispatch({ channel, senderUrl: APP_PAGE_URL, clientId, payload }) as Promise<Result<T>>;
}
async function value<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  dir = createTempDataDir();
  core = await startTestCore(dir.path);
  const staff = await value(call<StaffMember[]>('staff:list', undefined, ADMIN_CLIENT));
  userIdOf.admin = (staff[0] as StaffMember).id;
  for (const role of ['coordinator', 'front_desk', 'read_only'] as const) {
    const username = `user-${role.replace('_', '-')}`;
    const created = await value(
      call<StaffMember>('staff:create', { fullName: `Test ${role}`, username, role, temporaryPassword: 'blue heron at dawn' }, ADMIN_CLIENT),
    );
    userIdOf[role] = created.id;
    await value(call('auth:signIn', { username, password: 'blue heron at dawn' }, clientOf[role]));
    await value(call('auth:changePassword', { currentPassword: 'blue heron at dawn', newPassword: `ferns grow by the creek ${role}` }, clientOf[role]));
  }
});
afterAll(async () => {
  await core.close();
  dir.remove();
});

const denied = listChannels().flatMap((channel) => {
  const spec = channelSpec(channel);
  if (!spec || spec.access === 'public') return [];
  const allowed = spec.access;
  return ROLES.filter((role) => !allowed.includes(role)).map((role) => ({ channel, role }));
});

/** Everything but the audit trail and its head anchor (which move with every audited event). */
function withoutAudit(snapshot: Record<string, unknown[]>): Record<string, unknown[]> {
  const { audit_event: _audit, app_meta: meta = [], ...rest } = snapshot;
  return { ...rest, app_meta: meta.filter((row) => !String(row).includes('"key":"audit.head"')) };
}

describe('role × channel matrix', () => {
  it('has denied combinations to check (the contract gates by role)', () => {
    expect(denied.length).toBeGreaterThan(10);
  });

  it.each(denied)('$role calling $channel gets FORBIDDEN, changes nothing, and is audited', async ({ channel, role }) => {
    const example = exampleFor(channel);
    expect(example.found).toBe(true);
    const before = snapshotAllTables(core.sqlite);
    const keystoreBefore = readFileSync(dir.file(KEYSTORE_FILE));
    const result = await call(channel, example.value, clientOf[role]);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const after = snapshotAllTables(core.sqlite);
    expect(withoutAudit(after)).toEqual(withoutAudit(before));
    expect(readFileSync(dir.file(KEYSTORE_FILE)).equals(keystoreBefore)).toBe(true);
    const earlier = new Set((before['audit_event'] ?? []).map(String));
    const added = (after['audit_event'] ?? []).map(String).filter((row) => !earlier.has(row));
    expect(added).toHaveLength(1);
    expect(JSON.parse(added[0] as string)).toMatchObject({ action: 'access.denied', outcome: 'denied', actor_user_id: userIdOf[role], entity_type: 'channel', entity_id: channel });
  });
});
