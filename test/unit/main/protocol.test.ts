import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import {
  createAppProtocolHandler,
  isInsideRoot,
  registerAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from '../../../electron/main/protocol';

const ROOT = resolve('/srv/caredesk/out/renderer');

describe('resolveAppPath: what app://caredesk/... may serve', () => {
  it.each([
    ['app://caredesk/', 'index.html'],
    ['app://caredesk', 'index.html'],
    ['app://caredesk/index.html', 'index.html'],
    ['app://caredesk/assets/index-Bx3k9.js', join('assets', 'index-Bx3k9.js')],
    ['app://caredesk/assets/index-Bx3k9.js?v=2#top', join('assets', 'index-Bx3k9.js')],
    ['app://caredesk/assets/Inter%20Variable.woff2', join('assets', 'Inter Variable.woff2')],
  ])('serves %s from the renderer folder', (url, relative) => {
    expect(resolveAppPath(ROOT, url)).toStrictEqual({ ok: true, filePath: join(ROOT, relative) });
  });

  it.each([
    ['app://caredesk/../../etc/passwd', 'dot-segment'],
    ['app://caredesk/assets/../../../etc/passwd', 'dot-segment'],
    ['app://caredesk/./index.html', 'dot-segment'],
    ['app://caredesk/%2e%2e/%2e%2e/etc/passwd', 'dot-segment'],
    ['app://caredesk/%2E%2e/secret', 'dot-segment'],
    ['app://caredesk/.%2e/secret', 'dot-segment'],
    ['app://caredesk/%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'encoded-separator'],
    ['app://caredesk/assets%2f..%2f..%2fsecret', 'encoded-separator'],
    ['app://caredesk/..%5c..%5cWindows%5cwin.ini', 'encoded-separator'],
    ['app://caredesk/%252e%252e%252fetc%252fpasswd', 'double-encoding'],
    ['app://caredesk/%25252e%25252e/x', 'double-encoding'],
    ['app://caredesk/..\\..\\Windows\\win.ini', 'unsafe-character'],
    ['app://caredesk/assets\\index.js', 'unsafe-character'],
    ['app://caredesk/index.html%00.png', 'unsafe-character'],
    ['app://caredesk/index.html\u0000.png', 'unsafe-character'],
    ['app://caredesk/C:/Windows/win.ini', 'unsafe-character'],
    ['app://caredesk/C%3a%2fWindows', 'encoded-separator'],
    ['app://caredesk/index.html%3a$DATA', 'unsafe-character'],
    ['app://caredesk//evil/share/payload.js', 'empty-segment'],
    ['app://caredesk/%2f%2fevil/share', 'encoded-separator'],
    ['app://caredesk/assets/', 'empty-segment'],
    ['app://caredesk/.../secret', 'dot-segment'],
    ['app://caredesk/.. /secret', 'dot-segment'],
    ['app://caredesk/index.html.', 'dot-segment'],
    ['app://caredesk/%E0%A4%A', 'malformed-url'],
    ['\\\\evil\\share\\index.html', 'unsafe-character'],
    ['//evil/share/index.html', 'malformed-url'],
    ['/etc/passwd', 'malformed-url'],
    ['C:/Windows/win.ini', 'wrong-scheme'],
    ['app://evil/index.html', 'wrong-host'],
    ['app://caredesk.evil.example/index.html', 'wrong-host'],
    ['app://caredesk:8080/index.html', 'wrong-host'],
    ['app://user:pw@caredesk/index.html', 'credentials'],
    ['file:///etc/passwd', 'wrong-scheme'],
    ['https://caredesk/index.html', 'wrong-scheme'],
    ['javascript:alert(1)', 'wrong-scheme'],
  ])('refuses %j (%s)', (url, reason) => {
    expect(resolveAppPath(ROOT, url)).toStrictEqual({ ok: false, reason });
  });

  it('never resolves outside the root, whatever the input (property check over nasty segments)', () => {
    const pieces = ['..', '.', '%2e%2e', '%2e', '%2f', '%5c', '\\', '', 'assets', 'index.html', '%252e', '..%2f', 'a..b', '%00', ':', ' '];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const result = resolveAppPath(ROOT, `app://caredesk/${a}/${b}/${c}`);
          if (result.ok) expect(result.filePath.startsWith(ROOT + '/') || result.filePath.startsWith(ROOT + '\\')).toBe(true);
        }
      }
    }
  });

  it.each([
    [join(ROOT, 'index.html'), true],
    [join(ROOT, 'assets', 'app.js'), true],
    [ROOT, false],
    [`${ROOT}-evil/index.html`, false],
    [`${ROOT}evil`, false],
    [join(ROOT, '..', 'caredesk.db'), false],
    ['/etc/passwd', false],
  ])('isInsideRoot(%s) is %s (the prefix check includes the separator)', (filePath, inside) => {
    expect(isInsideRoot(ROOT, filePath)).toBe(inside);
  });

  it('accepts the root folder given with a trailing separator', () => {
    expect(resolveAppPath(`${ROOT}/`, 'app://caredesk/index.html')).toStrictEqual({ ok: true, filePath: join(ROOT, 'index.html') });
  });
});

