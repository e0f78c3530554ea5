import { isTestRun } from './run-mode';

/**
 * When CareDesk looks for, downloads and installs updates. Pure: no Electron, no timers, so every rule is a
 * plain unit test. updater.ts carries the decisions out.
 */

/** A short pause after start, so the first check does not compete with opening the database and the window. */
export const FIRST_CHECK_DELAY_MS = 30_000;
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** Downloads run in the background and install when CareDesk quits, unless the user restarts sooner. */
export const AUTO_DOWNLOAD = true;
export const AUTO_INSTALL_ON_QUIT = true;

export interface UpdateRuntime {
  /** app.isPackaged: development runs from out/ and has no update feed. */
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

export type UpdateCheckDecision =
  | { check: true }
  | { check: false; reason: 'development' | 'test' | 'turned-off-by-administrator' | 'setting-not-known-yet' };

/** Whether the updater may run at all in this process (asked once at start). */
export function decideUpdaterRuns(runtime: UpdateRuntime): UpdateCheckDecision {
  if (!runtime.isPackaged) return { check: false, reason: 'development' };
  if (isTestRun(runtime.env)) return { check: false, reason: 'test' };
  return { check: true };
}

/**
 * Whether to check now (asked at every scheduled check: the administrator may change the setting while running).
 * The setting lives in the encrypted database, so it is unknown (null) until someone has signed in once;
 * a managed PC that turned updates off must not check in that window, so unknown means "not yet".
 */
export function decideUpdateCheck(runtime: UpdateRuntime, automaticUpdatesEnabled: boolean | null): UpdateCheckDecision {
  const base = decideUpdaterRuns(runtime);
  if (!base.check) return base;
  if (automaticUpdatesEnabled === null) return { check: false, reason: 'setting-not-known-yet' };
  return automaticUpdatesEnabled ? { check: true } : { check: false, reason: 'turned-off-by-administrator' };
}

export type RestartDecision =
  /** Install the downloaded update and restart CareDesk now. */
  | { action: 'restart-now' }
  /** A form has unsaved changes: tell the user to save; the update still installs when CareDesk closes. */
  | { action: 'ask-to-save-first' }
  /** The user chose Later (or was not asked): install on quit. */
  | { action: 'install-on-quit' };

/**
 * "Restart now" happens only when main has asked the user and the user agreed, and no window reports unsaved work.
 * Unsaved work is checked after the answer, because the user may have started typing while the dialog was open.
 */
export function decideRestart(input: { userChoseRestartNow: boolean; hasUnsavedWork: boolean }): RestartDecision {
  if (!input.userChoseRestartNow) return { action: 'install-on-quit' };
  if (input.hasUnsavedWork) return { action: 'ask-to-save-first' };
  return { action: 'restart-now' };
}
