import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeClinicDatabase, DATABASE_FILE, openClinicDatabase, type ClinicDatabase } from '../db/clinic-database';
import { SCHEMA_VERSION } from '../db/migrations';
import { unlockWithRecoveryCode, type Keystore } from '../keys/keystore';
import { keystorePath, writeKeystoreFile } from '../keys/keystore-file';
import { normalizeRecoveryCode } from '../keys/recovery-code';
import { errorKind, type Logger } from '../log';
import { BackupFailure, tooNewMessage } from './backup-failure';
import { readBackupHeader, type BackupHeader, type BackupManifest } from './format';
import type { BackupTaskRunner, TaskOptions } from './run-in-worker';

/**
 * Restore in two steps, so nothing changes until the backup has proved itself:
 *
 *  1. prepareRestore: read the description, refuse a newer schema, get the key (this clinic's, or the backup's own
 *     recovery slot opened with the recovery code), then in the worker verify the whole file and leave the verified
 *     database copy in the data folder as `caredesk.db.restoring-<ts>`. The clinic's files are untouched.
 *  2. commitRestore (with the clinic database closed): set the current database aside as
 *     `caredesk.db.before-restore-<ts>`, put the verified copy in its place, open it (migrating an older backup) and
 *     check it; only then remove the set-aside copy. Any failure puts the old database (and keystore) back.
 *
 * clinic-access uses the same two steps for "restore on a new computer" (see installKeystore).
 */
export type RestoreKey = { kind: 'databaseKey'; dbKey: Uint8Array } | { kind: 'recoveryCode'; recoveryCode: string };

export interface PreparedRestore {
  readonly file: string;
  readonly header: BackupHeader;
  readonly manifest: BackupManifest;
  /** The backup's recovery slot as a keystore of its own (what a new computer's keystore starts from). */
  readonly backupKeystore: Keystore;
  /** The key that opens the backup; zeroed by dispose(). */
  readonly dbKey: Buffer;
  /** The verified database copy, in the data folder. */
  readonly stagedFile: string;
  /** Removes the staged copy if it was not used, and zeroes the key. Safe to call twice. */
  dispose(): void;
}

export interface PrepareRestoreOptions extends TaskOptions {
  dataDir: string;
  file: string;
  key: RestoreKey;
  runner: BackupTaskRunner;
  now: () => number;
}

