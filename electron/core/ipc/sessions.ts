import type { Role } from '../../../shared/roles';

/** A signed-in staff member, as main knows them. The renderer learns only what shared/contract/auth's sessionUserSchema lists. */
export interface Session {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  startedAt: number;
  /** When the window was locked (idle timer, shortcut or button); null while unlocked. */
  lockedAt: number | null;
  /** Wrong PINs tried since the lock; too many end the session. */
  pinFailures: number;
  /** After an administrator's reset: only the password change (and sign-out) is allowed. */
  mustChangePassword: boolean;
}

/** Sessions live in main, one per client (an Electron window's webContents, or the test host's run). */
export interface SessionStore {
  get(clientId: string): Session | null;
  set(clientId: string, session: Session): void;
  clear(clientId: string): void;
  count(): number;
  /** Ends every session of one staff member (deactivated, or password reset by an administrator). Returns how many. */
  clearUser(userId: string): number;
  /** Ends every session (a restore replaces the staff list: everyone signs in again). */
  clearAll(): void;
}

export function createSessionStore(): SessionStore {
  const sessions = new Map<string, Session>();
  return {
    get: (clientId) => sessions.get(clientId) ?? null,
    set: (clientId, session) => void sessions.set(clientId, session),
    clear: (clientId) => void sessions.delete(clientId),
    count: () => sessions.size,
    clearAll: () => sessions.clear(),
    clearUser: (userId) => {
      let ended = 0;
      for (const [clientId, session] of sessions) {
        if (session.userId === userId) {
          sessions.delete(clientId);
          ended += 1;
        }
      }
      return ended;
    },
  };
}
