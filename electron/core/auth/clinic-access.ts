import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { AuditAction, AuditDetail, AuditOutcome } from '../../../shared/contract/audit';
import type { SessionState, SessionUser, SetupCompleteInput } from '../../../shared/contract/auth';
import { createFailedSignInBuffer } from '../audit/failed-sign-ins';
import { recordAudit, type AuditEntry } from '../audit/record';
import type { Kysely } from 'kysely';
import { readSetting, SETTINGS, writeSetting } from '../app/settings';
import { readLastBackupPointer } from '../backup/last-backup-pointer';
import type { Database } from '../db/schema';
import { hasPin, MAX_PIN_TRIES, pinAllowedToday } from '../lock/pin';
import { closeClinicDatabase, openClinicDatabase, DATABASE_FILE, type ClinicDatabase } from '../db/clinic-database';
import { ClinicFailure, StartupFailure } from '../errors';
import type { Session, SessionStore } from '../ipc/sessions';
import { PRODUCTION_SCRYPT, type ScryptParams } from '../keys/kdf';
import {
  createKeystore,
  normalizeUsername,
  rebindAfterRecovery,
  unlockWithPassword,
  unlockWithRecoveryCode,
  withoutUserSlot,
  withUserSlot,
  type Keystore,
} from '../keys/keystore';
import { keystorePath, readKeystoreFile, writeKeystoreFile } from '../keys/keystore-file';
import {
  KEYCHAIN_WARNINGS,
  MACHINE_SECRET_FILE,
  loadMachineSecret,
  newMachineSecret,
  writeMachineSecretFile,
  type KeychainStatus,
  type OsKeychain,
} from '../keys/machine-secret';
import { canonicalRecoveryText, generateRecoveryCode, normalizeRecoveryCode, recoveryCodeGroups, RECOVERY_GROUP_COUNT } from '../keys/recovery-code';
import { clearFailures, lockedUntil, recordFailure } from '../keys/signin-throttle';
import { errorKind, type Logger } from '../log';
import {
  clearPasswordResetRequired,
  findStaffUserById,
  findStaffUserByUsername,
  insertStaffUser,
  markPasswordResetRequired,
} from './staff-repository';

/** A PIN may resume a locked session only if the owner has one, has tries left, and it is still the clinic day they signed in. */
export async function pinUnlockAllowed(db: Kysely<Database>, session: Session, now = Date.now()): Promise<boolean> {
  if (session.pinFailures >= MAX_PIN_TRIES || !(await hasPin(db, session.userId))) return false;
  const timeZone = (await readSetting(db, SETTINGS.clinicTimeZone)) ?? 'UTC';
  return pinAllowedToday(session.startedAt, now, timeZone);
}

export const DAMAGED_DATABASE =
  'The clinic database on this computer is damaged and cannot be opened. Nothing was changed. Restore the last verified backup with the recovery code.';

/** SQLCipher v4 page size: an intact database file is a whole number of pages. */
const SQLCIPHER_PAGE_SIZE = 4096;

export const WRONG_CREDENTIALS = 'That username and password do not match. Check both and try again.';

export interface ClinicAccessOptions {
  dataDir: string;
  keychain: OsKeychain;
  sessions: SessionStore;
  log: Logger;
  /** Key-slot cost; production unless a test passes cheaper parameters. */
  scrypt?: ScryptParams;
  clock?: () => number;
  /** This computer's name for the audit trail; defaults to os.hostname(). */
  workstation?: string;
}

/** Recovery code and database key of a wizard in progress. Kept in main's memory only; nothing is on disk yet. */
interface PendingSetup {
  recoveryCode: string;
  dbKey: Buffer;
  confirmGroupIndexes: [number, number];
}

/**
 * Who may open the clinic's database: first-run setup, sign-in, recovery, password change and sign-out.
 * The database key and the machine secret stay inside this module (main process only).
 */
