import { existsSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { closeClinicDatabase, openClinicDatabase, type ClinicDatabase } from '../db/clinic-database';
import { ClinicFailure, StartupFailure } from '../errors';
import type { Logger } from '../log';
import { DAMAGED_DATABASE, databaseFileProblem, isDamageOnOpen, type DatabaseProblem } from './damaged-database';

/** The open database with a copy of its key (main process only; zeroed when it closes). */
export type OpenClinicDatabase = ClinicDatabase & { dbKey: Buffer };

/**
 * The clinic's database while someone is signed in: opened with the key a slot gave, kept with a copy of that key,
 * closed (key zeroed) after the last sign-out. Tells a damaged or missing database apart from a wrong password.
 */
export function createOpenDatabase({ dbFile, ksFile, log }: { dbFile: string; ksFile: string; log: Logger }) {
  let open: OpenClinicDatabase | null = null;
  /** Set when the right key could not open the database; cleared by a successful restore. */
  let damagedAtOpen = false;

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
        if (isDamageOnOpen(error)) {
          damagedAtOpen = true;
          throw new ClinicFailure('CONFLICT', DAMAGED_DATABASE);
        }
        throw new ClinicFailure(error.kind === 'DATABASE_TOO_NEW' ? 'CONFLICT' : 'INTERNAL', error.userMessage);
      }
      throw error;
    }
  }

  /** A database first-run setup has just created: it is open from now on, with a copy of `dbKey`. */
  function adopt(database: ClinicDatabase, dbKey: Buffer): void {
    open = { ...database, dbKey: Buffer.from(dbKey) };
  }

  async function close(): Promise<void> {
    if (!open) return;
    const closing = open;
    open = null;
    closing.dbKey.fill(0);
    await closeClinicDatabase(closing);
    log.info('closeDatabase', 'closed the clinic database after the last sign-out');
  }

  /**
   * A set-up clinic whose database file is gone, cut short, or failed to open with a key the key slots vouch for.
   * Checked without the key, so the sign-in screen can offer the backup at once.
   */
  function problem(): DatabaseProblem | null {
    if (open || !existsSync(ksFile)) return null;
    return databaseFileProblem(dbFile) ?? (damagedAtOpen ? 'damaged' : null);
  }

  /** The open database for a signed-in call; the dispatcher has already checked the session. */
  function required(): OpenClinicDatabase {
    if (!open) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
    return open;
  }

  return {
    openWithKey,
    adopt,
    close,
    problem,
    required,
    /** The open database, or null while nobody is signed in. */
    current: (): OpenClinicDatabase | null => open,
    /** After a restore replaced a damaged database. */
    clearDamage: () => {
      damagedAtOpen = false;
    },
  };
}

export type OpenDatabase = ReturnType<typeof createOpenDatabase>;
