import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { assertNotNewer } from '../db/migrate';
import { SCHEMA_VERSION } from '../db/migrations';
import { openEncryptedDatabase, type SqliteDatabase } from '../db/open';
import { StartupFailure } from '../errors';
import type { Keystore } from '../keys/keystore';
import { BackupFailure, failureForFileError, tooNewMessage } from './backup-failure';
import { encodeBackupHeader, manifestMatchesKey, readBackupHeaderSync, type BackupManifest } from './format';

/**
 * The file work of backups and restores: snapshot, package, verify. Synchronous and slow by design, so it runs
 * in the backup worker thread (worker.ts), never on the main thread; tests may also call it directly.
 * This is the one SQLite-specific corner of backups (VACUUM INTO, integrity_check, sqlite_master).
 */
export type BackupPhase = 'snapshot' | 'checksum' | 'write' | 'verify' | 'restore';

export interface TaskControl {
  /** Overall progress of the task, 0–100. */
  progress(phase: BackupPhase, percent: number): void;
  /** Throws BackupFailure('CANCELLED') once cancellation was asked for. Called between chunks. */
  checkpoint(): void;
}

export interface CreateBackupTask {
  kind: 'create';
  /** The live clinic database (opened read-only, with its own connection). */
  databaseFile: string;
  folder: string;
  fileName: string;
  appVersion: string;
  createdAt: number;
  /** The clinic keystore; only its recovery slot goes into the backup. */
  keystore: Keystore;
  /** A private temp folder for the snapshot and the verification copy (the caller removes it). */
  workDir: string;
}

export interface VerifyBackupTask {
  kind: 'verify';
  file: string;
  /** Leave the verified database copy here (restore staging). Null: copy into workDir and remove it afterwards. */
  stageAs: string | null;
  workDir: string;
}

export type BackupTask = CreateBackupTask | VerifyBackupTask;

export interface CreatedBackup {
  file: string;
  fileName: string;
  /** Size of the whole backup file. */
  bytes: number;
  manifest: BackupManifest;
}

export interface VerifiedBackup {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  stagedFile: string | null;
}

export type TaskResult<T extends BackupTask> = T extends CreateBackupTask ? CreatedBackup : VerifiedBackup;

const CHUNK = 1024 * 1024;
const PARTIAL_SUFFIX = '.partial';

/** Snapshot → checksum → package → verify the written file → give it its final name. Only a verified file gets the name. */
export function createBackupFile(task: CreateBackupTask, key: Uint8Array, control: TaskControl): CreatedBackup {
  const finalFile = join(task.folder, task.fileName);
  const partial = `${finalFile}${PARTIAL_SUFFIX}`;
  const snapshot = join(task.workDir, 'snapshot.db');
  try {
    control.progress('snapshot', 0);
    requireFolder(task.folder);
    if (existsSync(finalFile)) throw new BackupFailure('FILE_EXISTS');

    // VACUUM INTO from a keyed connection writes a compact, consistent copy encrypted with the same key and cipher
    // (SQLite3 Multiple Ciphers gives the target the main database's codec). The driver's backup() would not.
    withDatabase(task.databaseFile, key, 'FAILED', (source) => source.prepare('VACUUM INTO ?').run(snapshot));
    control.checkpoint();
    const contents = inspectDatabase(snapshot, key, 'FAILED');
    control.progress('snapshot', 25);

    const snapshotBytes = statSync(snapshot).size;
    const sha256 = hashFile(snapshot, (done) => control.progress('checksum', 25 + (15 * done) / snapshotBytes), control);
    const manifest: BackupManifest = {
      appVersion: task.appVersion,
      schemaVersion: contents.schemaVersion,
      createdAt: task.createdAt,
      tables: contents.tables,
      auditHead: contents.auditHead,
      database: { bytes: snapshotBytes, sha256, cipher: 'sqlcipher', legacy: 4 },
    };
    writePackage(partial, encodeBackupHeader(manifest, task.keystore, key), snapshot, snapshotBytes, (done) => control.progress('write', 40 + (20 * done) / snapshotBytes), control);
    rmSync(snapshot, { force: true });

    const verified = verifyBackup({ kind: 'verify', file: partial, stageAs: null, workDir: task.workDir }, key, control, { from: 60, to: 99 });
    if (verified.manifest.database.sha256 !== sha256) throw new BackupFailure('CHECKSUM_MISMATCH');
    control.checkpoint();
    if (existsSync(finalFile)) throw new BackupFailure('FILE_EXISTS');
    renameSync(partial, finalFile);
    fsyncFolder(task.folder);
    control.progress('verify', 100);
    return { file: finalFile, fileName: task.fileName, bytes: verified.bytes, manifest };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(snapshot, { force: true });
    throw failureForFileError(error);
  }
}

