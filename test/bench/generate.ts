import { nicknamesOf } from '../../electron/core/patients/duplicates/nicknames';
import { foldText } from '../../electron/core/patients/search/normalize';
import type { PatientFields, RelatedPersonFields } from '../../shared/patients/schemas';
import { CITIES_ZIPS, EMAIL_DOMAINS, FEMALE_NAMES, LOCAL_AREA_CODES, MALE_NAMES, OTHER_AREA_CODES, STREETS, STREET_TYPES, SURNAMES, SURNAME_ENDINGS, SYLLABLES } from './names';

/**
 * A deterministic synthetic clinic: the same seed and size give the same people, byte for byte.
 *
 * Distributions (modelled, documented in docs/PERFORMANCE.md):
 * - surnames: 45% from the ranked list with Zipf weights (rank^-0.5: Smith ≈ 1.1% of patients, the census says
 *   0.8%; the top few hundred names cover about 45%), 55% from a made-up tail of patients/8 names (rare surnames, a
 *   handful of patients each); 25% of patients share a household (and usually the surname, home phone and address)
 *   with the one before;
 * - given names: by sex, 80% from the ranked lists (rank^-0.6: James ≈ 4.5% of men, the 1990 census says 3.3%), 20%
 *   from a made-up tail of patients/40 names; 55% have a middle name (1 in 10 only an initial); 7% go by a nickname
 *   (preferred name) when their name has one;
 * - ages: 0–4 6%, 5–17 12%, 18–29 13%, 30–44 18%, 45–64 28%, 65–79 17%, 80–99 6%, uniform within a band;
 * - phones: 88% a mobile, 30% a home, 8% a work number; 85% in the clinic's area codes;
 * - 55% an email, 90% an address; 95% active, 4% inactive, 1% deceased; 20% one related person;
 *   15% one to three later changes in their history.
 */

/** sfc32, seeded through splitmix32: small, fast, and good enough for test data. */
export function createRandom(seed: number) {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
  };
}
export type Random = ReturnType<typeof createRandom>;

/** The benchmark database's key, derived from the seed so a kept database (--keep) can be reopened. Test data only. */
export function benchKey(seed: number): Uint8Array {
  const random = createRandom(seed ^ 0x5eed);
  return Uint8Array.from({ length: 32 }, () => random.int(256));
}

/** Weighted picking by rank (Zipf, weight rank^-s) in O(log n). */
function zipf<T>(items: readonly T[], s: number) {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, i) => {
    total += 1 / Math.pow(i + 1, s);
    cumulative.push(total);
  });
  return (random: Random): T => {
    const x = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo] as T;
  };
}

