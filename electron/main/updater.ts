import type { AppUpdater } from 'electron-updater';
import { assertNever } from '../../shared/assert-never';
import { errorKind, type Logger } from '../core/log';
import {
  AUTO_DOWNLOAD,
  AUTO_INSTALL_ON_QUIT,
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  decideRestart,
  decideUpdateCheck,
  decideUpdaterRuns,
  type UpdateRuntime,
} from './update-policy';

/** The parts of electron-updater's autoUpdater this module touches (a fake in tests). */
export type UpdaterLike = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'checkForUpdates' | 'quitAndInstall' | 'on'>;

/** The questions main puts to the user; see update-prompts.ts for the dialogs. */
export interface UpdatePrompts {
  /** "An update is ready. Restart now / Later". Resolves true for Restart now. */
  askToRestart(version: string): Promise<boolean>;
  /** "Save your changes first; the update installs when you close CareDesk." */
  tellToSaveFirst(): Promise<void>;
}

export interface UpdaterDeps {
  /** Returns electron-updater's autoUpdater; called only when updates are used (creating it touches the app bundle). */
  loadUpdater(): UpdaterLike;
  runtime: UpdateRuntime;
  /** The administrator's setting, read at every check (core.automaticUpdatesEnabled). */
  automaticUpdatesEnabled(): Promise<boolean | null>;
  /** Whether any window reports unsaved changes (core.hasUnsavedWork). */
  hasUnsavedWork(): boolean;
  prompts: UpdatePrompts;
  log: Logger;
}

export interface RunningUpdater {
  /** Stops scheduled checks and prompts (called when CareDesk quits). */
  stop(): void;
}

/**
 * Carries out update-policy.ts with electron-updater: check shortly after start and every 6 hours, download in
 * the background, install on quit, and offer "Restart now" once per downloaded version.
 * Every failure is logged by kind only and swallowed: an update problem must never take the clinic's app down.
 */
export function startUpdater(deps: UpdaterDeps): RunningUpdater {
  const { runtime, log } = deps;
  const runs = decideUpdaterRuns(runtime);
  if (!runs.check) {
    log.info('startUpdater', 'automatic updates are not used in this run', { reason: runs.reason });
    return { stop: () => undefined };
  }
  const updater = deps.loadUpdater();

  updater.autoDownload = AUTO_DOWNLOAD;
  updater.autoInstallOnAppQuit = AUTO_INSTALL_ON_QUIT;
  // Its own messages quote feed URLs and file paths; we log the events instead, by kind.
  updater.logger = null;

  let stopped = false;
  let checking = false;
  const offeredVersions = new Set<string>();

  updater.on('error', (error) => {
    log.error('startUpdater', 'the updater reported an error', { kind: errorKind(error) });
  });
  updater.on('update-downloaded', (event) => {
    void offerRestart(event.version);
  });

  async function checkForUpdatesNow(): Promise<void> {
    if (stopped || checking) return;
    checking = true;
    try {
      const enabled = await deps.automaticUpdatesEnabled();
      const decision = decideUpdateCheck(runtime, enabled);
      if (!decision.check) {
        log.info('checkForUpdatesNow', 'skipped', { reason: decision.reason });
        return;
      }
      await updater.checkForUpdates();
    } catch (error) {
      log.error('checkForUpdatesNow', 'update check failed', { kind: errorKind(error) });
    } finally {
      checking = false;
    }
  }

  async function offerRestart(version: string): Promise<void> {
    // electron-updater re-announces a cached download at every check; ask once per version.
    if (stopped || offeredVersions.has(version)) return;
    offeredVersions.add(version);
    try {
      const userChoseRestartNow = await deps.prompts.askToRestart(version);
      if (stopped) return;
      const decision = decideRestart({ userChoseRestartNow, hasUnsavedWork: deps.hasUnsavedWork() });
      switch (decision.action) {
        case 'restart-now':
          log.info('offerRestart', 'restarting to install the update', { version });
          // Silent: reuse the options chosen at first install; run CareDesk again afterwards.
          updater.quitAndInstall(true, true);
          return;
        case 'ask-to-save-first':
          log.info('offerRestart', 'unsaved work: the update will install on quit', { version });
          await deps.prompts.tellToSaveFirst();
          return;
        case 'install-on-quit':
          log.info('offerRestart', 'the update will install on quit', { version });
          return;
        default:
          assertNever(decision, 'restart decision');
      }
    } catch (error) {
      log.error('offerRestart', 'could not offer the update restart', { kind: errorKind(error) });
    }
  }

  const firstCheck = setTimeout(() => void checkForUpdatesNow(), FIRST_CHECK_DELAY_MS);
  const everyCheck = setInterval(() => void checkForUpdatesNow(), CHECK_INTERVAL_MS);
  return {
    stop() {
      stopped = true;
      clearTimeout(firstCheck);
      clearInterval(everyCheck);
    },
  };
}
