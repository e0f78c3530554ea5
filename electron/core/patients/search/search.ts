import type { Kysely } from 'kysely';
import type { PatientSearchResult } from '../../../../shared/contract/patients';
import { ageOn } from '../../../../shared/patients/dates';
import { formatPhone } from '../../../../shared/patients/phone';
import type { Database, PatientRow } from '../../db/schema';
import { nicknamesOf } from '../duplicates/nicknames';
import { findPatientByMrn, patientDisplayName } from '../repository';
import { ftsCandidates, matchExpression, type FtsAlternative, type IndexedNameFields } from './fts';
import { indexedFieldsOf } from './index-sync';
import { scoreName, type SimilarityCache } from './name-score';
import { deletionVariants, reversed } from './normalize';
import { parseSearchQuery, type ParsedQuery } from './query';
import { allowedTypos, editDistance, jaroWinkler } from './similarity';

/**
 * The one search box: MRN (exact, or a merged record's MRN), date of birth, phone digits (whole number or its
 * last digits), name words in any order with typos, nicknames and unfinished words, or a mix ("smith 3/14/62").
 *
 * Ranking: an exact MRN first, then an exact phone number, then everything else by how well the name fits.
 * Name candidates come from the word index in widening stages (exact words; then the last word's completions and
 * nicknames; then typos and every word's completions), stopping once a stage has found enough; each stage reads at
 * most STAGE_CANDIDATES rows, and TypeScript ranks them (name-score.ts).
 */

/**
 * Rows each index stage may propose; the ranking looks at no more than these. The first stage (every word exact)
 * needs few: its rows fit equally well, so reading more would only reorder equals.
 */
export const STAGE_CANDIDATES = [40, 200, 200] as const;
/** Rows read for a date of birth or a phone ending before ranking. */
const KEY_CANDIDATES = 500;
/** Typo and nickname alternatives kept per typed word. */
const MAX_ALTERNATIVES = 16;

type MatchedOn = PatientSearchResult['matchedOn'];

interface Ranked {
  id: string;
  /** 0 exact MRN, 1 exact phone, 2 everything else. */
  tier: number;
  score: number;
  matchedOn: MatchedOn;
}

const RESULT_COLUMNS = [
  'id',
  'mrn',
  'first_name',
  'middle_name',
  'last_name',
  'suffix',
  'preferred_name',
  'date_of_birth',
  'phone_mobile',
  'phone_home',
  'phone_work',
  'preferred_phone',
] as const;
type ResultRow = Pick<PatientRow, (typeof RESULT_COLUMNS)[number]>;

export async function searchPatients(db: Kysely<Database>, query: string, limit: number, today: string): Promise<PatientSearchResult[]> {
  const parsed = parseSearchQuery(query, today);
  const max = Math.max(1, Math.min(Math.floor(limit) || 1, 100));
  const ranked = new Map<string, Ranked>();
  const rows = new Map<string, ResultRow>();
  const keep = (entry: Ranked) => {
    const before = ranked.get(entry.id);
    if (!before || entry.tier < before.tier || (entry.tier === before.tier && entry.score > before.score)) ranked.set(entry.id, entry);
  };

  for (const mrn of parsed.mrns) {
    const found = await findPatientByMrn(db, mrn);
    if (found) {
      keep({ id: found.patient.id, tier: 0, score: 1, matchedOn: found.viaAlias ? 'mrn-alias' : 'mrn' });
      rows.set(found.patient.id, found.patient);
      break;
    }
  }

  if (parsed.phoneDigits || parsed.dateOfBirth) {
    for (const entry of await keyedMatches(db, parsed, rows)) keep(entry);
  } else if (parsed.nameWords.length > 0) {
    for (const entry of await nameMatches(db, parsed, max)) keep(entry);
  }

  // Rank first, then read the full rows of only those shown (a few extra, for the name tie-break).
  const order = [...ranked.values()].sort((a, b) => a.tier - b.tier || b.score - a.score);
  const shown = order.slice(0, max + 10);
  const toRead = shown.map((r) => r.id).filter((id) => !rows.has(id));
  for (let i = 0; i < toRead.length; i += 500) {
    const batch = await db
      .selectFrom('patient')
      .select(RESULT_COLUMNS)
      .where('id', 'in', toRead.slice(i, i + 500))
      .execute();
    for (const row of batch) rows.set(row.id, row);
  }
  return shown
    .filter((r) => rows.has(r.id))
    .map((r) => ({ r, row: rows.get(r.id) as ResultRow }))
    .map(({ r, row }) => ({ r, row, name: patientDisplayName(row) }))
    .sort((a, b) => a.r.tier - b.r.tier || b.r.score - a.r.score || a.name.localeCompare(b.name) || a.row.mrn.localeCompare(b.row.mrn))
    .slice(0, max)
    .map(({ r, row, name }) => toResult(row, name, today, r.matchedOn));
}

