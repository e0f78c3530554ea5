import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { contract, type Contract } from '../../shared/contract';
import { readAppStatus } from './app/status';
import { createKysely, migrateToLatest } from './db/migrate';
import { openEncryptedDatabase, type SqliteDatabase } from './db/open';
import type { Database } from './db/schema';
import { createDispatcher, type Dispatcher, type HandlersFor } from './ipc/dispatcher';
import type { AppOrigin } from './ipc/origin';
import { createSessionStore, type SessionStore } from './ipc/sessions';
import type { DatabaseKeyProvider } from './keys/key-provider';
import type { Logger } from './log';

export const DATABASE_FILE = 'caredesk.db';

export interface ClinicCoreOptions {
  dataDir: string;
  appVersion: string;
  keyProvider: DatabaseKeyProvider;
  origin: AppOrigin;
  log: Logger;
}

/** Everything the Electron shell and the test host need from the core. */
export interface ClinicCore {
  dispatcher: Dispatcher;
  sessions: SessionStore;
  db: Kysely<Database>;
  sqlite: SqliteDatabase;
  /** True while any window reports a form with unsaved changes (asked before an update restart). */
  hasUnsavedWork(): boolean;
  /** Administrator setting: automatic updates on (default) or off for managed PCs. */
  automaticUpdatesEnabled(): Promise<boolean>;
  close(): Promise<void>;
}

export const SETTING_AUTOMATIC_UPDATES = 'updates.automatic';

/**
 * Opens (creating on first run) the encrypted database in dataDir, migrates it, and wires every channel's handler.
 * Throws StartupFailure with a user-facing message when the database cannot be opened; never overwrites data.
 */
export async function startClinicCore(options: ClinicCoreOptions): Promise<ClinicCore> {
  const { dataDir, keyProvider, log } = options;
  const file = join(dataDir, DATABASE_FILE);
  const isNew = !existsSync(file);
  if (isNew) mkdirSync(dataDir, { recursive: true });
  const key = isNew ? await keyProvider.newKey() : await keyProvider.existingKey();
  const sqlite = openEncryptedDatabase(file, key, { create: isNew });
  const db = createKysely(sqlite);
  try {
    const schemaVersion = await migrateToLatest(db, sqlite);
    log.info('startClinicCore', isNew ? 'created a new clinic database' : 'opened the clinic database', { schemaVersion, keyProvider: keyProvider.kind });
  } catch (error) {
    await db.destroy();
    // Kysely's destroy() is a no-op until Kysely has run a query, and the newer-version guard refuses before that.
    if (sqlite.open) sqlite.close();
    throw error;
  }

  const sessions = createSessionStore();
  const unsavedClients = new Set<string>();
  const handlers: HandlersFor<Contract> = {
    app: {
      status: () => readAppStatus(sqlite, dataDir, options.appVersion),
      setUnsavedWork: ({ unsaved }, { clientId }) => {
        if (unsaved) unsavedClients.add(clientId);
        else unsavedClients.delete(clientId);
        return null;
      },
    },
  };
  const dispatcher = createDispatcher({ contract, handlers, sessions, origin: options.origin, log });
  return {
    dispatcher,
    sessions,
    db,
    sqlite,
    hasUnsavedWork: () => unsavedClients.size > 0,
    async automaticUpdatesEnabled() {
      const row = await db.selectFrom('app_meta').select('value').where('key', '=', SETTING_AUTOMATIC_UPDATES).executeTakeFirst();
      return row?.value !== 'off';
    },
    async close() {
      await db.destroy(); // closes the driver connection too
      if (sqlite.open) sqlite.close();
    },
  };
}
