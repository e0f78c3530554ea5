import type { AppOrigin } from '../core/ipc/origin';

/** The renderer is served only from app://caredesk; IPC, navigation and the protocol guard all key off this. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'caredesk';
export const APP_ORIGIN: AppOrigin = { protocol: `${APP_SCHEME}:`, host: APP_HOST };
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The only title a window ever shows: titles reach the taskbar, screen sharing and crash reports, so never PHI. */
export const WINDOW_TITLE = 'CareDesk';
