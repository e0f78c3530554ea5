import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log';
import { openExternalSafely } from '../../../electron/main/external-links';
import { hardenWebContents, secureWebPreferences } from '../../../electron/main/security';
import { createFakeWebContents } from './fake-web-contents';
import { HOSTILE_URLS } from './hostile-urls';

vi.mock('electron', () => ({}));

function hardenedWindow() {
  const fake = createFakeWebContents();
  const log = createMemoryLogger();
  const opener = vi.fn();
  hardenWebContents(fake.contents, { openExternal: (url) => openExternalSafely(url, opener), log });
  return { ...fake, log, opener };
}

describe('secureWebPreferences', () => {
  it('gives the page no Node, no Electron and a sandbox, with only our preload', () => {
    expect(secureWebPreferences('/app/out/preload/index.js')).toStrictEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    });
  });

  it('leaves webSecurity and insecure-content switches at their safe defaults', () => {
    const prefs = secureWebPreferences('/p.js');
    expect(prefs).not.toHaveProperty('webSecurity');
    expect(prefs).not.toHaveProperty('allowRunningInsecureContent');
    expect(prefs).not.toHaveProperty('experimentalFeatures');
  });
});

describe('hardenWebContents', () => {
  it.each([...HOSTILE_URLS, 'https://example.com', 'app://caredesk/other.html'])('blocks navigation to %j', (url) => {
    const window = hardenedWindow();
    expect(window.emit('will-navigate', url)).toBe(true);
    expect(window.emit('will-redirect', url)).toBe(true);
  });

  it('blocks <webview> from being attached', () => {
    const window = hardenedWindow();
    expect(window.emit('will-attach-webview', { preload: '/evil.js' }, { src: 'https://evil.example' })).toBe(true);
  });

  it.each(HOSTILE_URLS)('denies window.open(%j) and opens nothing', (url) => {
    const window = hardenedWindow();
    expect(window.openWindow(url)).toStrictEqual({ action: 'deny' });
    expect(window.opener).not.toHaveBeenCalled();
  });

  it('still denies the new window for an https link, but hands the link to the system browser', () => {
    const window = hardenedWindow();
    expect(window.openWindow('https://payer.example/portal')).toStrictEqual({ action: 'deny' });
    expect(window.opener).toHaveBeenCalledExactlyOnceWith('https://payer.example/portal');
  });

  it('never writes the link itself to the log (a mailto: can carry a patient address)', () => {
    const window = hardenedWindow();
    window.openWindow('mailto:jane.doe.patient@example.com');
    window.emit('will-navigate', 'https://example.com/?q=jane+doe');
    expect(window.log.lines.length).toBeGreaterThan(0);
    expect(window.log.lines.join('\n')).not.toMatch(/jane|example\.com/i);
  });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'unknown'])(
    'denies the %s permission request',
    async (permission) => {
      const window = hardenedWindow();
      await expect(window.requestPermission(permission)).resolves.toBe(false);
    },
  );

  it('answers every permission check and device request with no', () => {
    const window = hardenedWindow();
    expect(window.session.permissionCheckHandler?.(null, 'media', 'app://caredesk', {})).toBe(false);
    expect(window.session.permissionCheckHandler?.(null, 'clipboard-sanitized-write', 'app://caredesk', {})).toBe(false);
    expect(window.session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://caredesk' })).toBe(false);
  });
});
