import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../keys/keystore-file';

/**
 * Where the last verified backup is, kept beside the database in a small plain file, because when the database
 * itself is damaged its backup history cannot be read. Holds a path, a file name and a time: no PHI, no key.
 */
export const LAST_BACKUP_POINTER_FILE = 'last-verified-backup.json';

const pointerSchema = z.object({ file: z.string().min(1), fileName: z.string().min(1), createdAt: z.number().int() }).strict();
export type LastBackupPointer = z.infer<typeof pointerSchema>;

export function writeLastBackupPointer(dataDir: string, pointer: LastBackupPointer): void {
  writeFileAtomic(join(dataDir, LAST_BACKUP_POINTER_FILE), JSON.stringify(pointer));
}

/** The pointer, or null when there is none or it cannot be read (then the administrator chooses the file). */
export function readLastBackupPointer(dataDir: string): LastBackupPointer | null {
  const file = join(dataDir, LAST_BACKUP_POINTER_FILE);
  if (!existsSync(file)) return null;
  try {
    return pointerSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}
