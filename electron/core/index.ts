import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { contract, type Contract } from '../../shared/contract';
import { readSetting, SETTINGS } from './app/settings';
import { appHandlers } from './app/handlers';
import { auditHandlers } from './audit/handlers';
import { createAuditService } from './audit/service';
import { createClinicAccess, type ClinicAccess } from './auth/clinic-access';
import { authHandlers } from './auth/handlers';
import { accessPort } from './backup/access-port';
import { backupHandlers } from './backup/handlers';
import { finishInterruptedRestore } from './backup/restore';
import { startBackupSchedule } from './backup/scheduler';
import { createBackupService } from './backup/service';
import type { SqliteDatabase } from './db/open';
import type { Database } from './db/schema';
import { createDispatcher, type Dispatcher, type HandlersFor } from './ipc/dispatcher';
import type { AppOrigin } from './ipc/origin';
import { createSessionStore, type SessionStore } from './ipc/sessions';
import type { ScryptParams } from './keys/kdf';
import { keystorePath, readKeystoreFile } from './keys/keystore-file';
import type { OsKeychain } from './keys/machine-secret';
import type { Logger } from './log';
import { NO_PICKERS, type CoreServices, type FilePickers } from './services';
import { staffHandlers } from './staff/handlers';
import { settingsHandlers } from './settings/handlers';
import { lockHandlers } from './lock/handlers';
import { patientsHandlers } from './patients/handlers';
import { schedulingHandlers } from './scheduling/handlers';
import { tidyPatientSearchIndex } from './patients/search/maintenance';

export { DATABASE_FILE } from './db/clinic-database';

export interface ClinicCoreOptions {
  dataDir: string;
  appVersion: string;
  /** The OS keychain (Electron safeStorage in the app; a folder stand-in in tests and the test host). */
  keychain: OsKeychain;
  origin: AppOrigin;
  log: Logger;
  /** Key-slot cost; production unless a test passes cheaper parameters. */
  scrypt?: ScryptParams;
  clock?: () => number;
  /** The computer's folder and file pickers (Electron dialogs); without them the screens ask for a typed path. */
  pickers?: FilePickers;
  /** False turns the once-a-minute daily-backup check off (tests that control time themselves). */
  backupSchedule?: boolean;
  /** This computer's name for the audit trail (the shell passes os.hostname()); defaults to os.hostname(). */
  workstation?: string;
}

/** Everything the Electron shell and the test host need from the core. */
export interface ClinicCore {
  dispatcher: Dispatcher;
  sessions: SessionStore;
  access: ClinicAccess;
  /** The open database (only while someone is signed in). Throws UNAUTHENTICATED otherwise. */
  readonly db: Kysely<Database>;
  readonly sqlite: SqliteDatabase;
  /** True while any window reports a form with unsaved changes (asked before an update restart). */
  hasUnsavedWork(): boolean;
  /** Administrator setting: automatic updates on (default) or off for managed PCs. Null when unknown (nobody has signed in yet). */
  automaticUpdatesEnabled(): Promise<boolean | null>;
  /** A window went away: its session and unsaved-work flag go with it. */
  forgetClient(clientId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the core: checks the keystore can be read (a damaged one is a start-up failure with its own dialog)
 * and wires every channel. The database itself opens at setup or sign-in, never before.
 */
export async function startClinicCore(options: ClinicCoreOptions): Promise<ClinicCore> {
  const { dataDir, log } = options;
  finishInterruptedRestore(dataDir, log); // a restore cut off by a crash: put the old database back or finish cleaning up
  readKeystoreFile(keystorePath(dataDir)); // throws StartupFailure('KEYSTORE_DAMAGED') before any window opens

  const sessions = createSessionStore();
  const workstation = options.workstation ?? hostname();
  const access = createClinicAccess({
    workstation,
    dataDir,
    keychain: options.keychain,
    sessions,
    log,
    ...(options.scrypt ? { scrypt: options.scrypt } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const unsavedClients = new Set<string>();
  let automaticUpdates: boolean | null = null;
  const now = options.clock ?? (() => Date.now());
  const audit = createAuditService({ workstation, now, db: () => access.database().db });
  const services: CoreServices = {
    dataDir,
    appVersion: options.appVersion,
    access,
    sessions,
    log,
    now,
    db: () => access.database().db,
    unsavedClients,
    workstation,
    audit,
    pickers: options.pickers ?? NO_PICKERS,
  };

  const backup = createBackupService({
    dataDir,
    appVersion: options.appVersion,
    log,
    now,
    db: services.db,
    port: accessPort(access, dataDir),
    audit,
  });
  // Daily backups: checked once a minute, run while someone is signed in (a backup needs the key).
  const backupSchedule = options.backupSchedule === false ? null : startBackupSchedule({
    runIfDue: backup.runIfDue,
    log,
    // The quiet moment after the nightly backup: merge the patient search index (see docs/PERFORMANCE.md).
    afterScheduledBackup: async () => void (await tidyPatientSearchIndex(services.db)),
  });

  const handlers: HandlersFor<Contract> = {
    app: appHandlers(services),
    audit: auditHandlers(services),
    ...authHandlers(services),
    staff: staffHandlers(services),
    settings: settingsHandlers(services),
    ...lockHandlers(services),
    backup: backupHandlers(services, backup),
    patients: patientsHandlers(services),
    scheduling: schedulingHandlers(services),
  };
  const dispatcher = createDispatcher({ contract, handlers, sessions, origin: options.origin, log, onDenied: audit.recordDenied });
  log.info('startClinicCore', 'core started', { setUp: access.isSetUp() });

  return {
    dispatcher,
    sessions,
    access,
    get db() {
      return access.database().db;
    },
    get sqlite() {
      return access.database().sqlite;
    },
    hasUnsavedWork: () => unsavedClients.size > 0,
    async automaticUpdatesEnabled() {
      // Read while the database is open; remembered for checks made while nobody is signed in.
      if (access.isOpen()) automaticUpdates = (await readSetting(access.database().db, SETTINGS.automaticUpdates)) !== 'off';
      return automaticUpdates;
    },
    async forgetClient(clientId) {
      unsavedClients.delete(clientId);
      if (sessions.get(clientId)) await access.signOut(clientId);
    },
    async close() {
      backupSchedule?.stop();
      // "Back up on quit" (when the administrator turned it on and someone is still signed in), then close.
      const onQuit = await backup.backupBeforeQuit().catch(() => 'failed' as const);
      if (onQuit === 'failed') log.error('close', 'the backup on quit did not complete');
      await access.close();
    },
  };
}
