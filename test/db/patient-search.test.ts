import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, PatientRow } from '../../electron/core/db/schema';
import { tablesLinkedToPatients } from '../../electron/core/patients/repository';
import { rebuildPatientSearch } from '../../electron/core/patients/search/index-sync';
import { searchPatients } from '../../electron/core/patients/search/search';
import type { PatientSearchResult } from '../../shared/contract/patients';
import { openTestDatabase, randomDatabaseKey, type TestDatabase } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';
import { addPatient, changePatient, mergeInto, SEARCH_TODAY, searchIndexSnapshot } from './patient-search-support';

let dir: TempDataDir;
let database: TestDatabase;
let db: Kysely<Database>;
const people: Record<string, PatientRow> = {};

beforeAll(async () => {
  dir = createTempDataDir();
  database = await openTestDatabase(dir.path, randomDatabaseKey());
  db = database.db;
  people.john = await addPatient(db, { firstName: 'John', middleName: 'Quincy', lastName: 'Smith', dateOfBirth: '1962-03-14', phoneMobile: '+13125550142', preferredPhone: 'mobile' });
  people.joan = await addPatient(db, { firstName: 'Joan', lastName: 'Smith', dateOfBirth: '1970-05-02', phoneHome: '+17735550199' });
  people.anna = await addPatient(db, { firstName: 'Anna', lastName: 'Smith', dateOfBirth: '1962-03-14', phoneWork: '+17735550142' });
  people.jonathan = await addPatient(db, { firstName: 'Jonathan', lastName: 'Smithers', dateOfBirth: '1985-11-30', phoneMobile: '+13125550177' });
  people.robert = await addPatient(db, { firstName: 'Robert', lastName: 'Johnson', preferredName: 'Bob', dateOfBirth: '1955-07-04' });
  people.maria = await addPatient(db, { firstName: 'María José', lastName: 'García-López', dateOfBirth: '1990-01-15' });
  people.margaret = await addPatient(db, { firstName: 'Margaret', lastName: "O'Brien", preferredName: 'Peggy', dateOfBirth: '1948-12-25', status: 'deceased' });
  people.li = await addPatient(db, { firstName: 'Li', lastName: 'Wu', dateOfBirth: '2001-06-06', phoneMobile: '+16305550100' });
});

afterAll(async () => {
  await database?.close();
  dir?.remove();
});

const search = (query: string, limit = 20) => searchPatients(db, query, limit, SEARCH_TODAY);
const ids = (results: PatientSearchResult[]) => results.map((r) => r.id);
const who = (row: PatientRow | undefined) => row?.id;

describe('finding a patient by name', () => {
  it('"jon smth" finds John Smith first, typos and all', async () => {
    const results = await search('jon smth');
    expect(results[0]?.id).toBe(who(people.john));
    expect(results[0]).toMatchObject({ displayName: 'Smith, John Quincy', mrn: people.john?.mrn, matchedOn: 'name', dateOfBirth: '1962-03-14', age: 63, phone: '(312) 555-0142', nextAppointmentAt: null });
  });

  it('"smith, jo" (last name first, first name unfinished) lists the Smiths called Jo… first', async () => {
    const results = await search('smith, jo');
    expect(ids(results).slice(0, 2).sort()).toEqual([who(people.john), who(people.joan)].sort());
    expect(ids(results)).not.toContain(who(people.robert));
    expect(ids(await search('jo smith')).slice(0, 2).sort()).toEqual([who(people.john), who(people.joan)].sort());
  });

  it('takes words in any order, and exact words before typos and unfinished words', async () => {
    expect(ids(await search('smith john'))[0]).toBe(who(people.john));
    const smiths = await search('smith');
    expect(ids(smiths).slice(0, 3).sort()).toEqual([who(people.john), who(people.joan), who(people.anna)].sort());
    expect(ids(smiths)).toContain(who(people.jonathan)); // "smith" is the start of Smithers, ranked after
    expect(ids(smiths).indexOf(who(people.jonathan) as string)).toBe(3);
  });

  it('finds unfinished words as the desk types', async () => {
    for (const typed of ['jonat', 'jonathan smi', 'smithe']) expect(ids(await search(typed))[0]).toBe(who(people.jonathan));
  });

  it('finds the preferred name, and a nickname of the first name', async () => {
    expect(ids(await search('bob johnson'))[0]).toBe(who(people.robert));
    expect(ids(await search('peggy'))[0]).toBe(who(people.margaret));
    const byNickname = await search('bobby johnson');
    expect(ids(byNickname)[0]).toBe(who(people.robert));
    expect(byNickname[0]?.preferredName).toBe('Bob');
  });

  it('folds accents, apostrophes and hyphens, and joins multi-word names', async () => {
    for (const typed of ['maria garcia', 'MARIA JOSE GARCIA LOPEZ', 'garcia-lopez', 'garcialopez', 'josé lópez']) expect(ids(await search(typed))[0]).toBe(who(people.maria));
    for (const typed of ["o'brien", 'obrien', 'o brien', 'O’Brien margaret']) expect(ids(await search(typed))[0]).toBe(who(people.margaret));
  });

  it('finds short names and deceased patients alike', async () => {
    expect(ids(await search('li wu'))[0]).toBe(who(people.li));
    expect(ids(await search('wu'))[0]).toBe(who(people.li));
    expect(ids(await search('margaret obrien'))).toEqual([who(people.margaret)]);
  });

  it('a word that fits no name is not silently dropped', async () => {
    expect(ids(await search('johnson xqzvw'))).toEqual([]);
  });
});

