import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DuplicateCandidate } from '../../../shared/contract/patients';
import { ageOn } from '../../../shared/patients/dates';
import { snapshotAllTables } from '../../support/db-snapshot';
import { TEST_ADMIN } from '../../support/core';
import { clinicDay, GRACE, openPatientsClinic, ROBERT, type PatientsClinic } from './clinic';

let clinic: PatientsClinic;
beforeEach(async () => {
  clinic = await openPatientsClinic();
});
afterEach(async () => {
  await clinic.close();
});

type Outcome = { outcome: 'created'; patient: { id: string; mrn: string } } | { outcome: 'possible-duplicates'; candidates: DuplicateCandidate[] };

describe('registering a patient', () => {
  it('quick registration (phone booking) keeps name, date of birth and an E.164 phone; everything else stays empty', async () => {
    const { id, mrn } = await clinic.quickRegister({ firstName: ' Grace ', lastName: 'Okafor', dateOfBirth: '1990-07-02', phone: '(312) 555-0175' });
    expect(mrn).toMatch(/^CD-\d{6}$/);
    const page = await clinic.open(id);
    expect(page.patient).toEqual({
      id,
      mrn,
      firstName: 'Grace',
      middleName: null,
      lastName: 'Okafor',
      suffix: null,
      preferredName: null,
      dateOfBirth: '1990-07-02',
      age: ageOn('1990-07-02', clinicDay()),
      sexAtBirth: 'unknown',
      genderIdentity: null,
      pronouns: null,
      phoneMobile: '+13125550175',
      phoneHome: null,
      phoneWork: null,
      preferredPhone: 'mobile',
      textConsent: false,
      email: null,
      emailConsent: false,
      addressLine1: null,
      addressLine2: null,
      city: null,
      state: null,
      postalCode: null,
      preferredLanguage: null,
      interpreterNeeded: false,
      preferredContactMethod: null,
      preferredContactTimes: null,
      emergencyContactName: null,
      emergencyContactRelationship: null,
      emergencyContactPhone: null,
      status: 'active',
      mrnAliases: [],
    });
    // A number that may be a mobile, and no consent: the header warns the desk not to text.
    expect(page.alerts).toEqual(['Do not text']);
    expect(page.relatedPeople).toEqual([]);
    expect(page.history).toEqual([{ field: 'registration', oldValue: null, newValue: 'quick', changedAt: expect.any(Number), changedBy: TEST_ADMIN.fullName }]);
  });

  it('full registration round-trips every field, phones in E.164 and the email in lower case', async () => {
    const { id } = await clinic.register(ROBERT);
    const { patient } = await clinic.open(id);
    expect(patient).toMatchObject({
      firstName: 'Robert',
      middleName: 'James',
      lastName: 'Smith',
      suffix: 'Jr',
      preferredName: 'Bob',
      dateOfBirth: '1962-03-14',
      sexAtBirth: 'male',
      genderIdentity: null,
      pronouns: 'he/him',
      phoneMobile: '+13125550142',
      phoneHome: '+13125550143',
      phoneWork: null,
      preferredPhone: 'mobile',
      textConsent: true,
      email: 'bob.smith@example.com',
      emailConsent: true,
      addressLine1: '1200 N Clark St',
      addressLine2: null,
      city: 'Chicago',
      state: 'IL',
      postalCode: '60614',
      preferredLanguage: 'English',
      interpreterNeeded: false,
      preferredContactMethod: 'text',
      emergencyContactName: 'Ana Smith',
      emergencyContactRelationship: 'daughter',
      emergencyContactPhone: '+13125550199',
      status: 'active',
    });
  });

  it('refuses what the shared schemas refuse, with their words, and writes nothing', async () => {
    const before = snapshotAllTables(clinic.core.sqlite);
    const badPhone = await clinic.call('patients:quickRegister', { fields: { firstName: 'Grace', lastName: 'Okafor', dateOfBirth: '1990-07-02', phone: '555-01' } });
    expect(badPhone).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'fields.phone', message: 'Enter the phone number with its area code, such as (312) 555-0142.' }] },
    });
    const future = await clinic.call('patients:register', { fields: { ...GRACE, dateOfBirth: clinicDay(3) } });
    expect(future).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'fields.dateOfBirth', message: 'The date of birth cannot be in the future.' }] } });
    const noMobile = await clinic.call('patients:register', { fields: { ...GRACE, textConsent: true } });
    expect(noMobile).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'fields.textConsent', message: 'Texts need a mobile number.' }] } });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });

  it('answers NOT_FOUND for a patient id that does not exist', async () => {
    const missing = '0192f0c4-0000-7000-8000-0000000000ff';
    expect(await clinic.call('patients:get', { id: missing })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await clinic.call('patients:update', { id: missing, fields: GRACE })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await clinic.call('patients:saveRelatedPerson', { patientId: missing, person: { name: 'Ana Smith', relationship: 'daughter' } })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('audits the creation and every opening of the record, with the patient id and no PHI', async () => {
    const { id } = await clinic.register(ROBERT);
    await clinic.open(id);
    await clinic.open(id);
    const entries = await clinic.core.db.selectFrom('audit_event').select(['action', 'entity_type', 'entity_id', 'patient_id', 'actor_name', 'detail']).where('patient_id', '=', id).orderBy('seq').execute();
    expect(entries.map((e) => [e.action, e.entity_type, e.entity_id, e.actor_name, JSON.parse(e.detail ?? 'null')])).toEqual([
      ['record.create', 'patient', id, TEST_ADMIN.fullName, { registration: 'full' }],
      ['record.open', 'patient', id, TEST_ADMIN.fullName, null],
      ['record.open', 'patient', id, TEST_ADMIN.fullName, null],
    ]);
    const trail = JSON.stringify(await clinic.core.db.selectFrom('audit_event').selectAll().execute());
    for (const phi of ['Robert', 'Smith', '1962-03-14', '5550142', 'example.com', 'Clark']) expect(trail).not.toContain(phi);
  });
});

describe('MRNs', () => {
  it('are unique, increasing and never handed out again, even after a merge', async () => {
    const first = await clinic.quickRegister({ firstName: 'Ada', lastName: 'Byron', dateOfBirth: '1980-12-10', phone: '312-555-0101' });
    const second = await clinic.quickRegister({ firstName: 'Alan', lastName: 'Turing', dateOfBirth: '1982-06-23', phone: '312-555-0102' });
    const third = await clinic.quickRegister({ firstName: 'Grace', lastName: 'Hopper', dateOfBirth: '1976-12-09', phone: '312-555-0103' });
    expect([first.mrn, second.mrn, third.mrn]).toEqual(['CD-000001', 'CD-000002', 'CD-000003']);

    await clinic.value(clinic.call('patients:merge', { survivorId: second.id, mergedId: third.id }));
    const fourth = await clinic.quickRegister({ firstName: 'Edsger', lastName: 'Dijkstra', dateOfBirth: '1980-05-11', phone: '312-555-0104' });
    expect(fourth.mrn).toBe('CD-000004');

    // The number does not come from counting rows or max(n): even with the newest sequence row gone
    // (as a future purge might leave it), the next number is still a new one.
    clinic.core.sqlite.prepare('DELETE FROM mrn_sequence WHERE n = 4').run();
    const fifth = await clinic.quickRegister({ firstName: 'Barbara', lastName: 'Liskov', dateOfBirth: '1979-11-07', phone: '312-555-0105' });
    expect(fifth.mrn).toBe('CD-000005');

    const all = await clinic.core.db.selectFrom('patient').select('mrn').execute();
    const aliases = await clinic.core.db.selectFrom('patient_mrn_alias').select('mrn').execute();
    expect(new Set(all.map((r) => r.mrn)).size).toBe(all.length);
    expect(aliases.map((a) => a.mrn)).toEqual(['CD-000003']);
  });
});

describe('duplicates at registration', () => {
  it('a second registration of the same person shows the candidate and saves nothing, then saves once the user has seen it', async () => {
    const original = await clinic.register(ROBERT);
    const before = snapshotAllTables(clinic.core.sqlite);

    const again = { firstName: 'Robert', lastName: 'Smith', dateOfBirth: '1962-03-14', phone: '312 555 0142' };
    const warned = await clinic.value(clinic.call<Outcome>('patients:quickRegister', { fields: again }));
    expect(warned.outcome).toBe('possible-duplicates');
    if (warned.outcome !== 'possible-duplicates') return;
    expect(warned.candidates[0]).toMatchObject({ id: original.id, mrn: original.mrn, displayName: 'Smith, Robert James Jr', dateOfBirth: '1962-03-14' });
    expect(warned.candidates[0]?.score).toBeGreaterThanOrEqual(70);
    expect(warned.candidates[0]?.reasons.length).toBeGreaterThan(0);
    // Nothing at all was written: no patient, no MRN number used up, no history, no audit entry.
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);

    // Full registration is checked the same way.
    const full = await clinic.value(clinic.call<Outcome>('patients:register', { fields: { ...ROBERT, preferredName: null } }));
    expect(full.outcome).toBe('possible-duplicates');
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);

    // The user looked at Robert's record and decided this is someone else (say, his son with the same name).
    const saved = await clinic.value(clinic.call<Outcome>('patients:quickRegister', { fields: again, acknowledgedDuplicateIds: [original.id] }));
    expect(saved).toMatchObject({ outcome: 'created', patient: { mrn: 'CD-000002' } });
  });

  it('patients:checkDuplicates answers on demand, and leaves out the record being edited', async () => {
    const robert = await clinic.register(ROBERT);
    await clinic.register(GRACE);
    const found = await clinic.value(
      clinic.call<{ candidates: DuplicateCandidate[] }>('patients:checkDuplicates', { firstName: 'Robert', lastName: 'Smith', dateOfBirth: '03/14/1962', phone: '(312) 555-0142' }),
    );
    expect(found.candidates.map((c) => c.id)).toEqual([robert.id]);
    const excluded = await clinic.value(
      clinic.call<{ candidates: DuplicateCandidate[] }>('patients:checkDuplicates', { firstName: 'Robert', lastName: 'Smith', dateOfBirth: '1962-03-14', excludeId: robert.id }),
    );
    expect(excluded.candidates).toEqual([]);
  });
});

