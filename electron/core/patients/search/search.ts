import type { Kysely } from 'kysely';
import type { PatientSearchResult } from '../../../../shared/contract/patients';
import { ageOn } from '../../../../shared/patients/dates';
import { formatPhone } from '../../../../shared/patients/phone';
import type { Database, PatientRow } from '../../db/schema';
import { nicknamesOf } from '../duplicates/nicknames';
import { findPatientByMrn, patientDisplayName } from '../repository';
import { ftsCandidates, matchExpression, type FtsAlternative, type SearchDocRow } from './fts';
import { scoreName, type SimilarityCache } from './name-score';
import { deletionVariants, reversed } from './normalize';
import { parseSearchQuery, type ParsedQuery } from './query';
import { allowedTypos, editDistance, jaroWinkler } from './similarity';

/**
 * The one search box: MRN (exact, or a merged record's MRN), date of birth, phone digits (whole number or its
 * last digits), name words in any order with typos, nicknames and unfinished words, or a mix ("smith 3/14/62").
 *
 * Ranking: an exact MRN first, then an exact phone number, then everything else by how well the name fits.
 * Name candidates come from the word index in widening stages (exact words; the last word's completions and
 * nicknames; every word's completions; typos), stopping once the stages so far have found enough; each stage reads at
 * most STAGE_CANDIDATES rows, and TypeScript ranks them all (name-score.ts).
 */

/**
 * Rows each index stage may propose; the ranking looks at no more than these. The first stage (every word exact)
 * needs few: its rows fit equally well, so reading more would only reorder equals.
 */
export const STAGE_CANDIDATES = [40, 60, 60, 100] as const;
/** Rows read for a date of birth or a phone ending before ranking. */
const KEY_CANDIDATES = 500;
/** Nickname alternatives kept per typed word. */
const MAX_NICKNAMES = 12;
/** Typo alternatives kept per typed word (the closest by Jaro–Winkler), and how close they must be. */
const MAX_TYPOS = 8;
const MIN_TYPO_SIMILARITY = 0.8;

type MatchedOn = PatientSearchResult['matchedOn'];

interface Ranked {
  row: ResultSource;
  /** 0 exact MRN, 1 exact phone, 2 everything else. */
  tier: number;
  score: number;
  matchedOn: MatchedOn;
}

/** What a result line shows: a search row, or (for an MRN) the patient row itself. */
interface ResultSource {
  id: string;
  mrn: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  suffix: string | null;
  preferred_name: string | null;
  date_of_birth: string;
  /** E.164. */
  phone: string | null;
}

function fromDoc(doc: SearchDocRow): ResultSource {
  return { ...doc, id: doc.patient_id };
}

function fromPatient(row: PatientRow): ResultSource {
  const preferred = row.preferred_phone ? { mobile: row.phone_mobile, home: row.phone_home, work: row.phone_work }[row.preferred_phone] : null;
  return { ...row, phone: preferred ?? row.phone_mobile ?? row.phone_home ?? row.phone_work };
}

export async function searchPatients(db: Kysely<Database>, query: string, limit: number, today: string): Promise<PatientSearchResult[]> {
  const parsed = parseSearchQuery(query, today);
  const max = Math.max(1, Math.min(Math.floor(limit) || 1, 100));
  const ranked = new Map<string, Ranked>();
  const keep = (entry: Ranked) => {
    const before = ranked.get(entry.row.id);
    if (!before || entry.tier < before.tier || (entry.tier === before.tier && entry.score > before.score)) ranked.set(entry.row.id, entry);
  };

  for (const mrn of parsed.mrns) {
    const found = await findPatientByMrn(db, mrn);
    if (found) {
      keep({ row: fromPatient(found.patient), tier: 0, score: 1, matchedOn: found.viaAlias ? 'mrn-alias' : 'mrn' });
      break;
    }
  }
  if (parsed.phoneDigits || parsed.dateOfBirth) {
    for (const entry of await keyedMatches(db, parsed)) keep(entry);
  } else if (parsed.nameWords.length > 0) {
    for (const entry of await nameMatches(db, parsed, max)) keep(entry);
  }

  return [...ranked.values()]
    .map((r) => ({ ...r, name: patientDisplayName(r.row) }))
    .sort((a, b) => a.tier - b.tier || b.score - a.score || a.name.localeCompare(b.name) || a.row.mrn.localeCompare(b.row.mrn))
    .slice(0, max)
    .map((r) => toResult(r.row, r.name, today, r.matchedOn));
}

const US_NUMBER = /^\+1(\d{3})(\d{3})(\d{4})$/;

/** formatPhone's "(312) 555-0142" for US numbers without parsing them again (libphonenumber takes ~50 µs a number). */
function displayPhone(e164: string): string {
  const us = US_NUMBER.exec(e164);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : formatPhone(e164);
}

function toResult(row: ResultSource, displayName: string, today: string, matchedOn: MatchedOn): PatientSearchResult {
  return {
    id: row.id,
    mrn: row.mrn,
    displayName,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    age: ageOn(row.date_of_birth, today),
    phone: row.phone ? displayPhone(row.phone) : null,
    nextAppointmentAt: null,
    matchedOn,
  };
}

