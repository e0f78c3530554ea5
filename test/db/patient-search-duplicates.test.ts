import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, PatientRow } from '../../electron/core/db/schema';
import { findDuplicateCandidates, LIKELY_DUPLICATE, POSSIBLE_DUPLICATE } from '../../electron/core/patients/duplicates/find-duplicates';
import { scoreCandidate } from '../../electron/core/patients/duplicates/score';
import type { DuplicateCandidate } from '../../shared/contract/patients';
import { openTestDatabase, randomDatabaseKey, type TestDatabase } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';
import { addPatient, mergeInto } from './patient-search-support';

let dir: TempDataDir;
let database: TestDatabase;
let db: Kysely<Database>;
let robert: PatientRow;
let john: PatientRow;
let elizabeth: PatientRow;
let twinA: PatientRow;
let husband: PatientRow;

beforeAll(async () => {
  dir = createTempDataDir();
  database = await openTestDatabase(dir.path, randomDatabaseKey());
  db = database.db;
  robert = await addPatient(db, { firstName: 'Robert', lastName: 'Miller', dateOfBirth: '1958-10-21', phoneMobile: '+13125550101', email: 'rmiller@example.com', addressLine1: '12 North Oak Street', postalCode: '60614' });
  john = await addPatient(db, { firstName: 'John', lastName: 'Smith', dateOfBirth: '1962-03-04', phoneMobile: '+13125550142' });
  elizabeth = await addPatient(db, { firstName: 'Elizabeth', lastName: 'Nguyen', dateOfBirth: '1979-08-30', phoneHome: '+17735550166', postalCode: '60640' });
  twinA = await addPatient(db, { firstName: 'Ava', lastName: 'Kowalczyk', dateOfBirth: '2012-05-17', phoneHome: '+18475550133', addressLine1: '400 Elm Ave', postalCode: '60201' });
  husband = await addPatient(db, { firstName: 'Daniel', lastName: 'Okafor', dateOfBirth: '1975-01-09', phoneHome: '+16305550177', addressLine1: '9 Lake Shore Drive', postalCode: '60611' });
  // Crowd: people who share something with the above but are plainly someone else.
  await addPatient(db, { firstName: 'Roberta', lastName: 'Millerton', dateOfBirth: '1990-02-02' });
  await addPatient(db, { firstName: 'Jane', lastName: 'Smith', dateOfBirth: '1985-06-15', postalCode: '60614' });
});

afterAll(async () => {
  await database?.close();
  dir?.remove();
});

const top = (candidates: DuplicateCandidate[]) => candidates[0];

describe('likely duplicates (score ≥ 70) with the reason in plain words', () => {
  it('a nickname: Bob Miller, same birthday, is Robert Miller', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'Bob', lastName: 'Miller', dateOfBirth: '1958-10-21' });
    expect(top(candidates)).toMatchObject({ id: robert.id, mrn: robert.mrn, displayName: 'Miller, Robert', dateOfBirth: '1958-10-21' });
    expect(top(candidates)?.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(top(candidates)?.reasons).toEqual(['First name Bob is a nickname of Robert', 'Same last name', 'Same date of birth']);
  });

  it('first and last names swapped', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'Smith', lastName: 'John', dateOfBirth: '1962-03-04' });
    expect(top(candidates)?.id).toBe(john.id);
    expect(top(candidates)?.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(top(candidates)?.reasons).toContain('First and last names swapped (Smith John / John Smith)');
  });

  it('typos in both names', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'Jonh', lastName: 'Smtih', dateOfBirth: '1962-03-04' });
    expect(top(candidates)?.id).toBe(john.id);
    expect(top(candidates)?.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(top(candidates)?.reasons).toEqual(['First name spelled similarly (Jonh / John)', 'Last name spelled similarly (Smtih / Smith)', 'Same date of birth']);
  });

  it('without a date of birth, a misspelt name is still proposed (as possible)', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'Jonh', lastName: 'Smtih' });
    expect(top(candidates)?.id).toBe(john.id);
    expect(top(candidates)?.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE);
  });

  it('day and month of the birth date swapped', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'John', lastName: 'Smith', dateOfBirth: '1962-04-03' });
    expect(top(candidates)?.id).toBe(john.id);
    expect(top(candidates)?.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(top(candidates)?.reasons).toContain('Date of birth with day and month swapped (04/03/1962 / 03/04/1962)');
  });

  it('the same phone number', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'Liz', lastName: 'Nguyen', phones: ['+17735550166'] });
    expect(top(candidates)?.id).toBe(elizabeth.id);
    expect(top(candidates)?.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(top(candidates)?.reasons).toContain('Same phone number (home (773) 555-0166)');
    expect(top(candidates)?.reasons).toContain('First name Liz is a nickname of Elizabeth');
  });

  it('email and address add up, each with its reason', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'Rob', lastName: 'Miller', email: 'RMiller@example.com', addressLine1: '12 N Oak St', postalCode: '60614' });
    expect(top(candidates)?.id).toBe(robert.id);
    expect(top(candidates)?.reasons).toEqual(['First name Rob is a nickname of Robert', 'Same last name', 'Same email address', 'Same street address', 'Same ZIP code']);
    expect(top(candidates)?.score).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
  });
});

