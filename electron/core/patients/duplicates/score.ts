import { formatPhone } from '../../../../shared/patients/phone';
import { addressKey, words } from '../search/normalize';
import { allowedTypos, editDistance, jaroWinkler } from '../search/similarity';
import { nicknameRelation } from './nicknames';

/**
 * Scoring one existing record against a person being registered (0–100). The points, documented in
 * docs/DECISIONS.md and shown to the desk as reasons in plain words:
 *
 *   name          up to 45: first name 20 (or the preferred or middle name), last name 25; a nickname counts 0.95,
 *                 a typo up to 0.93, one of several words 0.9, the middle name 0.85, a bare initial 0.6; first and
 *                 last swapped count 0.95 of the same. A clearly different first name: −15, and the total stays
 *                 below "likely" (twins and siblings share everything else).
 *   date of birth exact 30; day and month swapped 26; one digit off (or two neighbours swapped) 18;
 *                 otherwise, when both are known: −20.
 *   phone         any number in common 26.   email  same address 20.
 *   address       same street address 10, same ZIP code 5.
 *
 * 70 and above is "likely the same person" (registration stops and shows it); 40–69 "possibly"; below 40 is not a
 * candidate. Worked examples: Bob/Robert Smith with the same birthday 74; the same name and birthday with the day
 * and month swapped 71; Jonh Smtih/John Smith born the same day 72; Liz/Elizabeth Nguyen with the same phone 70;
 * twins (same last name, birthday, phone and address) 65 at most; a spouse (same last name, phone and address) 31.
 */

export const LIKELY_DUPLICATE = 70;
export const POSSIBLE_DUPLICATE = 40;

const POINTS = {
  firstName: 20,
  lastName: 25,
  swappedFactor: 0.95,
  differentFirstName: -15,
  dobExact: 30,
  dobSwapped: 26,
  dobOneDigit: 18,
  dobDifferent: -20,
  phone: 26,
  email: 20,
  address: 10,
  postalCode: 5,
} as const;

export interface DuplicateProbe {
  firstName: string;
  lastName: string;
  dateOfBirth?: string | undefined;
  /** E.164. */
  phones?: string[] | undefined;
  email?: string | undefined;
  postalCode?: string | undefined;
  addressLine1?: string | undefined;
  /** The record being edited, which is not its own duplicate. */
  excludeId?: string | undefined;
}

/** An existing record as the duplicate check sees it (its search row, see patient_search_doc). */
export interface CandidateRow {
  id: string;
  mrn: string;
  first_name: string;
  middle_name: string | null;
  last_name: string;
  suffix: string | null;
  preferred_name: string | null;
  date_of_birth: string;
  /** The record's numbers that equal one of the probe's, with their kind (E.164). */
  shared_phones: readonly { kind: 'mobile' | 'home' | 'work'; e164: string }[];
  email: string | null;
  /** The street address folded by addressKey. */
  address_key: string | null;
  postal_code: string | null;
}

type How = 'same' | 'nickname' | 'same-formal' | 'typo' | 'partial' | 'middle' | 'initial' | 'none';
/** Registered under the middle name ("James Robert Smith" as "Robert Smith"). */
const MIDDLE_NAME_SIM = 0.85;
interface NameMatch {
  sim: number;
  how: How;
  typed: string;
  found: string;
  formal?: string;
}

const NONE: NameMatch = { sim: 0, how: 'none', typed: '', found: '' };

/** Two names (a given name, or a family name) compared the way the desk would. */
export function compareNames(typedName: string | null | undefined, foundName: string | null | undefined, given: boolean): NameMatch {
  const a = words(typedName);
  const b = words(foundName);
  if (a.length === 0 || b.length === 0) return NONE;
  const typed = (typedName ?? '').trim();
  const found = (foundName ?? '').trim();
  const ja = a.join('');
  const jb = b.join('');
  if (ja === jb) return { sim: 1, how: 'same', typed, found };
  if (given) {
    const relation = nicknameRelation(a[0] ?? '', b[0] ?? '');
    if (relation) return { sim: relation.kind === 'nickname' ? 0.95 : 0.88, how: relation.kind, typed, found, formal: relation.formal };
  }
  const typos = allowedTypos(Math.min(ja.length, jb.length));
  const jw = jaroWinkler(ja, jb);
  if ((typos > 0 && editDistance(ja, jb, typos) <= typos && jw >= 0.8) || jw >= 0.92) return { sim: Math.min(0.93, jw), how: 'typo', typed, found };
  if ((a.length > 1 || b.length > 1) && a.some((w) => w.length > 1 && b.includes(w))) return { sim: 0.9, how: 'partial', typed, found };
  if (given && ((a[0]?.length === 1 && b[0]?.startsWith(a[0])) || (b[0]?.length === 1 && a[0]?.startsWith(b[0])))) return { sim: 0.6, how: 'initial', typed, found };
  return NONE;
}

const titleCase = (name: string) => name.replace(/\p{L}+/gu, (w) => w.charAt(0).toUpperCase() + w.slice(1));

