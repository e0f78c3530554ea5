import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * The SQLite-specific corner of patient search: the FTS5 word index `patient_search` (migration 0007). Everything
 * else in the search module is portable Kysely over plain tables; a PostgreSQL backend would replace this file
 * (a tsvector/GIN index or pg_trgm) and keep the rest.
 *
 * The index is contentless (`content=''`, `contentless_delete=1`): the words live in `patient_search_doc`, whose
 * doc_id is the FTS rowid. Queries are built only from folded words (letters and digits, see normalize.ts), each
 * quoted as an FTS5 string, so nothing a user types can reach the FTS5 query syntax.
 */

export interface IndexedNameFields {
  first: string;
  middle: string;
  last: string;
  preferred: string;
}

export async function ftsInsert(trx: Kysely<Database>, docId: number, fields: IndexedNameFields): Promise<void> {
  await sql`INSERT INTO patient_search (rowid, first, middle, last, preferred)
            VALUES (${docId}, ${fields.first}, ${fields.middle}, ${fields.last}, ${fields.preferred})`.execute(trx);
}

export async function ftsDelete(trx: Kysely<Database>, docId: number): Promise<void> {
  await sql`DELETE FROM patient_search WHERE rowid = ${docId}`.execute(trx);
}

export async function ftsDeleteAll(trx: Kysely<Database>): Promise<void> {
  await sql`INSERT INTO patient_search (patient_search) VALUES ('delete-all')`.execute(trx);
}

/** One alternative for one query word: a whole word, or (prefix) any word starting with it. */
export interface FtsAlternative {
  word: string;
  prefix: boolean;
}

function quoted(word: string): string {
  return `"${word.replaceAll('"', '""')}"`;
}

/**
 * `("jon"* OR "john") AND ("smith" OR "smyth")`: every query word must be matched (in any name field) by one of
 * its alternatives. Returns null when a group is empty.
 */
export function matchExpression(groups: readonly (readonly FtsAlternative[])[]): string | null {
  if (groups.length === 0 || groups.some((g) => g.length === 0)) return null;
  return groups
    .map((group) => {
      const parts = [...new Set(group.map((a) => (a.prefix ? `${quoted(a.word)}*` : quoted(a.word))))];
      return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
    })
    .join(' AND ');
}

export interface NameDocRow extends IndexedNameFields {
  doc_id: number;
  patient_id: string;
}

/** Up to `limit` indexed patients matching the expression, in index order (ranking happens in TypeScript). */
export async function ftsCandidates(db: Kysely<Database>, expression: string, limit: number): Promise<NameDocRow[]> {
  const result = await sql<NameDocRow>`
    SELECT d.doc_id, d.patient_id, d.first, d.middle, d.last, d.preferred
    FROM patient_search CROSS JOIN patient_search_doc AS d ON d.doc_id = patient_search.rowid
    WHERE patient_search MATCH ${expression}
    LIMIT ${limit}`.execute(db);
  return result.rows;
}
