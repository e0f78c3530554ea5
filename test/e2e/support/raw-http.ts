import { request as httpRequest } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A request exactly as written: no URL normalisation (so "/..%2F" reaches the server as sent) and any
 * Host header we like (a browser will not let a page forge one).
 */
export function rawRequest(options: { port: number; method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: options.port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** This run's token, read from the bridge script the way the page gets it. */
export async function readBridgeToken(port: number): Promise<string> {
  const bridge = await rawRequest({ port, path: '/__caredesk/bridge.js', headers: { Host: `127.0.0.1:${port}` } });
  const token = /const TOKEN = "([0-9a-f]{64})"/.exec(bridge.body)?.[1];
  if (!token) throw new Error('bridge.js did not carry a token');
  return token;
}
