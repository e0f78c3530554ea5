import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from '../../../electron/main/menu';
import { clinicDataDir, testUserDataOverride } from '../../../electron/main/paths';

vi.mock('electron', () => ({}));

const roles = (template: ReturnType<typeof applicationMenuTemplate>): string[] =>
  template.flatMap((item) => [item.role ?? item.label ?? '', ...(Array.isArray(item.submenu) ? item.submenu.map((sub) => sub.role ?? sub.type ?? '') : [])]);

describe('application menu', () => {
  it('offers no reload and no developer tools in an installed copy', () => {
    const items = roles(applicationMenuTemplate({ isMac: false, isPackaged: true }));
    expect(items).not.toContain('reload');
    expect(items).not.toContain('forceReload');
    expect(items).not.toContain('toggleDevTools');
    expect(items).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'windowMenu', 'zoomIn']));
  });

  it('offers reload and developer tools in development', () => {
    const items = roles(applicationMenuTemplate({ isMac: false, isPackaged: false }));
    expect(items).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('starts with the app menu on macOS only', () => {
    expect(applicationMenuTemplate({ isMac: true, isPackaged: true })[0]?.role).toBe('appMenu');
    expect(applicationMenuTemplate({ isMac: false, isPackaged: true })[0]?.role).toBe('fileMenu');
  });
});

describe('data folders', () => {
  it('keeps the clinic database in clinic-data under the user data folder', () => {
    expect(clinicDataDir(join('/home', 'frontdesk', '.config', 'CareDesk'))).toBe(join('/home', 'frontdesk', '.config', 'CareDesk', 'clinic-data'));
  });

  it('lets a test run point the profile at a throwaway folder', () => {
    expect(testUserDataOverride({ isPackaged: false, env: { CAREDESK_TEST: '1', CAREDESK_TEST_USER_DATA: '/tmp/caredesk-smoke' } })).toBe(
      '/tmp/caredesk-smoke',
    );
  });

  it.each([
    ['an installed copy', { isPackaged: true, env: { CAREDESK_TEST: '1', CAREDESK_TEST_USER_DATA: '/tmp/x' } }],
    ['a run that is not a test', { isPackaged: false, env: { CAREDESK_TEST_USER_DATA: '/tmp/x' } }],
    ['a relative folder', { isPackaged: false, env: { CAREDESK_TEST: '1', CAREDESK_TEST_USER_DATA: 'x' } }],
    ['no folder', { isPackaged: false, env: { CAREDESK_TEST: '1' } }],
  ])('ignores the override in %s', (_what, runtime) => {
    expect(testUserDataOverride(runtime)).toBeUndefined();
  });
});
