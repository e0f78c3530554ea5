import { hostname } from 'node:os';
import { join } from 'node:path';
import { Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell, type BrowserWindow } from 'electron';
import { autoUpdater } from 'electron-updater';
import { startClinicCore, type ClinicCore } from '../core';
import { createLogger, errorKind } from '../core/log';
import { APP_ORIGIN } from './app-origin';
import { guardDownloads } from './downloads';
import { openExternalSafely } from './external-links';
import { registerIpcHandlers } from './ipc';
import { safeStorageKeychain } from './keychain';
import { electronPickers } from './pickers';
import { applicationMenuTemplate } from './menu';
import { clinicDataDir, testUserDataOverride } from './paths';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { hardenWebContents } from './security';
import { showStartupFailure } from './startup-dialogs';
import { createUpdatePrompts } from './update-prompts';
import { startUpdater, type RunningUpdater } from './updater';
import { createMainWindow } from './window';

// The thin Electron shell: lifecycle, window, protocol and updater. The clinic's rules live in electron/core.
const log = createLogger();
const runtime = { isPackaged: app.isPackaged, env: process.env };
// Built layout: out/main/index.js beside out/preload and out/renderer (inside app.asar when packaged).
const RENDERER_ROOT = join(__dirname, '../renderer');
const PRELOAD_PATH = join(__dirname, '../preload/index.js');

let core: ClinicCore | null = null;
let mainWindow: BrowserWindow | null = null;
let updater: RunningUpdater | null = null;

const testUserData = testUserDataOverride(runtime);
if (testUserData) app.setPath('userData', testUserData);

// Before 'ready': every renderer sandboxed even if a future window forgets the flag; app:// treated like https.
app.enableSandbox();
registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database file; hand over to the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      openExternal: (url) =>
        openExternalSafely(url, (safeUrl) => {
          shell.openExternal(safeUrl).catch((error: unknown) => log.warn('openExternal', 'the system could not open a link', { kind: errorKind(error) }));
        }),
      log,
    });
    // A window that goes away (closed or crashed) takes its session and unsaved-work flag with it.
    const clientId = String(contents.id);
    contents.on('destroyed', () => {
      core?.forgetClient(clientId).catch((error: unknown) => log.warn('forgetClient', 'could not end a closed window’s session', { kind: errorKind(error) }));
    });
  });
  // The database belongs to this process: with no window left there is nothing to keep open (on macOS too).
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    updater?.stop();
    if (!core) return;
    // Close the database (checkpointing the WAL) before the process goes, then quit for real
    // (the second 'will-quit' finds no core and lets the quit through).
    event.preventDefault();
    const closing = core;
    core = null;
    closing
      .close()
      .catch((error: unknown) => log.error('will-quit', 'the clinic database did not close cleanly', { kind: errorKind(error) }))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(startCareDesk)
    .catch((error: unknown) => {
      log.error('startCareDesk', 'start-up failed', { kind: errorKind(error) });
      app.exit(1);
    });
}

async function startCareDesk(): Promise<void> {
  registerAppProtocol(protocol, { rendererRoot: RENDERER_ROOT, log });
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged })));

  const dataDir = clinicDataDir(app.getPath('userData'));
  try {
    core = await startClinicCore({
      dataDir,
      appVersion: app.getVersion(),
      keychain: safeStorageKeychain(safeStorage, process.platform),
      origin: APP_ORIGIN,
      log,
      workstation: hostname(),
      pickers: electronPickers(dialog, () => mainWindow),
    });
  } catch (error) {
    // Nothing is created or overwritten on failure: tell the user why, then leave.
    showStartupFailure(error, (title, content) => dialog.showErrorBox(title, content), log);
    app.exit(1);
    return;
  }

  const running = core;
  registerIpcHandlers(ipcMain, running.dispatcher);
  // Before the window exists: the app's own exports ask where to save (starting in Documents); nothing else downloads.
  guardDownloads(session.defaultSession, { origin: APP_ORIGIN, documentsDir: () => app.getPath('documents'), log });
  mainWindow = createMainWindow({ preloadPath: PRELOAD_PATH, log });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  updater = startUpdater({
    loadUpdater: () => autoUpdater,
    runtime,
    automaticUpdatesEnabled: () => running.automaticUpdatesEnabled(),
    hasUnsavedWork: () => running.hasUnsavedWork(),
    prompts: createUpdatePrompts(dialog, () => mainWindow),
    log,
  });
}
