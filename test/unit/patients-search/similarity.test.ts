import { describe, expect, it } from 'vitest';
import { nicknameRelation, nicknamesOf, nicknameTableSize } from '../../../electron/core/patients/duplicates/nicknames';
import { scoreName, wordSimilarity } from '../../../electron/core/patients/search/name-score';
import { addressKey, deletionVariants, foldText, indexedName, words } from '../../../electron/core/patients/search/normalize';
import { parseSearchQuery } from '../../../electron/core/patients/search/query';
import { editDistance, jaro, jaroWinkler } from '../../../electron/core/patients/search/similarity';

const TODAY = '2026-03-02';

describe('folding names', () => {
  it('lower-cases, folds accents and special letters, drops apostrophes, splits on punctuation', () => {
    expect(foldText("José O'Brien-Núñez")).toBe('jose obrien nunez');
    expect(foldText('Łukasz Strauß Ærø')).toBe('lukasz strauss aero');
    expect(words('  Mary-Ann  ')).toEqual(['mary', 'ann']);
    expect(words('😀 ℌ𝔢𝔩𝔩𝔬')).toEqual(['hello']);
    expect(words(null)).toEqual([]);
  });

  it('indexes multi-word names both as words and run together', () => {
    expect(indexedName('De La Cruz')).toBe('de la cruz delacruz');
    expect(indexedName('Smith')).toBe('smith');
    expect(indexedName(null)).toBe('');
  });

  it('makes the one-deletion variants SymSpell looks typos up by', () => {
    expect(deletionVariants('smith').sort()).toEqual(['mith', 'sith', 'smih', 'smit', 'smith', 'smth']);
    expect(deletionVariants('wu')).toEqual(['wu']);
    // "smth" (typed) is itself a variant of "smith"; "jhon" and "john" share "jon".
    expect(deletionVariants('smith')).toContain('smth');
    expect(deletionVariants('jhon').filter((v) => deletionVariants('john').includes(v))).toContain('jon');
  });

  it('compares street addresses with the usual abbreviations', () => {
    expect(addressKey('123 North Main Street')).toBe(addressKey('123 N. Main St'));
    expect(addressKey('12 Oak Avenue, Apt 4')).toBe('12 oak ave apt 4');
  });
});

describe('string similarity', () => {
  it('Jaro–Winkler matches the textbook values', () => {
    expect(jaro('martha', 'marhta')).toBeCloseTo(0.944, 3);
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });

  it('edit distance counts a swap of neighbours as one edit and stops early', () => {
    expect(editDistance('smith', 'smith')).toBe(0);
    expect(editDistance('smth', 'smith')).toBe(1);
    expect(editDistance('smtih', 'smith')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('nicknames', () => {
  it('holds a few hundred common pairs', () => {
    const size = nicknameTableSize();
    expect(size.formalNames).toBeGreaterThan(200);
    expect(size.pairs).toBeGreaterThan(500);
  });

  it.each([
    ['bob', 'robert'],
    ['bill', 'william'],
    ['liz', 'elizabeth'],
    ['peggy', 'margaret'],
    ['jack', 'john'],
    ['pepe', 'jose'],
  ])('%s is a nickname of %s, both ways', (short, formal) => {
    expect(nicknameRelation(short, formal)).toEqual({ kind: 'nickname', formal, short });
    expect(nicknameRelation(formal, short)).toEqual({ kind: 'nickname', formal, short });
    expect(nicknamesOf(short)).toContain(formal);
  });

  it('knows two short forms of the same name, and unrelated names', () => {
    expect(nicknameRelation('bob', 'rob')).toEqual({ kind: 'same-formal', formal: 'robert' });
    expect(nicknameRelation('bob', 'william')).toBeNull();
    expect(nicknameRelation('bob', 'bob')).toBeNull();
  });
});

describe('scoring a name against typed words', () => {
  const john = { first: 'john', middle: 'quincy', last: 'smith', preferred: '' };
  const joan = { first: 'joan', middle: '', last: 'smith', preferred: '' };
  const jonathan = { first: 'jonathan', middle: '', last: 'smithers', preferred: '' };

  it('exact beats unfinished beats typo; a nickname-and-typo beats a mere typo', () => {
    expect(wordSimilarity('smith', 'smith')).toBe(1);
    expect(wordSimilarity('smithe', 'smithers')).toBeGreaterThan(wordSimilarity('smithe', 'smith'));
    expect(wordSimilarity('jon', 'john')).toBeGreaterThan(wordSimilarity('jon', 'joan'));
    expect(wordSimilarity('bob', 'robert')).toBe(0.9);
    expect(wordSimilarity('xyz', 'smith')).toBe(0);
  });

  it('"jon smth" fits John Smith best', () => {
    const [a, b, c] = [john, joan, jonathan].map((fields) => scoreName(['jon', 'smth'], 0, fields));
    expect(a).toBeGreaterThan(b as number);
    expect(a).toBeGreaterThan(c as number);
    expect(scoreName(['smith', 'jon'], 0, john)).toBeGreaterThan(0.9);
  });

  it('a word that fits nothing rules the patient out', () => {
    expect(scoreName(['john', 'jones'], 0, john)).toBe(0);
    expect(scoreName(['smith', 'smith'], 0, john)).toBe(0); // one "smith" cannot answer for two
  });

  it('rewards "last, first" typed that way', () => {
    const swapped = { first: 'smith', middle: '', last: 'john', preferred: '' };
    expect(scoreName(['smith', 'john'], 1, john)).toBeGreaterThan(scoreName(['smith', 'john'], 1, swapped));
  });
});

describe('reading the search box', () => {
  it.each([
    ['03/14/1962', '1962-03-14'],
    ['3/14/62', '1962-03-14'],
    ['1962-03-14', '1962-03-14'],
  ])('%s is a date of birth', (typed, dob) => {
    expect(parseSearchQuery(typed, TODAY)).toMatchObject({ dateOfBirth: dob, nameWords: [], phoneDigits: null });
  });

  it.each([
    ['(312) 555-0142', '3125550142'],
    ['+1 312 555 0142', '13125550142'],
    ['0142', '0142'],
  ])('%s is phone digits', (typed, digits) => {
    expect(parseSearchQuery(typed, TODAY)).toMatchObject({ phoneDigits: digits, nameWords: [], dateOfBirth: null });
  });

  it('reads MRNs as typed and in our format', () => {
    expect(parseSearchQuery('cd123', TODAY).mrns).toEqual(['CD123', 'CD-000123']);
    expect(parseSearchQuery('CD-000123', TODAY).mrns).toEqual(['CD-000123', 'CD-000123']);
    expect(parseSearchQuery('000123', TODAY)).toMatchObject({ mrns: ['CD-000123'], phoneDigits: '000123' });
  });

  it('splits a mix into name words, date and phone, and notes "last, first"', () => {
    expect(parseSearchQuery('Smith, Jo 3/14/62', TODAY)).toMatchObject({ nameWords: ['smith', 'jo'], lastNameWords: 1, dateOfBirth: '1962-03-14' });
    expect(parseSearchQuery('garcia 555-0142', TODAY)).toMatchObject({ nameWords: ['garcia'], phoneDigits: '5550142' });
    expect(parseSearchQuery('a b c d e f g h', TODAY).nameWords).toHaveLength(6);
    expect(parseSearchQuery('', TODAY)).toEqual({ mrns: [], dateOfBirth: null, phoneDigits: null, nameWords: [], lastNameWords: 0 });
  });
});