// ── Date of birth and phone (optionally narrowed by name words) ─────────────────────────────────────────────

async function keyedMatches(db: Kysely<Database>, parsed: ParsedQuery): Promise<Ranked[]> {
  let phoneExact: Set<number> | null = null;
  let candidates: SearchDocRow[];
  if (parsed.phoneDigits) {
    const digits = parsed.phoneDigits;
    const key = reversed(digits);
    // Only indexed columns (the index on `reversed` carries the key doc_id, kind): no table reads.
    const hits = await db
      .selectFrom('patient_search_phone')
      .select(['doc_id', 'reversed'])
      .where('reversed', '>=', key)
      .where('reversed', '<', `${key}:`)
      .limit(KEY_CANDIDATES)
      .execute();
    // A whole number (ten digits or more) is an exact match; a shorter ending ("0142", "555-0142") is not.
    phoneExact = new Set(hits.filter((h) => digits.length >= 10 || h.reversed === key).map((h) => h.doc_id));
    const ids = [...new Set(hits.map((h) => h.doc_id))];
    let docs = db.selectFrom('patient_search_doc').selectAll().where('doc_id', 'in', ids);
    if (parsed.dateOfBirth) docs = docs.where('date_of_birth', '=', parsed.dateOfBirth);
    candidates = ids.length === 0 ? [] : await docs.execute();
  } else {
    candidates = await db
      .selectFrom('patient_search_doc')
      .selectAll()
      .where('date_of_birth', '=', parsed.dateOfBirth as string)
      .limit(KEY_CANDIDATES)
      .execute();
  }
  const out: Ranked[] = [];
  const cache: SimilarityCache = new Map();
  for (const doc of candidates) {
    let score = 0.5;
    if (parsed.nameWords.length > 0) {
      score = scoreName(parsed.nameWords, parsed.lastNameWords, doc, cache);
      if (score === 0) continue;
    }
    const exactPhone = phoneExact?.has(doc.doc_id) ?? false;
    out.push({ row: fromDoc(doc), tier: exactPhone ? 1 : 2, score, matchedOn: phoneExact ? 'phone' : 'date-of-birth' });
  }
  return out;
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
    return (
      hits
        // In a three-letter word a different first letter is another name ("jon" is not "don" or "ron").
        .filter((h) => h.term !== word && (word.length > 3 || h.term[0] === word[0]) && editDistance(word, h.term, typos) <= typos)
        .map((h) => ({ term: h.term, sim: jaroWinkler(word, h.term) }))
        .filter((t) => t.sim >= MIN_TYPO_SIMILARITY)
        .sort((a, b) => b.sim - a.sim || a.term.localeCompare(b.term))
        .slice(0, MAX_TYPOS)
        .map((t) => t.term)
    );
  });
}

const exact = (word: string): FtsAlternative => ({ word, prefix: false });
const started = (word: string): FtsAlternative => ({ word, prefix: true });

async function nameMatches(db: Kysely<Database>, parsed: ParsedQuery, limit: number, relaxed = false): Promise<Ranked[]> {
  const typed = parsed.nameWords;
  const last = typed.length - 1;
  const nicknames = typed.map((w) => nicknamesOf(w).slice(0, MAX_NICKNAMES).map(exact));
  // Stages, each only if the ones before found fewer than `limit`: every word exact; the last word unfinished and
  // nicknames; every word unfinished ("smi jo"). Typos (the costly stage: common names have long lists) only when
  // those readings found less than half a page: a query that finds people as typed is rarely a typo.
  const stages: (() => Promise<FtsAlternative[][] | null>)[] = [
    async () => typed.map((w) => [exact(w)]),
    async () => typed.map((w, i) => [i === last ? started(w) : exact(w), ...(nicknames[i] ?? [])]),
    async () => typed.map((w, i) => [started(w), ...(nicknames[i] ?? [])]),
    async () => {
      if (found.size >= limit / 2) return null;
      const typos = await typosFor(db, typed);
      return typed.map((w, i) => [started(w), ...(typos[i] ?? []).map(exact), ...(nicknames[i] ?? [])]);
    },
  ];

  const found = new Map<string, Ranked>();
  const seen = new Set<string>();
  const cache: SimilarityCache = new Map();
  for (const [n, makeStage] of stages.entries()) {
    const groups = await makeStage();
    const expression = groups && matchExpression(groups);
    if (!expression || seen.has(expression)) continue;
    seen.add(expression);
    for (const doc of await ftsCandidates(db, expression, Math.max(STAGE_CANDIDATES[n] ?? 100, 2 * limit))) {
      if (found.has(doc.patient_id)) continue;
      const score = scoreName(typed, parsed.lastNameWords, doc, cache);
      if (score > 0) found.set(doc.patient_id, { row: fromDoc(doc), tier: 2, score, matchedOn: 'name' });
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
