import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { readBridgeToken, rawRequest } from './support/raw-http';
import { makeTempRoot, runHostUntilExit, startTestHost } from './support/test-host';

const STATUS_PATH = '/__caredesk/ipc/app:status';

test.describe('The test host guards its IPC endpoint', () => {
  test('a call with the right token, Host and Origin is answered by the real core', async ({ host }) => {
    const token = await readBridgeToken(host.port);
    const response = await rawRequest({
      port: host.port,
      method: 'POST',
      path: STATUS_PATH,
      headers: { Host: `127.0.0.1:${host.port}`, Origin: host.url, 'content-type': 'application/json', 'x-caredesk-token': token },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { encryption: { enabled: true, cipher: 'sqlcipher' } } });
  });

  test('a wrong or missing token is refused with 403', async ({ host }) => {
    for (const token of ['0'.repeat(64), 'not-the-token', undefined]) {
      const headers: Record<string, string> = { Host: `127.0.0.1:${host.port}`, Origin: host.url, 'content-type': 'application/json' };
      if (token !== undefined) headers['x-caredesk-token'] = token;
      const response = await rawRequest({ port: host.port, method: 'POST', path: STATUS_PATH, headers, body: '{}' });
      expect(response.status, `token ${token ?? '(none)'}`).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  test('a wrong Host header (DNS rebinding) is refused, for calls and for pages', async ({ host }) => {
    const token = await readBridgeToken(host.port);
    for (const hostHeader of [`evil.example:${host.port}`, `localhost:${host.port}`, '127.0.0.1', `127.0.0.1:${host.port + 1}`]) {
      const call = await rawRequest({
        port: host.port,
        method: 'POST',
        path: STATUS_PATH,
        headers: { Host: hostHeader, Origin: host.url, 'content-type': 'application/json', 'x-caredesk-token': token },
        body: '{}',
      });
      expect(call.status, `IPC with Host ${hostHeader}`).toBe(403);
      const page = await rawRequest({ port: host.port, path: '/__caredesk/bridge.js', headers: { Host: hostHeader } });
      expect(page.status, `bridge.js with Host ${hostHeader}`).toBe(403);
      expect(page.body).not.toContain(token);
    }
  });

  test('a call from another origin with a stolen token is still refused by the dispatcher', async ({ host }) => {
    const token = await readBridgeToken(host.port);
    const response = await rawRequest({
      port: host.port,
      method: 'POST',
      path: STATUS_PATH,
      headers: { Host: `127.0.0.1:${host.port}`, Origin: 'http://evil.example', 'content-type': 'application/json', 'x-caredesk-token': token },
      body: '{}',
    });
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  test('GET, non-JSON, broken JSON and oversized bodies get clear refusals, and payloads are never logged', async ({ host }) => {
    const token = await readBridgeToken(host.port);
    const headers = { Host: `127.0.0.1:${host.port}`, Origin: host.url, 'content-type': 'application/json', 'x-caredesk-token': token };

    expect((await rawRequest({ port: host.port, method: 'GET', path: STATUS_PATH, headers })).status).toBe(405);
    expect((await rawRequest({ port: host.port, method: 'POST', path: STATUS_PATH, headers: { ...headers, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);

    const broken = await rawRequest({ port: host.port, method: 'POST', path: STATUS_PATH, headers, body: '{"input": Jane Doe' });
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const huge = await rawRequest({ port: host.port, method: 'POST', path: STATUS_PATH, headers, body: JSON.stringify({ input: 'x'.repeat(2 * 1024 * 1024) }) }).catch(
      () => ({ status: 413 }), // the host may close the socket while the body is still being sent
    );
    expect(huge.status).toBe(413);

    const invalid = await rawRequest({
      port: host.port,
      method: 'POST',
      path: '/__caredesk/ipc/app:setUnsavedWork',
      headers,
      body: JSON.stringify({ input: { unsaved: 'Jane Zebra-Doe, born 1961-04-02' } }),
    });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(host.output()).not.toContain('Zebra');
    expect(host.output()).not.toContain(token);
  });
});

test.describe('The test host serves the renderer safely', () => {
  test('index.html carries the CSP header (with frame-ancestors) and loads the bridge before the app', async ({ host }) => {
    const response = await rawRequest({ port: host.port, path: '/', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
    const bridgeAt = response.body.indexOf('<script src="/__caredesk/bridge.js"></script>');
    const appAt = response.body.indexOf('<script type="module"');
    expect(bridgeAt).toBeGreaterThan(0);
    expect(bridgeAt).toBeLessThan(appAt);
  });

  test('paths that climb out of the renderer folder are not served', async ({ host }) => {
    for (const path of ['/../package.json', '/..%2F..%2Fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2F..%2F..%2Fpackage.json', '/%00index.html']) {
      const response = await rawRequest({ port: host.port, path, headers: { Host: `127.0.0.1:${host.port}` } });
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"name": "caredesk"');
    }
  });
});

test.describe('Starting and stopping the test host', () => {
  test('prints its ready line, and exits 0 on SIGTERM after closing the database', async () => {
    const host = await startTestHost();
    expect(host.output()).toMatch(/^CareDesk test host listening on http:\/\/127\.0\.0\.1:\d+$/m);
    expect(await host.stop()).toBe(0);
  });

  test('refuses to start, with a plain message, when the renderer has not been built', async () => {
    const emptyDir = makeTempRoot();
    const result = await runHostUntilExit(['--data-dir', join(emptyDir, 'data'), '--port', '0', '--renderer-dir', emptyDir]);
    rmSync(emptyDir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The renderer is not built');
    expect(result.stderr).toContain('npx electron-vite build');
  });

  test('refuses to start when the keystore is damaged, showing the message meant for the user (no stack trace)', async () => {
    const root = makeTempRoot();
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'caredesk.keystore'), 'scribbled over');
    const result = await runHostUntilExit(['--data-dir', dataDir, '--port', '0']);
    rmSync(root, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has been altered or damaged');
    expect(result.stderr).toContain('Nothing was changed.');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('listening');
  });

  test('explains its options when started wrongly', async () => {
    const result = await runHostUntilExit(['--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: npm run serve:web -- --data-dir DIR --port PORT');
  });
});
