import { createHash } from 'node:crypto';
import type { AuditEventRow } from '../db/schema';

/**
 * The hash chain, in one place: what goes into an entry's hash and where the chain starts.
 * Changing anything here breaks every existing trail: add a new version tag instead.
 */
export const AUDIT_HASH_VERSION = 'caredesk.audit.v1';

/** prev_hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** app_meta key holding the chain head (`<seq>:<hash>`), written in the same transaction as every append. */
export const AUDIT_HEAD_KEY = 'audit.head';

export type HashedAuditFields = Omit<AuditEventRow, 'hash'>;

/**
 * Canonical serialization: a JSON array in fixed column order. JSON gives every value one spelling
 * (strings escaped, integers as digits, null as null), and a value's type is part of it (7 vs "7").
 */
export function canonicalAuditText(row: HashedAuditFields): string {
  return JSON.stringify([
    AUDIT_HASH_VERSION,
    row.prev_hash,
    row.seq,
    row.id,
    row.at,
    row.actor_user_id,
    row.actor_name,
    row.workstation,
    row.action,
    row.entity_type,
    row.entity_id,
    row.patient_id,
    row.outcome,
    row.detail,
  ]);
}

/** SHA-256 (lowercase hex) of the canonical text: covers the previous entry's hash, the entry's place and all its content. */
export function auditEventHash(row: HashedAuditFields): string {
  return createHash('sha256').update(canonicalAuditText(row), 'utf8').digest('hex');
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export function formatAuditHead(head: AuditHead): string {
  return `${head.seq}:${head.hash}`;
}

/** The stored head, or null when it is missing or not in the `<seq>:<hash>` shape. */
export function parseAuditHead(value: string | null | undefined): AuditHead | null {
  const match = typeof value === 'string' ? /^([1-9][0-9]{0,15}):([0-9a-f]{64})$/.exec(value) : null;
  if (!match) return null;
  const seq = Number(match[1]);
  return Number.isSafeInteger(seq) ? { seq, hash: match[2] as string } : null;
}
