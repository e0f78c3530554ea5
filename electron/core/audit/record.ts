import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AuditAction, AuditDetail, AuditOutcome } from '../../../shared/contract/audit';
import type { AuditEventRow, Database } from '../db/schema';
import { AUDIT_HEAD_KEY, auditEventHash, formatAuditHead, GENESIS_HASH, parseAuditHead, type AuditHead } from './chain';

/** Who did it: a staff member (id and full name at the time), or the username typed at a failed sign-in (id null when nobody has it). */
export interface AuditActor {
  userId: string | null;
  name: string;
}

export interface AuditEntry {
  /** UTC epoch ms. */
  at: number;
  actor: AuditActor;
  workstation: string;
  action: AuditAction;
  outcome: AuditOutcome;
  entityType?: string | null;
  entityId?: string | null;
  /** The patient the event concerns, so the trail can be filtered by patient. */
  patientId?: string | null;
  /** Field names, counts and codes only: never PHI values. */
  detail?: AuditDetail | null;
}

export type RecordedAudit = Pick<AuditEventRow, 'seq' | 'id' | 'hash'>;

/** Detail is a short note, not a payload: a long one is a sign that values are being copied in. */
export const MAX_DETAIL_CHARS = 1000;
const MAX_TEXT_CHARS = 200;

/**
 * Appends one entry to the audit trail. Pass the transaction of the change being audited, so the change and
 * its entry commit (or roll back) together; given the root Kysely it opens a transaction of its own.
 * Never call it with the root Kysely from inside another transaction's callback: Kysely's SQLite driver
 * has one connection, and the second transaction would wait for the first forever.
 */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry): Promise<RecordedAudit> {
  const fields = auditFields(entry);
  if (db.isTransaction) return appendAuditEvent(db, fields);
  return db.transaction().execute((trx) => appendAuditEvent(trx, fields));
}

/** Several entries in one transaction, in order (e.g. sign-in failures buffered while the database was closed). */
export async function recordAuditBatch(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<RecordedAudit[]> {
  const all = entries.map(auditFields);
  const append = async (trx: Kysely<Database>) => {
    const recorded: RecordedAudit[] = [];
    for (const fields of all) recorded.push(await appendAuditEvent(trx, fields));
    return recorded;
  };
  if (db.isTransaction) return append(db);
  return db.transaction().execute(append);
}

type AuditFields = Omit<AuditEventRow, 'seq' | 'id' | 'prev_hash' | 'hash'>;

function auditFields(entry: AuditEntry): AuditFields {
  if (!Number.isSafeInteger(entry.at) || entry.at < 0) throw new Error('Audit entry time must be UTC epoch milliseconds');
  const detail = entry.detail ? JSON.stringify(entry.detail) : null;
  if (detail !== null && detail.length > MAX_DETAIL_CHARS) throw new Error('Audit entry detail is too long (field names only, never values)');
  return {
    at: entry.at,
    actor_user_id: entry.actor.userId,
    actor_name: boundedText(entry.actor.name, 'actor name'),
    workstation: boundedText(entry.workstation, 'workstation'),
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    patient_id: entry.patientId ?? null,
    outcome: entry.outcome,
    detail,
  };
}

function boundedText(value: string, what: string): string {
  if (value.length === 0) throw new Error(`Audit entry ${what} is empty`);
  return value.length > MAX_TEXT_CHARS ? value.slice(0, MAX_TEXT_CHARS) : value;
}

/**
 * Inside the caller's transaction: read the head, insert head + 1, move the head. The transaction holds the
 * only connection, so no other append can read the same head in between.
 */
async function appendAuditEvent(trx: Kysely<Database>, fields: AuditFields): Promise<RecordedAudit> {
  const head = await currentAuditHead(trx);
  const unhashed = { seq: head.seq + 1, id: uuidv7(), ...fields, prev_hash: head.hash };
  const row: AuditEventRow = { ...unhashed, hash: auditEventHash(unhashed) };
  await trx.insertInto('audit_event').values(row).execute();
  const value = formatAuditHead({ seq: row.seq, hash: row.hash });
  await trx
    .insertInto('app_meta')
    .values({ key: AUDIT_HEAD_KEY, value, updated_at: row.at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: row.at }))
    .execute();
  return { seq: row.seq, id: row.id, hash: row.hash };
}

/**
 * Where the next entry links on: the stored head, unless the table holds a later entry (then that one).
 * Continuing from the stored head after a cut-off tail keeps the cut visible as a gap; the seq never
 * collides with an existing row, so a damaged trail never blocks the clinic's work.
 */
async function currentAuditHead(trx: Kysely<Database>): Promise<AuditHead> {
  const stored = await trx.selectFrom('app_meta').select('value').where('key', '=', AUDIT_HEAD_KEY).executeTakeFirst();
  const anchor = parseAuditHead(stored?.value);
  const last = await trx.selectFrom('audit_event').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (anchor && anchor.seq >= (last?.seq ?? 0)) return anchor;
  return last ?? { seq: 0, hash: GENESIS_HASH };
}

/** The stored head (seq and hash of the newest entry), or null before the first entry. */
export async function readAuditHead(db: Kysely<Database>): Promise<AuditHead | null> {
  const stored = await db.selectFrom('app_meta').select('value').where('key', '=', AUDIT_HEAD_KEY).executeTakeFirst();
  return parseAuditHead(stored?.value);
}
