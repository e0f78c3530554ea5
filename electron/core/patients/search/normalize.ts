/**
 * How names, phones and free text are reduced before they are indexed or compared: lower case, accents folded,
 * punctuation dropped. The index and the query go through the same functions, so "José O'Brien-Núñez" is found by
 * "jose obrien nunez". Pure functions, no database.
 */

/** Letters that NFKD does not decompose into a base letter plus marks. */
const FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ŀ: 'l' };
const FOLD_PATTERN = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g');

/** Lower case, accents and marks removed, apostrophes dropped ("O'Brien" → "obrien"), other punctuation → spaces. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLD_PATTERN, (c) => FOLDS[c] ?? c)
    .replace(/['’‘`ʼ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a name or query, folded: letters and digits only, never empty strings. */
export function words(text: string | null | undefined): string[] {
  if (!text) return [];
  const folded = foldText(text);
  return folded ? folded.split(' ') : [];
}

/**
 * The indexed form of one name field: its words, plus the words run together when there are several
 * ("De La Cruz" → "de la cruz delacruz"), so either spelling at the desk finds it.
 */
export function indexedName(text: string | null | undefined): string {
  const parts = words(text);
  if (parts.length > 1) parts.push(parts.join(''));
  return parts.join(' ');
}

/** Every distinct word of an indexed name field. */
export function termsOf(indexed: string): string[] {
  return indexed ? [...new Set(indexed.split(' '))] : [];
}

/** Shortest word that gets typo-tolerant variants in the vocabulary, and shortest variant kept. */
export const MIN_VARIANT_LENGTH = 2;

/**
 * The term itself and every string made by deleting one character ("smith" → smith, mith, sith, smth, smih, smit).
 * Two words within one edit (or one substitution or swap of neighbours) share at least one of these — the
 * "symmetric delete" idea of SymSpell — so typo candidates are found by equality lookups, without scanning.
 */
export function deletionVariants(term: string): string[] {
  const chars = [...term];
  const out = new Set<string>([term]);
  if (chars.length > MIN_VARIANT_LENGTH) {
    for (let i = 0; i < chars.length; i++) out.add(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  }
  return [...out];
}

/** Digits only: "+1 (312) 555-0142" → "13125550142". */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

export function reversed(text: string): string {
  return [...text].reverse().join('');
}

/** A street address for comparison: folded, common words abbreviated ("123 North Main Street" = "123 n main st"). */
const STREET_WORDS: Readonly<Record<string, string>> = {
  street: 'st',
  avenue: 'ave',
  av: 'ave',
  road: 'rd',
  drive: 'dr',
  boulevard: 'blvd',
  lane: 'ln',
  court: 'ct',
  place: 'pl',
  terrace: 'ter',
  parkway: 'pkwy',
  highway: 'hwy',
  circle: 'cir',
  square: 'sq',
  apartment: 'apt',
  suite: 'ste',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};
export function addressKey(text: string | null | undefined): string {
  return words(text)
    .map((w) => STREET_WORDS[w] ?? w)
    .join(' ');
}