describe('finding a patient by date of birth', () => {
  it.each(['03/14/1962', '3/14/62', '1962-03-14', '03-14-1962'])('%s lists everyone born that day, by name', async (typed) => {
    const results = await search(typed);
    expect(ids(results)).toEqual([who(people.anna), who(people.john)]);
    expect(results.every((r) => r.matchedOn === 'date-of-birth')).toBe(true);
  });

  it('narrows a date of birth with a name, typos allowed', async () => {
    expect(ids(await search('jon 3/14/62'))).toEqual([who(people.john)]);
    expect(ids(await search('smith, anna 1962-03-14'))).toEqual([who(people.anna)]);
    expect(ids(await search('jones 3/14/62'))).toEqual([]);
  });
});

describe('finding a patient by phone', () => {
  it.each(['(312) 555-0142', '3125550142', '312.555.0142', '+1 312 555 0142', '1-312-555-0142'])('%s finds John Smith', async (typed) => {
    const results = await search(typed);
    expect(ids(results)).toEqual([who(people.john)]);
    expect(results[0]?.matchedOn).toBe('phone');
  });

  it('the last four (or seven) digits find every number ending so', async () => {
    expect(ids(await search('0142')).sort()).toEqual([who(people.john), who(people.anna)].sort());
    expect(ids(await search('555-0142')).sort()).toEqual([who(people.john), who(people.anna)].sort());
    expect(ids(await search('0143'))).toEqual([]);
  });

  it('narrows the last four with a name', async () => {
    expect(ids(await search('anna 0142'))).toEqual([who(people.anna)]);
  });
});

describe('finding a patient by MRN', () => {
  it('finds the MRN exactly, whatever the case, with or without the dash and zeros', async () => {
    const mrn = people.robert?.mrn as string;
    const n = Number(mrn.slice(3));
    for (const typed of [mrn, mrn.toLowerCase(), `cd${n}`, `CD ${n}`, mrn.slice(3)]) {
      const results = await search(typed);
      expect(results[0]).toMatchObject({ id: who(people.robert), matchedOn: 'mrn' });
    }
    expect(await search('CD-999999')).toEqual([]);
  });

  it('an exact MRN ranks before phone numbers that end in the same digits', async () => {
    // MRN digits (six) typed alone are also a phone ending: the MRN comes first.
    const withMatchingPhone = await addPatient(db, { firstName: 'Ending', lastName: 'Digits', dateOfBirth: '1999-09-09', phoneMobile: `+1312555${(people.robert?.mrn as string).slice(-4)}` });
    const digits = (people.robert?.mrn as string).slice(3);
    const results = await search(digits);
    expect(results[0]).toMatchObject({ id: who(people.robert), matchedOn: 'mrn' });
    expect(ids(results)).not.toContain(withMatchingPhone.id); // six digits are not the phone's last four
    const lastFour = await search(digits.slice(-4));
    expect(ids(lastFour)).toContain(withMatchingPhone.id);
  });
});