describe('who may register', () => {
  it('read-only staff can search and open records but not register or change them', async () => {
    const { id } = await clinic.register(ROBERT);
    const reader = await clinic.signInAs('read_only', 'Rita Reader');
    const found = await clinic.value(clinic.call<{ results: { id: string }[] }>('patients:search', { query: 'CD-000001' }, reader.clientId));
    expect(found.results.map((r) => r.id)).toEqual([id]);
    expect((await clinic.open(id, reader.clientId)).patient.lastName).toBe('Smith');
    const quick = { firstName: 'Grace', lastName: 'Okafor', dateOfBirth: '1990-07-02', phone: '312-555-0175' };
    expect(await clinic.call('patients:quickRegister', { fields: quick }, reader.clientId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clinic.call('patients:register', { fields: GRACE }, reader.clientId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await clinic.call('patients:update', { id, fields: { ...ROBERT, city: 'Evanston' } }, reader.clientId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const frontDesk = await clinic.signInAs('front_desk', 'Jamal Ortiz');
    const grace = await clinic.register(GRACE);
    expect(await clinic.call('patients:merge', { survivorId: id, mergedId: grace.id }, frontDesk.clientId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(clinic.core.sqlite.prepare('SELECT count(*) FROM patient WHERE merged_into IS NOT NULL').pluck().get()).toBe(0);
  });
});