const US_NUMBER = /^\+1(\d{3})(\d{3})(\d{4})$/;

/** formatPhone's "(312) 555-0142" for US numbers without parsing them again (libphonenumber takes ~50 µs a number). */
function displayPhone(e164: string): string {
  const us = US_NUMBER.exec(e164);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : formatPhone(e164);
}

function toResult(row: ResultRow, displayName: string, today: string, matchedOn: MatchedOn): PatientSearchResult {
  const preferred = row.preferred_phone ? { mobile: row.phone_mobile, home: row.phone_home, work: row.phone_work }[row.preferred_phone] : null;
  const phone = preferred ?? row.phone_mobile ?? row.phone_home ?? row.phone_work;
  return {
    id: row.id,
    mrn: row.mrn,
    displayName,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    age: ageOn(row.date_of_birth, today),
    phone: phone ? displayPhone(phone) : null,
    nextAppointmentAt: null,
    matchedOn,
  };
}

// ── Date of birth and phone (optionally narrowed by name words) ─────────────────────────────────────────────

async function keyedMatches(db: Kysely<Database>, parsed: ParsedQuery, rows: Map<string, ResultRow>): Promise<Ranked[]> {
  let phoneExact: Set<string> | null = null;
  let candidates: ResultRow[];
  if (parsed.phoneDigits) {
    const digits = parsed.phoneDigits;
    const key = reversed(digits);
    const hits = await db
      .selectFrom('patient_search_phone')
      .select(['patient_id', 'digits'])
      .where('reversed', '>=', key)
      .where('reversed', '<', `${key}:`)
      .limit(KEY_CANDIDATES)
      .execute();
    // A whole number (ten digits or more) is an exact match; a shorter ending ("0142", "555-0142") is not.
    phoneExact = new Set(hits.filter((h) => digits.length >= 10 || h.digits === digits).map((h) => h.patient_id));
    const ids = [...new Set(hits.map((h) => h.patient_id))];
    candidates = ids.length === 0 ? [] : await readRows(db, ids, parsed.dateOfBirth);
  } else {
    candidates = await db
      .selectFrom('patient')
      .select(RESULT_COLUMNS)
      .where('date_of_birth', '=', parsed.dateOfBirth as string)
      .where('merged_into', 'is', null)
      .limit(KEY_CANDIDATES)
      .execute();
  }
  const out: Ranked[] = [];
  const cache: SimilarityCache = new Map();
  for (const row of candidates) {
    let score = 0.5;
    if (parsed.nameWords.length > 0) {
      score = scoreName(parsed.nameWords, parsed.lastNameWords, indexedFieldsOf(row), cache);
      if (score === 0) continue;
    }
    rows.set(row.id, row);
    const exactPhone = phoneExact?.has(row.id) ?? false;
    out.push({ id: row.id, tier: exactPhone ? 1 : 2, score, matchedOn: phoneExact ? 'phone' : 'date-of-birth' });
  }
  return out;
}

async function readRows(db: Kysely<Database>, ids: string[], dateOfBirth: string | null): Promise<ResultRow[]> {
  let query = db.selectFrom('patient').select(RESULT_COLUMNS).where('id', 'in', ids).where('merged_into', 'is', null);
  if (dateOfBirth) query = query.where('date_of_birth', '=', dateOfBirth);
  return query.execute();
}

