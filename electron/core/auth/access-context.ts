import { hostname } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../db/clinic-database';
import { ClinicFailure } from '../errors';
import type { SessionStore } from '../ipc/sessions';
import { PRODUCTION_SCRYPT, type ScryptParams } from '../keys/kdf';
import type { Keystore } from '../keys/keystore';
import { keystorePath, readKeystoreFile } from '../keys/keystore-file';
import type { OsKeychain } from '../keys/machine-secret';
import type { Logger } from '../log';
import { createOpenDatabase, type OpenDatabase } from './open-database';
import { createSignInAudit, type SignInAudit } from './sign-in-audit';

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

/** What setup, sign-in and the key-slot changes share: the files, the open database, the trail and one queue. */
export interface AccessContext {
  dataDir: string;
  keychain: OsKeychain;
  sessions: SessionStore;
  log: Logger;
  scrypt: ScryptParams;
  now: () => number;
  workstation: string;
  /** The key slots file (`caredesk.keystore`); its presence means "set up". */
  ksFile: string;
  dbFile: string;
  database: OpenDatabase;
  audit: SignInAudit;
  /** Sign-in, recovery, setup and key-slot changes run one at a time: no parallel guessing, no lost keystore updates. */
  serialized<T>(work: () => Promise<T>): Promise<T>;
  keystore(): Keystore | null;
  /** The key slots, or CONFLICT when this computer has not been set up. */
  requireKeystore(): Keystore;
}

export function createAccessContext(options: ClinicAccessOptions): AccessContext {
  const { dataDir, keychain, sessions, log } = options;
  const now = options.clock ?? (() => Date.now());
  const workstation = options.workstation ?? hostname();
  const ksFile = keystorePath(dataDir);
  const dbFile = join(dataDir, DATABASE_FILE);
  const database = createOpenDatabase({ dbFile, ksFile, log });

  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const keystore = (): Keystore | null => readKeystoreFile(ksFile);

  return {
    dataDir,
    keychain,
    sessions,
    log,
    scrypt: options.scrypt ?? PRODUCTION_SCRYPT,
    now,
    workstation,
    ksFile,
    dbFile,
    database,
    audit: createSignInAudit({ now, workstation, log, database }),
    serialized,
    keystore,
    requireKeystore() {
      const ks = keystore();
      if (!ks) throw new ClinicFailure('CONFLICT', 'CareDesk has not been set up on this computer yet.');
      return ks;
    },
  };
}
