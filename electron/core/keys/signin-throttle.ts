import type { Keystore, SignInThrottle } from './keystore';
import { normalizeUsername } from './keystore';

/** 5 failed sign-ins within 15 minutes lock the account for 15 minutes. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCKOUT_MS = 15 * 60 * 1000;

export function lockedUntil(keystore: Keystore, username: string, now: number): number | null {
  const entry = keystore.throttle[normalizeUsername(username)];
  return entry?.lockedUntil !== null && entry?.lockedUntil !== undefined && entry.lockedUntil > now ? entry.lockedUntil : null;
}

/** Records a failure; returns the new keystore and whether this failure locked the account. */
export function recordFailure(keystore: Keystore, username: string, now: number): { keystore: Keystore; lockedNow: boolean } {
  const name = normalizeUsername(username);
  const previous: SignInThrottle = keystore.throttle[name] ?? { failures: [], lockedUntil: null };
  const failures = [...previous.failures.filter((t) => now - t < FAILURE_WINDOW_MS), now];
  const lockedNow = failures.length >= MAX_FAILURES;
  const entry: SignInThrottle = lockedNow ? { failures: [], lockedUntil: now + LOCKOUT_MS } : { failures, lockedUntil: previous.lockedUntil };
  return { keystore: { ...keystore, throttle: { ...keystore.throttle, [name]: entry } }, lockedNow };
}

export function clearFailures(keystore: Keystore, username: string): Keystore {
  const name = normalizeUsername(username);
  if (!keystore.throttle[name]) return keystore;
  const throttle = { ...keystore.throttle };
  delete throttle[name];
  return { ...keystore, throttle };
}
