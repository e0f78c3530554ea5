import { hasControlCharacter } from './control-characters';

/** Whatever actually hands a URL to the operating system (shell.openExternal in the app). Handles its own errors. */
export type ExternalOpener = (url: string) => void;

const ALLOWED_PROTOCOLS = new Set(['https:', 'mailto:']);
// ShellExecute and some mail clients misbehave on very long arguments; no real link needs more.
const MAX_URL_LENGTH = 2048;

/**
 * True only for https: links to a named host and plain mailto: addresses. Everything else
 * (javascript:, file:, http:, data:, smb:, UNC paths, custom schemes, anything that does not parse) is refused,
 * because the OS would happily run or open it.
 */
export function isSafeExternalUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > MAX_URL_LENGTH) return false;
  // Backslashes turn into UNC paths on Windows (\\server\share) and into slashes in URL parsers; whitespace and
  // control characters are stripped by parsers, so what we checked would not be what the OS receives.
  if (candidate.includes('\\') || /\s/.test(candidate) || hasControlCharacter(candidate)) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return false;
  if (url.protocol === 'https:') {
    // user:pass@host links are a phishing trick ("https://bank.example@evil.example").
    return url.hostname.length > 0 && url.username === '' && url.password === '';
  }
  // Some mail clients honour mailto:?attach=<path> and would attach a local file to an outgoing mail.
  return !/[?&]attach/i.test(url.search);
}

/** The one gate to the system browser or mail client. Returns whether the link was handed on. */
export function openExternalSafely(url: unknown, opener: ExternalOpener): boolean {
  if (!isSafeExternalUrl(url)) return false;
  opener(url);
  return true;
}