function madeUpName(random: Random, ending: boolean): string {
  let name = '';
  const parts = 2 + random.int(2);
  for (let i = 0; i < parts; i++) name += random.pick(SYLLABLES);
  if (ending) name += random.pick(SURNAME_ENDINGS);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export interface GeneratedPatient {
  fields: PatientFields;
  related: RelatedPersonFields | null;
  /** Later edits recorded in the history (field, from, to). */
  changes: { field: string; oldValue: string | null; newValue: string | null }[];
}

const AGE_BANDS: readonly [number, number, number][] = [
  [0, 4, 0.06],
  [5, 17, 0.12],
  [18, 29, 0.13],
  [30, 44, 0.18],
  [45, 64, 0.28],
  [65, 79, 0.17],
  [80, 99, 0.06],
];

/** Reference day for ages, fixed so the data does not change with the calendar. */
export const REFERENCE_DAY = '2025-12-31';
const REFERENCE_MS = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;

export function createGenerator(seed: number, size: number) {
  const random = createRandom(seed);
  const tailSurnames = Array.from({ length: Math.max(50, Math.ceil(size / 8)) }, () => madeUpName(random, true));
  const tailGiven = Array.from({ length: Math.max(50, Math.ceil(size / 40)) }, () => madeUpName(random, false));
  const surname = zipf(SURNAMES, 0.5);
  const female = zipf(FEMALE_NAMES, 0.6);
  const male = zipf(MALE_NAMES, 0.6);
  let household: PatientFields | null = null;

  const phone = (local: boolean) => {
    const area = local ? random.pick(LOCAL_AREA_CODES) : random.pick(OTHER_AREA_CODES);
    let exchange = 200 + random.int(800);
    if (exchange % 100 === 11) exchange++;
    return `+1${area}${exchange}${String(random.int(10_000)).padStart(4, '0')}`;
  };
  const dateOfBirth = () => {
    let x = random.next();
    let band = AGE_BANDS[AGE_BANDS.length - 1] as [number, number, number];
    for (const b of AGE_BANDS) {
      if (x < b[2]) {
        band = b;
        break;
      }
      x -= b[2];
    }
    const ageDays = (band[0] + random.next() * (band[1] - band[0] + 1)) * 365.2425;
    return new Date(REFERENCE_MS - Math.floor(ageDays) * DAY_MS).toISOString().slice(0, 10);
  };
  const givenName = (sex: 'female' | 'male') => (random.chance(0.2) ? random.pick(tailGiven) : sex === 'female' ? female(random) : male(random));

  function next(): GeneratedPatient {
    const sex = random.chance(0.52) ? 'female' : 'male';
    const firstName = givenName(sex);
    const sameHousehold: PatientFields | null = household && random.chance(0.25) ? household : null;
    const lastName = sameHousehold && random.chance(0.85) ? sameHousehold.lastName : random.chance(0.55) ? random.pick(tailSurnames) : surname(random);
    const middle = random.chance(0.55) ? givenName(sex) : null;
    const nicknames = nicknamesOf(foldText(firstName)).filter((n) => n.length < foldText(firstName).length);
    const preferredName = nicknames.length > 0 && random.chance(0.07) ? titleCase(random.pick(nicknames)) : null;
    const local = random.chance(0.85);
    const phoneMobile = random.chance(0.88) ? phone(local) : null;
    const phoneHome = sameHousehold?.phoneHome ?? (random.chance(0.3) ? phone(local) : null);
    const phoneWork = random.chance(0.08) ? phone(true) : null;
    const [city, postalCode] = random.pick(CITIES_ZIPS);
    const hasAddress = random.chance(0.9);
    const email = random.chance(0.55) ? `${foldText(firstName).replaceAll(' ', '')}.${foldText(lastName).replaceAll(' ', '')}${random.int(100)}@${random.pick(EMAIL_DOMAINS)}` : null;
    const statusRoll = random.next();
    const fields: PatientFields = {
      firstName,
      middleName: middle ? (random.chance(0.1) ? middle.charAt(0) : middle) : null,
      lastName,
      suffix: sex === 'male' && random.chance(0.02) ? random.pick(['Jr', 'Sr', 'III']) : null,
      preferredName,
      dateOfBirth: dateOfBirth(),
      sexAtBirth: sex,
      genderIdentity: null,
      pronouns: null,
      phoneMobile,
      phoneHome,
      phoneWork,
      preferredPhone: phoneMobile ? 'mobile' : phoneHome ? 'home' : phoneWork ? 'work' : null,
      textConsent: phoneMobile !== null && random.chance(0.6),
      email,
      emailConsent: email !== null && random.chance(0.5),
      addressLine1: sameHousehold?.addressLine1 ?? (hasAddress ? `${1 + random.int(9999)} ${random.chance(0.3) ? `${random.pick(['N', 'S', 'E', 'W'])} ` : ''}${random.pick(STREETS)} ${random.pick(STREET_TYPES)}` : null),
      addressLine2: random.chance(0.15) ? `Apt ${1 + random.int(40)}` : null,
      city: sameHousehold?.city ?? (hasAddress ? city : null),
      state: sameHousehold?.state ?? (hasAddress ? 'IL' : null),
      postalCode: sameHousehold?.postalCode ?? (hasAddress ? postalCode : null),
      preferredLanguage: random.chance(0.12) ? random.pick(['Spanish', 'Polish', 'Vietnamese', 'Arabic', 'Tagalog', 'Chinese']) : null,
      interpreterNeeded: random.chance(0.05),
      preferredContactMethod: null,
      preferredContactTimes: null,
      emergencyContactName: random.chance(0.4) ? `${givenName(random.chance(0.5) ? 'female' : 'male')} ${lastName}` : null,
      emergencyContactRelationship: null,
      emergencyContactPhone: null,
      status: statusRoll < 0.95 ? 'active' : statusRoll < 0.99 ? 'inactive' : 'deceased',
    };
    if (fields.emergencyContactName) {
      fields.emergencyContactRelationship = random.pick(['spouse', 'daughter', 'son', 'parent', 'sibling', 'friend']);
      fields.emergencyContactPhone = phone(true);
    }
    household = sameHousehold ?? fields;
    const related: RelatedPersonFields | null = random.chance(0.2)
      ? {
          name: `${givenName(random.chance(0.5) ? 'female' : 'male')} ${lastName}`,
          relationship: random.pick(['spouse', 'daughter', 'son', 'caregiver', 'parent']),
          phone: phone(true),
          shareAppointments: true,
          shareBilling: random.chance(0.5),
          shareClinical: random.chance(0.3),
          authorizedFrom: '2024-01-15',
          authorizedUntil: random.chance(0.2) ? '2026-12-31' : null,
        }
      : null;
    const changes: GeneratedPatient['changes'] = [];
    if (random.chance(0.15)) {
      const n = 1 + random.int(3);
      for (let i = 0; i < n; i++) changes.push({ field: random.pick(['phoneMobile', 'email', 'addressLine1', 'preferredLanguage']), oldValue: 'previous value', newValue: 'current value' });
    }
    return { fields, related, changes };
  }

  return { next, random };
}

function titleCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** One slip of the keyboard in a word of four letters or more, never in its first letter. */
export function typo(random: Random, word: string): string {
  if (word.length < 4) return word;
  const i = 1 + random.int(word.length - 2);
  const letter = 'abcdefghijklmnopqrstuvwxyz'.charAt(random.int(26));
  switch (random.int(4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1); // dropped
    case 1:
      return word.slice(0, i) + letter + word.slice(i + 1); // wrong key
    case 2:
      return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2); // swapped neighbours
    default:
      return word.slice(0, i) + letter + word.slice(i); // extra key
  }
}