/**
 * Checks a backup file from end to end with the key: the description's MAC, the schema version, the size, the
 * SHA-256 of the database part, then opens that copy and runs integrity_check and compares the row counts.
 */
export function verifyBackupFile(task: VerifyBackupTask, key: Uint8Array, control: TaskControl): VerifiedBackup {
  return verifyBackup(task, key, control, { from: 0, to: 100 });
}

function verifyBackup(task: VerifyBackupTask, key: Uint8Array, control: TaskControl, range: { from: number; to: number }): VerifiedBackup {
  const at = (fraction: number) => range.from + (range.to - range.from) * fraction;
  control.progress('verify', at(0));
  const header = readBackupHeaderSync(task.file);
  if (!manifestMatchesKey(header, key)) throw new BackupFailure('MANIFEST_MISMATCH');
  const { manifest } = header;
  if (manifest.schemaVersion > SCHEMA_VERSION) throw new BackupFailure('TOO_NEW', tooNewMessage(manifest.schemaVersion, SCHEMA_VERSION));

  const copy = task.stageAs ?? join(task.workDir, 'verify.db');
  const input = openSync(task.file, 'r');
  let fileBytes: number;
  try {
    fileBytes = fstatSync(input).size;
    const expected = header.databaseOffset + manifest.database.bytes;
    if (fileBytes < expected) throw new BackupFailure('TRUNCATED');
    if (fileBytes > expected) throw new BackupFailure('DAMAGED');
    const output = openSync(copy, 'wx', 0o600);
    try {
      const hash = createHash('sha256');
      copyRange(input, header.databaseOffset, manifest.database.bytes, output, hash, control, (done) => control.progress('verify', at((0.6 * done) / manifest.database.bytes)));
      fsyncSync(output);
      if (hash.digest('hex') !== manifest.database.sha256) throw new BackupFailure('CHECKSUM_MISMATCH');
    } finally {
      closeSync(output);
    }
  } catch (error) {
    rmSync(copy, { force: true });
    throw failureForFileError(error, 'FAILED');
  } finally {
    closeSync(input);
  }

  try {
    control.checkpoint();
    const contents = inspectDatabase(copy, key, 'INTEGRITY_FAILED', { integrity: true, guardNewer: true });
    control.progress('verify', at(0.95));
    if (contents.schemaVersion !== manifest.schemaVersion || !sameCounts(contents.tables, manifest.tables)) throw new BackupFailure('COUNTS_MISMATCH');
    control.progress('verify', at(1));
    return { file: task.file, bytes: fileBytes, manifest, stagedFile: task.stageAs };
  } catch (error) {
    rmSync(copy, { force: true });
    throw failureForFileError(error);
  } finally {
    if (task.stageAs === null) rmSync(copy, { force: true });
  }
}

interface DatabaseContents {
  schemaVersion: number;
  tables: Record<string, number>;
  auditHead: string | null;
}

