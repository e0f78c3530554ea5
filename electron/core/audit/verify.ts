import type { Kysely } from 'kysely';
import type { AuditBreak } from '../../../shared/contract/audit';
import type { AuditEventRow, Database } from '../db/schema';
import { AUDIT_HEAD_KEY, auditEventHash, GENESIS_HASH, parseAuditHead, type AuditHead } from './chain';

export type AuditVerification =
  | { ok: true; count: number; head: AuditHead | null }
  /** firstBadSeq: the first entry that does not check out; for a removed entry or a cut-off tail, the first missing seq. */
  | { ok: false; firstBadSeq: number; reason: AuditBreak; count: number };

const CHUNK_ROWS = 2000;

/**
 * Walks the whole trail in seq order and checks, for each entry: it has the next seq (else 'gap'), it links to
 * the previous entry's hash (else 'broken-link'), and its own hash matches its content (else 'hash-mismatch').
 * Then compares the last entry with the head stored in app_meta: fewer entries than the head says is a
 * 'truncated' tail; more, or a different hash, is an 'anchor-mismatch'.
 *
 * Reads in chunks, each in its own short transaction, so a long trail does not hold the connection for the
 * whole walk; the last chunk reads the stored head in the same transaction, so appends made meanwhile are
 * either fully seen or not at all.
 *
 * What it cannot catch: someone with the database key who rewrites every hash after their change and the head
 * with it. The chain makes tampering evident to anyone who edits rows with ordinary tools, not impossible.
 */
export async function verifyAuditTrail(db: Kysely<Database>, options: { chunkRows?: number } = {}): Promise<AuditVerification> {
  const chunkRows = options.chunkRows ?? CHUNK_ROWS;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const { rows, anchor } = await readChunk(db, expectedSeq - 1, chunkRows);
    for (const row of rows) {
      const bad = checkEntry(row, expectedSeq, prevHash);
      if (bad) return { ok: false, firstBadSeq: expectedSeq, reason: bad, count: checked };
      checked += 1;
      expectedSeq += 1;
      prevHash = row.hash;
    }
    if (rows.length < chunkRows) return compareWithAnchor(anchor.present ? anchor.head : null, anchor.present, checked, prevHash);
  }
}

function checkEntry(row: AuditEventRow, expectedSeq: number, prevHash: string): AuditBreak | null {
  if (row.seq !== expectedSeq) return 'gap';
  if (row.prev_hash !== prevHash) return 'broken-link';
  if (auditEventHash(row) !== row.hash) return 'hash-mismatch';
  return null;
}

function compareWithAnchor(anchor: AuditHead | null, anchorStored: boolean, count: number, lastHash: string): AuditVerification {
  const lastSeq = count;
  if (anchor === null) {
    // Nothing written yet is fine; entries without a head (or an unreadable head) are not anchored.
    if (count === 0 && !anchorStored) return { ok: true, count: 0, head: null };
    return { ok: false, firstBadSeq: 1, reason: 'anchor-mismatch', count: 0 };
  }
  if (lastSeq < anchor.seq) return { ok: false, firstBadSeq: lastSeq + 1, reason: 'truncated', count };
  if (lastSeq > anchor.seq) return { ok: false, firstBadSeq: anchor.seq + 1, reason: 'anchor-mismatch', count: anchor.seq };
  if (lastHash !== anchor.hash) return { ok: false, firstBadSeq: lastSeq, reason: 'anchor-mismatch', count: lastSeq - 1 };
  return { ok: true, count, head: anchor };
}

async function readChunk(
  db: Kysely<Database>,
  afterSeq: number,
  limit: number,
): Promise<{ rows: AuditEventRow[]; anchor: { present: boolean; head: AuditHead | null } }> {
  const read = async (trx: Kysely<Database>) => {
    const rows = await trx.selectFrom('audit_event').selectAll().where('seq', '>', afterSeq).orderBy('seq', 'asc').limit(limit).execute();
    const stored = await trx.selectFrom('app_meta').select('value').where('key', '=', AUDIT_HEAD_KEY).executeTakeFirst();
    return { rows, anchor: { present: stored !== undefined, head: parseAuditHead(stored?.value) } };
  };
  return db.isTransaction ? read(db) : db.transaction().execute(read);
}
