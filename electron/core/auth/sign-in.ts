import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../shared/contract/auth';
import type { ClinicDatabase } from '../db/clinic-database';
import type { Database } from '../db/schema';
import { ClinicFailure } from '../errors';
import type { Session } from '../ipc/sessions';
import { normalizeUsername, rebindAfterRecovery, unlockWithPassword, unlockWithRecoveryCode, withUserSlot, type Keystore } from '../keys/keystore';
import { writeKeystoreFile } from '../keys/keystore-file';
import { loadMachineSecret, newMachineSecret, writeMachineSecretFile } from '../keys/machine-secret';
import { normalizeRecoveryCode } from '../keys/recovery-code';
import { clearFailures, lockedUntil, recordFailure } from '../keys/signin-throttle';
import { errorKind } from '../log';
import type { AccessContext } from './access-context';
import { DAMAGED_DATABASE } from './damaged-database';
import { describeSessionUser } from './session-user';
import { clearPasswordResetRequired, findStaffUserById, findStaffUserByUsername, markPasswordResetRequired } from './staff-repository';

export const WRONG_CREDENTIALS = 'That username and password do not match. Check both and try again.';

/** A session for this window, from the staff member's row; what the renderer is told about them. */
export async function startSession(
  ctx: AccessContext,
  db: Kysely<Database>,
  clientId: string,
  user: { id: string; username: string; full_name: string; role: Session['role']; password_reset_required: number },
): Promise<SessionUser> {
  ctx.sessions.set(clientId, {
    userId: user.id,
    username: user.username,
    displayName: user.full_name,
    role: user.role,
    startedAt: ctx.now(),
    lockedAt: null,
    pinFailures: 0,
    mustChangePassword: user.password_reset_required === 1,
  });
  return describeSessionUser(db, user);
}

/**
 * Signing in with a password, signing out, and recovery with the printed code (a forgotten password, or a new computer).
 * A key slot opens the database; the database then says whether the account is active.
 */
