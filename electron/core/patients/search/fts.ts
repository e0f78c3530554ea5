import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, PatientSearchDocTable } from '../../db/schema';

export type SearchDocRow = Selectable<PatientSearchDocTable>;

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

/** Up to `limit` indexed patients (their search rows) matching the expression, in index order; TypeScript ranks them. */
export async function ftsCandidates(db: Kysely<Database>, expression: string, limit: number): Promise<SearchDocRow[]> {
  const result = await sql<SearchDocRow>`
    SELECT d.*
    FROM patient_search CROSS JOIN patient_search_doc AS d ON d.doc_id = patient_search.rowid
    WHERE patient_search MATCH ${expression}
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/**
 * One bounded step of merging the index's segments (FTS5 'merge' with a negative page count: merge even below the
 * automerge threshold). Every write adds a small segment and a term lookup visits each segment, so a clinic's index
 * is faster once merged. Returns how many segments remain.
 */
export async function ftsMergeStep(db: Kysely<Database>, pages: number): Promise<number> {
  const budget = Math.max(16, Math.floor(pages));
  await sql`INSERT INTO patient_search (patient_search, rank) VALUES ('merge', ${-budget})`.execute(db);
  return ftsSegmentCount(db);
}

/** How many b-tree segments the index has (1 when fully merged). */
export async function ftsSegmentCount(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ segments: number }>`SELECT count(DISTINCT segid) AS segments FROM patient_search_idx`.execute(db);
  return Number(result.rows[0]?.segments ?? 0);
}
