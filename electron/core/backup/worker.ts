import { parentPort, workerData } from 'node:worker_threads';
import { errorKind } from '../log';
import { BackupFailure } from './backup-failure';
import { createBackupFile, verifyBackupFile, type TaskControl } from './backup-file';
import type { BackupWorkerData, BackupWorkerMessage } from './worker-protocol';

/**
 * The backup worker thread's entry (a separate bundle entry, `backupWorker`, in the Electron build).
 * It opens the database files itself with the key it was handed, does one task, reports progress, and exits.
 * It logs nothing: its only output is the messages below, which carry no key and no PHI.
 */
function runTask(data: BackupWorkerData): void {
  const port = parentPort;
  if (!port) throw new Error('The backup worker must run in a worker thread');
  const post = (message: BackupWorkerMessage) => port.postMessage(message);
  const key = new Uint8Array(data.key);
  let lastPercent = -1;
  const control: TaskControl = {
    progress(phase, percent) {
      const rounded = Math.max(0, Math.min(100, Math.floor(percent)));
      if (rounded === lastPercent) return;
      lastPercent = rounded;
      post({ type: 'progress', phase, percent: rounded });
    },
    checkpoint() {
      if (Atomics.load(data.cancel, 0) !== 0) throw new BackupFailure('CANCELLED');
    },
  };
  try {
    const result = data.task.kind === 'create' ? createBackupFile(data.task, key, control) : verifyBackupFile(data.task, key, control);
    post({ type: 'done', result });
  } catch (error) {
    const failure = error instanceof BackupFailure ? error : new BackupFailure('FAILED');
    post({ type: 'failed', code: failure.code, message: failure.message, kind: errorKind(error) });
  } finally {
    key.fill(0);
  }
}

runTask(workerData as BackupWorkerData);