export function createSignIn(ctx: AccessContext) {
  const { dataDir, keychain, sessions, log, scrypt, now, ksFile, database: openDb, audit } = ctx;

  async function ensureOpen(dbKey: Buffer): Promise<ClinicDatabase> {
    const database = await openDb.openWithKey(dbKey);
    await audit.flushFailedSignIns(database);
    return database;
  }

  async function signIn(input: { username: string; password: string }, clientId: string): Promise<SessionUser> {
    return ctx.serialized(async () => {
      let ks = ctx.requireKeystore();
      const at = now();
      const until = lockedUntil(ks, input.username, at);
      if (until !== null) {
        await audit.auditSignInFailure(input.username, { ks, outcome: 'denied', detail: { method: 'password', reason: 'locked' } });
        throw lockedFailure(until);
      }
      const machine = await loadMachineSecret(dataDir, keychain);
      const unlocked = await unlockWithPassword(ks, input.username, input.password, machine.secret);
      if (!unlocked.ok) {
        const result = recordFailure(ks, input.username, at);
        writeKeystoreFile(ksFile, result.keystore);
        log.warn('signIn', result.lockedNow ? 'failed sign-in locked the account' : 'failed sign-in');
        await audit.auditSignInFailure(input.username, { ks, detail: { method: 'password', reason: 'wrong-credentials' } });
        if (result.lockedNow) {
          const lockedTill = result.keystore.throttle[normalizeUsername(input.username)]?.lockedUntil ?? at;
          await audit.auditSignInFailure(input.username, { ks, action: 'auth.lockout', outcome: 'denied', detail: { lockedUntil: lockedTill } });
          throw lockedFailure(lockedTill);
        }
        throw new ClinicFailure('UNAUTHENTICATED', WRONG_CREDENTIALS);
      }
      if (openDb.problem()) {
        unlocked.dbKey.fill(0);
        throw new ClinicFailure('CONFLICT', DAMAGED_DATABASE);
      }
      const database = await ensureOpen(unlocked.dbKey);
      unlocked.dbKey.fill(0);
      const user = await findStaffUserById(database.db, unlocked.userId);
      if (!user || user.status !== 'active') {
        await audit.auditSignInFailure(input.username, { userId: unlocked.userId, detail: { method: 'password', reason: 'inactive' } });
        if (sessions.count() === 0) await openDb.close(); // opened only for this check: do not keep the key
        throw new ClinicFailure('UNAUTHENTICATED', WRONG_CREDENTIALS);
      }
      ks = clearFailures(ks, input.username);
      writeKeystoreFile(ksFile, ks);
      await audit.auditSignIn(database.db, user, 'auth.signIn', { method: 'password' });
      log.info('signIn', 'signed in', { role: user.role });
      return startSession(ctx, database.db, clientId, user);
    });
  }

  async function signOut(clientId: string): Promise<null> {
    const session = sessions.get(clientId);
    const open = openDb.current();
    if (session && open) {
      try {
        await audit.auditSignIn(open.db, { id: session.userId, full_name: session.displayName }, 'auth.signOut', null);
      } catch (error) {
        // Signing out must never fail: the session ends either way.
        log.error('signOut', 'could not record the sign-out', { kind: errorKind(error) });
      }
    }
    sessions.clear(clientId);
    if (sessions.count() === 0) await openDb.close();
    return null;
  }

  async function recover(input: { recoveryCode: string; username: string; newPassword: string }, clientId: string): Promise<SessionUser> {
    return ctx.serialized(async () => {
      const ks = ctx.requireKeystore();
      const code = normalizeRecoveryCode(input.recoveryCode);
      const dbKey = code ? await unlockWithRecoveryCode(ks, code) : null;
      if (!dbKey) {
        await audit.auditSignInFailure(input.username, { ks, detail: { method: 'recoveryCode', reason: 'wrong-recovery-code' } });
        throw new ClinicFailure('UNAUTHENTICATED', 'That recovery code does not open this clinic database. Check it against the printout.');
      }
      if (openDb.problem()) throw new ClinicFailure('CONFLICT', DAMAGED_DATABASE);
      const database = await ensureOpen(dbKey);
      const admin = await findStaffUserByUsername(database.db, normalizeUsername(input.username));
      if (!admin || admin.role !== 'admin' || admin.status !== 'active') {
        await audit.auditSignInFailure(input.username, { userId: admin?.id ?? null, detail: { method: 'recoveryCode', reason: 'not-an-active-administrator' } });
        if (sessions.count() === 0) await openDb.close();
        throw new ClinicFailure('VALIDATION', 'Enter the username of an active administrator.', [{ path: 'username', message: 'Not an active administrator of this clinic.' }]);
      }
      const at = now();
      const machine = await loadMachineSecret(dataDir, keychain);
      let next: Keystore;
      if (machine.secret) {
        // Same computer, forgotten password: re-wrap only this administrator's slot.
        next = clearFailures(await withUserSlot(ks, { dbKey, user: { userId: admin.id, username: admin.username }, password: input.newPassword, machineSecret: machine.secret, scrypt, now: at }), admin.username);
      } else {
        // New computer or lost keychain: new machine secret; the other staff set their passwords again.
        const fresh = await newMachineSecret(keychain);
        const rebound = await rebindAfterRecovery(ks, { dbKey, admin: { userId: admin.id, username: admin.username }, newPassword: input.newPassword, newMachineSecret: fresh?.secret ?? null, scrypt, now: at });
        await markPasswordResetRequired(database.db, rebound.droppedUserIds, at, admin.id);
        if (fresh) writeMachineSecretFile(dataDir, fresh.sealed);
        next = rebound.keystore;
        log.warn('recover', 'recovered on a new machine secret; other staff must set passwords again', { dropped: rebound.droppedUserIds.length });
      }
      writeKeystoreFile(ksFile, next);
      await clearPasswordResetRequired(database.db, admin.id, at);
      dbKey.fill(0);
      await audit.auditSignIn(database.db, admin, 'auth.signIn', { method: 'recoveryCode' });
      return startSession(ctx, database.db, clientId, { ...admin, password_reset_required: 0 });
    });
  }

  return { signIn, signOut, recover };
}

function lockedFailure(until: number): ClinicFailure {
  return new ClinicFailure(
    'LOCKED',
    // The workstation's local time: the clinic's time zone lives inside the database, which is not open yet.
    `Too many failed sign-ins. This account is locked until ${new Date(until).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}. ` +
      'Try again then, or ask an administrator (who can also use the recovery code).',
  );
}
