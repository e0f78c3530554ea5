import { parseTypedDate } from '../../../../shared/patients/dates';
import { formatMrn } from '../repository';
import { digitsOf, words } from './normalize';

/** What one search box entry asks for. Any mix is allowed: "smith 3/14/62", "garcia 0142", "CD-000123". */
export interface ParsedQuery {
  /** MRN spellings to try exactly ("cd123" → CD-000123). */
  mrns: string[];
  dateOfBirth: string | null;
  /** At least four digits: the whole number, its last seven, or its last four. */
  phoneDigits: string | null;
  /** Folded name words, in the order typed (at most MAX_NAME_WORDS). */
  nameWords: string[];
  /** How many of nameWords were typed before a comma ("smith, jo": 1), i.e. are meant as the last name. */
  lastNameWords: number;
}

export const MAX_QUERY_LENGTH = 200;
export const MAX_NAME_WORDS = 6;
const MAX_WORD_LENGTH = 40;
/** The digits of an MRN after its prefix (formatMrn pads to six). */
const MRN_DIGITS = 6;

const PHONE_TEXT = /^[+\d\s().-]+$/;
const PHONE_PIECE = /^[+\d().-]+$/;
/** Our MRNs ("CD-000123", also typed "cd123" or "cd 123"), or any letters-hyphen-digits code typed exactly. */
const MRN_TEXT = /^(cd)[-\s]?(\d{1,12})$|^([a-z]{1,4})-(\d{1,12})$/i;

export function parseSearchQuery(input: string, today: string): ParsedQuery {
  const text = input.normalize('NFC').trim().slice(0, MAX_QUERY_LENGTH);
  const parsed: ParsedQuery = { mrns: [], dateOfBirth: null, phoneDigits: null, nameWords: [], lastNameWords: 0 };
  if (!text) return parsed;

  const mrn = MRN_TEXT.exec(text);
  if (mrn) {
    // "CD-000123", "cd123", "cd 123": an MRN and nothing else.
    parsed.mrns.push(text.toUpperCase());
    const n = Number(mrn[2] ?? mrn[4]);
    if ((mrn[1] ?? mrn[3] ?? '').toUpperCase() === 'CD' && Number.isSafeInteger(n) && n > 0) parsed.mrns.push(formatMrn(n));
    return parsed;
  } else if (/^\d+$/.test(text) && text.length === MRN_DIGITS && Number(text) > 0) {
    parsed.mrns.push(formatMrn(Number(text)));
  }

  const whole = parseTypedDate(text, today);
  if (whole) {
    parsed.dateOfBirth = whole;
    return parsed;
  }
  if (PHONE_TEXT.test(text)) {
    const digits = digitsOf(text);
    if (digits.length >= 4) parsed.phoneDigits = digits;
    return parsed;
  }

  const comma = text.indexOf(',');
  const digitPieces: string[] = [];
  let offset = 0;
  for (const piece of text.split(/[\s,]+/)) {
    const at = text.indexOf(piece, offset);
    offset = at + piece.length;
    if (!piece) continue;
    const date = parsed.dateOfBirth ? null : parseTypedDate(piece, today);
    if (date) {
      parsed.dateOfBirth = date;
      continue;
    }
    if (PHONE_PIECE.test(piece)) {
      const digits = digitsOf(piece);
      if (digits) digitPieces.push(digits);
      continue;
    }
    for (const word of words(piece)) {
      if (/^\d+$/.test(word) || parsed.nameWords.length >= MAX_NAME_WORDS) continue;
      parsed.nameWords.push(word.slice(0, MAX_WORD_LENGTH));
      if (comma >= 0 && at < comma) parsed.lastNameWords++;
    }
  }
  const digits = digitPieces.join('');
  if (digits.length >= 4) parsed.phoneDigits = digits;
  if (parsed.lastNameWords === parsed.nameWords.length) parsed.lastNameWords = 0;
  return parsed;
}
