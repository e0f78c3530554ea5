import { recordAudit } from '../audit/record';
import { ClinicFailure } from '../errors';
import type { Session } from '../ipc/sessions';
import { unlockWithPassword, withoutUserSlot, withUserSlot } from '../keys/keystore';
import { writeKeystoreFile } from '../keys/keystore-file';
import { loadMachineSecret } from '../keys/machine-secret';
import { clearFailures, lockedUntil } from '../keys/signin-throttle';
import type { AccessContext } from './access-context';
import { clearPasswordResetRequired } from './staff-repository';

/**
 * Changes to the staff's key slots once the clinic is set up: a password changed by its owner or set by an
 * administrator, a slot removed, a sign-in lockout lifted. Every other slot stays byte-identical.
 */
export function createKeySlots(ctx: AccessContext) {
  const { dataDir, keychain, scrypt, now, workstation, ksFile, database: openDb } = ctx;

  async function changePassword(input: { currentPassword: string; newPassword: string }, session: Session): Promise<null> {
    return ctx.serialized(async () => {
      const ks = ctx.requireKeystore();
      const machine = await loadMachineSecret(dataDir, keychain);
      const unlocked = await unlockWithPassword(ks, session.username, input.currentPassword, machine.secret);
      if (!unlocked.ok || unlocked.userId !== session.userId) {
        throw new ClinicFailure('VALIDATION', 'The current password is not right.', [{ path: 'currentPassword', message: 'This is not your current password.' }]);
      }
      const at = now();
      const next = await withUserSlot(ks, { dbKey: unlocked.dbKey, user: { userId: session.userId, username: session.username }, password: input.newPassword, machineSecret: machine.secret, scrypt, now: at });
      unlocked.dbKey.fill(0);
      writeKeystoreFile(ksFile, next);
      const open = openDb.current();
      if (open) {
        await clearPasswordResetRequired(open.db, session.userId, at);
        await recordAudit(open.db, {
          at,
          actor: { userId: session.userId, name: session.displayName },
          workstation,
          action: 'record.update',
          outcome: 'success',
          entityType: 'staff_user',
          entityId: session.userId,
          detail: { fields: ['password'], by: 'self' },
        });
      }
      session.mustChangePassword = false;
      return null;
    });
  }

  /**
   * Gives a staff member a key slot with this password (new account, or an administrator's password reset),
   * using the open database's key. Every other slot stays byte-identical.
   */
  async function setStaffPassword(user: { userId: string; username: string }, password: string): Promise<void> {
    return ctx.serialized(async () => {
      openDb.required(); // only while someone is signed in: the slot wraps the open database's key
      const ks = ctx.requireKeystore();
      const machine = await loadMachineSecret(dataDir, keychain);
      // The key is read after the wait: a last sign-out in the meantime closes the database (and zeroes its key).
      const next = await withUserSlot(ks, { dbKey: openDb.required().dbKey, user, password, machineSecret: machine.secret, scrypt, now: now() });
      writeKeystoreFile(ksFile, clearFailures(next, user.username));
    });
  }

  /** Removes a staff member's key slot (deactivation): their password no longer opens anything. */
  async function removeStaffSlot(userId: string): Promise<void> {
    return ctx.serialized(async () => {
      writeKeystoreFile(ksFile, withoutUserSlot(ctx.requireKeystore(), userId));
    });
  }

  /** An administrator lifts a sign-in lockout. Returns whether the account was locked. */
  async function unlockAccount(username: string): Promise<boolean> {
    return ctx.serialized(async () => {
      const ks = ctx.requireKeystore();
      const wasLocked = lockedUntil(ks, username, now()) !== null;
      writeKeystoreFile(ksFile, clearFailures(ks, username));
      return wasLocked;
    });
  }

  /** When the account is locked out of sign-in, until when (epoch ms); null when it is not. */
  function accountLockedUntil(username: string): number | null {
    const ks = ctx.keystore();
    return ks ? lockedUntil(ks, username, now()) : null;
  }

  /** Whether `password` is the signed-in user's current password (before a PIN is set, for example). */
  async function verifyOwnPassword(session: Session, password: string): Promise<boolean> {
    return ctx.serialized(async () => {
      const machine = await loadMachineSecret(dataDir, keychain);
      const unlocked = await unlockWithPassword(ctx.requireKeystore(), session.username, password, machine.secret);
      if (unlocked.ok) unlocked.dbKey.fill(0);
      return unlocked.ok && unlocked.userId === session.userId;
    });
  }

  return { changePassword, setStaffPassword, removeStaffSlot, unlockAccount, accountLockedUntil, verifyOwnPassword };
}
