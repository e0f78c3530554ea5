import type { Kysely } from 'kysely';
import type { AuditService } from './audit/service';
import type { ClinicAccess } from './auth/clinic-access';
import type { Database } from './db/schema';
import type { SessionStore } from './ipc/sessions';
import type { Logger } from './log';

/** Native pickers the shell passes in; each resolves to an absolute path, or null when cancelled. */
export interface FilePickers {
  chooseFolder(purpose: 'backup-folder'): Promise<string | null>;
  chooseFile(purpose: 'backup-file'): Promise<string | null>;
}

export const NO_PICKERS: FilePickers = { chooseFolder: async () => null, chooseFile: async () => null };

/**
 * What every area's handlers may use. Each area builds its handlers from this in its own
 * `<area>/handlers.ts`, and `index.ts` only puts them together, so a new area touches one line there.
 */
export interface CoreServices {
  dataDir: string;
  appVersion: string;
  access: ClinicAccess;
  sessions: SessionStore;
  log: Logger;
  now: () => number;
  /** The open database; throws UNAUTHENTICATED when nobody is signed in (the dispatcher checks first). */
  db: () => Kysely<Database>;
  /** Windows that report unsaved form changes (asked before an update restart). */
  unsavedClients: Set<string>;
  /** This computer's name, recorded with every audit entry. */
  workstation: string;
  /** The computer's file and folder pickers (Electron dialogs in the app; absent in the test host). */
  pickers: FilePickers;
  /** The audit trail: `audit.record(trx, session, event)` inside the transaction of the change it records. */
  audit: AuditService;
}
