import type { Kysely } from 'kysely';
import type { SessionState, SessionUser } from '../../../shared/contract/auth';
import { readSetting, SETTINGS } from '../app/settings';
import { readLastBackupPointer } from '../backup/last-backup-pointer';
import type { Database } from '../db/schema';
import type { Session } from '../ipc/sessions';
import { KEYCHAIN_WARNINGS, loadMachineSecret, type KeychainStatus } from '../keys/machine-secret';
import { hasPin, MAX_PIN_TRIES, pinAllowedToday } from '../lock/pin';
import type { AccessContext } from './access-context';
import { describeSessionUser } from './session-user';
import { findStaffUserById } from './staff-repository';

/** A PIN may resume a locked session only if the owner has one, has tries left, and it is still the clinic day they signed in. */
export async function pinUnlockAllowed(db: Kysely<Database>, session: Session, now = Date.now()): Promise<boolean> {
  if (session.pinFailures >= MAX_PIN_TRIES || !(await hasPin(db, session.userId))) return false;
  const timeZone = (await readSetting(db, SETTINGS.clinicTimeZone)) ?? 'UTC';
  return pinAllowedToday(session.startedAt, now, timeZone);
}

/**
 * What a window is told before it draws anything: set up or not, signed in, locked or out, the keychain's state,
 * whether only the recovery code can help, and a damaged or missing database with the last verified backup.
 */
export function createSessionState(ctx: AccessContext) {
  const { dataDir, keychain, sessions, now, database: openDb } = ctx;

  async function keychainState(): Promise<{ status: KeychainStatus; warning: string | null }> {
    const status = await keychain.status();
    return { status, warning: status === 'secure' ? null : KEYCHAIN_WARNINGS[status] };
  }

  async function state(clientId: string): Promise<SessionState> {
    const ks = ctx.keystore();
    const kc = await keychainState();
    if (!ks) return { phase: 'needs-setup', user: null, keychain: kc, recoveryRequired: false, pinUnlockAvailable: false, databaseProblem: null };
    const session = sessions.get(clientId);
    const machine = await loadMachineSecret(dataDir, keychain);
    const userSlots = ks.slots.filter((s) => s.kind === 'user');
    const recoveryRequired = userSlots.length > 0 && userSlots.every((s) => s.machineBound) && machine.secret === null;
    let user: SessionUser | null = null;
    const open = openDb.current();
    if (session && open) {
      const row = await findStaffUserById(open.db, session.userId);
      if (row) user = await describeSessionUser(open.db, row);
    }
    const locked = user !== null && session !== null && session.lockedAt !== null;
    const openNow = openDb.current(); // again: a sign-out may have closed it meanwhile
    const pinUnlockAvailable = locked && openNow !== null && session !== null && (await pinUnlockAllowed(openNow.db, session, now()));
    const problem = openDb.problem();
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

  return { state };
}
