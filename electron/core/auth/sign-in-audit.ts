import type { AuditAction, AuditDetail, AuditOutcome } from '../../../shared/contract/audit';
import { createFailedSignInBuffer } from '../audit/failed-sign-ins';
import { recordAudit, type AuditEntry } from '../audit/record';
import type { ClinicDatabase } from '../db/clinic-database';
import { normalizeUsername, type Keystore } from '../keys/keystore';
import { errorKind, type Logger } from '../log';
import type { OpenDatabase } from './open-database';

/**
 * Sign-ins, sign-outs, failed sign-ins and lockouts in the audit trail. Failures seen while the database is closed
 * (the usual case) wait in memory and are written as soon as it opens (see failed-sign-ins.ts).
 */
export function createSignInAudit({ now, workstation, log, database }: { now: () => number; workstation: string; log: Logger; database: OpenDatabase }) {
  const failedSignIns = createFailedSignInBuffer();

  /** Buffered failed sign-ins go into the trail as soon as the database is open; a failure keeps them for next time. */
  async function flushFailedSignIns(opened: ClinicDatabase): Promise<void> {
    try {
      const written = await failedSignIns.flush(opened.db);
      if (written > 0) log.info('flushFailedSignIns', 'recorded failed sign-ins from while the database was closed', { entries: written });
    } catch (error) {
      log.error('flushFailedSignIns', 'could not record buffered failed sign-ins; kept for the next sign-in', { kind: errorKind(error) });
    }
  }

  /** A sign-in event by a staff member, in the trail (inside `db`'s transaction when it is one). */
  async function auditSignIn(db: ClinicDatabase['db'], user: { id: string; full_name: string }, action: 'auth.signIn' | 'auth.signOut', detail: AuditDetail | null) {
    await recordAudit(db, { at: now(), actor: { userId: user.id, name: user.full_name }, workstation, action, outcome: 'success', entityType: 'staff_user', entityId: user.id, detail });
  }

  /**
   * A failed sign-in or a lockout. The actor is the username as typed (with the account's id when a key slot has
   * that username). Written at once while the database is open, otherwise buffered. The username is never logged.
   */
  async function auditSignInFailure(
    typedUsername: string,
    failure: { userId?: string | null; action?: AuditAction; outcome?: AuditOutcome; detail: AuditDetail; ks?: Keystore | null },
  ): Promise<void> {
    const name = normalizeUsername(typedUsername);
    const slotUserId = failure.ks?.slots.find((slot) => slot.kind === 'user' && slot.username === name)?.userId ?? null;
    const entry: AuditEntry = {
      at: now(),
      actor: { userId: failure.userId ?? slotUserId, name: typedUsername.trim() || '(blank)' },
      workstation,
      action: failure.action ?? 'auth.signInFailed',
      outcome: failure.outcome ?? 'failure',
      detail: failure.detail,
    };
    const open = database.current();
    if (open) {
      try {
        await recordAudit(open.db, entry);
        return;
      } catch (error) {
        log.error('auditSignInFailure', 'could not record a failed sign-in; kept for later', { kind: errorKind(error) });
      }
    }
    failedSignIns.add(entry);
  }

  return { flushFailedSignIns, auditSignIn, auditSignInFailure };
}

export type SignInAudit = ReturnType<typeof createSignInAudit>;
