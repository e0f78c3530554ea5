import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAuditBatch, type AuditEntry } from './record';

/** At most this many failed sign-ins wait in memory; beyond it only their number is kept. */
export const MAX_BUFFERED_SIGN_IN_FAILURES = 1000;

/**
 * Failed sign-ins (and lockouts) that happened while the database was closed, which is the usual case: the
 * database opens only once a password unlocks it. They wait here, in main's memory, and are written into the
 * trail (oldest first, in one transaction) the next time the database opens. Each keeps the username as typed,
 * the time and the workstation; never the password, and nothing of it goes to the log.
 *
 * Memory only, on purpose: the keystore already counts failures for the lockout, and a file next to it would be
 * an unencrypted record of usernames. The cost: failures seen by a CareDesk that quits (or crashes) before anyone
 * signs in again are not in the trail.
 */
export function createFailedSignInBuffer(limit = MAX_BUFFERED_SIGN_IN_FAILURES) {
  let pending: AuditEntry[] = [];
  type Overflow = { count: number; lastAt: number; workstation: string };
  let overflow: Overflow | null = null;

  return {
    add(entry: AuditEntry): void {
      if (pending.length < limit) {
        pending.push(entry);
        return;
      }
      overflow = { count: (overflow?.count ?? 0) + 1, lastAt: entry.at, workstation: entry.workstation };
    },

    /** How many entries are waiting (a counted overflow is one more). */
    size(): number {
      return pending.length + (overflow ? 1 : 0);
    },

    /** Writes everything waiting into the trail; on failure keeps it for the next try and rethrows. */
    async flush(db: Kysely<Database>): Promise<number> {
      if (pending.length === 0 && !overflow) return 0;
      const entries = [...pending];
      if (overflow) {
        entries.push({
          at: overflow.lastAt,
          actor: { userId: null, name: '(not recorded)' },
          workstation: overflow.workstation,
          action: 'auth.signInFailed',
          outcome: 'failure',
          detail: { reason: 'too-many-to-record', count: overflow.count },
        });
      }
      const kept = { pending, overflow };
      pending = [];
      overflow = null;
      try {
        await recordAuditBatch(db, entries);
        return entries.length;
      } catch (error) {
        pending = [...kept.pending, ...pending];
        // add() may have counted more while the write was in flight.
        const meanwhile = overflow as Overflow | null;
        if (kept.overflow) overflow = meanwhile ? { ...meanwhile, count: meanwhile.count + kept.overflow.count } : kept.overflow;
        throw error;
      }
    },
  };
}

export type FailedSignInBuffer = ReturnType<typeof createFailedSignInBuffer>;
