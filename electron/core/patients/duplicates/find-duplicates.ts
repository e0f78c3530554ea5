import type { Kysely } from 'kysely';
import type { DuplicateCandidate } from '../../../../shared/contract/patients';
import type { Database } from '../../db/schema';
import { patientDisplayName } from '../repository';
import { ftsCandidates, matchExpression, type FtsAlternative } from '../search/fts';
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

const CANDIDATE_COLUMNS = [
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
  'email',
  'address_line1',
  'postal_code',
] as const satisfies readonly (keyof CandidateRow)[];

/**
 * Records that may be the same person as the probe, most likely first, each with a score (0–100) and its reasons
 * (score.ts); only scores of 40 and above. Merged records are never candidates.
 *
 * Candidates are proposed by indexed lookups only — the same date of birth (or with day and month swapped), a
 * shared phone number, the same email, and a similar name (same words, nicknames, typos, in either order) through
 * the name index — and then scored in TypeScript, so the cost does not grow with the size of the clinic.
 */
export async function findDuplicateCandidates(db: Kysely<Database>, probe: DuplicateProbe): Promise<DuplicateCandidate[]> {
  const ids = new Set<string>();

  const dates = new Set<string>();
  if (probe.dateOfBirth) {
    dates.add(probe.dateOfBirth);
    const [y, m, d] = probe.dateOfBirth.split('-');
    if (y && m && d && m !== d && Number(d) <= 12) dates.add(`${y}-${d}-${m}`);
  }
  if (dates.size > 0) {
    const rows = await db.selectFrom('patient').select('id').where('date_of_birth', 'in', [...dates]).where('merged_into', 'is', null).limit(LOOKUP_LIMIT).execute();
    for (const row of rows) ids.add(row.id);
  }

  const phoneKeys = [...new Set((probe.phones ?? []).map((p) => reversed(digitsOf(p))).filter((k) => k.length >= 7))];
  if (phoneKeys.length > 0) {
    const rows = await db.selectFrom('patient_search_phone').select('patient_id').where('reversed', 'in', phoneKeys).limit(LOOKUP_LIMIT).execute();
    for (const row of rows) ids.add(row.patient_id);
  }

  const email = probe.email?.trim().toLowerCase();
  if (email) {
    const rows = await db.selectFrom('patient').select('id').where('email', '=', email).where('merged_into', 'is', null).limit(LOOKUP_LIMIT).execute();
    for (const row of rows) ids.add(row.id);
  }

  for (const id of await similarNames(db, probe)) ids.add(id);

  if (probe.excludeId) ids.delete(probe.excludeId);
  if (ids.size === 0) return [];

  const rows: CandidateRow[] = [];
  const all = [...ids];
  for (let i = 0; i < all.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('patient')
        .select(CANDIDATE_COLUMNS)
        .where('id', 'in', all.slice(i, i + 500))
        .where('merged_into', 'is', null)
        .execute()),
    );
  }
  return rows
    .map((row) => ({ row, name: patientDisplayName(row), ...scoreCandidate(probe, row) }))
    .filter((c) => c.score >= POSSIBLE_DUPLICATE)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.row.mrn.localeCompare(b.row.mrn))
    .slice(0, MAX_DUPLICATE_CANDIDATES)
    .map(({ row, name, score, reasons }) => ({ id: row.id, mrn: row.mrn, displayName: name, dateOfBirth: row.date_of_birth, score, reasons }));
}

/** Patients whose name has the probe's first word of the first name and longest word of the last name, give or take a typo or nickname, in any field. */
async function similarNames(db: Kysely<Database>, probe: DuplicateProbe): Promise<string[]> {
  const given = words(probe.firstName)[0];
  const familyWords = words(probe.lastName);
  const family = familyWords.reduce<string | undefined>((longest, w) => (!longest || w.length > longest.length ? w : longest), undefined);
  const keys = [given, family].filter((w): w is string => Boolean(w));
  if (keys.length === 0) return [];

  const variants = [...new Set(keys.flatMap((w) => (allowedTypos(w.length) > 0 ? deletionVariants(w) : [])))];
  const terms =
    variants.length === 0
      ? []
      : [...new Set((await db.selectFrom('patient_search_variant').select('term').where('variant', 'in', variants).execute()).map((r) => r.term))];
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
  if (!expression) return [];
  return (await ftsCandidates(db, expression, LOOKUP_LIMIT)).map((row) => row.patient_id);
}