export function createClinicAccess(options: ClinicAccessOptions) {
  const { dataDir, keychain, sessions, log } = options;
  const scrypt = options.scrypt ?? PRODUCTION_SCRYPT;
  const now = options.clock ?? (() => Date.now());
  const ksFile = keystorePath(dataDir);
  const dbFile = join(dataDir, DATABASE_FILE);
  const workstation = options.workstation ?? hostname();
  // Failed sign-ins seen while the database is closed wait here until it opens (see failed-sign-ins.ts).
  const failedSignIns = createFailedSignInBuffer();

  let pending: PendingSetup | null = null;
  /** Set when the right key could not open the database; cleared by a successful restore. */
  let damagedAtOpen = false;
  let open: (ClinicDatabase & { dbKey: Buffer }) | null = null;
  // Sign-in, recovery and setup run one at a time: no parallel guessing, no lost keystore updates.
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const keystore = (): Keystore | null => readKeystoreFile(ksFile);

  function requireKeystore(): Keystore {
    const ks = keystore();
    if (!ks) throw new ClinicFailure('CONFLICT', 'CareDesk has not been set up on this computer yet.');
    return ks;
  }

  async function keychainState(): Promise<{ status: KeychainStatus; warning: string | null }> {
    const status = await keychain.status();
    return { status, warning: status === 'secure' ? null : KEYCHAIN_WARNINGS[status] };
  }

  /**
   * A set-up clinic whose database file is gone, cut short (not whole 4 KiB pages), or failed to open with a key the
   * key slots vouch for. Checked without the key, so the sign-in screen can offer the backup at once.
   */
  function databaseProblem(): 'missing' | 'damaged' | null {
    if (open || !existsSync(ksFile)) return null;
    if (!existsSync(dbFile)) return 'missing';
    const size = statSync(dbFile).size;
    if (size === 0 || size % SQLCIPHER_PAGE_SIZE !== 0 || damagedAtOpen) return 'damaged';
    return null;
  }

  async function ensureOpen(dbKey: Buffer): Promise<ClinicDatabase> {
    const database = await openWithKey(dbKey);
    await flushFailedSignIns(database);
    return database;
  }

  async function openWithKey(dbKey: Buffer): Promise<ClinicDatabase> {
    if (open) {
      if (open.dbKey.length !== dbKey.length || !timingSafeEqual(open.dbKey, dbKey)) {
        throw new ClinicFailure('INTERNAL', 'The key slots do not match the open database. Restart CareDesk.');
      }
      return open;
    }
    try {
      const opened = await openClinicDatabase(dbFile, dbKey, { create: false });
      open = { ...opened, dbKey: Buffer.from(dbKey) };
      log.info('ensureOpen', 'opened the clinic database', { schemaVersion: opened.schemaVersion });
      return opened;
    } catch (error) {
      if (error instanceof StartupFailure) {
        // The slot opened, so the key is right: a database that will not open with it is damaged (or missing).
        if (error.kind === 'CORRUPT' || error.kind === 'WRONG_KEY' || error.kind === 'DATABASE_MISSING') {
          damagedAtOpen = true;
          throw new ClinicFailure('CONFLICT', DAMAGED_DATABASE);
        }
        throw new ClinicFailure(error.kind === 'DATABASE_TOO_NEW' ? 'CONFLICT' : 'INTERNAL', error.userMessage);
      }
      throw error;
    }
  }

  /** Buffered failed sign-ins go into the trail as soon as the database is open; a failure keeps them for next time. */
  async function flushFailedSignIns(database: ClinicDatabase): Promise<void> {
    try {
      const written = await failedSignIns.flush(database.db);
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

  async function closeDatabase(): Promise<void> {
    if (!open) return;
    const closing = open;
    open = null;
    closing.dbKey.fill(0);
    await closeClinicDatabase(closing);
    log.info('closeDatabase', 'closed the clinic database after the last sign-out');
  }

  function startSession(clientId: string, user: { id: string; username: string; full_name: string; role: Session['role']; password_reset_required: number }): SessionUser {
    sessions.set(clientId, {
      userId: user.id,
      username: user.username,
      displayName: user.full_name,
      role: user.role,
      startedAt: now(),
      lockedAt: null,
      pinFailures: 0,
      mustChangePassword: user.password_reset_required === 1,
    });
    return { displayName: user.full_name, role: user.role, mustChangePassword: user.password_reset_required === 1 };
  }

  async function state(clientId: string): Promise<SessionState> {
    const ks = keystore();
    const kc = await keychainState();
    if (!ks) return { phase: 'needs-setup', user: null, keychain: kc, recoveryRequired: false, pinUnlockAvailable: false, databaseProblem: null };
    const session = sessions.get(clientId);
    const machine = await loadMachineSecret(dataDir, keychain);
    const userSlots = ks.slots.filter((s) => s.kind === 'user');
    const recoveryRequired = userSlots.length > 0 && userSlots.every((s) => s.machineBound) && machine.secret === null;
    let user: SessionUser | null = null;
    if (session && open) {
      const row = await findStaffUserById(open.db, session.userId);
      if (row) user = { displayName: row.full_name, role: row.role, mustChangePassword: row.password_reset_required === 1 };
    }
    const locked = user !== null && session !== null && session.lockedAt !== null;
    const pinUnlockAvailable = locked && open !== null && session !== null && (await pinUnlockAllowed(open.db, session, now()));
    const problem = databaseProblem();
    const lastBackup = problem ? readLastBackupPointer(dataDir) : null;
    return {
      phase: user ? (locked ? 'locked' : 'signed-in') : 'signed-out',
      user,
      keychain: kc,
      recoveryRequired,
      pinUnlockAvailable,
      databaseProblem: problem ? { kind: problem, lastVerifiedBackup: lastBackup ? { fileName: lastBackup.fileName, createdAt: lastBackup.createdAt } : null } : null,
    };
  }

  function beginSetup() {
    if (existsSync(ksFile)) throw new ClinicFailure('CONFLICT', 'CareDesk is already set up on this computer. Sign in instead.');
    pending?.dbKey.fill(0);
    const first = randomInt(RECOVERY_GROUP_COUNT);
    let second = randomInt(RECOVERY_GROUP_COUNT - 1);
    if (second >= first) second += 1;
    const indexes: [number, number] = first < second ? [first, second] : [second, first];
    pending = { recoveryCode: generateRecoveryCode(), dbKey: randomBytes(32), confirmGroupIndexes: indexes };
    return {
      recoveryCodeGroups: recoveryCodeGroups(pending.recoveryCode),
      confirmGroupNumbers: [indexes[0] + 1, indexes[1] + 1] as [number, number],
    };
  }

  function cancelSetup(): null {
    pending?.dbKey.fill(0);
    pending = null;
    return null;
  }

  /** Creates everything in one go; on any failure removes what it created, so a failed setup leaves nothing behind. */
  async function completeSetup(input: SetupCompleteInput, clientId: string): Promise<SessionUser> {
    return serialized(async () => {
      if (existsSync(ksFile) || existsSync(dbFile)) throw new ClinicFailure('CONFLICT', 'CareDesk is already set up on this computer. Sign in instead.');
      const setup = pending;
      if (!setup) throw new ClinicFailure('CONFLICT', 'The setup was restarted. Go back to the recovery code step.');
      const groups = recoveryCodeGroups(setup.recoveryCode);
      const issues = setup.confirmGroupIndexes.flatMap((groupIndex, i) => {
        return canonicalRecoveryText(input.confirmGroups[i] ?? '') === groups[groupIndex]
          ? []
          : [{ path: `confirmGroups.${i}`, message: `Group ${groupIndex + 1} does not match the recovery code. Check the printout and type it again.` }];
      });
      if (issues.length > 0) throw new ClinicFailure('VALIDATION', 'The recovery code groups do not match.', issues);

      const at = now();
      const admin = { id: uuidv7(), username: normalizeUsername(input.admin.username), full_name: input.admin.fullName, role: 'admin' as const };
      const created: string[] = [];
      let database: ClinicDatabase | null = null;
      try {
        mkdirSync(dataDir, { recursive: true });
        const machine = await newMachineSecret(keychain);
        created.push(dbFile, `${dbFile}-wal`, `${dbFile}-shm`);
        database = await openClinicDatabase(dbFile, setup.dbKey, { create: true });
        await database.db.transaction().execute(async (trx) => {
          await insertStaffUser(trx, { ...admin, created_at: at, created_by: null, updated_at: at, updated_by: null });
          await writeSetting(trx, SETTINGS.clinicName, input.clinicName, at);
          await writeSetting(trx, SETTINGS.clinicTimeZone, input.timeZone, at);
          await auditSignIn(trx, admin, 'auth.signIn', { method: 'setup' });
        });
        const ks = await createKeystore({
          dbKey: setup.dbKey,
          admin: { userId: admin.id, username: admin.username },
          password: input.admin.password,
          recoveryCode: setup.recoveryCode,
          machineSecret: machine?.secret ?? null,
          scrypt,
          now: at,
        });
        if (machine) {
          created.push(join(dataDir, MACHINE_SECRET_FILE));
          writeMachineSecretFile(dataDir, machine.sealed);
        }
        created.push(ksFile);
        writeKeystoreFile(ksFile, ks); // last: its presence means "set up"
      } catch (error) {
        if (database) await closeClinicDatabase(database);
        for (const file of created) rmSync(file, { force: true });
        log.error('completeSetup', 'setup failed; removed the files it had created');
        throw error;
      }
      open = { ...database, dbKey: Buffer.from(setup.dbKey) };
      setup.dbKey.fill(0);
      pending = null;
      log.info('completeSetup', 'clinic set up', { keychain: await keychain.status() });
      return startSession(clientId, { ...admin, password_reset_required: 0 });
    });
  }

  async function signIn(input: { username: string; password: string }, clientId: string): Promise<SessionUser> {
    return serialized(async () => {
      let ks = requireKeystore();
      const at = now();
      const until = lockedUntil(ks, input.username, at);
      if (until !== null) {
        await auditSignInFailure(input.username, { ks, outcome: 'denied', detail: { method: 'password', reason: 'locked' } });
        throw lockedFailure(until);
      }
      const machine = await loadMachineSecret(dataDir, keychain);
      const unlocked = await unlockWithPassword(ks, input.username, input.password, machine.secret);
      if (!unlocked.ok) {
        const result = recordFailure(ks, input.username, at);
        writeKeystoreFile(ksFile, result.keystore);
        log.warn('signIn', result.lockedNow ? 'failed sign-in locked the account' : 'failed sign-in');
        await auditSignInFailure(input.username, { ks, detail: { method: 'password', reason: 'wrong-credentials' } });
        if (result.lockedNow) {
          const lockedTill = result.keystore.throttle[normalizeUsername(input.username)]?.lockedUntil ?? at;
          await auditSignInFailure(input.username, { ks, action: 'auth.lockout', outcome: 'denied', detail: { lockedUntil: lockedTill } });
          throw lockedFailure(lockedTill);
        }
        throw new ClinicFailure('UNAUTHENTICATED', WRONG_CREDENTIALS);
      }
      if (databaseProblem()) {
        unlocked.dbKey.fill(0);
        throw new ClinicFailure('CONFLICT', DAMAGED_DATABASE);
      }
      const database = await ensureOpen(unlocked.dbKey);
      unlocked.dbKey.fill(0);
      const user = await findStaffUserById(database.db, unlocked.userId);
      if (!user || user.status !== 'active') {
        await auditSignInFailure(input.username, { userId: unlocked.userId, detail: { method: 'password', reason: 'inactive' } });
        if (sessions.count() === 0) await closeDatabase(); // opened only for this check: do not keep the key
        throw new ClinicFailure('UNAUTHENTICATED', WRONG_CREDENTIALS);
      }
      ks = clearFailures(ks, input.username);
      writeKeystoreFile(ksFile, ks);
      await auditSignIn(database.db, user, 'auth.signIn', { method: 'password' });
      log.info('signIn', 'signed in', { role: user.role });
      return startSession(clientId, user);
    });
  }

  async function signOut(clientId: string): Promise<null> {
    const session = sessions.get(clientId);
    if (session && open) {
      try {
        await auditSignIn(open.db, { id: session.userId, full_name: session.displayName }, 'auth.signOut', null);
      } catch (error) {
        // Signing out must never fail: the session ends either way.
        log.error('signOut', 'could not record the sign-out', { kind: errorKind(error) });
      }
    }
    sessions.clear(clientId);
    if (sessions.count() === 0) await closeDatabase();
    return null;
  }

  async function recover(input: { recoveryCode: string; username: string; newPassword: string }, clientId: string): Promise<SessionUser> {
    return serialized(async () => {
      const ks = requireKeystore();
      const code = normalizeRecoveryCode(input.recoveryCode);
      const dbKey = code ? await unlockWithRecoveryCode(ks, code) : null;
      if (!dbKey) {
        await auditSignInFailure(input.username, { ks, detail: { method: 'recoveryCode', reason: 'wrong-recovery-code' } });
        throw new ClinicFailure('UNAUTHENTICATED', 'That recovery code does not open this clinic database. Check it against the printout.');
      }
      if (databaseProblem()) throw new ClinicFailure('CONFLICT', DAMAGED_DATABASE);
      const database = await ensureOpen(dbKey);
      const admin = await findStaffUserByUsername(database.db, normalizeUsername(input.username));
      if (!admin || admin.role !== 'admin' || admin.status !== 'active') {
        await auditSignInFailure(input.username, { userId: admin?.id ?? null, detail: { method: 'recoveryCode', reason: 'not-an-active-administrator' } });
        if (sessions.count() === 0) await closeDatabase();
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
      await auditSignIn(database.db, admin, 'auth.signIn', { method: 'recoveryCode' });
      return startSession(clientId, { ...admin, password_reset_required: 0 });
    });
  }

  async function changePassword(input: { currentPassword: string; newPassword: string }, session: Session): Promise<null> {
    return serialized(async () => {
      const ks = requireKeystore();
      const machine = await loadMachineSecret(dataDir, keychain);
      const unlocked = await unlockWithPassword(ks, session.username, input.currentPassword, machine.secret);
      if (!unlocked.ok || unlocked.userId !== session.userId) {
        throw new ClinicFailure('VALIDATION', 'The current password is not right.', [{ path: 'currentPassword', message: 'This is not your current password.' }]);
      }
      const at = now();
      const next = await withUserSlot(ks, { dbKey: unlocked.dbKey, user: { userId: session.userId, username: session.username }, password: input.newPassword, machineSecret: machine.secret, scrypt, now: at });
      unlocked.dbKey.fill(0);
      writeKeystoreFile(ksFile, next);
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
    return serialized(async () => {
      if (!open) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
      const ks = requireKeystore();
      const machine = await loadMachineSecret(dataDir, keychain);
      const next = await withUserSlot(ks, { dbKey: open.dbKey, user, password, machineSecret: machine.secret, scrypt, now: now() });
      writeKeystoreFile(ksFile, clearFailures(next, user.username));
    });
  }

  /** Removes a staff member's key slot (deactivation): their password no longer opens anything. */
  async function removeStaffSlot(userId: string): Promise<void> {
    return serialized(async () => {
      writeKeystoreFile(ksFile, withoutUserSlot(requireKeystore(), userId));
    });
  }

  /** An administrator lifts a sign-in lockout. Returns whether the account was locked. */
  async function unlockAccount(username: string): Promise<boolean> {
    return serialized(async () => {
      const ks = requireKeystore();
      const wasLocked = lockedUntil(ks, username, now()) !== null;
      writeKeystoreFile(ksFile, clearFailures(ks, username));
      return wasLocked;
    });
  }

  /** When the account is locked out of sign-in, until when (epoch ms); null when it is not. */
  function accountLockedUntil(username: string): number | null {
    const ks = keystore();
    return ks ? lockedUntil(ks, username, now()) : null;
  }

  /** Whether `password` is the signed-in user's current password (before a PIN is set, for example). */
  async function verifyOwnPassword(session: Session, password: string): Promise<boolean> {
    return serialized(async () => {
      const machine = await loadMachineSecret(dataDir, keychain);
      const unlocked = await unlockWithPassword(requireKeystore(), session.username, password, machine.secret);
      if (unlocked.ok) unlocked.dbKey.fill(0);
      return unlocked.ok && unlocked.userId === session.userId;
    });
  }

  /** A copy of the open database's key, for a backup worker; the caller zeroes it when done. */
  function copyDatabaseKey(): Buffer {
    if (!open) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
    return Buffer.from(open.dbKey);
  }

  /**
   * Ends every session, closes the database and runs `swap` (a restore) while no sign-in can open it again:
   * it runs in the same queue as sign-in, setup and recovery.
   */
  async function withDatabaseClosed<T>(swap: () => Promise<T>): Promise<T> {
    return serialized(async () => {
      sessions.clearAll();
      await closeDatabase();
      return swap();
    });
  }

  /** The open database for a signed-in call; the dispatcher has already checked the session. */
  function database(): ClinicDatabase {
    if (!open) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
    return open;
  }

  /** Files in the data folder, for tests and the "cancelled setup leaves nothing" promise. */
  function dataFolderIsEmpty(): boolean {
    return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  }

  return {
    state,
    beginSetup,
    cancelSetup,
    completeSetup,
    signIn,
    signOut,
    recover,
    changePassword,
    setStaffPassword,
    verifyOwnPassword,
    copyDatabaseKey,
    withDatabaseClosed,
    removeStaffSlot,
    unlockAccount,
    accountLockedUntil,
    database,
    isOpen: () => open !== null,
    isSetUp: () => existsSync(ksFile),
    databaseProblem,
    /** After a restore replaced a damaged database. */
    clearDamage: () => {
      damagedAtOpen = false;
    },
    dataFolderIsEmpty,
    close: async () => {
      cancelSetup();
      await closeDatabase();
    },
  };
}

export type ClinicAccess = ReturnType<typeof createClinicAccess>;

function lockedFailure(until: number): ClinicFailure {
  return new ClinicFailure(
    'LOCKED',
    // The workstation's local time: the clinic's time zone lives inside the database, which is not open yet.
    `Too many failed sign-ins. This account is locked until ${new Date(until).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}. ` +
      'Try again then, or ask an administrator (who can also use the recovery code).',
  );
}
