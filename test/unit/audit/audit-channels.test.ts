import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ClinicCore } from '../../../electron/core';
import { describeVerification } from '../../../electron/core/audit/handlers';
import { createDispatcher, type HandlersFor } from '../../../electron/core/ipc/dispatcher';
import { createSessionStore, type Session } from '../../../electron/core/ipc/sessions';
import { createMemoryLogger } from '../../../electron/core/log';
import { AUDIT_BREAKS, type AuditEntryView, type AuditVerificationView } from '../../../shared/contract/audit';
import { defineChannel } from '../../../shared/contract/channel';
import type { Result } from '../../../shared/result';
import { exampleFor } from '../../support/contract-examples';
import { ADMIN_CLIENT, APP_PAGE_URL, startTestCore, TEST_ORIGIN, type MemoryLogger } from '../../support/core';
import { createTempDataDir, type TempDataDir } from '../../support/temp-data-dir';
import { parseCsv } from './read-csv';
import { auditEntriesAfter, latestAuditSeq, snapshotWithoutAuditTrail } from './trail-snapshot';

const FRONT_DESK_CLIENT = 'pc-front-desk';
const JAMAL_ID = '0192f0c4-0000-7000-8000-0000000000b2';
const SIGNED_OUT_CLIENT = 'pc-signed-out';

let dir: TempDataDir;
let core: ClinicCore;
let log: MemoryLogger;

function call<T = unknown>(channel: string, payload: unknown, clientId = ADMIN_CLIENT): Promise<Result<T>> {
  return core.dispatcher.dispatch({ channel, senderUrl: APP_PAGE_URL, clientId, payload }) as Promise<Result<T>>;
}
async function value<T>(promise: Promise<Result<T>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  dir = createTempDataDir();
  log = createMemoryLogger();
  core = await startTestCore(dir.path, { log });
  // Jamal works the front desk; his window is signed in (the session as main would hold it after sign-in).
  const admin = core.sessions.get(ADMIN_CLIENT) as Session;
  core.sessions.set(FRONT_DESK_CLIENT, { ...admin, userId: JAMAL_ID, username: 'jortiz', displayName: 'Jamal Ortiz', role: 'front_desk' });
});
afterAll(async () => {
  await core?.close();
  dir?.remove();
});