describe('the index follows the records, inside their transactions', () => {
  it('a changed name is found under the new name only; a changed phone likewise', async () => {
    const person = await addPatient(db, { firstName: 'Walter', lastName: 'Kowalski', dateOfBirth: '1940-02-29', phoneMobile: '+18475550123' });
    expect(ids(await search('walter kowalski'))).toEqual([person.id]);
    await db.transaction().execute((trx) => changePatient(trx, person.id, { last_name: 'Kowal', phone_mobile: '+18475550999' }));
    expect(ids(await search('walter kowalski'))).toEqual([]);
    expect(ids(await search('kowalski'))).toEqual([]);
    expect(ids(await search('walter kowal'))).toEqual([person.id]);
    expect(ids(await search('(847) 555-0123'))).toEqual([]);
    expect(ids(await search('(847) 555-0999'))).toEqual([person.id]);
    // The word nobody uses any more has left the vocabulary (and its typo variants with it).
    expect(await db.selectFrom('patient_search_term').selectAll().where('term', '=', 'kowalski').execute()).toEqual([]);
    expect(await db.selectFrom('patient_search_variant').selectAll().where('term', '=', 'kowalski').execute()).toEqual([]);
  });

  it('a rolled-back change leaves the index exactly as it was', async () => {
    const before = await searchIndexSnapshot(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await changePatient(trx, people.li?.id as string, { first_name: 'Lixin', last_name: 'Wuornos', phone_mobile: '+16305550111' });
        expect(ids(await searchPatients(trx, 'lixin wuornos', 20, SEARCH_TODAY))).toEqual([who(people.li)]);
        throw new Error('the save failed');
      }),
    ).rejects.toThrow('the save failed');
    expect(await searchIndexSnapshot(db)).toEqual(before);
    expect(ids(await search('li wu'))[0]).toBe(who(people.li));
    expect(ids(await search('lixin wuornos'))).toEqual([]);
    expect(ids(await search('630 555 0100'))).toEqual([who(people.li)]);
  });

  it('a merged record leaves the index; its MRN leads to the survivor as an alias', async () => {
    const duplicate = await addPatient(db, { firstName: 'Jonny', lastName: 'Smithe', dateOfBirth: '1962-03-14', phoneHome: '+12245550188' });
    expect(ids(await search('jonny smithe'))).toContain(duplicate.id);
    await mergeInto(db, duplicate, people.john as PatientRow);
    expect(ids(await search('jonny smithe'))).not.toContain(duplicate.id);
    expect(ids(await search('(224) 555-0188'))).toEqual([]);
    expect(ids(await search('3/14/62'))).not.toContain(duplicate.id);
    const byAlias = await search(duplicate.mrn);
    expect(byAlias).toHaveLength(1);
    expect(byAlias[0]).toMatchObject({ id: who(people.john), mrn: people.john?.mrn, matchedOn: 'mrn-alias' });
  });

  it('the merge leaves the index tables to the search module (they are derived, not linked records)', async () => {
    const linked = await tablesLinkedToPatients(db);
    expect(linked).toContain('related_person');
    expect(linked.filter((table) => table.startsWith('patient_search'))).toEqual([]);
  });

  it('a rebuild from the patient table gives the same index', async () => {
    const before = await searchIndexSnapshot(db);
    const count = await db.transaction().execute((trx) => rebuildPatientSearch(trx));
    const after = await searchIndexSnapshot(db);
    expect(count).toBe(before.docs.length);
    // doc_ids are renumbered by a rebuild; everything else is the same.
    const strip = (s: typeof before) => {
      const patientOf = new Map(s.docs.map((d) => [d.doc_id, d.patient_id]));
      return {
        ...s,
        docs: s.docs.map(({ doc_id: _, ...rest }) => rest).sort((a, b) => a.patient_id.localeCompare(b.patient_id)),
        phones: s.phones.map(({ doc_id, ...rest }) => ({ patient: patientOf.get(doc_id), ...rest })).sort((a, b) => `${a.patient}${a.kind}`.localeCompare(`${b.patient}${b.kind}`)),
      };
    };
    expect(strip(after)).toEqual(strip(before));
    expect(ids(await search('jon smth'))[0]).toBe(who(people.john));
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    expect(integrity.rows).toEqual([{ integrity_check: 'ok' }]);
  });
});

describe('hostile or odd queries never throw', () => {
  const hostile = [
    '"',
    '""',
    "'",
    '*',
    '-',
    '^',
    '()',
    'NEAR(',
    'NEAR(smith john, 2)',
    'OR',
    'AND',
    'NOT smith',
    'smith OR jones',
    '"smith" OR "jones"',
    'first:john',
    '{first last}:smith',
    'smith*',
    '"smith',
    "'; DROP TABLE patient; --",
    '%',
    '_',
    '\\',
    '\u0000',
    '😀',
    'smith 😀',
    '👨‍👩‍👧‍👦 jon',
    'ℌ𝔢𝔩𝔩𝔬',
    'محمد',
    '王小明',
    'x'.repeat(10_000),
    'smith '.repeat(500),
    '1/1/1',
    '13/45/2020',
    '02/30/2000',
    '+',
    '0',
    '00/00/0000',
    'CD-',
    'CD-9999999999999999999',
    '    ',
  ];
  it.each(hostile.map((q) => [JSON.stringify(q).slice(0, 40), q]))('%s', async (_label, query) => {
    const results = await search(query);
    expect(Array.isArray(results)).toBe(true);
    expect(results.length).toBeLessThanOrEqual(20);
  });

  it('FTS syntax around a real name still finds it', async () => {
    for (const typed of ['"smith"', 'smith*', 'smith"', 'NEAR(smith', 'smith)', '(john smith)', 'john + smith', 'john AND smith']) {
      expect(ids(await search(typed)), typed).toContain(who(people.john));
    }
  });

  it('respects the limit and returns nothing for an empty box', async () => {
    expect(await search('smith', 2)).toHaveLength(2);
    expect(await search('')).toEqual([]);
    expect(await search('   ')).toEqual([]);
  });
});
