import type { ClinicAccess } from '../auth/clinic-access';
import { ClinicFailure } from '../errors';
import type { Keystore } from '../keys/keystore';
import { keystorePath, readKeystoreFile } from '../keys/keystore-file';

/**
 * What backups need from clinic-access, which owns the key and the open database. Kept to this one interface so
 * the backup area depends on nothing else of clinic-access.
 */
export interface BackupAccessPort {
  /** Whether the clinic database is open (someone is signed in): a backup needs its key. */
  isOpen(): boolean;
  /** A copy of the open database's key. The caller zeroes it when done. */
  copyDatabaseKey(): Buffer;
  /** The clinic keystore as it is on disk (a backup carries its id and recovery slot). */
  keystore(): Keystore;
  /**
   * Closes the clinic database, runs `swap` while nothing can open it, and leaves every session ended
   * (everyone signs in again: the restored staff list may differ).
   */
  withDatabaseClosed<T>(swap: () => Promise<T>): Promise<T>;
  /** Whether the clinic database is missing or damaged (see clinic-access). */
  databaseProblem(): 'missing' | 'damaged' | null;
  /** After a restore replaced the damaged database. */
  clearDamage(): void;
}

/** The port, provided natively by clinic-access (which owns the key and the sign-in queue). */
export function accessPort(access: ClinicAccess, dataDir: string): BackupAccessPort {
  return {
    isOpen: () => access.isOpen(),
    copyDatabaseKey: () => access.copyDatabaseKey(),
    keystore() {
      const keystore = readKeystoreFile(keystorePath(dataDir));
      if (!keystore) throw new ClinicFailure('CONFLICT', 'CareDesk has not been set up on this computer yet.');
      return keystore;
    },
    withDatabaseClosed: (swap) => access.withDatabaseClosed(swap),
    databaseProblem: () => access.databaseProblem(),
    clearDamage: () => access.clearDamage(),
  };
}
