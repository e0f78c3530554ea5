import { AUDIT_HEAD_KEY } from '../../../electron/core/audit/chain';
import type { SqliteDatabase } from '../../../electron/core/db/open';
import { snapshotAllTables } from '../../support/db-snapshot';

/**
 * Every table except the audit trail, for "a refused call changes nothing" checks: audit_event gains the
 * 'access.denied' entry and app_meta's `audit.head` moves with it, in the same transaction.
 */
export function snapshotWithoutAuditTrail(sqlite: SqliteDatabase): Record<string, string[]> {
  const { audit_event: _entries, ...rest } = snapshotAllTables(sqlite);
  const headKey = JSON.stringify(AUDIT_HEAD_KEY);
  return { ...rest, app_meta: (rest['app_meta'] ?? []).filter((row) => !row.startsWith(`{"key":${headKey},`)) };
}

/** seq of the newest audit entry (0 before the first). */
export function latestAuditSeq(sqlite: SqliteDatabase): number {
  return sqlite.prepare('SELECT coalesce(max(seq), 0) FROM audit_event').pluck().get() as number;
}

/** The audit entries written after entry `seq`, oldest first, as stored. */
export function auditEntriesAfter(sqlite: SqliteDatabase, seq: number): Record<string, unknown>[] {
  return sqlite.prepare('SELECT * FROM audit_event WHERE seq > ? ORDER BY seq').all(seq) as Record<string, unknown>[];
}
