import { describe, expect, it } from 'vitest';
import {
  AUTO_DOWNLOAD,
  AUTO_INSTALL_ON_QUIT,
  CHECK_INTERVAL_MS,
  FIRST_CHECK_DELAY_MS,
  decideRestart,
  decideUpdateCheck,
  decideUpdaterRuns,
} from '../../../electron/main/update-policy';

const installed = { isPackaged: true, env: {} };

describe('update policy: when CareDesk looks for updates', () => {
  it('checks in an installed copy with automatic updates on', () => {
    expect(decideUpdaterRuns(installed)).toStrictEqual({ check: true });
    expect(decideUpdateCheck(installed, true)).toStrictEqual({ check: true });
  });

  it('never checks in development (running from out/, not installed)', () => {
    const dev = { isPackaged: false, env: {} };
    expect(decideUpdaterRuns(dev)).toStrictEqual({ check: false, reason: 'development' });
    expect(decideUpdateCheck(dev, true)).toStrictEqual({ check: false, reason: 'development' });
  });

  it.each(['1', 'true', 'e2e'])('never checks under tests (CAREDESK_TEST=%s), even when installed', (value) => {
    const test = { isPackaged: true, env: { CAREDESK_TEST: value } };
    expect(decideUpdaterRuns(test)).toStrictEqual({ check: false, reason: 'test' });
    expect(decideUpdateCheck(test, true)).toStrictEqual({ check: false, reason: 'test' });
  });

  it.each(['', '0'])('treats CAREDESK_TEST=%j as not a test', (value) => {
    expect(decideUpdaterRuns({ isPackaged: true, env: { CAREDESK_TEST: value } })).toStrictEqual({ check: true });
  });

  it('stops checking when the administrator turns automatic updates off', () => {
    expect(decideUpdateCheck(installed, false)).toStrictEqual({ check: false, reason: 'turned-off-by-administrator' });
  });

  it('does not check before anyone has signed in, when the setting (kept in the encrypted database) is not known yet', () => {
    expect(decideUpdateCheck(installed, null)).toStrictEqual({ check: false, reason: 'setting-not-known-yet' });
    expect(decideUpdateCheck(installed, true)).toStrictEqual({ check: true });
  });

  it('checks shortly after start, then every 6 hours, downloading in the background and installing on quit', () => {
    expect(FIRST_CHECK_DELAY_MS).toBeGreaterThan(0);
    expect(FIRST_CHECK_DELAY_MS).toBeLessThanOrEqual(60_000);
    expect(CHECK_INTERVAL_MS).toBe(6 * 60 * 60 * 1000);
    expect(AUTO_DOWNLOAD).toBe(true);
    expect(AUTO_INSTALL_ON_QUIT).toBe(true);
  });
});

describe('update policy: restarting for a downloaded update', () => {
  it('restarts now when the user chose Restart now and nothing is unsaved', () => {
    expect(decideRestart({ userChoseRestartNow: true, hasUnsavedWork: false })).toStrictEqual({ action: 'restart-now' });
  });

  it('asks the user to save first when a form has unsaved changes, even if they chose Restart now', () => {
    expect(decideRestart({ userChoseRestartNow: true, hasUnsavedWork: true })).toStrictEqual({ action: 'ask-to-save-first' });
  });

  it.each([true, false])('waits for quit when the user chose Later (unsaved work: %s)', (hasUnsavedWork) => {
    expect(decideRestart({ userChoseRestartNow: false, hasUnsavedWork })).toStrictEqual({ action: 'install-on-quit' });
  });
});
