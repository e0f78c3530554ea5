import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ClinicCore } from '../../electron/core';
import { SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { ClinicFailure } from '../../electron/core/errors';
import { createDispatcher, type HandlersFor } from '../../electron/core/ipc/dispatcher';
import { createSessionStore, type Session } from '../../electron/core/ipc/sessions';
import { createMemoryLogger } from '../../electron/core/log';
import { registerIpcHandlers } from '../../electron/main/ipc';
import { channelSpec } from '../../shared/contract';
import { defineChannel } from '../../shared/contract/channel';
import { listChannels } from '../../shared/contract/channel-names';
import type { Result } from '../../shared/result';
import { exampleFor } from '../support/contract-examples';
import { APP_PAGE_URL, startTestCore, TEST_APP_VERSION, TEST_ORIGIN } from '../support/core';
import { readFileSync } from 'node:fs';
import { KEYSTORE_FILE } from '../../electron/core/keys/keystore-file';
import { snapshotAllTables } from '../support/db-snapshot';
import { createFakeIpcMain, type Sender } from '../support/fake-ipc';
import { malformedPayloads } from '../support/malformed-payloads';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

const RUNS_PER_CHANNEL = 1_000;

let dataDir: TempDataDir;
let core: ClinicCore;
let ipc: ReturnType<typeof createFakeIpcMain>;

beforeAll(async () => {
  dataDir = createTempDataDir();
  core = await startTestCore(dataDir.path);
  await core.db
    .insertInto('app_meta')
    .values([
      { key: 'test.note', value: 'Riverside Family Clinic', updated_at: 1 },
      { key: 'updates.automatic', value: 'on', updated_at: 2 },
    ])
    .execute();
  ipc = createFakeIpcMain();
  registerIpcHandlers(ipc.ipcMain, core.dispatcher);
});

afterAll(async () => {
  await core?.close();
  dataDir?.remove();
});

function asResult(value: unknown): Result<unknown> {
  expect(value).toEqual(expect.objectContaining({ ok: expect.any(Boolean) }));
  return value as Result<unknown>;
}

describe('the Electron shell wires IPC straight to the dispatcher', () => {
  it('electron/main/ipc.ts takes only types from electron, so it loads under plain Node without a mock', () => {
    const file = fileURLToPath(new URL('../../electron/main/ipc.ts', import.meta.url));
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const valueImportsFromElectron: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text === 'electron') {
        const clause = node.importClause;
        const typeOnly =
          clause !== undefined &&
          (clause.isTypeOnly ||
            (clause.name === undefined &&
              clause.namedBindings !== undefined &&
              ts.isNamedImports(clause.namedBindings) &&
              clause.namedBindings.elements.every((element) => element.isTypeOnly)));
        if (!typeOnly) valueImportsFromElectron.push(node.getText(source));
      }
      if (ts.isCallExpression(node) && node.arguments.some((arg) => ts.isStringLiteral(arg) && arg.text === 'electron')) {
        valueImportsFromElectron.push(node.getText(source));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(valueImportsFromElectron).toEqual([]);
    expect(typeof registerIpcHandlers).toBe('function');
  });

  it('registers exactly one handler per contract channel', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(listChannels().sort());
  });
});