function describe(part: 'First name' | 'Last name', m: NameMatch): string | null {
  switch (m.how) {
    case 'same':
      return `Same ${part.toLowerCase()}`;
    case 'nickname':
      return words(m.typed)[0] === m.formal ? `${part} ${m.found} is a nickname of ${m.typed}` : `${part} ${m.typed} is a nickname of ${m.found}`;
    case 'same-formal':
      return `${part}s ${m.typed} and ${m.found} are both short for ${titleCase(m.formal ?? '')}`;
    case 'typo':
      return `${part} spelled similarly (${m.typed} / ${m.found})`;
    case 'partial':
      return `${part} ${m.typed} shares a word with ${m.found}`;
    case 'middle':
      return `First name ${m.typed} is the middle name`;
    case 'initial':
      return `Same first initial (${m.typed} / ${m.found})`;
    default:
      return null;
  }
}

function usDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${m}/${d}/${y}`;
}

function dobMatch(typed: string, found: string): { points: number; reason: string } {
  if (typed === found) return { points: POINTS.dobExact, reason: 'Same date of birth' };
  const [ty, tm, td] = typed.split('-');
  const [fy, fm, fd] = found.split('-');
  if (ty === fy && tm === fd && td === fm) return { points: POINTS.dobSwapped, reason: `Date of birth with day and month swapped (${usDate(typed)} / ${usDate(found)})` };
  const a = typed.replaceAll('-', '');
  const b = found.replaceAll('-', '');
  if (a.length === b.length) {
    const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
    const swappedNeighbours = diff.length === 2 && diff[1] === (diff[0] ?? 0) + 1 && a[diff[0] ?? 0] === b[diff[1] ?? 0] && a[diff[1] ?? 0] === b[diff[0] ?? 0];
    if (diff.length === 1 || swappedNeighbours) return { points: POINTS.dobOneDigit, reason: `Date of birth differs by one digit (${usDate(typed)} / ${usDate(found)})` };
  }
  return { points: POINTS.dobDifferent, reason: 'Different date of birth' };
}

export function scoreCandidate(probe: DuplicateProbe, row: CandidateRow): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let total = 0;
  let capBelowLikely = false;

  // Name: straight, or first and last swapped.
  const byFirst = compareNames(probe.firstName, row.first_name, true);
  const byPreferred = compareNames(probe.firstName, row.preferred_name, true);
  const byMiddle = compareNames(probe.firstName, row.middle_name, true);
  let first = byPreferred.sim > byFirst.sim ? byPreferred : byFirst;
  if (byMiddle.how === 'same' && first.sim < MIDDLE_NAME_SIM) first = { ...byMiddle, sim: MIDDLE_NAME_SIM, how: 'middle' };
  const last = compareNames(probe.lastName, row.last_name, false);
  const straight = POINTS.firstName * first.sim + POINTS.lastName * last.sim;
  const swappedFirst = compareNames(probe.firstName, row.last_name, false);
  const swappedLast = compareNames(probe.lastName, row.first_name, false);
  const swapped = swappedFirst.sim >= 0.85 && swappedLast.sim >= 0.85 ? POINTS.swappedFactor * (POINTS.firstName * swappedFirst.sim + POINTS.lastName * swappedLast.sim) : 0;
  if (swapped > straight) {
    total += swapped;
    reasons.push(`First and last names swapped (${probe.firstName.trim()} ${probe.lastName.trim()} / ${row.first_name} ${row.last_name})`);
  } else {
    total += straight;
    if (first.how === 'same' && last.how === 'same') reasons.push('Same first and last name');
    else {
      const f = describe('First name', first);
      const l = describe('Last name', last);
      if (f) reasons.push(first === byPreferred && first.how === 'same' ? 'First name matches the preferred name' : f);
      if (l) reasons.push(l);
    }
    if (first.sim < 0.5 && words(probe.firstName).length > 0 && words(row.first_name).length > 0) {
      total += POINTS.differentFirstName;
      capBelowLikely = true;
      reasons.push('Different first name');
    }
  }

  if (probe.dateOfBirth) {
    const dob = dobMatch(probe.dateOfBirth, row.date_of_birth);
    total += dob.points;
    reasons.push(dob.reason);
  }

  const shared = row.shared_phones[0];
  if (shared) {
    total += POINTS.phone;
    reasons.push(`Same phone number (${shared.kind} ${formatPhone(shared.e164)})`);
  }

  if (probe.email && row.email && probe.email.trim().toLowerCase() === row.email.trim().toLowerCase()) {
    total += POINTS.email;
    reasons.push('Same email address');
  }
  const street = addressKey(probe.addressLine1);
  if (street && street === row.address_key) {
    total += POINTS.address;
    reasons.push('Same street address');
  }
  if (probe.postalCode && row.postal_code && probe.postalCode.trim().slice(0, 5) === row.postal_code.trim().slice(0, 5)) {
    total += POINTS.postalCode;
    reasons.push('Same ZIP code');
  }
  const score = Math.max(0, Math.min(capBelowLikely ? LIKELY_DUPLICATE - 1 : 100, Math.round(total)));
  return { score, reasons };
}
