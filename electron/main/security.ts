import type { Session, WebContents, WebPreferences } from 'electron';
import type { Logger } from '../core/log';

/**
 * webPreferences for every CareDesk window. The page gets no Node and no Electron: only the preload's
 * contextBridge object (window.clinic). webSecurity is deliberately left at its default (on).
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
  };
}

export interface HardeningDeps {
  /** The external-link gate (openExternalSafely bound to shell.openExternal). Returns whether it opened the link. */
  openExternal(url: string): boolean;
  log: Logger;
}

/**
 * Locks down every webContents the app creates (wired to app 'web-contents-created'):
 * no navigation away from the loaded page, no new windows (links go to the external gate instead),
 * no <webview>, and no browser permissions (camera, notifications, geolocation, ...).
 * URLs are never logged: they can carry patient details (mailto: addresses, search terms).
 */
export function hardenWebContents(contents: WebContents, deps: HardeningDeps): void {
  const { log } = deps;
  // The app is a single page on app://caredesk; loadURL from main does not raise these events, so any
  // navigation the page itself starts (a stray link, injected script) is refused.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log.warn('hardenWebContents', 'blocked a navigation');
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn('hardenWebContents', 'blocked a redirect');
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('hardenWebContents', 'blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const opened = deps.openExternal(url);
    log.info('hardenWebContents', opened ? 'sent a link to the system' : 'blocked a new window');
    return { action: 'deny' };
  });
  denyAllPermissions(contents.session, log);
}

/** CareDesk needs no browser permission; deny requests and answer every check with "no". */
export function denyAllPermissions(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('denyAllPermissions', 'refused a permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
