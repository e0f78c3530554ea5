import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core';
import { KEYSTORE_FILE } from '../../../electron/core/keys/keystore-file';
import type { Result } from '../../../shared/result';
import { createFakeWebContents } from './fake-web-contents';

// The whole shell (electron/main/index.ts) against a fake Electron and the real core on a temp folder.

type Fn = ReturnType<typeof vi.fn>;
interface FakeElectron {
  app: EventEmitter & Record<'enableSandbox' | 'setPath' | 'requestSingleInstanceLock' | 'quit' | 'exit' | 'whenReady', Fn>;
  protocol: { registerSchemesAsPrivileged: Fn; handle: Fn };
  ipcMain: { handle: Fn };
  dialog: { showErrorBox: Fn; showMessageBox: Fn };
  shell: { openExternal: Fn };
  Menu: { buildFromTemplate: Fn; setApplicationMenu: Fn };
  safeStorage: Record<'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync', Fn>;
  session: { defaultSession: EventEmitter };
  windows: Array<EventEmitter & { options: Record<string, unknown>; loadURL: Fn }>;
}

const state = vi.hoisted(() => ({
  userData: '',
  lock: true,
  ready: Promise.resolve() as Promise<void>,
  updaterCreated: 0,
  electron: null as unknown as FakeElectron,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const windows: FakeElectron['windows'] = [];
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(),
    setPath: vi.fn((name: string, value: string) => {
      if (name === 'userData') state.userData = value;
    }),
    getPath: (name: string) => {
      if (name === 'documents') return join(state.userData, 'Documents');
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return state.userData;
    },
    getVersion: () => '0.1.0-test',
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => state.ready),
  });
  class BrowserWindow extends Emitter {
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    isMinimized = () => false;
    restore = vi.fn();
    focus = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this as unknown as FakeElectron['windows'][number]);
    }
  }
  state.electron = {
    app,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    // A keychain stand-in: reversible, but not the identity, so a test would notice the secret stored in clear.
    safeStorage: {
      isAsyncEncryptionAvailable: vi.fn(async () => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`)),
      decryptStringAsync: vi.fn(async (sealed: Buffer) => ({
        shouldReEncrypt: false,
        result: Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(),
      })),
    },
    session: { defaultSession: new Emitter() },
    windows,
  } as unknown as FakeElectron;
  return { ...state.electron, BrowserWindow };
});

vi.mock('electron-updater', () => ({
  get autoUpdater() {
    state.updaterCreated += 1;
    throw new Error('the updater must not be created in a development run');
  },
}));

let userData: string;

/** Loads index.ts afresh. The electron mock is built once per file, so its recordings are cleared here. */
async function startShell(): Promise<FakeElectron> {
  if (state.electron) {
    state.electron.windows.length = 0;
    state.electron.app.removeAllListeners();
    state.electron.session.defaultSession.removeAllListeners();
    vi.clearAllMocks();
  }
  vi.resetModules();
  await import('../../../electron/main/index');
  return state.electron;
}

/** Waits until start-up has either opened a window or given up. */
async function started(electron: FakeElectron): Promise<void> {
  await vi.waitFor(() => {
    if (electron.windows.length === 0 && electron.app.exit.mock.calls.length === 0) throw new Error('still starting');
  });
}

function handlerFor(electron: FakeElectron, channel: string) {
  const call = electron.ipcMain.handle.mock.calls.find(([name]) => name === channel);
  if (!call) throw new Error(`no handler for ${channel}`);
  return call[1] as (event: unknown, payload: unknown) => Promise<Result<unknown>>;
}

beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'caredesk-shell-'));
  state.userData = userData;
  state.lock = true;
  state.ready = Promise.resolve();
  state.updaterCreated = 0;
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

describe('the Electron shell (electron/main/index.ts)', () => {
  it('sandboxes every renderer and registers app:// as privileged before ready', async () => {
    let markReady: () => void = () => undefined;
    state.ready = new Promise((resolve) => (markReady = resolve));
    const electron = await startShell();
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    markReady();
    await started(electron);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    electron.app.emit('will-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
  });

  it('lets a second copy hand over and quit without opening the database', async () => {
    state.lock = false;
    const electron = await startShell();
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(existsSync(join(userData, 'clinic-data'))).toBe(false);
  });

  it('starts without opening the database, sets up the clinic over IPC, and closes the database on quit', async () => {
    const electron = await startShell();
    await started(electron);

    const dataDir = join(userData, 'clinic-data');
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(false);
    expect(electron.app.exit).not.toHaveBeenCalled();

    expect(electron.windows).toHaveLength(1);
    const window = electron.windows[0]!;
    expect(window.options).toMatchObject({ title: 'CareDesk', webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.js$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://caredesk/index.html');

    const fromApp = { senderFrame: { url: 'app://caredesk/index.html' }, sender: { id: 1 } };
    const status = await handlerFor(electron, 'app:status')(fromApp, undefined);
    expect(status).toMatchObject({ ok: true, value: { encryption: { enabled: true, cipher: 'sqlcipher' }, appVersion: '0.1.0-test', schemaVersion: null } });
    const foreign = await handlerFor(electron, 'app:status')({ senderFrame: { url: 'https://evil.example/' }, sender: { id: 1 } }, undefined);
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handlerFor(electron, 'session:state')(fromApp, undefined)).toMatchObject({ ok: true, value: { phase: 'needs-setup', keychain: { status: 'secure' } } });

    // First run through the real channels: the keychain seals the machine secret, the database appears.
    const begun = (await handlerFor(electron, 'setup:begin')(fromApp, undefined)) as Result<{ recoveryCodeGroups: string[]; confirmGroupNumbers: [number, number] }>;
    if (!begun.ok) throw new Error('setup:begin failed');
    const [a, b] = begun.value.confirmGroupNumbers;
    const completed = await handlerFor(electron, 'setup:complete')(fromApp, {
      clinicName: 'Riverside Family Clinic',
      timeZone: 'America/Chicago',
      admin: { fullName: 'Maria Lee', username: 'mlee', password: 'maple syrup on tuesday' },
      confirmGroups: [begun.value.recoveryCodeGroups[a - 1], begun.value.recoveryCodeGroups[b - 1]],
    });
    expect(completed).toStrictEqual({ ok: true, value: { displayName: 'Maria Lee', username: 'mlee', role: 'admin', mustChangePassword: false, hasPin: false } });
    expect(electron.safeStorage.encryptStringAsync).toHaveBeenCalledTimes(1);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    expect(existsSync(join(dataDir, KEYSTORE_FILE))).toBe(true);

    // Every webContents Electron creates gets hardened.
    const contents = createFakeWebContents();
    electron.app.emit('web-contents-created', {}, contents.contents);
    expect(contents.emit('will-navigate', 'https://evil.example')).toBe(true);
    expect(contents.openWindow('file:///etc/passwd')).toStrictEqual({ action: 'deny' });
    expect(contents.openWindow('https://payer.example/portal')).toStrictEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://payer.example/portal');

    // Downloads: the app's own export asks where to save, starting in Documents; a web address is refused.
    expect(electron.session.defaultSession.listenerCount('will-download')).toBe(1);
    const download = (url: string) => {
      const event = { preventDefault: vi.fn() };
      const item = { getURL: () => url, getFilename: () => 'caredesk-audit-trail-20260314-0930.csv', setSaveDialogOptions: vi.fn(), once: vi.fn() };
      electron.session.defaultSession.emit('will-download', event, item, { isDestroyed: () => false, getURL: () => 'app://caredesk/index.html' });
      return { event, item };
    };
    const exported = download('blob:app://caredesk/5d1b7c0e-2f43-4a7e-9d1f-0c2b8e6a4f11');
    expect(exported.event.preventDefault).not.toHaveBeenCalled();
    expect(exported.item.setSaveDialogOptions).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: join(userData, 'Documents', 'caredesk-audit-trail-20260314-0930.csv') }),
    );
    const webAddress = download('https://evil.example/payload.csv');
    expect(webAddress.event.preventDefault).toHaveBeenCalledTimes(1);
    expect(webAddress.item.setSaveDialogOptions).not.toHaveBeenCalled();

    // A development run never creates the auto-updater.
    expect(state.updaterCreated).toBe(0);

    const quitEvent = { preventDefault: vi.fn() };
    expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(true);
    electron.app.emit('will-quit', quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalledTimes(1));
    // SQLite removes the WAL file when the last connection closes cleanly.
    expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(false);
    // The second will-quit (from that app.quit) goes through.
    const secondQuit = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', secondQuit);
    expect(secondQuit.preventDefault).not.toHaveBeenCalled();
  });

  it('uses a throwaway profile folder in an unpackaged test run', async () => {
    const throwaway = join(userData, 'smoke-profile');
    vi.stubEnv('CAREDESK_TEST', '1');
    vi.stubEnv('CAREDESK_TEST_USER_DATA', throwaway);
    const electron = await startShell();
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', throwaway);
    await started(electron);
    expect(electron.windows).toHaveLength(1);
    expect(state.userData).toBe(throwaway);
    electron.app.emit('will-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
  });

  it('explains a damaged keystore, quits, opens no window, and changes no file', async () => {
    const dataDir = join(userData, 'clinic-data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, DATABASE_FILE), 'an existing clinic database');
    writeFileSync(join(dataDir, KEYSTORE_FILE), '{"format":"caredesk-keystore","version":1,"body":"{}","checksum":"0"}');
    const electron = await startShell();
    await started(electron);

    expect(electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('The clinic key store is damaged', expect.stringContaining('CareDesk will now close.'));
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
    expect(readFileSync(join(dataDir, DATABASE_FILE), 'utf8')).toBe('an existing clinic database');
    expect(readFileSync(join(dataDir, KEYSTORE_FILE), 'utf8')).toContain('"checksum":"0"');
  });
});
