import type { Contract } from '../../../shared/contract';
import { pinUnlockAllowed } from '../auth/clinic-access';
import { describeSessionUser } from '../auth/session-user';
import { ClinicFailure } from '../errors';
import type { HandlerContext, HandlersFor } from '../ipc/dispatcher';
import type { Session } from '../ipc/sessions';
import type { CoreServices } from '../services';
import { discardDraft, loadDraft, saveDraft } from './drafts';
import { clearPin, MAX_PIN_TRIES, pinMatches, setPin } from './pin';

function sessionOf(context: HandlerContext): Session {
  if (!context.session) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
  return context.session;
}

/**
 * Lock and switch user on a shared front-desk PC. Locking keeps the session (and the database open) for its owner;
 * another staff member signing in on the locked window replaces the session, and the first user's drafts stay
 * in the database, readable only by them.
 */
export function lockHandlers({ access, audit, db, now }: CoreServices): HandlersFor<Pick<Contract, 'lock' | 'drafts'>> {
  return {
    lock: {
      now: (_input, context) => {
        const session = sessionOf(context);
        session.lockedAt ??= now();
        session.pinFailures = 0;
        return null;
      },
      unlockWithPin: async ({ pin }, context) => {
        const session = sessionOf(context);
        if (session.lockedAt === null) throw new ClinicFailure('CONFLICT', 'This window is not locked.');
        if (!(await pinUnlockAllowed(db(), session, now()))) {
          throw new ClinicFailure('LOCKED', 'Unlock with your password: a PIN works only on the day you signed in, if you have set one.');
        }
        if (await pinMatches(db(), session.userId, pin)) {
          session.lockedAt = null;
          session.pinFailures = 0;
          await audit.record(db(), session, { action: 'auth.signIn', entityType: 'staff_user', entityId: session.userId, detail: { method: 'pin' } });
          return describeSessionUser(db(), {
            id: session.userId,
            username: session.username,
            full_name: session.displayName,
            role: session.role,
            password_reset_required: session.mustChangePassword ? 1 : 0,
          });
        }
        session.pinFailures += 1;
        await audit.record(db(), session, {
          action: 'auth.signInFailed',
          outcome: 'failure',
          entityType: 'staff_user',
          entityId: session.userId,
          detail: { method: 'pin', tries: session.pinFailures },
        });
        if (session.pinFailures >= MAX_PIN_TRIES) {
          await access.signOut(context.clientId);
          throw new ClinicFailure('UNAUTHENTICATED', 'Too many wrong PINs. Sign in with your username and password.');
        }
        throw new ClinicFailure('VALIDATION', 'That PIN is not right.', [
          { path: 'pin', message: `That PIN is not right. ${MAX_PIN_TRIES - session.pinFailures} tries left before a full sign-in is needed.` },
        ]);
      },
      setPin: async ({ password, pin }, context) => {
        const session = sessionOf(context);
        if (!(await access.verifyOwnPassword(session, password))) {
          throw new ClinicFailure('VALIDATION', 'The password is not right.', [{ path: 'password', message: 'This is not your current password.' }]);
        }
        await db()
          .transaction()
          .execute(async (trx) => {
            await setPin(trx, session.userId, pin, now());
            await audit.record(trx, session, { action: 'record.update', entityType: 'staff_user', entityId: session.userId, detail: { fields: ['pin'] } });
          });
        return null;
      },
      clearPin: async (_input, context) => {
        const session = sessionOf(context);
        await db()
          .transaction()
          .execute(async (trx) => {
            await clearPin(trx, session.userId);
            await audit.record(trx, session, { action: 'record.update', entityType: 'staff_user', entityId: session.userId, detail: { fields: ['pin'], cleared: true } });
          });
        return null;
      },
    },
    drafts: {
      save: async ({ formKey, data }, context) => {
        await saveDraft(db(), sessionOf(context).userId, formKey, data, now());
        return null;
      },
      load: ({ formKey }, context) => loadDraft(db(), sessionOf(context).userId, formKey),
      discard: async ({ formKey }, context) => {
        await discardDraft(db(), sessionOf(context).userId, formKey);
        return null;
      },
    },
  };
}
