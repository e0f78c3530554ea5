import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../electron/core/db/schema';
import { ftsSegmentCount } from '../../electron/core/patients/search/fts';
import { tidyPatientSearchIndex } from '../../electron/core/patients/search/maintenance';
import { searchPatients } from '../../electron/core/patients/search/search';
import { openTestDatabase, randomDatabaseKey, type TestDatabase } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';
import { addPatient, SEARCH_TODAY } from './patient-search-support';

let dir: TempDataDir;
let database: TestDatabase;
let db: Kysely<Database>;
const FIRST = ['Ana', 'Bruno', 'Chloe', 'Dmitri', 'Esther', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Quispe', 'Novak'];
const QUERIES = ['okafor', 'chlo moreau', 'tanka hugo', 'novak, j', 'lindqvist', 'farid tanaka'];

beforeAll(async () => {
  dir = createTempDataDir();
  database = await openTestDatabase(dir.path, randomDatabaseKey());
  db = database.db;
  // One registration per transaction, as at the desk: each leaves its own small segment in the word index.
  for (let i = 0; i < 60; i += 1) {
    await addPatient(db, { firstName: FIRST[i % FIRST.length] as string, lastName: LAST[i % LAST.length] as string, dateOfBirth: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}` });
  }
});

afterAll(async () => {
  await database?.close();
  dir?.remove();
});

const answers = async () => Promise.all(QUERIES.map(async (query) => (await searchPatients(db, query, 20, SEARCH_TODAY)).map((result) => result.id)));

describe('search index upkeep after the nightly backup', () => {
  it('merges the word index into one segment, a bounded step at a time, and every search finds exactly what it found before', async () => {
    expect(await ftsSegmentCount(db)).toBeGreaterThan(1);
    const before = await answers();
    expect(before.every((ids) => ids.length > 0)).toBe(true);
    let pauses = 0;
    const result = await tidyPatientSearchIndex(() => db, { pause: async () => void (pauses += 1) });
    expect(result.done).toBe(true);
    expect(await ftsSegmentCount(db)).toBe(1);
    expect(pauses, 'the work is split into steps with pauses between').toBe(result.steps);
    expect(await answers()).toEqual(before);
  });

  it('stops after its step budget and reports that it is not done, so the next night carries on', async () => {
    for (let i = 0; i < 20; i += 1) await addPatient(db, { firstName: 'Petra', lastName: `Vogel${'x'.repeat(i)}`, dateOfBirth: '1977-07-07' });
    expect(await ftsSegmentCount(db)).toBeGreaterThan(1);
    const partial = await tidyPatientSearchIndex(() => db, { maxSteps: 0, pause: async () => undefined });
    expect(partial).toEqual({ steps: 0, done: false });
    expect(await ftsSegmentCount(db)).toBeGreaterThan(1);
  });
});
