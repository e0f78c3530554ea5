import type { BACKUP_PHASES } from '../../../../../shared/contract/backup';

type BackupPhase = (typeof BACKUP_PHASES)[number];

/** What a backup or restore is doing, in the words shown beside its progress bar. */
export const PHASE_LABELS: Record<BackupPhase, string> = {
  snapshot: 'Copying the clinic database',
  checksum: 'Checking the copy',
  write: 'Writing the backup file',
  verify: 'Verifying the backup',
  restore: 'Replacing the clinic database',
};

/** The file name from a full path, Windows or macOS. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
