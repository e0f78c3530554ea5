import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function sha256OfFile(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Raw bytes of every regular file directly in a folder, by name. */
export function readFolderBytes(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files.set(name, readFileSync(path));
  }
  return files;
}

/** Names of the files in the folder whose raw bytes contain any of the needles. */
export function filesContaining(dir: string, needles: readonly Buffer[]): string[] {
  const hits: string[] = [];
  for (const [name, bytes] of readFolderBytes(dir)) {
    if (needles.some((needle) => bytes.includes(needle))) hits.push(name);
  }
  return hits;
}

/** A text as it could sit on disk: UTF-8 (SQLite's default) and UTF-16LE (a UTF-16 database or a Windows tool). */
export function onDiskForms(text: string): Buffer[] {
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
}
