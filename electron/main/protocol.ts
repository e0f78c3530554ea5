import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { errorKind, type Logger } from '../core/log';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';
import { hasControlCharacter } from './control-characters';

export type AppPathRejection =
  | 'malformed-url'
  | 'wrong-scheme'
  | 'wrong-host'
  | 'credentials'
  | 'unsafe-character'
  | 'encoded-separator'
  | 'double-encoding'
  | 'dot-segment'
  | 'empty-segment'
  | 'outside-root';

export type AppPathResolution = { ok: true; filePath: string } | { ok: false; reason: AppPathRejection };

const reject = (reason: AppPathRejection): AppPathResolution => ({ ok: false, reason });

/**
 * Maps app://caredesk/<path> to a file under rendererRoot, or says why it refuses.
 * Refuses rather than normalises: the URL parser silently folds `..` and `%2e%2e` segments away, so the raw
 * string is checked before parsing, the path is decoded exactly once, and the resolved file must still sit
 * under the root (prefix check with the separator, so /out/renderer-evil does not pass for /out/renderer).
 */
export function resolveAppPath(rendererRoot: string, requestUrl: string): AppPathResolution {
  const rawPath = requestUrl.split(/[?#]/, 1)[0] ?? '';
  if (rawPath.includes('\\') || rawPath.includes('\0') || /%00/i.test(rawPath)) return reject('unsafe-character');
  if (/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(rawPath)) return reject('dot-segment');

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return reject('malformed-url');
  }
  if (url.protocol !== `${APP_SCHEME}:`) return reject('wrong-scheme');
  if (url.host !== APP_HOST) return reject('wrong-host');
  if (url.username !== '' || url.password !== '') return reject('credentials');

  const encoded = url.pathname;
  // An encoded slash or backslash would become a separator only after decoding; %25 means "decode me twice".
  if (/%2f|%5c/i.test(encoded)) return reject('encoded-separator');
  if (/%25/.test(encoded)) return reject('double-encoding');
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return reject('malformed-url');
  }
  // Colons would make drive letters or NTFS streams on Windows; no built asset has one.
  if (decoded.includes('\\') || decoded.includes(':') || hasControlCharacter(decoded)) return reject('unsafe-character');

  const relative = decoded === '' || decoded === '/' ? 'index.html' : decoded.slice(1);
  const segments = relative.split('/');
  // An empty segment means `//` (a UNC-style //server/share) or a trailing slash (a folder).
  if (segments.some((segment) => segment === '')) return reject('empty-segment');
  // Windows drops trailing dots and spaces, so "..." or ".. " could alias ".."; no built asset ends that way.
  if (segments.some((segment) => /^[. ]+$|[. ]$/.test(segment))) return reject('dot-segment');

  const filePath = resolve(rendererRoot, ...segments);
  // Unreachable after the checks above, kept as the last line of defence if one of them is ever loosened.
  if (!isInsideRoot(rendererRoot, filePath)) return reject('outside-root');
  return { ok: true, filePath };
}

/** True when filePath lies strictly under root: "/out/renderer-evil/x" is not under "/out/renderer". */
export function isInsideRoot(root: string, filePath: string): boolean {
  const resolvedRoot = resolve(root);
  return resolve(filePath).startsWith(resolvedRoot.endsWith(sep) ? resolvedRoot : resolvedRoot + sep);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The app:// request handler: GET only, files under rendererRoot only, always with the CSP header. */
export function createAppProtocolHandler(options: { rendererRoot: string; log: Logger }): (request: Request) => Promise<Response> {
  const { rendererRoot, log } = options;
  return async function serveAppFile(request) {
    if (request.method !== 'GET') return plainResponse(405, 'Method not allowed');
    const resolution = resolveAppPath(rendererRoot, request.url);
    if (!resolution.ok) {
      log.warn('serveAppFile', 'refused a request', { reason: resolution.reason });
      return plainResponse(403, 'Forbidden');
    }
    try {
      const body = await readFile(resolution.filePath);
      return new Response(new Uint8Array(body), { status: 200, headers: securityHeaders(contentTypeFor(resolution.filePath)) });
    } catch (error) {
      const code = errorKind(error);
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return plainResponse(404, 'Not found');
      log.error('serveAppFile', 'could not read an app file', { kind: code });
      return plainResponse(500, 'Internal error');
    }
  };
}

/** Must run before app 'ready': app:// behaves like https (standard origin, secure context, fetch). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Runs after 'ready'. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, options: { rendererRoot: string; log: Logger }): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options));
}