describe('createAppProtocolHandler: serving the built renderer', () => {
  let base: string;
  let root: string;
  const log = createMemoryLogger();
  let serve: (request: Request) => Promise<Response>;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'caredesk-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>CareDesk</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log("hi")');
    writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
    writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
    writeFileSync(join(root, 'assets', 'blob.bin'), 'x');
    // Files an attacker would like to reach: beside the root, and in a sibling folder sharing its prefix.
    writeFileSync(join(base, 'caredesk.db'), 'SQLite format 3');
    mkdirSync(join(base, 'renderer-evil'));
    writeFileSync(join(base, 'renderer-evil', 'index.html'), 'evil');
    serve = createAppProtocolHandler({ rendererRoot: root, log });
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves index.html for / with the HTML type and the CSP header', async () => {
    const response = await serve(new Request('app://caredesk/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>CareDesk</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (path, type) => {
    const response = await serve(new Request(`app://caredesk/${path}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it('answers 404 for a file that is not there, and for a folder', async () => {
    expect((await serve(new Request('app://caredesk/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://caredesk/assets'))).status).toBe(404);
  });

  it.each([
    'app://caredesk/..%2fcaredesk.db',
    'app://caredesk/..%5ccaredesk.db',
    'app://caredesk/%252e%252e%252fcaredesk.db',
    'app://evil/index.html',
  ])('answers 403 for %s and never returns the database', async (url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('SQLite');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://caredesk/../caredesk.db',
    'app://caredesk/%2e%2e/caredesk.db',
    'app://caredesk/assets/../../caredesk.db',
    'app://caredesk/../renderer-evil/index.html',
  ])(
    'keeps %s, which the URL parser normalises before we see it, inside the root (404, not the database)',
    async (url) => {
      // new Request() folds dot segments away, as Chromium does; what is left is looked up under the root only.
      const response = await serve(new Request(url));
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain('SQLite');
      expect(text).not.toContain('evil');
    },
  );

  it('serves only GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD']) {
      expect((await serve(new Request('app://caredesk/index.html', { method }))).status).toBe(405);
    }
  });

  it('logs a refusal by reason only', async () => {
    await serve(new Request('app://caredesk/..%2fcaredesk.db'));
    expect(log.lines.some((line) => line.includes('refused a request') && line.includes('encoded-separator'))).toBe(true);
    expect(log.lines.join('\n')).not.toContain('caredesk.db');
  });
});

describe('registering the app:// scheme with Electron', () => {
  it('marks app:// standard, secure and fetch-capable before ready', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('installs a handler for app:// that serves the renderer folder', async () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, { rendererRoot: ROOT, log: createMemoryLogger() });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]?.[1] as (request: Request) => Promise<Response>;
    expect((await handler(new Request('app://evil/x'))).status).toBe(403);
  });
});