describe('a call from a page that is not CareDesk', () => {
  const foreignSenders: [string, Sender][] = [
    ['a website', { url: 'http://evil.example/' }],
    ['a secure website', { url: 'https://evil.example/app' }],
    ['another app:// host', { url: 'app://evil/index.html' }],
    ['a look-alike host', { url: 'app://caredesk.evil.example/index.html' }],
    ['CareDesk on another port', { url: 'app://caredesk:8080/index.html' }],
    ['credentials making evil the host', { url: 'app://caredesk@evil/index.html' }],
    ['credentials in front of CareDesk', { url: 'app://evil@caredesk/index.html' }],
    ['a local file', { url: 'file:///C:/Users/frontdesk/Downloads/invoice.html' }],
    ['a file path that looks like CareDesk', { url: 'file:///caredesk/index.html' }],
    ['an opaque origin', { url: 'null' }],
    ['about:blank', { url: 'about:blank' }],
    ['a javascript: URL', { url: 'javascript:alert(1)' }],
    ['a malformed URL', { url: 'app//caredesk' }],
    ['a URL with only a scheme', { url: 'app:' }],
    ['an empty URL', { url: '' }],
    ['no URL', { url: undefined }],
    ['a frame that is already gone', { url: APP_PAGE_URL, frameGone: true }],
  ];

  it.each(foreignSenders)('from %s is refused with FORBIDDEN and reveals nothing', async (_label, sender) => {
    const result = asResult(await ipc.invoke('app:status', undefined, sender));
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
  });

  it('cannot mark work as unsaved (the handler never runs), and the log does not echo its payload', async () => {
    const log = createMemoryLogger();
    const fixtureIpc = createFakeIpcMain();
    const sessions = createSessionStore();
    let handlerRuns = 0;
    const contract = {
      patients: {
        rename: defineChannel({ summary: 'fixture', input: z.object({ name: z.string() }), output: z.null(), access: 'public' }),
      },
    };
    const handlers: HandlersFor<typeof contract> = {
      patients: {
        rename: () => {
          handlerRuns += 1;
          return null;
        },
      },
    };
    registerIpcHandlers(fixtureIpc.ipcMain, createDispatcher({ contract, handlers, sessions, origin: TEST_ORIGIN, log }));

    const result = asResult(await fixtureIpc.invoke('patients:rename', { name: 'Maria Canary' }, { url: 'http://evil.example/' }));
    expect(result.ok).toBe(false);
    expect(handlerRuns).toBe(0);
    expect(log.lines.join('\n')).toContain('patients:rename');
    expect(log.lines.join('\n')).not.toContain('Maria Canary');

    const unsaved = asResult(await ipc.invoke('app:setUnsavedWork', { unsaved: true }, { url: 'http://evil.example/', windowId: 7 }));
    expect(unsaved.ok).toBe(false);
    expect(core.hasUnsavedWork()).toBe(false);
  });
});

describe('a call from the CareDesk window', () => {
  it('gets the app status: version, schema version and SQLCipher encryption', async () => {
    const result = asResult(await ipc.invoke('app:status', undefined));
    expect(result).toEqual({
      ok: true,
      value: {
        appVersion: TEST_APP_VERSION,
        schemaVersion: SCHEMA_VERSION,
        encryption: { enabled: true, cipher: 'sqlcipher' },
        dataFolderBytes: expect.any(Number),
      },
    });
    if (result.ok) expect((result.value as { dataFolderBytes: number }).dataFolderBytes).toBeGreaterThan(0);
  });

  it('passes validation with every channel’s documented example (so the refusals below are about the payload)', async () => {
    for (const channel of listChannels()) {
      const example = exampleFor(channel);
      expect(example.found, `${channel} has an example`).toBe(true);
      const result = asResult(await ipc.invoke(channel, example.value, { url: APP_PAGE_URL, windowId: 99 }));
      if (!result.ok) expect(result.error.code, channel).not.toBe('VALIDATION');
    }
    await ipc.invoke('app:setUnsavedWork', { unsaved: false }, { url: APP_PAGE_URL, windowId: 99 });
  });

  it('marks unsaved work per window: the app has unsaved work until every window has saved', async () => {
    const frontDesk = { url: APP_PAGE_URL, windowId: 1 };
    const billing = { url: 'app://caredesk/billing', windowId: 2 };
    const setUnsaved = async (sender: Sender, unsaved: boolean) =>
      expect(asResult(await ipc.invoke('app:setUnsavedWork', { unsaved }, sender))).toEqual({ ok: true, value: null });

    expect(core.hasUnsavedWork()).toBe(false);
    await setUnsaved(frontDesk, true);
    expect(core.hasUnsavedWork()).toBe(true);
    await setUnsaved(billing, true);
    await setUnsaved(frontDesk, false);
    expect(core.hasUnsavedWork()).toBe(true); // billing still has an open form
    await setUnsaved(frontDesk, false); // saying "saved" twice is harmless
    expect(core.hasUnsavedWork()).toBe(true);
    await setUnsaved(billing, false);
    expect(core.hasUnsavedWork()).toBe(false);
  });
});

