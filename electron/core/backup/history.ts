import type { Kysely } from 'kysely';
import { z } from 'zod';
import { readSetting, SETTINGS, writeSetting } from '../app/settings';
import type { Database } from '../db/schema';

/**
 * Recent backups, newest last, as JSON in app_meta 'backup.history' (paths, times, sizes, checksums: no PHI).
 * Kept in the database so it travels with it; a restore merges the history it replaces into the restored one.
 */
export const BACKUP_TRIGGERS = ['manual', 'daily', 'quit'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

const recordSchema = z.object({
  fileName: z.string(),
  path: z.string(),
  /** When the snapshot was taken (the time in the file name). */
  createdAt: z.number().int(),
  finishedAt: z.number().int(),
  /** Only a backup that passed verification after writing counts. */
  verified: z.boolean(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  trigger: z.enum(BACKUP_TRIGGERS),
  /** The BackupFailure code of a failed attempt. */
  failure: z.string().nullable(),
  /** Its message, for the Admin screen. */
  message: z.string().nullable(),
});
export type BackupRecord = z.infer<typeof recordSchema>;

const MAX_RECORDS = 100;

/** The history, oldest first. A damaged entry is skipped rather than hiding the rest. */
export async function readBackupHistory(db: Kysely<Database>): Promise<BackupRecord[]> {
  const text = await readSetting(db, SETTINGS.backupHistory);
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = recordSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function writeBackupHistory(db: Kysely<Database>, records: readonly BackupRecord[], now: number): Promise<void> {
  await writeSetting(db, SETTINGS.backupHistory, JSON.stringify(normalizeHistory(records)), now);
}

export async function appendBackupRecord(db: Kysely<Database>, record: BackupRecord, now: number): Promise<void> {
  await writeBackupHistory(db, [...(await readBackupHistory(db)), record], now);
}

/** Two histories as one: each backup once (by path and time), oldest first, the newest MAX_RECORDS. */
export function normalizeHistory(records: readonly BackupRecord[]): BackupRecord[] {
  const byKey = new Map<string, BackupRecord>();
  for (const record of records) byKey.set(`${record.path}\u0000${record.createdAt}\u0000${record.finishedAt}`, record);
  return [...byKey.values()].sort((a, b) => a.finishedAt - b.finishedAt || a.createdAt - b.createdAt).slice(-MAX_RECORDS);
}

export function lastVerifiedBackup(records: readonly BackupRecord[]): BackupRecord | null {
  return [...records].reverse().find((r) => r.verified) ?? null;
}

/** The newest attempt when it failed and nothing verified came after it. */
export function failureSinceLastVerified(records: readonly BackupRecord[]): BackupRecord | null {
  const newest = records.at(-1);
  return newest && !newest.verified ? newest : null;
}
