/**
 * Why a backup, a verification or a restore stopped. The code is stable (tests and screens branch on it);
 * the message is what the administrator reads: what happened, that nothing was changed, what to do next.
 * Messages never quote driver errors (they can quote values) and never hold PHI or key material.
 */
export type BackupFailureCode =
  | 'NOT_A_BACKUP'
  | 'DAMAGED'
  | 'TRUNCATED'
  | 'MANIFEST_MISMATCH'
  | 'CHECKSUM_MISMATCH'
  | 'KEY_MISMATCH'
  | 'WRONG_RECOVERY_CODE'
  | 'INTEGRITY_FAILED'
  | 'COUNTS_MISMATCH'
  | 'TOO_NEW'
  | 'FILE_MISSING'
  | 'FOLDER_MISSING'
  | 'FOLDER_NOT_WRITABLE'
  | 'DISK_FULL'
  | 'FILE_EXISTS'
  | 'CANCELLED'
  | 'FAILED';

const CHOOSE_ANOTHER = 'Nothing was changed. Choose another backup.';

const MESSAGES: Record<Exclude<BackupFailureCode, 'TOO_NEW'>, string> = {
  NOT_A_BACKUP: 'This file is not a CareDesk backup. Choose a file whose name starts with "caredesk-backup-" and ends in ".cdbak".',
  DAMAGED: `This backup file is damaged: its description cannot be read. ${CHOOSE_ANOTHER}`,
  TRUNCATED: `This backup file is incomplete (perhaps copying it was interrupted). ${CHOOSE_ANOTHER}`,
  MANIFEST_MISMATCH: `This backup's description does not match its key: the file was altered, or it belongs to another clinic. ${CHOOSE_ANOTHER}`,
  CHECKSUM_MISMATCH: `This backup file is damaged: its database does not match the checksum recorded when it was made. ${CHOOSE_ANOTHER}`,
  KEY_MISMATCH: `This backup's database cannot be unlocked with this clinic's key. ${CHOOSE_ANOTHER}`,
  WRONG_RECOVERY_CODE: 'That recovery code does not open this backup. Check it against the printed recovery code of the clinic the backup came from.',
  INTEGRITY_FAILED: `This backup's database failed its integrity check. ${CHOOSE_ANOTHER}`,
  COUNTS_MISMATCH: `This backup's database does not hold the records its description lists. ${CHOOSE_ANOTHER}`,
  FILE_MISSING: 'That backup file was not found. Check that the drive holding it is connected, then choose it again.',
  FOLDER_MISSING: 'The backup folder is not available. Check that its drive is connected, or choose another folder in Admin > Backups.',
  FOLDER_NOT_WRITABLE: 'CareDesk cannot write to the backup folder. Choose a folder you may save files in, in Admin > Backups.',
  DISK_FULL: 'The backup drive is full. Free some space or choose another folder in Admin > Backups, then back up again.',
  FILE_EXISTS: 'A backup was made in this same second. Wait a moment and back up again.',
  CANCELLED: 'Cancelled. Nothing was changed.',
  FAILED: 'The backup could not be completed. Nothing was changed. Try again; if it keeps failing, contact your IT support.',
};

export class BackupFailure extends Error {
  constructor(
    readonly code: BackupFailureCode,
    message: string = code === 'TOO_NEW' ? tooNewMessage(null, null) : MESSAGES[code],
  ) {
    super(message);
    this.name = 'BackupFailure';
  }
}

export function tooNewMessage(backupSchema: number | null, knownSchema: number | null): string {
  const versions = backupSchema !== null && knownSchema !== null ? ` (schema ${backupSchema}; this version knows ${knownSchema})` : '';
  return `This backup was made by a newer version of CareDesk${versions}. Nothing was changed. Install the latest CareDesk update, then restore again.`;
}

/** File-system errors the administrator can do something about, by errno code. */
export function failureForFileError(error: unknown, fallback: BackupFailureCode = 'FAILED'): BackupFailure {
  if (error instanceof BackupFailure) return error;
  switch ((error as { code?: unknown } | null)?.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new BackupFailure('DISK_FULL');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new BackupFailure('FOLDER_NOT_WRITABLE');
    case 'ENOENT':
    case 'ENOTDIR':
      return new BackupFailure(fallback === 'FAILED' ? 'FOLDER_MISSING' : fallback);
    case 'EEXIST':
      return new BackupFailure('FILE_EXISTS');
    default:
      return new BackupFailure(fallback);
  }
}
