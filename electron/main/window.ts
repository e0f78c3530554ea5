import { BrowserWindow } from 'electron';
import { errorKind, type Logger } from '../core/log';
import { APP_START_URL, WINDOW_TITLE } from './app-origin';
import { secureWebPreferences } from './security';

/**
 * The main CareDesk window. Its title is fixed: the page's <title> is ignored so that a screen showing a
 * patient can never put their name in the taskbar, the window switcher or a screen-share picker.
 */
export function createMainWindow(options: { preloadPath: string; log: Logger }): BrowserWindow {
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.on('page-title-updated', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_START_URL).catch((error: unknown) => {
    options.log.error('createMainWindow', 'the app page did not load', { kind: errorKind(error) });
  });
  return window;
}
