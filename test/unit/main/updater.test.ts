import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log';
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS } from '../../../electron/main/update-policy';
import { startUpdater, type UpdatePrompts, type UpdaterDeps, type UpdaterLike } from '../../../electron/main/updater';

vi.mock('electron', () => ({}));

function fakeAutoUpdater() {
  const emitter = new EventEmitter();
  const fake = Object.assign(emitter, {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: console as unknown,
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
  });
  return fake;
}

function setup(overrides: Partial<Omit<UpdaterDeps, 'loadUpdater' | 'prompts' | 'log'>> & { prompts?: Partial<UpdatePrompts> } = {}) {
  const autoUpdater = fakeAutoUpdater();
  const log = createMemoryLogger();
  const loadUpdater = vi.fn(() => autoUpdater as unknown as UpdaterLike);
  const prompts = {
    askToRestart: vi.fn(async () => true),
    tellToSaveFirst: vi.fn(async () => undefined),
    ...overrides.prompts,
  };
  const deps: UpdaterDeps = {
    loadUpdater,
    runtime: overrides.runtime ?? { isPackaged: true, env: {} },
    automaticUpdatesEnabled: overrides.automaticUpdatesEnabled ?? (async () => true),
    hasUnsavedWork: overrides.hasUnsavedWork ?? (() => false),
    prompts,
    log,
  };
  const running = startUpdater(deps);
  return { autoUpdater, log, loadUpdater, prompts, running };
}

/** Lets the promise chains started by timers and events settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startUpdater: checking', () => {
  it('configures background download and install on quit, and silences the library logger', () => {
    const { autoUpdater } = setup();
    expect(autoUpdater.autoDownload).toBe(true);
    expect(autoUpdater.autoInstallOnAppQuit).toBe(true);
    expect(autoUpdater.logger).toBeNull();
  });

  it('checks once shortly after start and then every 6 hours', async () => {
    const { autoUpdater } = setup();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(3);
  });

  it('never checks (nor even creates the updater) in development', async () => {
    const { loadUpdater } = setup({ runtime: { isPackaged: false, env: {} } });
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 3);
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('never checks under tests, even in an installed copy', async () => {
    const { loadUpdater } = setup({ runtime: { isPackaged: true, env: { CAREDESK_TEST: '1' } } });
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS * 3);
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('skips checks while the administrator has automatic updates off, and resumes when turned back on', async () => {
    let enabled = false;
    const { autoUpdater } = setup({ automaticUpdatesEnabled: async () => enabled });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS + CHECK_INTERVAL_MS);
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    enabled = true;
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
  });

  it('does not check when the setting cannot be read', async () => {
    const { autoUpdater, log } = setup({ automaticUpdatesEnabled: async () => Promise.reject(new Error('database is closed')) });
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    expect(log.lines.some((line) => line.includes('update check failed'))).toBe(true);
  });

  it('logs a failed check by kind only and keeps checking on schedule', async () => {
    const { autoUpdater, log } = setup();
    autoUpdater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED https://updates.clinic.example/C:/Users/jdoe'));
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS);
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
    expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(2);
    const logged = log.lines.join('\n');
    expect(logged).toContain('update check failed');
    expect(logged).not.toMatch(/jdoe|updates\.clinic|ERR_NAME/);
  });

  it("survives the updater's own error event without throwing", () => {
    const { autoUpdater, log } = setup();
    expect(() => autoUpdater.emit('error', new Error('sha512 checksum mismatch'))).not.toThrow();
    expect(log.lines.some((line) => line.includes('ERROR') && line.includes('the updater reported an error'))).toBe(true);
  });

  it('stops checking once stopped (CareDesk is quitting)', async () => {
    const { autoUpdater, running } = setup();
    running.stop();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS + CHECK_INTERVAL_MS * 2);
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
  });
});

describe('startUpdater: restarting for a downloaded update', () => {
  it('restarts to install when the user chooses Restart now and nothing is unsaved', async () => {
    const { autoUpdater, prompts } = setup();
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    expect(prompts.askToRestart).toHaveBeenCalledWith('0.2.0');
    expect(autoUpdater.quitAndInstall).toHaveBeenCalledExactlyOnceWith(true, true);
  });

  it('does not restart over unsaved work: tells the user to save first instead', async () => {
    const { autoUpdater, prompts } = setup({ hasUnsavedWork: () => true });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    expect(prompts.tellToSaveFirst).toHaveBeenCalledTimes(1);
  });

  it('reads unsaved work after the user answers (they may have typed while the dialog was open)', async () => {
    let unsaved = false;
    const { autoUpdater } = setup({
      hasUnsavedWork: () => unsaved,
      prompts: {
        askToRestart: async () => {
          unsaved = true;
          return true;
        },
      },
    });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('leaves the update for quit when the user chooses Later', async () => {
    const { autoUpdater, prompts } = setup({ prompts: { askToRestart: async () => false } });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    expect(prompts.tellToSaveFirst).not.toHaveBeenCalled();
    expect(autoUpdater.autoInstallOnAppQuit).toBe(true);
  });

  it('asks once per version, though the updater re-announces a cached download at every check', async () => {
    const { autoUpdater, prompts } = setup({ prompts: { askToRestart: vi.fn(async () => false) } });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    autoUpdater.emit('update-downloaded', { version: '0.3.0' });
    await settle();
    expect(prompts.askToRestart).toHaveBeenCalledTimes(2);
  });

  it('logs, and does not crash, when the dialog itself fails', async () => {
    const { autoUpdater, log } = setup({ prompts: { askToRestart: async () => Promise.reject(new TypeError('window destroyed')) } });
    autoUpdater.emit('update-downloaded', { version: '0.2.0' });
    await settle();
    expect(autoUpdater.quitAndInstall).not.toHaveBeenCalled();
    expect(log.lines.some((line) => line.includes('could not offer the update restart') && line.includes('TypeError'))).toBe(true);
  });
});