describe('an administrator reviewing the audit trail', () => {
  it('sees the clinic’s first sign-in (at setup) with the administrator’s name and this computer', async () => {
    const { entries, total } = await value(call<{ entries: AuditEntryView[]; total: number }>('audit:list', { direction: 'asc' }));
    expect(total).toBeGreaterThanOrEqual(1);
    expect(entries[0]).toMatchObject({
      seq: 1,
      actorName: 'Maria Lee',
      workstation: hostname(),
      action: 'auth.signIn',
      entityType: 'staff_user',
      outcome: 'success',
      detail: { method: 'setup' },
    });
  });

  it('verifies the chain', async () => {
    expect(await value(call<AuditVerificationView>('audit:verify', undefined))).toEqual({
      ok: true,
      count: latestAuditSeq(core.sqlite),
      head: { seq: latestAuditSeq(core.sqlite), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('exports CSV, and the export is recorded under the administrator’s name', async () => {
    const before = latestAuditSeq(core.sqlite);
    const { csv, rowCount } = await value(call<{ csv: string; rowCount: number }>('audit:exportCsv', { direction: 'asc' }));
    expect(rowCount).toBe(before);
    expect(parseCsv(csv)).toHaveLength(before + 1);
    expect(auditEntriesAfter(core.sqlite, before)).toEqual([
      expect.objectContaining({ action: 'export', entity_type: 'audit_trail', actor_name: 'Maria Lee', outcome: 'success' }),
    ]);
  });

  it('is told, in plain words, which entry was changed', async () => {
    // Tampering with the file from inside the same process, triggers dropped first (as a raw SQLite tool would).
    core.sqlite.exec('DROP TRIGGER audit_event_no_update');
    core.sqlite.prepare("UPDATE audit_event SET actor_name = 'Someone Else' WHERE seq = 1").run();
    const result = await value(call<AuditVerificationView>('audit:verify', undefined));
    expect(result).toEqual({ ok: false, firstBadSeq: 1, reason: 'hash-mismatch', count: 0, message: expect.stringContaining('Audit entry 1 was changed') });
  });
});

describe('staff who are not administrators', () => {
  it.each(['audit:list', 'audit:verify', 'audit:exportCsv'])(
    'calling %s get FORBIDDEN; nothing else changes, and one access.denied entry names them and the channel',
    async (channel) => {
      const before = snapshotWithoutAuditTrail(core.sqlite);
      const lastSeq = latestAuditSeq(core.sqlite);
      const result = await call(channel, exampleFor(channel).value, FRONT_DESK_CLIENT);
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
      expect(snapshotWithoutAuditTrail(core.sqlite)).toEqual(before);
      expect(auditEntriesAfter(core.sqlite, lastSeq)).toEqual([
        expect.objectContaining({
          seq: lastSeq + 1,
          actor_user_id: JAMAL_ID,
          actor_name: 'Jamal Ortiz',
          workstation: hostname(),
          action: 'access.denied',
          entity_type: 'channel',
          entity_id: channel,
          patient_id: null,
          outcome: 'denied',
          detail: '{"role":"front_desk"}',
        }),
      ]);
    },
  );

  it('a window nobody is signed in to is asked to sign in, and nothing is recorded (there is no one to name)', async () => {
    const lastSeq = latestAuditSeq(core.sqlite);
    expect(await call('audit:list', exampleFor('audit:list').value, SIGNED_OUT_CLIENT)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(latestAuditSeq(core.sqlite)).toBe(lastSeq);
  });
});

describe('the dispatcher’s onDenied hook', () => {
  const contract = {
    patients: { merge: defineChannel({ summary: 'admin only', input: z.object({ patientId: z.string() }).strict(), output: z.null(), access: ['admin'] }) },
  };
  const frontDesk: Session = {
    ...({} as Session),
    userId: 'u-1',
    username: 'jortiz',
    displayName: 'Jamal Ortiz',
    role: 'front_desk',
    startedAt: 0,
  };

  function fixture(onDenied: Parameters<typeof createDispatcher>[0]['onDenied']) {
    const fixtureLog = createMemoryLogger();
    const sessions = createSessionStore();
    let runs = 0;
    const handlers: HandlersFor<typeof contract> = {
      patients: {
        merge: () => {
          runs += 1;
          return null;
        },
      },
    };
    const dispatcher = createDispatcher({ contract, handlers, sessions, origin: TEST_ORIGIN, log: fixtureLog, ...(onDenied ? { onDenied } : {}) });
    const dispatch = (clientId: string) => dispatcher.dispatch({ channel: 'patients:merge', senderUrl: APP_PAGE_URL, clientId, payload: { patientId: 'p-1' } });
    return { fixtureLog, sessions, dispatch, runs: () => runs };
  }

  it('hears who was refused which channel, only for signed-in users refused by role', async () => {
    const heard: string[] = [];
    const { sessions, dispatch, runs } = fixture(({ channel, clientId, session }) => void heard.push(`${session.displayName} ${clientId} ${channel}`));
    expect((await dispatch('pc-1')).ok).toBe(false); // signed out: UNAUTHENTICATED, not a denial
    sessions.set('pc-1', frontDesk);
    expect(await dispatch('pc-1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(heard).toEqual(['Jamal Ortiz pc-1 patients:merge']);
    expect(runs()).toBe(0);
  });

  it('cannot change the answer by failing: still FORBIDDEN, the handler never runs, and the log has the error kind only', async () => {
    const { sessions, dispatch, runs, fixtureLog } = fixture(() => {
      throw new Error('UNIQUE constraint failed: audit_event.id (Jamal Ortiz)');
    });
    sessions.set('pc-1', frontDesk);
    expect(await dispatch('pc-1')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(runs()).toBe(0);
    const logged = fixtureLog.lines.join('\n');
    expect(logged).toContain('could not record a denied call');
    expect(logged).not.toContain('UNIQUE constraint');
  });
});

describe('the verification message', () => {
  it.each(AUDIT_BREAKS)('for %s names the entry and says what to do', (reason) => {
    const view = describeVerification({ ok: false, firstBadSeq: 42, reason, count: 41 });
    expect(view).toMatchObject({ ok: false, firstBadSeq: 42, reason, count: 41 });
    if (!view.ok) {
      expect(view.message).toContain('42');
      expect(view.message).toMatch(/contact your IT support/);
    }
  });
});