describe('not duplicates', () => {
  it('unrelated people score below 40 and are not returned', async () => {
    expect(await findDuplicateCandidates(db, { firstName: 'Priya', lastName: 'Raman', dateOfBirth: '1988-07-07', phones: ['+12245550199'], postalCode: '60614' })).toEqual([]);
    const unrelated = scoreCandidate({ firstName: 'Priya', lastName: 'Raman', dateOfBirth: '1988-07-07', postalCode: '60614' }, { ...robert, shared_phones: [], address_key: '12 n oak st' });
    expect(unrelated.score).toBeLessThan(POSSIBLE_DUPLICATE);
  });

  it('a twin (same last name, birthday, phone, address; another first name) is at most "possible"', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'Mia', lastName: 'Kowalczyk', dateOfBirth: '2012-05-17', phones: ['+18475550133'], addressLine1: '400 Elm Avenue', postalCode: '60201' });
    expect(top(candidates)?.id).toBe(twinA.id);
    expect(top(candidates)?.score).toBeLessThan(LIKELY_DUPLICATE);
    expect(top(candidates)?.reasons).toContain('Different first name');
  });

  it('a spouse (same last name, phone and address, other first name and birthday) is not a candidate', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'Grace', lastName: 'Okafor', dateOfBirth: '1977-04-12', phones: ['+16305550177'], addressLine1: '9 Lake Shore Dr', postalCode: '60611' });
    expect(candidates.map((c) => c.id)).not.toContain(husband.id);
  });

  it('the same name with another birthday is at most "possible"', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'John', lastName: 'Smith', dateOfBirth: '1991-11-11' });
    expect(candidates.every((c) => c.score < LIKELY_DUPLICATE)).toBe(true);
  });

  it('skips the record being edited and merged records', async () => {
    expect(await findDuplicateCandidates(db, { firstName: 'John', lastName: 'Smith', dateOfBirth: '1962-03-04', excludeId: john.id })).toEqual([]);
    const copy = await addPatient(db, { firstName: 'Johnny', lastName: 'Smith', dateOfBirth: '1962-03-04' });
    expect((await findDuplicateCandidates(db, { firstName: 'John', lastName: 'Smith', dateOfBirth: '1962-03-04' })).map((c) => c.id)).toContain(copy.id);
    await mergeInto(db, copy, john);
    expect((await findDuplicateCandidates(db, { firstName: 'John', lastName: 'Smith', dateOfBirth: '1962-03-04' })).map((c) => c.id)).toEqual([john.id]);
  });
});

describe('scoring details', () => {
  const row = { id: 'x', mrn: 'CD-000001', suffix: null, preferred_name: null, shared_phones: [], email: null, address_key: null, postal_code: null };
  it('a first name that is the middle name on file, and a birth date one digit off', () => {
    const result = scoreCandidate({ firstName: 'Robert', lastName: 'Smith', dateOfBirth: '1960-05-17' }, { ...row, first_name: 'James', middle_name: 'Robert', last_name: 'Smith', date_of_birth: '1960-05-18' });
    expect(result.reasons).toEqual(['First name Robert is the middle name', 'Same last name', 'Date of birth differs by one digit (05/17/1960 / 05/18/1960)']);
    expect(result.score).toBeGreaterThanOrEqual(POSSIBLE_DUPLICATE);
    expect(result.score).toBeLessThan(LIKELY_DUPLICATE);
  });

  it('two short forms of one name, and a different birth date counted against', () => {
    const result = scoreCandidate({ firstName: 'Bob', lastName: 'Lee', dateOfBirth: '1970-01-01' }, { ...row, first_name: 'Rob', middle_name: null, last_name: 'Lee', date_of_birth: '1980-06-30' });
    expect(result.reasons).toEqual(['First names Bob and Rob are both short for Robert', 'Same last name', 'Different date of birth']);
    expect(result.score).toBeLessThan(POSSIBLE_DUPLICATE);
  });
});

describe('the order of candidates', () => {
  it('most likely first, all at 40 or more', async () => {
    const candidates = await findDuplicateCandidates(db, { firstName: 'Robert', lastName: 'Miller', dateOfBirth: '1958-10-21', phones: ['+13125550101'] });
    expect(candidates[0]?.id).toBe(robert.id);
    expect(candidates[0]?.score).toBe(100);
    const scores = candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s >= POSSIBLE_DUPLICATE)).toBe(true);
  });
});
