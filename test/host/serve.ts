/**
 * CareDesk test host: serves the built renderer to a plain browser on 127.0.0.1 and answers
 * `window.clinic` calls with the real core on a real encrypted database. For Playwright and local
 * development only; never packaged (electron-builder ships out/ only, and this lives in test/).
 *
 *   npm run serve:web -- --data-dir DIR --port PORT
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { startClinicCore, type ClinicCore } from '../../electron/core';
import { StartupFailure } from '../../electron/core/errors';
import { folderKeychain } from '../../electron/core/keys/machine-secret';
import { createLogger, errorKind } from '../../electron/core/log';
import { parseHostArgs, USAGE, UsageError, type HostArgs } from './args';
import { BRIDGE_PATH, IPC_PATH_PREFIX, buildBridgeScript } from './bridge-script';
import { handleIpcRequest, sendResult } from './ipc-endpoint';
import { hasExpectedHost } from './request-guards';
import { setSecurityHeaders } from './security-headers';
import { sendText, serveStatic } from './static-files';
import { failure } from '../../shared/result';

const REPO_ROOT = resolve(__dirname, '..', '..');
const LOOPBACK = '127.0.0.1';

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const rendererDir = resolve(args.rendererDir ?? join(REPO_ROOT, 'out', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    fail(`The renderer is not built: ${join(rendererDir, 'index.html')} is missing. Run "npx electron-vite build" first.`);
  }

  const log = createLogger();
  const token = randomBytes(32).toString('hex');
  const bridgeScript = buildBridgeScript(token);
  let core: ClinicCore | null = null;
  let port = 0;

  // Listen first: the core must know the exact origin (with the port) whose calls it accepts.
  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      // Never the payload or the error text: only that something failed.
      log.error('testHost', 'request failed');
      if (!response.headersSent) sendResult(response, 500, failure('INTERNAL', 'Something went wrong inside CareDesk. Try again.'));
      else response.destroy();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const isIpc = path.startsWith(IPC_PATH_PREFIX);
    if (!hasExpectedHost(request, port)) {
      const message = 'This address is not served here. Use http://127.0.0.1:' + port + '/';
      return isIpc ? sendResult(response, 403, failure('FORBIDDEN', message)) : sendText(response, 403, message);
    }
    if (isIpc) return handleIpcRequest(request, response, { token, dispatcher: () => core?.dispatcher ?? null });
    if (path === BRIDGE_PATH) {
      response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      response.end(bridgeScript);
      return;
    }
    return serveStatic(request, response, rendererDir);
  }

  port = await listen(server, args);
  const dataDir = resolve(args.dataDir);
  try {
    core = await startClinicCore({
      dataDir,
      appVersion: readAppVersion(),
      // A stand-in for the OS keychain, kept beside (not inside) the data folder, as the real keychain is.
      keychain: folderKeychain(resolve(args.keychainDir ?? `${dataDir}.test-keychain`)),
      origin: { protocol: 'http:', host: `${LOOPBACK}:${port}` },
      log,
      workstation: hostname(),
    });
  } catch (error) {
    server.close();
    if (error instanceof StartupFailure) fail(error.userMessage);
    fail(`The clinic database could not be opened (${errorKind(error)}).`);
  }

  stopOnSignals(server, core);
  process.stdout.write(`CareDesk test host listening on http://${LOOPBACK}:${port}\n`);
}

function listen(server: Server, args: HostArgs): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(args.port, LOOPBACK, () => resolvePort((server.address() as AddressInfo).port));
  });
}

function readAppVersion(): string {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** SIGTERM/SIGINT: stop accepting, drop open connections, close the database cleanly, exit 0. */
function stopOnSignals(server: Server, core: ClinicCore): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    core
      .close()
      .then(() => {
        process.stdout.write(`CareDesk test host stopped (${signal})\n`);
        process.exit(0);
      })
      .catch((error: unknown) => {
        process.stderr.write(`CareDesk test host: the database did not close cleanly (${errorKind(error)}).\n`);
        process.exit(1);
      });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) fail(`${error.message}\n${USAGE}`, 2);
  if (error instanceof StartupFailure) fail(error.userMessage);
  const detail = (error as NodeJS.ErrnoException | undefined)?.code ?? errorKind(error);
  fail(`CareDesk test host could not start (${detail}).`);
});