export async function prepareRestore(options: PrepareRestoreOptions): Promise<PreparedRestore> {
  const header = await readBackupHeader(options.file);
  if (header.manifest.schemaVersion > SCHEMA_VERSION) throw new BackupFailure('TOO_NEW', tooNewMessage(header.manifest.schemaVersion, SCHEMA_VERSION));
  const dbKey = await restoreKey(header, options.key);
  mkdirSync(options.dataDir, { recursive: true });
  const stagedFile = join(options.dataDir, `${DATABASE_FILE}.restoring-${utcStamp(options.now())}`);
  const workDir = await mkdtemp(join(tmpdir(), 'caredesk-restore-'));
  try {
    const verified = await options.runner({ kind: 'verify', file: options.file, stageAs: stagedFile, workDir }, dbKey, options);
    let disposed = false;
    return {
      file: options.file,
      header,
      manifest: verified.manifest,
      backupKeystore: header.keystore,
      dbKey,
      stagedFile,
      dispose() {
        if (disposed) return;
        disposed = true;
        dbKey.fill(0);
        rmSync(stagedFile, { force: true });
      },
    };
  } catch (error) {
    dbKey.fill(0);
    rmSync(stagedFile, { force: true });
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function restoreKey(header: BackupHeader, key: RestoreKey): Promise<Buffer> {
  if (key.kind === 'databaseKey') return Buffer.from(key.dbKey);
  const code = normalizeRecoveryCode(key.recoveryCode);
  const dbKey = code ? await unlockWithRecoveryCode(header.keystore, code) : null;
  if (!dbKey) throw new BackupFailure('WRONG_RECOVERY_CODE');
  return dbKey;
}

export interface CommitRestoreOptions {
  dataDir: string;
  now: () => number;
  log: Logger;
  /**
   * Restoring another clinic's backup (a new computer): the keystore to install with the database, given the
   * restored database (open and checked). Written after the old keystore is set aside; put back on any failure.
   */
  installKeystore?: (database: ClinicDatabase) => Promise<Keystore> | Keystore;
  /** Runs on the restored database before the old one is removed (history, audit). Its failure undoes the restore. */
  afterOpen?: (database: ClinicDatabase) => Promise<void>;
  /** Return the restored database open (clinic-access adopts it); by default it is closed. */
  keepOpen?: boolean;
  /** Keep the replaced database as `caredesk.db.damaged-<ts>` instead of removing it (it was damaged: keep it for support). */
  keepReplacedAsDamaged?: boolean;
}

export interface CommittedRestore {
  /** Open only with keepOpen. */
  database: ClinicDatabase | null;
  manifest: BackupManifest;
}

const SIDE_FILES = ['', '-wal', '-shm'] as const;

/** Swaps the verified copy in. The clinic database must be closed (no connection may hold it). */
export async function commitRestore(prepared: PreparedRestore, options: CommitRestoreOptions): Promise<CommittedRestore> {
  const { dataDir, log } = options;
  const dbFile = join(dataDir, DATABASE_FILE);
  const ksFile = keystorePath(dataDir);
  const stamp = utcStamp(options.now());
  const asideDb = `${dbFile}.before-restore-${stamp}`;
  const asideKs = `${ksFile}.before-restore-${stamp}`;
  const moved: [from: string, to: string][] = [];
  const move = (from: string, to: string) => {
    renameSync(from, to);
    moved.push([from, to]);
  };
  let database: ClinicDatabase | null = null;
  let keystoreWritten = false;
  try {
    if (!existsSync(prepared.stagedFile)) throw new BackupFailure('FAILED');
    for (const suffix of SIDE_FILES) if (existsSync(`${dbFile}${suffix}`)) move(`${dbFile}${suffix}`, `${asideDb}${suffix}`);
    move(prepared.stagedFile, dbFile);

    database = await openClinicDatabase(dbFile, prepared.dbKey, { create: false });
    const check = database.sqlite.pragma('quick_check') as { quick_check: string }[];
    if (check.length !== 1 || check[0]?.quick_check !== 'ok') throw new BackupFailure('INTEGRITY_FAILED');

    if (options.installKeystore) {
      const keystore = await options.installKeystore(database);
      if (existsSync(ksFile)) move(ksFile, asideKs);
      keystoreWritten = true;
      writeKeystoreFile(ksFile, keystore);
    }
    await options.afterOpen?.(database);
  } catch (error) {
    log.error('commitRestore', 'restore failed; putting the previous database back', { kind: errorKind(error) });
    if (database) await closeClinicDatabase(database).catch(() => undefined);
    // What sits under the live names now is the restored copy (and the new keystore): remove it, then move the old back.
    for (const suffix of SIDE_FILES) rmSync(`${dbFile}${suffix}`, { force: true });
    if (keystoreWritten) rmSync(ksFile, { force: true });
    for (const [from, to] of moved.reverse()) {
      if (from !== prepared.stagedFile) renameSync(to, from);
    }
    throw error;
  }

  if (!options.keepOpen) {
    await closeClinicDatabase(database);
    database = null;
  }
  for (const suffix of SIDE_FILES) {
    if (!existsSync(`${asideDb}${suffix}`)) continue;
    if (options.keepReplacedAsDamaged) renameSync(`${asideDb}${suffix}`, `${dbFile}.damaged-${stamp}${suffix}`);
    else rmSync(`${asideDb}${suffix}`, { force: true });
  }
  rmSync(asideKs, { force: true });
  prepared.dispose();
  log.info('commitRestore', 'restored the clinic database from a backup', { schemaVersion: prepared.manifest.schemaVersion });
  return { database, manifest: prepared.manifest };
}

/**
 * At start-up, after a crash in the middle of a swap: if the database is missing but exactly one set-aside copy is
 * there, it goes back (the swap never finished; the keystore is only replaced after the swap). Staged copies left
 * by an unfinished restore are removed. For the shell to call before startClinicCore.
 */
export function finishInterruptedRestore(dataDir: string, log: Logger): 'nothing' | 'put-back' | 'cleaned' {
  if (!existsSync(dataDir)) return 'nothing';
  const dbFile = join(dataDir, DATABASE_FILE);
  const names = readdirSync(dataDir);
  const staged = names.filter((n) => n.startsWith(`${DATABASE_FILE}.restoring-`));
  for (const name of staged) rmSync(join(dataDir, name), { force: true });
  const asides = names.filter((n) => /^caredesk\.db\.before-restore-\d{8}-\d{6}$/.test(n));
  if (!existsSync(dbFile) && asides.length === 1) {
    const aside = join(dataDir, asides[0] as string);
    for (const suffix of SIDE_FILES) if (existsSync(`${aside}${suffix}`)) renameSync(`${aside}${suffix}`, `${dbFile}${suffix}`);
    log.warn('finishInterruptedRestore', 'an interrupted restore was undone: the previous database is back');
    return 'put-back';
  }
  return staged.length > 0 ? 'cleaned' : 'nothing';
}

/** YYYYMMDD-HHMMSS in UTC (set-aside and staging names; not shown to users). */
export function utcStamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
