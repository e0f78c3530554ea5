import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findPatientByMrn } from '../../../electron/core/patients/repository';
import type { DuplicateCandidate, PatientPage, PatientSearchResult } from '../../../shared/contract/patients';
import { TEST_ADMIN } from '../../support/core';
import { snapshotAllTables } from '../../support/db-snapshot';
import { GRACE, openPatientsClinic, ROBERT, type PatientsClinic } from './clinic';

let clinic: PatientsClinic;
let clock = Date.now();
beforeEach(async () => {
  clock = Date.now();
  clinic = await openPatientsClinic({ clock: () => clock });
});
afterEach(async () => {
  await clinic.close();
});

type Row = Record<string, unknown>;
const parse = (rows: string[] | undefined): Row[] => (rows ?? []).map((row) => JSON.parse(row) as Row);
const adminId = () => clinic.core.sqlite.prepare("SELECT id FROM staff_user WHERE username = 'mlee'").pluck().get() as string;

/** Robert registered twice (once in full, once quickly on the phone), each record with family and history. */
async function twoRecordsOfRobert() {
  const survivor = await clinic.register(ROBERT);
  clock += 1000;
  const quick = { firstName: 'Robert', lastName: 'Smith', dateOfBirth: '1962-03-14', phone: '(312) 555-0142' };
  const duplicate = await clinic.value(
    clinic.call<{ outcome: 'created'; patient: { id: string; mrn: string } }>('patients:quickRegister', { fields: quick, acknowledgedDuplicateIds: [survivor.id] }),
  );
  const people = [
    [survivor, 'Ana Smith', 'daughter'],
    [survivor, 'Joy Smith', 'wife'],
    [duplicate.patient, 'Tom Smith', 'son'],
    [duplicate.patient, 'Lia Chen', 'caregiver'],
  ] as const;
  for (const [record, name, relationship] of people) {
    clock += 1000;
    await clinic.value(
      clinic.call('patients:saveRelatedPerson', { patientId: record.id, person: { name, relationship, phone: '312-555-0190', shareAppointments: true, authorizedFrom: '2025-01-15' } }),
    );
  }
  clock += 1000;
  const { patient } = await clinic.open(duplicate.patient.id);
  const { id: _id, mrn: _mrn, age: _age, mrnAliases: _aliases, ...fields } = patient;
  await clinic.value(clinic.call('patients:update', { id: duplicate.patient.id, fields: { ...fields, email: 'bob@example.com', city: 'Chicago' } }));
  return { survivor, duplicate: duplicate.patient };
}

