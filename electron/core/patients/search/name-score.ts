import { hasNicknames, nicknameRelation } from '../duplicates/nicknames';
import type { IndexedNameFields } from './fts';
import { allowedTypos, editDistance, jaroWinkler } from './similarity';

/**
 * How well typed name words fit one patient's name, in [0, 1] plus up to 0.02 for the order typed. Words may come in
 * any order and each is matched to the best remaining name word of the patient (first, middle, last or preferred
 * name). Used to rank search results; the index only proposes candidates.
 */

type Field = keyof IndexedNameFields;
const FIELDS: readonly Field[] = ['first', 'middle', 'last', 'preferred'];
/** A word that only fits the middle name counts a little less. */
const FIELD_WEIGHT: Readonly<Record<Field, number>> = { first: 1, middle: 0.92, last: 1, preferred: 1 };
/** Below this, a typed word does not fit the name at all and the patient is not a result. */
export const MIN_WORD_SIMILARITY = 0.7;

/**
 * One typed word against one name word: exact 1; a nickname 0.9 (both short for the same name 0.85); the start of
 * the word 0.93–0.95 (0.8–0.95 for one or two letters) by how much was typed; a typo within the allowed edits its
 * Jaro–Winkler similarity, at most 0.92 (0.95 when it is also a nickname, "jon" / "john").
 */
export function wordSimilarity(typed: string, word: string): number {
  if (typed === word) return 1;
  const relation = hasNicknames(typed) ? nicknameRelation(typed, word) : null;
  const nickname = relation ? (relation.kind === 'nickname' ? 0.9 : 0.85) : 0;
  let best = nickname;
  // The start of a word: from three letters on it beats a typo ("smithe" is Smithers being typed, not Smith).
  if (word.startsWith(typed)) best = Math.max(best, typed.length >= 3 ? 0.93 + (0.02 * typed.length) / word.length : 0.8 + (0.15 * typed.length) / word.length);
  const typos = allowedTypos(typed.length);
  if (typos > 0) {
    const distance = editDistance(typed, word, typos);
    if (distance <= typos) {
      const typo = Math.min(0.92, jaroWinkler(typed, word)) * (distance === 1 ? 1 : 0.97);
      // A nickname that is also one slip away ("jon" / "john") beats a mere slip ("jon" / "joan").
      best = Math.max(best, nickname > 0 ? Math.min(0.95, typo + 0.03) : typo);
    }
  }
  return best;
}

const FIELD_INDEX: readonly Field[] = FIELDS;

/** Word-pair similarities remembered across the candidates of one search (the same names recur). */
export type SimilarityCache = Map<string, Map<string, number>>;

function cachedSimilarity(typed: string, word: string, cache: SimilarityCache | undefined): number {
  if (!cache) return wordSimilarity(typed, word);
  let row = cache.get(typed);
  if (!row) cache.set(typed, (row = new Map()));
  let value = row.get(word);
  if (value === undefined) {
    value = wordSimilarity(typed, word);
    row.set(word, value);
  }
  return value;
}

// Scratch space for one scoring (no allocation per candidate): the patient's name words and their fields.
const slotWords: string[] = [];
const slotFields: number[] = [];
const usedSlots: number[] = [];

export function scoreName(typed: readonly string[], lastNameWords: number, fields: IndexedNameFields, cache?: SimilarityCache): number {
  const n = typed.length;
  if (n === 0) return 0;
  let slots = 0;
  for (let f = 0; f < FIELD_INDEX.length; f++) {
    const text = fields[FIELD_INDEX[f] as Field];
    if (!text) continue;
    let start = 0;
    for (;;) {
      const space = text.indexOf(' ', start);
      slotWords[slots] = space < 0 ? text.slice(start) : text.slice(start, space);
      slotFields[slots] = f;
      slots++;
      if (space < 0) break;
      start = space + 1;
    }
  }
  if (slots === 0) return 0;

  // Each typed word takes its best name word; one name word cannot answer for two typed words in full (a second
  // use counts half). With one or two typed words (nearly every search) the surest word chooses first.
  let total = 0;
  let firstField = -1;
  let lastField = -1;
  let fits = 0;
  usedSlots.length = 0;
  let order: number[];
  if (n === 1) order = [0];
  else {
    const best = typed.map((word) => bestOf(word, slots, cache));
    order = typed.map((_, i) => i).sort((a, b) => (best[b] as number) - (best[a] as number) || a - b);
  }
  for (const i of order) {
    const word = typed[i] as string;
    let bestValue = 0;
    let bestSlot = -1;
    for (let s = 0; s < slots; s++) {
      let v = cachedSimilarity(word, slotWords[s] as string, cache) * FIELD_WEIGHT[FIELD_INDEX[slotFields[s] as number] as Field];
      if (usedSlots.includes(s)) v /= 2;
      if (v > bestValue) {
        bestValue = v;
        bestSlot = s;
      }
    }
    if (bestValue < MIN_WORD_SIMILARITY || bestSlot < 0) return 0;
    usedSlots.push(bestSlot);
    const field = FIELD_INDEX[slotFields[bestSlot] as number] as Field;
    if (i === 0) firstField = slotFields[bestSlot] as number;
    if (i === n - 1) lastField = slotFields[bestSlot] as number;
    if (lastNameWords > 0 && (i < lastNameWords ? field === 'last' : field !== 'last')) fits++;
    total += bestValue;
  }
  let score = total / n;
  // Small bonuses for the order the desk typed: "smith, jo" (last name first) or "jo smith".
  if (lastNameWords > 0) score += (0.02 * fits) / n;
  else if (n >= 2 && (FIELD_INDEX[firstField] === 'first' || FIELD_INDEX[firstField] === 'preferred') && FIELD_INDEX[lastField] === 'last') score += 0.01;
  return score; // may exceed 1 by the small order bonus; only the ranking uses it
}

function bestOf(word: string, slots: number, cache: SimilarityCache | undefined): number {
  let best = 0;
  for (let s = 0; s < slots; s++) best = Math.max(best, cachedSimilarity(word, slotWords[s] as string, cache));
  return best;
}