// ── Names ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** Vocabulary words within the allowed typos of each typed word (symmetric-delete lookup), best first. */
async function typosFor(db: Kysely<Database>, typed: readonly string[]): Promise<string[][]> {
  const variants = new Set<string>();
  for (const word of typed) if (allowedTypos(word.length) > 0) for (const v of deletionVariants(word)) variants.add(v);
  if (variants.size === 0) return typed.map(() => []);
  const hits = await db
    .selectFrom('patient_search_variant')
    .select('term')
    .distinct()
    .where('variant', 'in', [...variants])
    .execute();
  return typed.map((word) => {
    const typos = allowedTypos(word.length);
    if (typos === 0) return [];
    return hits
      .filter((h) => h.term !== word && editDistance(word, h.term, typos) <= typos)
      .map((h) => ({ term: h.term, sim: jaroWinkler(word, h.term) }))
      .sort((a, b) => b.sim - a.sim)
      .slice(0, MAX_ALTERNATIVES)
      .map((t) => t.term);
  });
}

async function nameMatches(db: Kysely<Database>, parsed: ParsedQuery, limit: number, relaxed = false): Promise<Ranked[]> {
  const typed = parsed.nameWords;
  const last = typed.length - 1;
  const nicknames = typed.map((w) => nicknamesOf(w).slice(0, MAX_ALTERNATIVES));
  const exact = (word: string): FtsAlternative => ({ word, prefix: false });
  // Typo alternatives are looked up only if the first two stages have not found enough.
  let typos: string[][] | null = null;
  const stages: (() => Promise<FtsAlternative[][]>)[] = [
    async () => typed.map((w) => [exact(w)]),
    async () => typed.map((w, i) => (i === last ? [{ word: w, prefix: true }] : [exact(w)]).concat((nicknames[i] ?? []).map(exact))),
    async () => {
      typos ??= await typosFor(db, typed);
      return typed.map((w, i) => [{ word: w, prefix: true }, ...(typos?.[i] ?? []).map(exact), ...(nicknames[i] ?? []).map(exact)]);
    },
  ];

  const found = new Map<string, Ranked>();
  const seen = new Set<string>();
  const cache: SimilarityCache = new Map();
  for (const [n, makeStage] of stages.entries()) {
    const expression = matchExpression(await makeStage());
    if (!expression || seen.has(expression)) continue;
    seen.add(expression);
    for (const doc of await ftsCandidates(db, expression, Math.max(STAGE_CANDIDATES[n] ?? 200, 2 * limit))) {
      if (found.has(doc.patient_id)) continue;
      const score = scoreName(typed, parsed.lastNameWords, doc satisfies IndexedNameFields, cache);
      if (score > 0) found.set(doc.patient_id, { id: doc.patient_id, tier: 2, score, matchedOn: 'name' });
    }
    if (found.size >= limit) break;
  }
  if (found.size === 0 && !relaxed && typed.length > 1) {
    // Nothing fits every word. Two second tries, once each: a short word run into the next ("o brien", "mc donald"),
    // then without FTS operator words typed as text ("near(smith", "smith or jones").
    const joined = joinShortWords(typed);
    if (joined.length < typed.length) {
      const retry = await nameMatches(db, { ...parsed, nameWords: joined, lastNameWords: 0 }, limit, true);
      if (retry.length > 0) return retry;
    }
    const kept = typed.filter((w) => !OPERATOR_WORDS.has(w));
    if (kept.length > 0 && kept.length < typed.length) return nameMatches(db, { ...parsed, nameWords: kept, lastNameWords: 0 }, limit, true);
  }
  return [...found.values()];
}

const OPERATOR_WORDS = new Set(['and', 'or', 'not', 'near']);

/** "o brien" → "obrien", "mc donald" → "mcdonald", "van der berg" → "vanderberg": words of up to three letters joined to the next. */
function joinShortWords(typed: readonly string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const word of typed) {
    if (word.length <= 3) pending += word;
    else {
      out.push(pending + word);
      pending = '';
    }
  }
  if (pending) out.push(pending);
  return out;
}
