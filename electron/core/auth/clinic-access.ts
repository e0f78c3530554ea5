import { existsSync, readdirSync } from 'node:fs';
import type { ClinicDatabase } from '../db/clinic-database';
import { createAccessContext, type ClinicAccessOptions } from './access-context';
import { createClinicSetup } from './clinic-setup';
import { createKeySlots } from './key-slots';
import { createSessionState } from './session-state';
import { createSignIn } from './sign-in';

export type { ClinicAccessOptions } from './access-context';
export { DAMAGED_DATABASE } from './damaged-database';
export { pinUnlockAllowed } from './session-state';
export { WRONG_CREDENTIALS } from './sign-in';

/**
 * Who may open the clinic's database: first-run setup, sign-in, recovery, password change and sign-out.
 * The database key and the machine secret stay inside electron/core/auth (main process only).
 *
 * Put together from one job per module: session-state.ts (what a window is told), clinic-setup.ts (first run),
 * sign-in.ts (sign-in, sign-out, recovery), key-slots.ts (passwords, slots, lockouts), open-database.ts and
 * damaged-database.ts (the open database and its key; a damaged or missing file), sign-in-audit.ts (the trail).
 * They share access-context.ts: the files, the open database and one queue, so these steps run one at a time.
 */
export function createClinicAccess(options: ClinicAccessOptions) {
  const ctx = createAccessContext(options);
  const { dataDir, sessions, ksFile, database: openDb } = ctx;
  const setup = createClinicSetup(ctx);
  const signIn = createSignIn(ctx);
  const keySlots = createKeySlots(ctx);

  /** A copy of the open database's key, for a backup worker; the caller zeroes it when done. */
  function copyDatabaseKey(): Buffer {
    return Buffer.from(openDb.required().dbKey);
  }

  /**
   * Ends every session, closes the database and runs `swap` (a restore) while no sign-in can open it again:
   * it runs in the same queue as sign-in, setup and recovery.
   */
  async function withDatabaseClosed<T>(swap: () => Promise<T>): Promise<T> {
    return ctx.serialized(async () => {
      sessions.clearAll();
      await openDb.close();
      return swap();
    });
  }

  /** The open database for a signed-in call; the dispatcher has already checked the session. */
  function database(): ClinicDatabase {
    return openDb.required();
  }

  /** Files in the data folder, for tests and the "cancelled setup leaves nothing" promise. */
  function dataFolderIsEmpty(): boolean {
    return !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  }

  return {
    state: createSessionState(ctx).state,
    beginSetup: setup.beginSetup,
    cancelSetup: setup.cancelSetup,
    completeSetup: setup.completeSetup,
    signIn: signIn.signIn,
    signOut: signIn.signOut,
    recover: signIn.recover,
    changePassword: keySlots.changePassword,
    setStaffPassword: keySlots.setStaffPassword,
    verifyOwnPassword: keySlots.verifyOwnPassword,
    copyDatabaseKey,
    withDatabaseClosed,
    removeStaffSlot: keySlots.removeStaffSlot,
    unlockAccount: keySlots.unlockAccount,
    accountLockedUntil: keySlots.accountLockedUntil,
    database,
    isOpen: () => openDb.current() !== null,
    isSetUp: () => existsSync(ksFile),
    databaseProblem: openDb.problem,
    /** After a restore replaced a damaged database. */
    clearDamage: openDb.clearDamage,
    dataFolderIsEmpty,
    close: async () => {
      setup.cancelSetup();
      await openDb.close();
    },
  };
}

export type ClinicAccess = ReturnType<typeof createClinicAccess>;
