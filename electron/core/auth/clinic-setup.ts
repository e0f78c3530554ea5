import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { SessionUser, SetupCompleteInput } from '../../../shared/contract/auth';
import { SETTINGS, writeSetting } from '../app/settings';
import { closeClinicDatabase, openClinicDatabase, type ClinicDatabase } from '../db/clinic-database';
import { ClinicFailure } from '../errors';
import { createKeystore, normalizeUsername } from '../keys/keystore';
import { writeKeystoreFile } from '../keys/keystore-file';
import { MACHINE_SECRET_FILE, newMachineSecret, writeMachineSecretFile } from '../keys/machine-secret';
import { canonicalRecoveryText, generateRecoveryCode, recoveryCodeGroups, RECOVERY_GROUP_COUNT } from '../keys/recovery-code';
import type { AccessContext } from './access-context';
import { startSession } from './sign-in';
import { insertStaffUser } from './staff-repository';

/** Recovery code and database key of a wizard in progress. Kept in main's memory only; nothing is on disk yet. */
interface PendingSetup {
  recoveryCode: string;
  dbKey: Buffer;
  confirmGroupIndexes: [number, number];
}

/**
 * First-run setup: a recovery code to print and confirm, then the database, the first administrator, the machine
 * secret and the key slots, all made in one go (or none of them).
 */
export function createClinicSetup(ctx: AccessContext) {
  const { dataDir, keychain, log, scrypt, now, ksFile, dbFile } = ctx;
  let pending: PendingSetup | null = null;

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
    return ctx.serialized(async () => {
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
          await ctx.audit.auditSignIn(trx, admin, 'auth.signIn', { method: 'setup' });
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
      ctx.database.adopt(database, setup.dbKey);
      setup.dbKey.fill(0);
      pending = null;
      log.info('completeSetup', 'clinic set up', { keychain: await keychain.status() });
      return startSession(ctx, database.db, clientId, { ...admin, password_reset_required: 0 });
    });
  }

  return { beginSetup, cancelSetup, completeSetup };
}
