import type { BackupFailureCode } from './backup-failure';
import type { BackupPhase, BackupTask, CreatedBackup, VerifiedBackup } from './backup-file';

/**
 * Messages between the main thread and the backup worker. The key travels once, in workerData, as an ArrayBuffer
 * in the transfer list (moved, not copied: the main thread's copy is detached); it is never in a message.
 */
export interface BackupWorkerData {
  task: BackupTask;
  /** 32 bytes, transferred. The worker zeroes it when done. */
  key: ArrayBuffer;
  /** Int32Array over a SharedArrayBuffer: the main thread stores 1 to ask for cancellation. */
  cancel: Int32Array;
}

export type BackupWorkerMessage =
  | { type: 'progress'; phase: BackupPhase; percent: number }
  | { type: 'done'; result: CreatedBackup | VerifiedBackup }
  /** `kind` is the error class or driver code (for the log); the message is the BackupFailure's fixed text. */
  | { type: 'failed'; code: BackupFailureCode; message: string; kind: string };
