import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClinicCore } from '../../../electron/core';
import { verifyAuditTrail } from '../../../electron/core/audit/verify';
import { MAX_FAILURES } from '../../../electron/core/keys/signin-throttle';
import type { Result } from '../../../shared/result';
import { createMemoryLogger } from '../../../electron/core/log';
import { ADMIN_CLIENT, APP_PAGE_URL, startTestCore, TEST_ADMIN, type MemoryLogger } from '../../support/core';
import { createTempDataDir, type TempDataDir } from '../../support/temp-data-dir';
import { auditEntriesAfter, latestAuditSeq } from './trail-snapshot';

/**
 * Sign-in events in the trail, as a morning at the clinic: the last person signs out (the database closes),
 * someone mistypes at the front desk, a stranger tries a username, then the administrator signs in again.
 */
const WRONG_PASSWORD = 'pancakes on a monday';
const STRANGER = 'dr-nobody';
const FRONT_PC = 'pc-front';
const BACK_PC = 'pc-back';

let dir: TempDataDir;
let core: ClinicCore;
let log: MemoryLogger;
let adminId: string;

function call<T = unknown>(channel: string, payload: unknown, clientId: string): Promise<Result<T>> {
  return core.dispatcher.dispatch({ channel, senderUrl: APP_PAGE_URL, clientId, payload }) as Promise<Result<T>>;
}
const signIn = (username: string, password: string, clientId = FRONT_PC) => call('auth:signIn', { username, password }, clientId);

beforeAll(async () => {
  dir = createTempDataDir();
  log = createMemoryLogger();
  core = await startTestCore(dir.path, { log });
  adminId = core.sessions.get(ADMIN_CLIENT)?.userId as string;
});
afterAll(async () => {
  await core?.close();
  dir?.remove();
});

describe('sign-in events in the audit trail', () => {
  let seqBeforeSignOut = 0;

  it('records the sign-out before the database closes', async () => {
    seqBeforeSignOut = latestAuditSeq(core.sqlite);
    expect(await call('auth:signOut', undefined, ADMIN_CLIENT)).toEqual({ ok: true, value: null });
    expect(core.access.isOpen()).toBe(false);
  });

  it('keeps failed sign-ins made while the database is closed in memory, and logs no username or password', async () => {
    expect(await signIn(TEST_ADMIN.username, WRONG_PASSWORD)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await signIn('MLee ', WRONG_PASSWORD)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await signIn(STRANGER, WRONG_PASSWORD)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(
      await call('auth:recover', { recoveryCode: '7KQ2-9XHM-ABCD-EFGH-JKMN-PQRS-TVWX', username: TEST_ADMIN.username, newPassword: 'quiet river stones glow' }, FRONT_PC),
    ).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(core.access.isOpen()).toBe(false);
    const logged = log.lines.join('\n');
    for (const secret of [WRONG_PASSWORD, STRANGER, 'MLee', TEST_ADMIN.password]) expect(logged).not.toContain(secret);
  });

  it('writes them into the trail, oldest first, at the next successful sign-in, before that sign-in', async () => {
    expect(await signIn(TEST_ADMIN.username, TEST_ADMIN.password)).toMatchObject({ ok: true });
    const entries = auditEntriesAfter(core.sqlite, seqBeforeSignOut);
    expect(entries.map((e) => [e['action'], e['actor_user_id'], e['actor_name'], e['outcome'], e['detail']])).toEqual([
      ['auth.signOut', adminId, 'Maria Lee', 'success', null],
      ['auth.signInFailed', adminId, 'mlee', 'failure', '{"method":"password","reason":"wrong-credentials"}'],
      // The username as typed (trimmed by the contract), still matched to the account.
      ['auth.signInFailed', adminId, 'MLee', 'failure', '{"method":"password","reason":"wrong-credentials"}'],
      // Nobody has this username: no account id, the typed name kept.
      ['auth.signInFailed', null, STRANGER, 'failure', '{"method":"password","reason":"wrong-credentials"}'],
      ['auth.signInFailed', adminId, 'mlee', 'failure', '{"method":"recoveryCode","reason":"wrong-recovery-code"}'],
      ['auth.signIn', adminId, 'Maria Lee', 'success', '{"method":"password"}'],
    ]);
    // Times in order, each on this workstation, and the failures happened before the sign-in that wrote them.
    const times = entries.map((e) => e['at'] as number);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(entries.map((e) => e['workstation']))).toEqual(new Set([entries[0]?.['workstation']]));
  });

  it('records failures at once while the database is open, then the lockout, then attempts during the lockout', async () => {
    const before = latestAuditSeq(core.sqlite);
    for (let attempt = 1; attempt < MAX_FAILURES; attempt += 1) {
      expect(await signIn(TEST_ADMIN.username, WRONG_PASSWORD, BACK_PC)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    expect(await signIn(TEST_ADMIN.username, WRONG_PASSWORD, BACK_PC)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await signIn(TEST_ADMIN.username, TEST_ADMIN.password, BACK_PC)).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    const entries = auditEntriesAfter(core.sqlite, before);
    expect(entries.map((e) => [e['action'], e['outcome'], e['actor_user_id']])).toEqual([
      ...Array.from({ length: MAX_FAILURES }, () => ['auth.signInFailed', 'failure', adminId]),
      ['auth.lockout', 'denied', adminId],
      ['auth.signInFailed', 'denied', adminId],
    ]);
    expect(JSON.parse(entries[MAX_FAILURES]?.['detail'] as string)).toEqual({ lockedUntil: expect.any(Number) });
    expect(entries[MAX_FAILURES + 1]?.['detail']).toBe('{"method":"password","reason":"locked"}');
  });

  it('records a sign-in refused because the account was deactivated, with the account id', async () => {
    await core.access.unlockAccount(TEST_ADMIN.username);
    core.sqlite.prepare("UPDATE staff_user SET status = 'inactive' WHERE id = ?").run(adminId);
    const before = latestAuditSeq(core.sqlite);
    expect(await signIn(TEST_ADMIN.username, TEST_ADMIN.password, BACK_PC)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(auditEntriesAfter(core.sqlite, before)).toEqual([
      expect.objectContaining({ action: 'auth.signInFailed', actor_user_id: adminId, actor_name: 'mlee', detail: '{"method":"password","reason":"inactive"}' }),
    ]);
    core.sqlite.prepare("UPDATE staff_user SET status = 'active' WHERE id = ?").run(adminId);
  });

  it('leaves a chain that verifies', async () => {
    expect(await verifyAuditTrail(core.db)).toMatchObject({ ok: true, count: latestAuditSeq(core.sqlite) });
  });
});
