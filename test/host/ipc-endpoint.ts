import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatcher } from '../../electron/core/ipc/dispatcher';
import { failure, type Result } from '../../shared/result';
import { IPC_PATH_PREFIX, TOKEN_HEADER } from './bridge-script';
import { BodyTooLarge, hasValidToken, readBody } from './request-guards';

/** The largest request body accepted; contract payloads are small forms, never files. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface IpcEndpointOptions {
  token: string;
  /** Null until the core has started: calls before then get a 503. */
  dispatcher: () => Dispatcher | null;
}

/**
 * POST /__caredesk/ipc/<area>:<action> with {"input": ...} → the dispatcher's Result as JSON.
 * The Host header has already been checked by the server. This adds: POST only, the run's token,
 * JSON only, a size limit. The Origin (or Referer) goes to the dispatcher, which checks it like
 * Electron's sender frame URL. Payloads are never logged.
 */
export async function handleIpcRequest(request: IncomingMessage, response: ServerResponse, options: IpcEndpointOptions): Promise<void> {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    return sendResult(response, 405, failure('VALIDATION', 'Calls to CareDesk must be POST requests.'));
  }
  if (!hasValidToken(request.headers[TOKEN_HEADER], options.token)) {
    return sendResult(response, 403, failure('FORBIDDEN', 'This request did not come from CareDesk and was refused.'));
  }
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    return sendResult(response, 415, failure('VALIDATION', 'Calls to CareDesk must send JSON.'));
  }
  const dispatcher = options.dispatcher();
  if (!dispatcher) return sendResult(response, 503, failure('INTERNAL', 'CareDesk is still starting. Try again in a moment.'));

  let text: string;
  try {
    text = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      response.setHeader('Connection', 'close');
      return sendResult(response, 413, failure('VALIDATION', 'That request is too large for CareDesk to accept.'));
    }
    throw error;
  }
  const payload = parseEnvelope(text);
  if (!payload.ok) return sendResult(response, 400, payload);

  const channel = channelFromPath(request.url ?? '');
  const result = await dispatcher.dispatch({
    channel: channel ?? '',
    senderUrl: headerText(request.headers.origin) ?? headerText(request.headers.referer),
    clientId: 'web',
    payload: payload.value,
  });
  sendResult(response, 200, result);
}

function parseEnvelope(text: string): Result<unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return failure('VALIDATION', 'The request could not be read (it is not valid JSON).');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return failure('VALIDATION', 'The request could not be read (expected an object with "input").');
  }
  return { ok: true, value: (body as { input?: unknown }).input };
}

function channelFromPath(url: string): string | null {
  const path = url.split('?')[0] ?? '';
  if (!path.startsWith(IPC_PATH_PREFIX)) return null;
  try {
    return decodeURIComponent(path.slice(IPC_PATH_PREFIX.length));
  } catch {
    return null;
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function sendResult(response: ServerResponse, status: number, result: Result<unknown>): void {
  const body = JSON.stringify(result);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(body);
}