describe('merging duplicate records (administrators)', () => {
  it('moves every linked record to the survivor and loses nothing: every row before is still there after', async () => {
    // A later capability's table (appointments, say), unknown to the merge code: it must be found and moved too.
    clinic.core.sqlite.exec('CREATE TABLE appointment_probe (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patient(id), starts_at INTEGER NOT NULL)');
    const { survivor, duplicate } = await twoRecordsOfRobert();
    // A third record, merged into the duplicate earlier: its MRN alias now belongs to the duplicate and must move on.
    clock += 1000;
    const third = await clinic.value(
      clinic.call<{ outcome: 'created'; patient: { id: string; mrn: string } }>('patients:quickRegister', {
        fields: { firstName: 'Bob', lastName: 'Smith', dateOfBirth: '1962-03-14', phone: '312-555-0142' },
        acknowledgedDuplicateIds: [survivor.id, duplicate.id],
      }),
    );
    await clinic.value(clinic.call('patients:merge', { survivorId: duplicate.id, mergedId: third.patient.id }));
    const appointments = clinic.core.sqlite.prepare('INSERT INTO appointment_probe VALUES (?, ?, ?)');
    appointments.run('appt-1', survivor.id, 1_900_000_000_000);
    appointments.run('appt-2', duplicate.id, 1_900_000_100_000);
    appointments.run('appt-3', duplicate.id, 1_900_000_200_000);

    const before = snapshotAllTables(clinic.core.sqlite);
    clock += 1000;
    const mergedAt = clock;
    const result = await clinic.value(clinic.call<{ survivorId: string; moved: Record<string, number> }>('patients:merge', { survivorId: survivor.id, mergedId: duplicate.id }));
    const after = snapshotAllTables(clinic.core.sqlite);

    const movedHistory = parse(before['patient_change']).filter((row) => row['patient_id'] === duplicate.id).length;
    expect(result).toEqual({ survivorId: survivor.id, moved: { appointment_probe: 2, patient_change: movedHistory, patient_mrn_alias: 1, related_person: 2 } });

    const linked = new Set(Object.keys(result.moved));
    /** What each row must look like after the merge: moved to the survivor where it pointed at the duplicate. */
    const expectedAfter = (table: string, row: Row): Row => {
      if (table === 'patient' && row['id'] === duplicate.id) return { ...row, merged_into: survivor.id, updated_at: mergedAt, updated_by: adminId() };
      if (table === 'patient' && row['id'] === survivor.id) return { ...row, updated_at: mergedAt, updated_by: adminId() };
      if (linked.has(table) && row['patient_id'] === duplicate.id) return { ...row, patient_id: survivor.id };
      return row; // the audit trail keeps the old ids: it is append-only
    };
    const added: Record<string, number> = { patient_change: 2, patient_mrn_alias: 1, audit_event: 2 };
    for (const [table, rows] of Object.entries(before)) {
      // The search index (migration 0007) is derived from `patient` and rebuilt from it: the merged record leaves it.
      if (table.startsWith('patient_search')) continue;
      const afterRows = parse(after[table]);
      for (const row of parse(rows)) {
        if (table === 'app_meta' && row['key'] === 'audit.head') continue; // moves with every audit entry
        expect(afterRows, `${table} still holds ${JSON.stringify(row)}`).toContainEqual(expectedAfter(table, row));
      }
      expect(afterRows.length, `rows in ${table}`).toBe(rows.length + (added[table] ?? 0));
    }
    // Nothing points at the duplicate any more but its own note that it was merged (and the audit trail).
    expect(parse(after['patient_change']).filter((row) => row['patient_id'] === duplicate.id)).toEqual([
      expect.objectContaining({ field: 'mergedInto', new_value: `merged into ${survivor.mrn}`, changed_at: mergedAt }),
    ]);
    for (const table of ['related_person', 'patient_mrn_alias', 'appointment_probe']) {
      expect(parse(after[table]).some((row) => row['patient_id'] === duplicate.id), table).toBe(false);
    }
  });

  it('shows the survivor with everything, keeps the merged MRN findable, and records the merge in history and audit', async () => {
    const { survivor, duplicate } = await twoRecordsOfRobert();
    clock += 1000;
    await clinic.value(clinic.call('patients:merge', { survivorId: survivor.id, mergedId: duplicate.id }));

    const page = await clinic.open(survivor.id);
    expect(page.patient.mrnAliases).toEqual([duplicate.mrn]);
    expect(page.relatedPeople.map((p) => p.name).sort()).toEqual(['Ana Smith', 'Joy Smith', 'Lia Chen', 'Tom Smith']);
    expect(page.history[0]).toEqual({ field: 'merge', oldValue: null, newValue: `merged record ${duplicate.mrn}`, changedAt: clock, changedBy: TEST_ADMIN.fullName });
    expect(page.history.filter((h) => h.field === 'registration').map((h) => h.newValue).sort()).toEqual(['full', 'quick']);

    // The old MRN leads to the survivor: in the search box and in the repository lookup.
    const search = await clinic.value(clinic.call<{ results: PatientSearchResult[] }>('patients:search', { query: duplicate.mrn }));
    expect(search.results.map((r) => [r.id, r.matchedOn])).toEqual([[survivor.id, 'mrn-alias']]);
    expect((await findPatientByMrn(clinic.core.db, duplicate.mrn))?.patient.id).toBe(survivor.id);
    // Searching the name finds one Robert Smith now, not two.
    const byName = await clinic.value(clinic.call<{ results: PatientSearchResult[] }>('patients:search', { query: 'robert smith' }));
    expect(byName.results.map((r) => r.id)).toEqual([survivor.id]);
    // And the duplicate check no longer offers the merged record.
    const dupes = await clinic.value(
      clinic.call<{ candidates: DuplicateCandidate[] }>('patients:checkDuplicates', { firstName: 'Robert', lastName: 'Smith', dateOfBirth: '1962-03-14', phone: '312-555-0142' }),
    );
    expect(dupes.candidates.map((c) => c.id)).not.toContain(duplicate.id);

    // An old link to the merged record opens the survivor's page; the opening is audited against the survivor.
    const viaOldLink = await clinic.open(duplicate.id);
    expect(viaOldLink.patient.id).toBe(survivor.id);
    const trail = await clinic.core.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id', 'patient_id', 'detail'])
      .where('action', 'in', ['record.update', 'record.open'])
      .orderBy('seq', 'desc')
      .limit(4)
      .execute();
    expect(trail.reverse().map((e) => [e.action, e.entity_id, e.patient_id, JSON.parse(e.detail ?? 'null')])).toEqual([
      ['record.update', survivor.id, survivor.id, { mergedId: duplicate.id, movedRows: expect.any(Number) }],
      ['record.update', duplicate.id, duplicate.id, { fields: ['mergedInto'], survivorId: survivor.id }],
      ['record.open', survivor.id, survivor.id, null],
      ['record.open', survivor.id, survivor.id, { requestedId: duplicate.id }],
    ]);
  });

  it('refuses to merge a merged record, or into one, and to edit a merged record; nothing changes', async () => {
    const { survivor, duplicate } = await twoRecordsOfRobert();
    const grace = await clinic.register(GRACE);
    await clinic.value(clinic.call('patients:merge', { survivorId: survivor.id, mergedId: duplicate.id }));
    const before = snapshotAllTables(clinic.core.sqlite);

    const again = await clinic.call('patients:merge', { survivorId: grace.id, mergedId: duplicate.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: `Record ${duplicate.mrn} was already merged into ${survivor.mrn}. Choose records that have not been merged.` } });
    expect(await clinic.call('patients:merge', { survivorId: duplicate.id, mergedId: grace.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await clinic.call('patients:update', { id: duplicate.id, fields: { ...ROBERT, city: 'Evanston' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `Record ${duplicate.mrn} was merged into ${survivor.mrn}. Open ${survivor.mrn} and make the change there.` },
    });
    expect(await clinic.call('patients:saveRelatedPerson', { patientId: duplicate.id, person: { name: 'Ana Smith', relationship: 'daughter' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await clinic.call('patients:merge', { survivorId: survivor.id, mergedId: '0192f0c4-0000-7000-8000-0000000000ff' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await clinic.call('patients:merge', { survivorId: survivor.id, mergedId: survivor.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });

  it('is all or nothing: a linked record that can exist only once per patient stops the merge and nothing moves', async () => {
    clinic.core.sqlite.exec('CREATE TABLE primary_card_probe (patient_id TEXT PRIMARY KEY REFERENCES patient(id), card TEXT NOT NULL)');
    const { survivor, duplicate } = await twoRecordsOfRobert();
    clinic.core.sqlite.prepare('INSERT INTO primary_card_probe VALUES (?, ?), (?, ?)').run(survivor.id, 'A', duplicate.id, 'B');
    const before = snapshotAllTables(clinic.core.sqlite);
    const result = await clinic.call('patients:merge', { survivorId: survivor.id, mergedId: duplicate.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('primary card probe') } });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
    expect((await clinic.value(clinic.call<PatientPage>('patients:get', { id: duplicate.id }))).patient.id).toBe(duplicate.id);
  });
});