/** Opens a database copy read-only with the key and reads what the manifest records (and, when asked, checks it). */
function inspectDatabase(file: string, key: Uint8Array, damaged: 'FAILED' | 'INTEGRITY_FAILED', checks: { integrity?: boolean; guardNewer?: boolean } = {}): DatabaseContents {
  return withDatabase(file, key, damaged, (db) => {
    if (checks.guardNewer) {
      try {
        assertNotNewer(db);
      } catch (error) {
        if (error instanceof StartupFailure && error.kind === 'DATABASE_TOO_NEW') throw new BackupFailure('TOO_NEW', tooNewMessage(Number(db.pragma('user_version', { simple: true })), SCHEMA_VERSION));
        throw error;
      }
    }
    if (checks.integrity) {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok') throw new BackupFailure('INTEGRITY_FAILED');
    }
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name").pluck().all() as string[];
    const tables: Record<string, number> = {};
    for (const name of names) tables[name] = Number(db.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get());
    const hasMeta = names.includes('app_meta');
    const head = hasMeta ? (db.prepare("SELECT value FROM app_meta WHERE key = 'audit.head'").pluck().get() as string | undefined) : undefined;
    return { schemaVersion: Number(db.pragma('user_version', { simple: true })), tables, auditHead: head ?? null };
  });
}

/** Runs `use` on a read-only keyed connection, always closing it; driver errors become BackupFailures without their text. */
function withDatabase<T>(file: string, key: Uint8Array, damaged: 'FAILED' | 'INTEGRITY_FAILED', use: (db: SqliteDatabase) => T): T {
  let db: SqliteDatabase;
  try {
    db = openEncryptedDatabase(file, key, { create: false, readonly: true });
  } catch (error) {
    if (error instanceof StartupFailure && error.kind === 'WRONG_KEY') throw new BackupFailure('KEY_MISMATCH');
    throw new BackupFailure(damaged);
  }
  try {
    return use(db);
  } catch (error) {
    if (error instanceof BackupFailure) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^SQLITE_(FULL|IOERR)/.test(code)) throw failureForFileError({ code: code === 'SQLITE_FULL' ? 'ENOSPC' : 'EIO' });
    if (typeof code === 'string' && /^SQLITE_(CANTOPEN|READONLY)/.test(code)) throw new BackupFailure('FOLDER_NOT_WRITABLE');
    throw new BackupFailure(damaged);
  } finally {
    db.close();
  }
}

function sameCounts(actual: Record<string, number>, expected: Record<string, number>): boolean {
  const a = Object.keys(actual).sort();
  const e = Object.keys(expected).sort();
  return a.length === e.length && a.every((name, i) => name === e[i] && actual[name] === expected[name]);
}

function requireFolder(folder: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) throw new BackupFailure('FOLDER_MISSING');
}

function hashFile(file: string, onBytes: (done: number) => void, control: TaskControl): string {
  const fd = openSync(file, 'r');
  try {
    const hash = createHash('sha256');
    copyRange(fd, 0, fstatSync(fd).size, null, hash, control, onBytes);
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

function writePackage(partial: string, header: Buffer, snapshot: string, snapshotBytes: number, onBytes: (done: number) => void, control: TaskControl): void {
  const output = openSync(partial, 'wx', 0o600);
  try {
    writeAll(output, header);
    const input = openSync(snapshot, 'r');
    try {
      copyRange(input, 0, snapshotBytes, output, null, control, onBytes);
    } finally {
      closeSync(input);
    }
    fsyncSync(output);
  } finally {
    closeSync(output);
  }
}

/** Copies `length` bytes from `input` at `offset` to the end of `output` (if any), feeding `hash` (if any), chunk by chunk. */
function copyRange(input: number, offset: number, length: number, output: number | null, hash: Hash | null, control: TaskControl, onBytes: (done: number) => void): void {
  const buffer = Buffer.alloc(CHUNK);
  let done = 0;
  while (done < length) {
    control.checkpoint();
    const read = readSync(input, buffer, 0, Math.min(CHUNK, length - done), offset + done);
    if (read === 0) throw new BackupFailure('TRUNCATED');
    const chunk = buffer.subarray(0, read);
    hash?.update(chunk);
    if (output !== null) writeAll(output, chunk);
    done += read;
    onBytes(done);
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

function fsyncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; the rename is durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
