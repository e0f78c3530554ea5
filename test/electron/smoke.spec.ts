import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

const MAIN_ENTRY = join(__dirname, '../../out/main/index.js');
const binary = findElectronBinary();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

if (!binary.found) {
  // Also printed outside the reporter, so a skipped suite is never mistaken for a passing one.
  console.warn(`No Electron binary installed (${binary.reason}): skipping Electron smoke tests`);
}

test.describe('CareDesk in Electron', () => {
  test.skip(!binary.found, `No Electron binary installed (${binary.found ? '' : binary.reason}): skipping Electron smoke tests`);
  test.skip(noDisplay, 'No display (DISPLAY/WAYLAND_DISPLAY unset): run under xvfb-run to include the Electron smoke tests');

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeAll(async () => {
    expect(existsSync(MAIN_ENTRY), 'out/main/index.js is missing: run `npm run build` first').toBe(true);
    profile = mkdtempSync(join(tmpdir(), 'caredesk-electron-'));
    app = await electron.launch({
      executablePath: binary.found ? binary.path : undefined,
      args: [MAIN_ENTRY],
      // A throwaway profile (honoured only in an unpackaged test run) and no update checks.
      env: { ...process.env, CAREDESK_TEST: '1', CAREDESK_TEST_USER_DATA: profile },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('the window is titled CareDesk and stays so whatever the page sets', async () => {
    const title = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(await title()).toBe('CareDesk');
    await page.evaluate(() => {
      document.title = 'Jane Doe — chart';
    });
    expect(await title()).toBe('CareDesk');
  });

  test('the page is served from app://caredesk', async () => {
    expect(page.url()).toBe('app://caredesk/index.html');
  });

  test('window.clinic reports an SQLCipher-encrypted database', async () => {
    const status = await page.evaluate(() => (window as unknown as { clinic: { app: { status(): Promise<unknown> } } }).clinic.app.status());
    expect(status).toMatchObject({ ok: true, value: { encryption: { enabled: true, cipher: 'sqlcipher' } } });
  });

  test('the page has no Node and no Electron', async () => {
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      module: typeof (globalThis as Record<string, unknown>).module,
      ipcRenderer: typeof (globalThis as Record<string, unknown>).ipcRenderer,
    }));
    expect(globals).toStrictEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });
  });

  test('the page cannot navigate away or open windows', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://caredesk/index.html');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('the app:// protocol refuses paths outside the renderer folder', async () => {
    const status = await page.evaluate(async () => (await fetch('/..%2f..%2fmain/index.js')).status);
    expect(status).toBe(403);
  });
});
