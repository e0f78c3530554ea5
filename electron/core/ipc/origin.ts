/** The one origin allowed to call IPC: e.g. app://caredesk in Electron, http://127.0.0.1:PORT behind the test host. */
export interface AppOrigin {
  protocol: string;
  host: string;
}

/**
 * Parses the sender frame's URL and compares scheme and host exactly.
 * (URL.origin is "null" for custom schemes such as app://, so compare the parts.)
 */
export function isAppOrigin(senderUrl: string | undefined | null, allowed: AppOrigin): boolean {
  if (typeof senderUrl !== 'string' || senderUrl.length === 0) return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  return url.protocol === allowed.protocol && url.host === allowed.host;
}