/** Rows inserted, updated or deleted through the clinic's connection since it opened. */
function totalChanges(): number {
  return Number(core.sqlite.prepare('SELECT total_changes()').pluck().get());
}

describe.each(listChannels())('malformed payloads on %s', (channel) => {
  it(`${RUNS_PER_CHANNEL} hostile payloads each come back as VALIDATION with field issues, never throw, and change no row`, async () => {
    const spec = channelSpec(channel);
    expect(spec, `${channel} is in the contract`).toBeDefined();
    const example = exampleFor(channel);
    expect(example.found, `${channel} has an example in test/support/contract-examples.ts`).toBe(true);

    const rowsBefore = snapshotAllTables(core.sqlite);
    // Setup wrote the clinic's name and time zone (and the audit trail its head); beforeAll added two more.
    expect(rowsBefore['app_meta']).toHaveLength(5);
    expect(rowsBefore['staff_user']).toHaveLength(1);
    const keystoreBefore = readFileSync(dataDir.file(KEYSTORE_FILE));
    const unsavedBefore = core.hasUnsavedWork();
    const changesBefore = totalChanges();
    const seen = { anything: 0, mutation: 0 };

    await fc.assert(
      fc.asyncProperty(malformedPayloads(spec!.input, example.value), async ({ source, payload }) => {
        seen[source] += 1;
        const result = asResult(await ipc.invoke(channel, payload, { url: APP_PAGE_URL, windowId: 3 }));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('VALIDATION');
        expect(result.error.message).toEqual(expect.any(String));
        expect(result.error.issues?.length ?? 0).toBeGreaterThan(0);
        for (const issue of result.error.issues ?? []) {
          expect(issue).toEqual({ path: expect.any(String), message: expect.any(String) });
        }
        // Per run, the cheap exact check: SQLite's count of rows inserted, updated or deleted on this connection.
        expect(totalChanges()).toBe(changesBefore);
        expect(readFileSync(dataDir.file(KEYSTORE_FILE)).equals(keystoreBefore)).toBe(true);
        expect(core.hasUnsavedWork()).toBe(unsavedBefore);
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    // And once per channel, every row of every table, compared.
    expect(snapshotAllTables(core.sqlite)).toEqual(rowsBefore);
    // Both families really ran: arbitrary values and mutations of the valid example.
    expect(seen.anything + seen.mutation).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL);
    expect(seen.anything).toBeGreaterThan(RUNS_PER_CHANNEL / 5);
    expect(seen.mutation).toBeGreaterThan(RUNS_PER_CHANNEL / 5);
  }, 60_000);
});

describe('the dispatcher’s rules, on a fixture contract', () => {
  const SECRET_NAME = 'Maria Canary';
  const DRIVER_MESSAGE = `UNIQUE constraint failed: patients.name (${SECRET_NAME})`;
  const patientInput = z.object({ patientId: z.string().min(1), name: z.string().min(1) }).strict();
  const fixtureContract = {
    patients: {
      rename: defineChannel({ summary: 'coordinator-only', input: patientInput, output: z.object({ patientId: z.string() }), access: ['coordinator', 'admin'] }),
      crash: defineChannel({ summary: 'throws a plain Error', input: patientInput, output: z.null(), access: 'public' }),
      merge: defineChannel({ summary: 'reports a conflict', input: patientInput, output: z.null(), access: 'public' }),
      leak: defineChannel({ summary: 'returns too much', input: patientInput, output: z.object({ patientId: z.string() }).strict(), access: 'public' }),
    },
  };

  function fixture() {
    const log = createMemoryLogger();
    const sessions = createSessionStore();
    const calls: string[] = [];
    const handlers: HandlersFor<typeof fixtureContract> = {
      patients: {
        rename: ({ patientId }, { session }) => {
          calls.push(`rename by ${session?.role ?? 'nobody'}`);
          return { patientId };
        },
        crash: () => {
          throw new Error(DRIVER_MESSAGE);
        },
        merge: () => {
          throw new ClinicFailure('CONFLICT', 'Someone else changed this patient. Reload to see their changes.', [{ path: 'name', message: 'Changed by another user' }]);
        },
        // Deliberately breaks the output schema, as a buggy handler might.
        leak: ({ patientId, name }) => ({ patientId, name }) as unknown as { patientId: string },
      },
    };
    const dispatcher = createDispatcher({ contract: fixtureContract, handlers, sessions, origin: TEST_ORIGIN, log });
    const call = (channel: string, clientId = 'window-1') =>
      dispatcher.dispatch({ channel, senderUrl: APP_PAGE_URL, clientId, payload: { patientId: 'p-1', name: SECRET_NAME } });
    return { log, sessions, calls, call };
  }

  const session = (role: Session['role']): Session => ({
    userId: 'u-1',
    username: 'jlee',
    displayName: 'J. Lee',
    role,
    startedAt: 0,
    lockedAt: null,
    pinFailures: 0,
    mustChangePassword: false,
  });

  it('a role-gated channel asks a signed-out window to sign in, and does not run', async () => {
    const { call, calls } = fixture();
    expect(await call('patients:rename')).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it('a role-gated channel refuses front desk staff with FORBIDDEN, and does not run', async () => {
    const { call, calls, sessions } = fixture();
    sessions.set('window-1', session('front_desk'));
    expect(await call('patients:rename')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } });
    expect(calls).toEqual([]);
  });

  it('a role-gated channel runs for a care coordinator, and only in that coordinator’s window', async () => {
    const { call, calls, sessions } = fixture();
    sessions.set('window-1', session('coordinator'));
    expect(await call('patients:rename')).toEqual({ ok: true, value: { patientId: 'p-1' } });
    expect(calls).toEqual(['rename by coordinator']);
    expect((await call('patients:rename', 'window-2')).ok).toBe(false);
  });

  it('a handler crash becomes INTERNAL with plain words, and neither the patient’s name nor the error text reaches the log', async () => {
    const { call, log } = fixture();
    const result = await call('patients:crash');
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/^[A-Z][^{}]*\.$/) } });
    if (!result.ok) {
      expect(result.error.message).not.toContain(SECRET_NAME);
      expect(result.error.message).not.toContain('UNIQUE');
    }
    const logged = log.lines.join('\n');
    expect(logged).toContain('patients:crash'); // it was logged…
    expect(logged).not.toContain(SECRET_NAME); // …without the payload
    expect(logged).not.toContain('UNIQUE constraint failed'); // …or the driver's message
  });

  it('a ClinicFailure reaches the screen as it was raised (CONFLICT, message, issues)', async () => {
    const { call } = fixture();
    expect(await call('patients:merge')).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Someone else changed this patient. Reload to see their changes.',
        issues: [{ path: 'name', message: 'Changed by another user' }],
      },
    });
  });

  it('a handler returning more than its output schema allows gets INTERNAL, and the extra value is neither sent nor logged', async () => {
    const { call, log } = fixture();
    const result = await call('patients:leak');
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } });
    expect(JSON.stringify(result)).not.toContain(SECRET_NAME);
    expect(log.lines.join('\n')).toContain('patients:leak');
    expect(log.lines.join('\n')).not.toContain(SECRET_NAME);
  });

  it('an unknown channel is NOT_FOUND, including names that exist on every object', async () => {
    const { call } = fixture();
    for (const channel of ['patients:delete', 'patients', 'app:status', '__proto__', 'patients:constructor', 'constructor:name', '']) {
      expect(await call(channel), channel).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });
});
