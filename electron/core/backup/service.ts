import { mkdtemp, readdir, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { BackupListEntry, BackupSettings, BackupStatus } from '../../../shared/contract/backup';
import { recordAudit } from '../audit/record';
import type { AuditService, AuditedBy, AuditEvent } from '../audit/service';
import { DATABASE_FILE } from '../db/clinic-database';
import { SCHEMA_VERSION } from '../db/migrations';
import type { Database } from '../db/schema';
import { ClinicFailure } from '../errors';
import { errorKind, type Logger } from '../log';
import type { BackupAccessPort } from './access-port';
import { readLastBackupPointer, writeLastBackupPointer } from './last-backup-pointer';
import { BackupFailure, tooNewMessage, type BackupFailureCode } from './backup-failure';
import { backupFileName, parseBackupFileName } from './backup-names';
import { checkBackupFolder, readBackupSchedule, readBackupSettings, writeBackupSettings } from './backup-settings';
import type { BackupPhase } from './backup-file';
import { readBackupHeader, recoveryOnlyKeystore } from './format';
import {
  appendBackupRecord,
  failureSinceLastVerified,
  lastVerifiedBackup,
  readBackupHistory,
  writeBackupHistory,
  type BackupRecord,
  type BackupTrigger,
} from './history';
import { commitRestore, prepareRestore, type PreparedRestore, type RestoreKey } from './restore';
import { planRotation } from './rotation';
import { createWorkerRunner, type BackupProgress, type BackupTaskRunner } from './run-in-worker';
import { backupOnQuitWanted, isBackupStale, nextBackupDue } from './schedule';

/** After a failed automatic backup, wait this long before the schedule tries again. */
export const RETRY_AFTER_MS = 30 * 60 * 1000;
/** Who a scheduled or on-quit backup is attributed to in the audit trail. */
const SYSTEM_ACTOR = { userId: null, name: 'CareDesk (automatic backup)' };

export interface BackupServiceOptions {
  dataDir: string;
  appVersion: string;
  log: Logger;
  now: () => number;
  db: () => Kysely<Database>;
  port: BackupAccessPort;
  audit: Pick<AuditService, 'record' | 'workstation'>;
  /** The worker by default; tests may run the file work in-thread. */
  runner?: BackupTaskRunner;
}

export interface BackupSummary {
  fileName: string;
  path: string;
  createdAt: number;
  bytes: number;
  verified: true;
}

export interface RestoreInput {
  file: string;
  recoveryCode?: string | undefined;
}

export interface RestoreOutcome {
  restoredFile: string;
  backupCreatedAt: number;
  signInAgain: true;
  recoveryCodeSignInNeeded: boolean;
}

interface RunningJob {
  job: 'backup' | 'restore';
  phase: BackupPhase;
  percent: number;
  abort: AbortController;
  /** False once a restore starts replacing files. */
  cancellable: boolean;
  finished: Promise<void>;
}

export type ScheduledRun = 'ran' | 'failed' | 'not-due' | 'waiting-to-retry' | 'closed' | 'busy' | 'off';

/**
 * Backups and restores for the clinic: one job at a time, file work in the backup worker, results in app_meta
 * 'backup.history' and the audit trail. The database key is copied for the worker and zeroed after.
 */
export function createBackupService(options: BackupServiceOptions) {
  const { dataDir, appVersion, log, now, db, port, audit } = options;
  const runner = options.runner ?? createWorkerRunner();
  let running: RunningJob | null = null;

  function startJob(job: RunningJob['job']): { current: RunningJob; end: () => void } {
    if (running) {
      throw new ClinicFailure('CONFLICT', running.job === 'backup' ? 'A backup is already running. Wait for it to finish.' : 'A restore is running. Wait for it to finish.');
    }
    let end = () => undefined as void;
    const finished = new Promise<void>((resolve) => {
      end = resolve;
    });
    const current: RunningJob = { job, phase: job === 'backup' ? 'snapshot' : 'verify', percent: 0, abort: new AbortController(), cancellable: true, finished };
    running = current;
    return {
      current,
      end: () => {
        if (running === current) running = null;
        end();
      },
    };
  }

  const trackProgress = (current: RunningJob) => (progress: BackupProgress) => {
    current.phase = progress.phase;
    current.percent = progress.percent;
  };

  async function auditBackupEvent(database: Kysely<Database>, by: AuditedBy | null, event: AuditEvent): Promise<void> {
    try {
      if (by) await audit.record(database, by, event);
      else
        await recordAudit(database, {
          at: now(),
          actor: SYSTEM_ACTOR,
          workstation: audit.workstation,
          action: event.action,
          outcome: event.outcome ?? 'success',
          entityType: event.entityType ?? null,
          entityId: event.entityId ?? null,
          detail: event.detail ?? null,
        });
    } catch (error) {
      log.error('auditBackupEvent', 'could not record the backup in the audit trail', { kind: errorKind(error) });
    }
  }

  /** Makes a verified backup in the backup folder, records it, then rotates old ones. */
  async function runBackup(trigger: BackupTrigger, by: AuditedBy | null): Promise<BackupSummary> {
    const database = db();
    const schedule = await readBackupSchedule(database);
    if (!schedule.folder) throw new ClinicFailure('CONFLICT', 'Choose a backup folder first (Admin > Backups), then back up.');
    const folder = schedule.folder;
    const { current, end } = startJob('backup');
    const createdAt = now();
    const fileName = backupFileName(createdAt, schedule.timeZone);
    let dbKey: Buffer | null = null;
    let workDir: string | null = null;
    try {
      dbKey = port.copyDatabaseKey();
      const keystore = recoveryOnlyKeystore(port.keystore());
      workDir = await mkdtemp(join(tmpdir(), 'caredesk-backup-'));
      const created = await runner(
        { kind: 'create', databaseFile: join(dataDir, DATABASE_FILE), folder, fileName, appVersion, createdAt, keystore, workDir },
        dbKey,
        { onProgress: trackProgress(current), signal: current.abort.signal },
      );
      const record: BackupRecord = {
        fileName,
        path: created.file,
        createdAt,
        finishedAt: now(),
        verified: true,
        bytes: created.bytes,
        sha256: created.manifest.database.sha256,
        trigger,
        failure: null,
        message: null,
      };
      await appendBackupRecord(database, record, now());
      writeLastBackupPointer(dataDir, { file: created.file, fileName, createdAt });
      await auditBackupEvent(database, by, { action: 'backup', entityType: 'backup', entityId: fileName, detail: { trigger, bytes: created.bytes } });
      log.info('runBackup', 'verified backup written', { trigger, bytes: created.bytes });
      await rotate(folder, schedule.timeZone, fileName);
      return { fileName, path: created.file, createdAt, bytes: created.bytes, verified: true };
    } catch (error) {
      const failure = backupFailureOf(error);
      log.error('runBackup', 'backup failed', { trigger, code: failure.code, kind: errorKind(error) });
      const message = messageForBackup(failure);
      try {
        await appendBackupRecord(
          database,
          { fileName, path: join(folder, fileName), createdAt, finishedAt: now(), verified: false, bytes: null, sha256: null, trigger, failure: failure.code, message },
          now(),
        );
      } catch (recordError) {
        log.error('runBackup', 'could not record the failed backup', { kind: errorKind(recordError) });
      }
      await auditBackupEvent(database, by, { action: 'backup', outcome: 'failure', entityType: 'backup', entityId: fileName, detail: { trigger, reason: failure.code } });
      if (error instanceof ClinicFailure) throw error;
      throw new ClinicFailure(failure.code === 'FAILED' ? 'INTERNAL' : 'CONFLICT', message);
    } finally {
      dbKey?.fill(0);
      if (workDir) await rm(workDir, { recursive: true, force: true });
      end();
    }
  }

  /** Rotation after a verified backup. Never removes the last verified backup or the newest file; failures are only logged. */
  async function rotate(folder: string, timeZone: string, justWritten: string): Promise<void> {
    try {
      const names = (await readdir(folder)).filter((name) => parseBackupFileName(name) !== null);
      const lastVerified = lastVerifiedBackup((await readBackupHistory(db())).filter((r) => r.path === join(folder, r.fileName) && names.includes(r.fileName)));
      const newest = [...names].sort().at(-1);
      const protect = [justWritten, ...(lastVerified ? [lastVerified.fileName] : []), ...(newest ? [newest] : [])];
      const plan = planRotation({ fileNames: names, now: now(), timeZone, protect });
      let removed = 0;
      for (const name of plan.remove) {
        try {
          await unlink(join(folder, name));
          removed += 1;
        } catch (error) {
          log.warn('rotate', 'could not remove an old backup', { kind: errorKind(error) });
        }
      }
      if (removed > 0) log.info('rotate', 'removed old backups', { removed, kept: plan.keep.length });
    } catch (error) {
      log.warn('rotate', 'could not rotate old backups', { kind: errorKind(error) });
    }
  }

  async function status(): Promise<BackupStatus> {
    const database = db();
    const [schedule, history] = await Promise.all([readBackupSchedule(database), readBackupHistory(database)]);
    const last = lastVerifiedBackup(history);
    const failed = failureSinceLastVerified(history);
    const at = now();
    return {
      folder: schedule.folder,
      lastVerifiedAt: last?.createdAt ?? null,
      lastVerifiedFile: last?.fileName ?? null,
      stale: isBackupStale(at, last?.createdAt ?? null),
      nextDueAt: nextBackupDue(at, schedule, last?.createdAt ?? null),
      lastFailure: failed ? { at: failed.finishedAt, message: failed.message ?? 'The last backup did not complete.' } : null,
      running: running ? { job: running.job, phase: running.phase, percent: running.percent } : null,
    };
  }

  /** Backups in the folder, newest first, from their descriptions (read with async I/O; no key needed). */
  async function list(): Promise<{ folder: string | null; backups: BackupListEntry[] }> {
    const database = db();
    const [settings, history] = await Promise.all([readBackupSettings(database), readBackupHistory(database)]);
    if (!settings.folder) return { folder: null, backups: [] };
    let names: string[];
    try {
      names = (await readdir(settings.folder)).filter((name) => parseBackupFileName(name) !== null);
    } catch {
      throw new ClinicFailure('CONFLICT', new BackupFailure('FOLDER_MISSING').message);
    }
    const backups: BackupListEntry[] = [];
    for (const fileName of names.sort().reverse()) {
      const path = join(settings.folder, fileName);
      let bytes = 0;
      try {
        bytes = (await stat(path)).size;
        const { manifest } = await readBackupHeader(path);
        backups.push({
          fileName,
          path,
          createdAt: manifest.createdAt,
          bytes,
          appVersion: manifest.appVersion,
          schemaVersion: manifest.schemaVersion,
          verifiedHere: history.some((r) => r.verified && r.path === path && r.bytes === bytes),
          problem: manifest.schemaVersion > SCHEMA_VERSION ? tooNewMessage(manifest.schemaVersion, SCHEMA_VERSION) : null,
        });
      } catch (error) {
        const problem = error instanceof BackupFailure ? error.message : new BackupFailure('DAMAGED').message;
        backups.push({ fileName, path, createdAt: null, bytes, appVersion: null, schemaVersion: null, verifiedHere: false, problem });
      }
    }
    return { folder: settings.folder, backups };
  }

  async function getSettings(): Promise<BackupSettings> {
    return readBackupSettings(db());
  }

  async function setSettings(input: BackupSettings, by: AuditedBy): Promise<BackupSettings> {
    if (input.folder !== null) await checkBackupFolder(input.folder, dataDir);
    const database = db();
    await writeBackupSettings(database, input, now());
    await auditBackupEvent(database, by, { action: 'settings.change', entityType: 'settings', entityId: 'backup', detail: { fields: ['folder', 'dailyAt', 'onQuit'] } });
    return readBackupSettings(database);
  }

  /**
   * Verifies the backup (nothing changes until it passes), then swaps it in with the database closed.
   * This clinic's backups open with the current key; another clinic's need its recovery code, and then its
   * recovery slot becomes this computer's keystore (the administrator signs in with the recovery code next).
   */
  async function restore(input: RestoreInput, by: AuditedBy): Promise<RestoreOutcome> {
    const { current, end } = startJob('restore');
    let prepared: PreparedRestore | null = null;
    let dbKey: Buffer | null = null;
    try {
      const header = await readBackupHeader(input.file);
      const sameClinic = header.keystore.keystoreId === port.keystore().keystoreId;
      if (!sameClinic && !input.recoveryCode) {
        const message = "This backup comes from another clinic's database. Enter that clinic's recovery code to restore it.";
        throw new ClinicFailure('VALIDATION', message, [{ path: 'recoveryCode', message }]);
      }
      let key: RestoreKey;
      if (input.recoveryCode) key = { kind: 'recoveryCode', recoveryCode: input.recoveryCode };
      else {
        dbKey = port.copyDatabaseKey();
        key = { kind: 'databaseKey', dbKey };
      }
      prepared = await prepareRestore({ dataDir, file: input.file, key, runner, now, onProgress: trackProgress(current), signal: current.abort.signal });
      dbKey?.fill(0);
      if (current.abort.signal.aborted) throw new BackupFailure('CANCELLED');

      // From here on the restore runs to the end or is undone: it is no longer cancellable.
      current.cancellable = false;
      current.phase = 'restore';
      const historyBefore = await readBackupHistory(db());
      const ready = prepared;
      await port.withDatabaseClosed(
        () =>
          commitRestore(ready, {
            dataDir,
            now,
            log,
            ...(sameClinic ? {} : { installKeystore: () => ready.backupKeystore }),
            afterOpen: async (restored) => {
              await writeBackupHistory(restored.db, [...(await readBackupHistory(restored.db)), ...historyBefore], now());
              await recordAudit(restored.db, {
                at: now(),
                actor: { userId: by.userId, name: by.displayName },
                workstation: audit.workstation,
                action: 'restore',
                outcome: 'success',
                entityType: 'backup',
                entityId: basename(input.file),
                detail: { backupCreatedAt: ready.manifest.createdAt, schemaVersion: ready.manifest.schemaVersion, otherClinic: !sameClinic },
              });
            },
          }),
      );
      current.percent = 100;
      log.warn('restore', 'the clinic database was restored from a backup; everyone signs in again', { otherClinic: !sameClinic });
      return { restoredFile: basename(input.file), backupCreatedAt: ready.manifest.createdAt, signInAgain: true, recoveryCodeSignInNeeded: !sameClinic };
    } catch (error) {
      log.error('restore', 'restore did not happen', { kind: errorKind(error) });
      if (port.isOpen()) await auditBackupEvent(db(), by, { action: 'restore', outcome: 'failure', entityType: 'backup', entityId: basename(input.file), detail: { reason: errorKind(error) } });
      throw restoreFailure(error);
    } finally {
      dbKey?.fill(0);
      prepared?.dispose();
      end();
    }
  }

  function cancel(): boolean {
    if (!running || !running.cancellable) return false;
    running.abort.abort();
    return true;
  }

  /**
   * The clinic database is missing or damaged: restore the last verified backup, opened with the recovery code
   * (nobody can sign in, so the code is the administrator's proof). The damaged file is kept aside as
   * `caredesk.db.damaged-<ts>`, never overwritten; the keystore stays (same clinic). Everyone then signs in.
   */
  async function restoreAfterDamage(recoveryCode: string): Promise<{ fileName: string; backupCreatedAt: number }> {
    if (!port.databaseProblem()) throw new ClinicFailure('CONFLICT', 'The clinic database is fine: sign in, then restore from Admin > Backups if you need to.');
    const pointer = readLastBackupPointer(dataDir);
    if (!pointer) throw new ClinicFailure('NOT_FOUND', 'CareDesk knows of no verified backup on this computer. Contact support to restore from a backup file.');
    const { current, end } = startJob('restore');
    let prepared: PreparedRestore | null = null;
    try {
      prepared = await prepareRestore({
        dataDir,
        file: pointer.file,
        key: { kind: 'recoveryCode', recoveryCode },
        runner,
        now,
        onProgress: trackProgress(current),
        signal: current.abort.signal,
      });
      const ready = prepared;
      current.cancellable = false;
      await port.withDatabaseClosed(() =>
        commitRestore(ready, {
          dataDir,
          now,
          log,
          keepReplacedAsDamaged: true,
          afterOpen: async (restored) => {
            await recordAudit(restored.db, {
              at: now(),
              actor: { userId: null, name: 'Recovery code' },
              workstation: audit.workstation,
              action: 'restore',
              outcome: 'success',
              entityType: 'backup',
              entityId: pointer.fileName,
              detail: { reason: 'damaged-database', backupCreatedAt: ready.manifest.createdAt },
            });
          },
        }),
      );
      port.clearDamage();
      log.warn('restoreAfterDamage', 'restored the last verified backup over a damaged database (kept aside)');
      return { fileName: pointer.fileName, backupCreatedAt: ready.manifest.createdAt };
    } catch (error) {
      log.error('restoreAfterDamage', 'restore did not happen', { kind: errorKind(error) });
      throw restoreFailure(error);
    } finally {
      prepared?.dispose();
      end();
    }
  }

  /** For the timer: a daily backup when one is due, the database is open and no job runs; waits after a failure. */
  async function runIfDue(): Promise<ScheduledRun> {
    if (!port.isOpen()) return 'closed';
    if (running) return 'busy';
    const database = db();
    const [schedule, history] = await Promise.all([readBackupSchedule(database), readBackupHistory(database)]);
    const at = now();
    const due = nextBackupDue(at, schedule, lastVerifiedBackup(history)?.createdAt ?? null);
    if (due === null || due > at) return 'not-due';
    const failed = failureSinceLastVerified(history);
    if (failed && at - failed.finishedAt < RETRY_AFTER_MS) return 'waiting-to-retry';
    try {
      await runBackup('daily', null);
      return 'ran';
    } catch {
      return 'failed';
    }
  }

  /** For the shell, before it closes the database on quit: waits for a running job, then backs up if the setting says so. */
  async function backupBeforeQuit(): Promise<ScheduledRun> {
    await whenIdle();
    if (!port.isOpen()) return 'closed';
    if (!backupOnQuitWanted(await readBackupSettings(db()))) return 'off';
    try {
      await runBackup('quit', null);
      return 'ran';
    } catch {
      return 'failed';
    }
  }

  async function whenIdle(): Promise<void> {
    while (running) await running.finished;
  }

  return {
    runNow: (by: AuditedBy) => runBackup('manual', by),
    runBackup,
    status,
    list,
    getSettings,
    setSettings,
    restore,
    restoreAfterDamage,
    cancel,
    runIfDue,
    backupBeforeQuit,
    whenIdle,
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

function backupFailureOf(error: unknown): BackupFailure {
  if (error instanceof BackupFailure) return error;
  return new BackupFailure('FAILED', error instanceof ClinicFailure ? error.message : undefined);
}

const VERIFICATION_CODES: readonly BackupFailureCode[] = ['MANIFEST_MISMATCH', 'CHECKSUM_MISMATCH', 'KEY_MISMATCH', 'INTEGRITY_FAILED', 'COUNTS_MISMATCH', 'TRUNCATED', 'DAMAGED', 'NOT_A_BACKUP'];

/** A failed backup in words for the Admin screen (a file that failed its own verification was removed, never kept). */
function messageForBackup(failure: BackupFailure): string {
  if (VERIFICATION_CODES.includes(failure.code)) {
    return 'The backup was written but did not pass verification, so it was removed (the drive may be failing). Try again, or choose another folder.';
  }
  if (failure.code === 'CANCELLED') return 'The backup was cancelled. Nothing was saved.';
  return failure.message;
}

const FILE_CODES: readonly BackupFailureCode[] = [...VERIFICATION_CODES, 'TOO_NEW', 'FILE_MISSING'];

/** A restore that did not happen, as the IPC answer: problems with the chosen file point at the file field. */
function restoreFailure(error: unknown): ClinicFailure {
  if (error instanceof ClinicFailure) return error;
  if (error instanceof BackupFailure) {
    if (FILE_CODES.includes(error.code)) return new ClinicFailure('VALIDATION', error.message, [{ path: 'file', message: error.message }]);
    if (error.code === 'WRONG_RECOVERY_CODE') return new ClinicFailure('VALIDATION', error.message, [{ path: 'recoveryCode', message: error.message }]);
    if (error.code === 'FAILED') return new ClinicFailure('INTERNAL', 'The restore could not be completed. The previous clinic database was kept. Sign in again and retry.');
    return new ClinicFailure('CONFLICT', error.message);
  }
  return new ClinicFailure('INTERNAL', 'The restore could not be completed. The previous clinic database was kept. Sign in again and retry.');
}
