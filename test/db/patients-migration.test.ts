import { afterEach, describe, expect, it } from 'vitest';
import { snapshotAllTables } from '../support/db-snapshot';
import { databaseMigratedTo, openedByThisVersion, removeMigratedDatabases } from '../support/migration-db';

afterEach(removeMigratedDatabases);


const PATIENT = {
  id: 'p1',
  mrn: 'CD-000001',
  first_name: 'Grace',
  last_name: 'Okafor',
  date_of_birth: '1990-07-02',
  sex_at_birth: 'female',
  created_at: 1,
  updated_at: 1,
};

describe('migration 0006_patients', () => {
  it('adds the empty patient registry to a clinic of schema 0005, leaves its rows alone, and its constraints hold', async () => {
    const old = await databaseMigratedTo('0005_lock_pins_and_drafts');
    const { db } = old;
    await db.insertInto('app_meta').values({ key: 'clinic.name', value: 'Riverside Family Clinic', updated_at: 1 }).execute();
    const { before, database } = await openedByThisVersion(old);
    try {
      const after = snapshotAllTables(database.sqlite);
      expect(after['app_meta']).toEqual(before['app_meta']);
      for (const table of ['patient', 'patient_change', 'patient_mrn_alias', 'related_person', 'mrn_sequence']) expect(after[table], table).toEqual([]);

      const s = database.sqlite;
      const insert = (row: Record<string, unknown>) =>
        s.prepare(`INSERT INTO patient (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`).run(...Object.values(row));
      insert(PATIENT);
      expect(() => insert({ ...PATIENT, id: 'p2' })).toThrow(/UNIQUE constraint failed: patient.mrn/);
      expect(() => insert({ ...PATIENT, id: 'p3', mrn: 'CD-000003', sex_at_birth: 'M' })).toThrow(/CHECK constraint failed/);
      expect(() => insert({ ...PATIENT, id: 'p4', mrn: 'CD-000004', status: 'gone' })).toThrow(/CHECK constraint failed/);
      expect(() => insert({ ...PATIENT, id: 'p5', mrn: 'CD-000005', merged_into: 'nobody' })).toThrow(/FOREIGN KEY constraint failed/);
      expect(s.prepare('SELECT status, text_consent, email_consent, interpreter_needed, merged_into FROM patient').get()).toEqual({
        status: 'active',
        text_consent: 0,
        email_consent: 0,
        interpreter_needed: 0,
        merged_into: null,
      });

      // AUTOINCREMENT: a number once issued is never issued again, even when the newest row is removed.
      const issue = () => s.prepare('INSERT INTO mrn_sequence (issued_at) VALUES (1) RETURNING n').pluck().get() as number;
      expect([issue(), issue()]).toEqual([1, 2]);
      s.prepare('DELETE FROM mrn_sequence WHERE n = 2').run();
      expect(issue()).toBe(3);
    } finally {
      await database.close();
    }
  });
});
