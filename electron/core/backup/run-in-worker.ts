import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BackupFailure } from './backup-failure';
import { createBackupFile, verifyBackupFile, type BackupPhase, type BackupTask, type TaskControl, type TaskResult } from './backup-file';
import type { BackupWorkerData, BackupWorkerMessage } from './worker-protocol';

/**
 * The main thread's side of the backup worker: start it with the task and the key, relay its progress, cancel it.
 * The main thread does no file work of its own while a task runs, so the windows stay responsive.
 */
export interface BackupProgress {
  phase: BackupPhase;
  /** Overall, 0–100. */
  percent: number;
}

export interface TaskOptions {
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
}

/** Runs one backup task off the main thread. The tests' in-thread stand-in has the same shape. */
export type BackupTaskRunner = <T extends BackupTask>(task: T, key: Uint8Array, options?: TaskOptions) => Promise<TaskResult<T>>;

/** Built file of the Electron main bundle (electron.vite.config.ts, input `backupWorker`), beside index.js. */
export const BUILT_WORKER_FILE = 'backupWorker.js';
const SOURCE_WORKER_FILE = 'worker.ts';
/** After asking the worker to stop, how long to wait before terminating it (a VACUUM INTO cannot be interrupted). */
const TERMINATE_AFTER_MS = 10_000;

export interface WorkerEntry {
  file: string;
  execArgv: string[];
}

/**
 * Where the worker's code is. In the bundled app this module lives in out/main/index.js and the worker is
 * out/main/backupWorker.js beside it; under plain Node with tsx (tests, the test host) this module is
 * electron/core/backup/run-in-worker.ts and the worker is worker.ts beside it, loaded through tsx.
 */
export function backupWorkerEntry(dir: string = __dirname): WorkerEntry {
  const built = join(dir, BUILT_WORKER_FILE);
  if (existsSync(built)) return { file: built, execArgv: [] };
  const source = join(dir, SOURCE_WORKER_FILE);
  if (existsSync(source)) {
    const tsx = createRequire(source).resolve('tsx');
    return { file: source, execArgv: ['--import', pathToFileURL(tsx).href] };
  }
  throw new Error(`The backup worker was not found beside ${dir}`);
}

export function createWorkerRunner(entry: () => WorkerEntry = () => backupWorkerEntry()): BackupTaskRunner {
  return <T extends BackupTask>(task: T, key: Uint8Array, options: TaskOptions = {}) =>
    new Promise<TaskResult<T>>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new BackupFailure('CANCELLED'));
        return;
      }
      // A fresh buffer holding only the key, moved (not copied) into the worker.
      const keyBuffer = new ArrayBuffer(key.length);
      new Uint8Array(keyBuffer).set(key);
      const cancel = new Int32Array(new SharedArrayBuffer(4));
      const where = entry();
      const data: BackupWorkerData = { task, key: keyBuffer, cancel };
      const worker = new Worker(where.file, { execArgv: where.execArgv, workerData: data, transferList: [keyBuffer], stdout: false, stderr: false });

      let settled = false;
      let killTimer: NodeJS.Timeout | null = null;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        if (killTimer) clearTimeout(killTimer);
        outcome();
      };
      const onAbort = () => {
        Atomics.store(cancel, 0, 1);
        killTimer = setTimeout(() => void worker.terminate(), TERMINATE_AFTER_MS);
        killTimer.unref();
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });

      worker.on('message', (message: BackupWorkerMessage) => {
        switch (message.type) {
          case 'progress':
            options.onProgress?.({ phase: message.phase, percent: message.percent });
            return;
          case 'done':
            settle(() => resolve(message.result as TaskResult<T>));
            return;
          case 'failed':
            settle(() => reject(Object.assign(new BackupFailure(message.code, message.message), { kind: message.kind })));
            return;
        }
      });
      worker.on('error', () => settle(() => reject(new BackupFailure(Atomics.load(cancel, 0) !== 0 ? 'CANCELLED' : 'FAILED'))));
      worker.on('exit', () => settle(() => reject(new BackupFailure(Atomics.load(cancel, 0) !== 0 ? 'CANCELLED' : 'FAILED'))));
    });
}

/** The same tasks on the calling thread: for tests of the file work itself (no worker start-up per test). */
export function createInThreadRunner(): BackupTaskRunner {
  return async <T extends BackupTask>(task: T, key: Uint8Array, options: TaskOptions = {}) => {
    const control: TaskControl = {
      progress: (phase, percent) => options.onProgress?.({ phase, percent: Math.floor(percent) }),
      checkpoint: () => {
        if (options.signal?.aborted) throw new BackupFailure('CANCELLED');
      },
    };
    const result = task.kind === 'create' ? createBackupFile(task, key, control) : verifyBackupFile(task, key, control);
    return result as TaskResult<T>;
  };
}
