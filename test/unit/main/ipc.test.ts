import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startClinicCore, type ClinicCore } from '../../../electron/core';
import { folderKeychain } from '../../../electron/core/keys/machine-secret';
import { FAST_SCRYPT } from '../../support/core';
import { createMemoryLogger } from '../../../electron/core/log';
import { APP_ORIGIN, APP_START_URL } from '../../../electron/main/app-origin';
import { registerIpcHandlers } from '../../../electron/main/ipc';
import type { Result } from '../../../shared/result';

vi.mock('electron', () => ({}));

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<Result<unknown>>;

/** Stands in for ipcMain: keeps what registerIpcHandlers registers so a test can call it like Electron would. */
function createFakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
  } as unknown as Pick<IpcMain, 'handle'>;
  function invoke(channel: string, payload: unknown, frameUrl: string | null, windowId = 1) {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    const event = { senderFrame: frameUrl === null ? null : { url: frameUrl }, sender: { id: windowId } } as unknown as IpcMainInvokeEvent;
    return handler(event, payload);
  }
  return { ipcMain, handlers, invoke };
}

describe('registerIpcHandlers with the real core', () => {
  let dataDir: string;
  let core: ClinicCore;
  const fake = createFakeIpcMain();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'caredesk-ipc-'));
    core = await startClinicCore({
      dataDir,
      appVersion: '0.1.0-test',
      keychain: folderKeychain(join(dataDir, '..', `${basename(dataDir)}-keychain`)),
      scrypt: FAST_SCRYPT,
      origin: APP_ORIGIN,
      log: createMemoryLogger(),
    });
    registerIpcHandlers(fake.ipcMain, core.dispatcher);
  });
  afterAll(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers exactly one handler per contract channel', () => {
    expect([...fake.handlers.keys()].sort()).toStrictEqual([...core.dispatcher.channels].sort());
    expect(fake.handlers.has('app:status')).toBe(true);
  });

  it('answers the CareDesk page with the encrypted database status', async () => {
    const result = await fake.invoke('app:status', undefined, APP_START_URL);
    expect(result).toMatchObject({ ok: true, value: { appVersion: '0.1.0-test', encryption: { enabled: true, cipher: 'sqlcipher' } } });
  });

  it.each([
    'https://evil.example/index.html',
    'app://evil/index.html',
    'app://caredesk.evil/index.html',
    'app://user@caredesk/index.html',
    'file:///C:/Users/Public/index.html',
    'http://127.0.0.1:5173/',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    '',
  ])('refuses a call from a frame on %j with FORBIDDEN', async (url) => {
    const result = await fake.invoke('app:status', undefined, url);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses a call whose frame is already gone', async () => {
    await expect(fake.invoke('app:status', undefined, null)).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('does not let a foreign frame change state (unsaved-work flag stays clear)', async () => {
    await fake.invoke('app:setUnsavedWork', { unsaved: true }, 'https://evil.example/');
    expect(core.hasUnsavedWork()).toBe(false);
  });

  it('keeps unsaved work per window, keyed by the sending webContents', async () => {
    await expect(fake.invoke('app:setUnsavedWork', { unsaved: true }, APP_START_URL, 7)).resolves.toStrictEqual({ ok: true, value: null });
    expect(core.hasUnsavedWork()).toBe(true);
    await fake.invoke('app:setUnsavedWork', { unsaved: false }, APP_START_URL, 8);
    expect(core.hasUnsavedWork()).toBe(true);
    await fake.invoke('app:setUnsavedWork', { unsaved: false }, APP_START_URL, 7);
    expect(core.hasUnsavedWork()).toBe(false);
  });

  it('validates the payload from the real page too', async () => {
    const result = await fake.invoke('app:setUnsavedWork', { unsaved: 'yes', extra: 1 }, APP_START_URL);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
