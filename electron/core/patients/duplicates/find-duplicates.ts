import type { Kysely } from 'kysely';
import type { DuplicateCandidate } from '../../../../shared/contract/patients';
import type { Database } from '../../db/schema';
import { patientDisplayName } from '../repository';
import { ftsCandidates, matchExpression, type FtsAlternative, type SearchDocRow } from '../search/fts';
import { deletionVariants, digitsOf, reversed, words } from '../search/normalize';
import { allowedTypos, editDistance } from '../search/similarity';
import { nicknamesOf } from './nicknames';
import { POSSIBLE_DUPLICATE, scoreCandidate, type CandidateRow, type DuplicateProbe } from './score';

export type { DuplicateProbe } from './score';
export { LIKELY_DUPLICATE, POSSIBLE_DUPLICATE } from './score';

/** At most this many candidates come back, most likely first. */
export const MAX_DUPLICATE_CANDIDATES = 10;
/** Rows each lookup may propose before scoring. */
const LOOKUP_LIMIT = 200;
const NAME_LOOKUP_LIMIT = 100;

type PhoneKind = CandidateRow['shared_phones'][number]['kind'];

/**
 * Records that may be the same person as the probe, most likely first, each with a score (0–100) and its reasons
 * (score.ts); only scores of 40 and above. Merged records are never candidates.
 *
 * Candidates are proposed by indexed lookups only — the same date of birth (or with day and month swapped), a
 * shared phone number, the same email, and a similar name (same words or nicknames in either order; typos too when
 * there is no date of birth to find them by) through the name index — and scored from their search rows (patient_search_doc), so the cost does not grow with the
 * size of the clinic and the wide patient rows are never read.
 */
export async function findDuplicateCandidates(db: Kysely<Database>, probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
  const docs = new Map<number, SearchDocRow>();
  const add = (rows: readonly SearchDocRow[]) => {
    for (const row of rows) docs.set(row.doc_id, row);
  };

  const dates = new Set<string>();
  if (probe.dateOfBirth) {
    dates.add(probe.dateOfBirth);
    const [y, m, d] = probe.dateOfBirth.split('-');
    if (y && m && d && m !== d && Number(d) <= 12) dates.add(`${y}-${d}-${m}`);
  }
  if (dates.size > 0) add(await db.selectFrom('patient_search_doc').selectAll().where('date_of_birth', 'in', [...dates]).limit(LOOKUP_LIMIT).execute());

  const sharedPhones = new Map<number, { kind: PhoneKind; e164: string }[]>();
  const phoneKeys = [...new Set((probe.phones ?? []).map((p) => reversed(digitsOf(p))).filter((k) => k.length >= 7))];
  if (phoneKeys.length > 0) {
    const hits = await db.selectFrom('patient_search_phone').select(['doc_id', 'kind', 'reversed']).where('reversed', 'in', phoneKeys).limit(LOOKUP_LIMIT).execute();
    for (const hit of hits) sharedPhones.set(hit.doc_id, [...(sharedPhones.get(hit.doc_id) ?? []), { kind: hit.kind, e164: `+${reversed(hit.reversed)}` }]);
    const missing = [...sharedPhones.keys()].filter((id) => !docs.has(id));
    if (missing.length > 0) add(await db.selectFrom('patient_search_doc').selectAll().where('doc_id', 'in', missing).execute());
  }

  const email = probe.email?.trim().toLowerCase();
  if (email) add(await db.selectFrom('patient_search_doc').selectAll().where('email', '=', email).limit(LOOKUP_LIMIT).execute());

  add(await similarNames(db, probe));

  const order: Record<PhoneKind, number> = { mobile: 0, home: 1, work: 2 };
  return [...docs.values()]
    .filter((doc) => doc.patient_id !== probe.excludeId)
    .map((doc): CandidateRow => ({ ...doc, id: doc.patient_id, shared_phones: (sharedPhones.get(doc.doc_id) ?? []).sort((a, b) => order[a.kind] - order[b.kind]) }))
    .map((row) => ({ row, name: patientDisplayName(row), ...scoreCandidate(probe, row) }))
    .filter((c) => c.score >= POSSIBLE_DUPLICATE)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.row.mrn.localeCompare(b.row.mrn))
    .slice(0, MAX_DUPLICATE_CANDIDATES)
    .map(({ row, name, score, reasons }) => ({ id: row.id, mrn: row.mrn, displayName: name, dateOfBirth: row.date_of_birth, score, reasons }));
}

/**
 * Search rows of patients whose name has the probe's first word of the first name and longest word of the last
 * name, or a nickname of it (and, when the probe has no date of birth, a typo of either), in any field (so first
 * and last swapped are found too).
 */
async function similarNames(db: Kysely<Database>, probe: DuplicateProbe): Promise<SearchDocRow[]> {
  const given = words(probe.firstName)[0];
  const familyWords = words(probe.lastName);
  const family = familyWords.reduce<string | undefined>((longest, w) => (!longest || w.length > longest.length ? w : longest), undefined);
  const keys = [given, family].filter((w): w is string => Boolean(w));
  if (keys.length === 0) return [];

  // With a date of birth, a misspelt name is found through the birth date; typos are looked up only without one.
  const variants = probe.dateOfBirth ? [] : [...new Set(keys.flatMap((w) => (allowedTypos(w.length) > 0 ? deletionVariants(w) : [])))];
  const terms =
    variants.length === 0
      ? []
      : (await db.selectFrom('patient_search_variant').select('term').distinct().where('variant', 'in', variants).execute()).map((r) => r.term);
  const group = (word: string, isGiven: boolean): FtsAlternative[] => {
    const alternatives = new Set<string>([word]);
    const typos = allowedTypos(word.length);
    for (const term of terms) if (typos > 0 && editDistance(word, term, typos) <= typos) alternatives.add(term);
    if (isGiven) for (const nick of nicknamesOf(word)) alternatives.add(nick);
    if (!isGiven && familyWords.length > 1) alternatives.add(familyWords.join(''));
    return [...alternatives].slice(0, 24).map((w) => ({ word: w, prefix: false }));
  };
  const groups: FtsAlternative[][] = [];
  if (given) groups.push(group(given, true));
  if (family) groups.push(group(family, false));
  const expression = matchExpression(groups);
  return expression ? ftsCandidates(db, expression, NAME_LOOKUP_LIMIT) : [];
}
