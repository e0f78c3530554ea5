import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { injectBridgeTag } from './bridge-script';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * Maps a URL path to a file inside root, or null. Decodes once, refuses NUL bytes, and checks the
 * resolved path is still under root, so "/..%2F..%2Fpackage.json" and friends cannot leave the folder.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const full = resolve(root, relative);
  return full.startsWith(root + sep) ? full : null;
}

/** GET/HEAD of the built renderer. index.html gets the bridge script tag; anything else is served as is. */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, rendererDir: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return sendText(response, 405, 'Method not allowed');
  }
  const root = resolve(rendererDir);
  const urlPath = (request.url ?? '/').split('?')[0] ?? '/';
  const file = resolveStaticPath(root, urlPath);
  if (!file) return sendText(response, 404, 'Not found');
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return sendText(response, 404, 'Not found');

  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  if (file === resolve(root, 'index.html')) {
    const html = injectBridgeTag(await readFile(file, 'utf8'));
    response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    response.end(request.method === 'HEAD' ? undefined : html);
    return;
  }
  response.writeHead(200, { 'Content-Type': type, 'Content-Length': info.size, 'Cache-Control': 'no-cache' });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}
