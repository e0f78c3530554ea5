import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientPage } from '../../../shared/contract/patients';
import { snapshotAllTables } from '../../support/db-snapshot';
import { TEST_ADMIN } from '../../support/core';
import { clinicDay, GRACE, openPatientsClinic, ROBERT, type PatientsClinic } from './clinic';

let clinic: PatientsClinic;
let clock = Date.now();
beforeEach(async () => {
  clock = Date.now();
  clinic = await openPatientsClinic({ clock: () => clock });
});
afterEach(async () => {
  await clinic.close();
});

/** The form as the desk sends it back: the stored values (phones already in E.164), with some changed. */
async function saveForm(id: string, changes: Record<string, unknown>, clientId?: string): Promise<PatientPage> {
  const { patient } = await clinic.open(id, clientId);
  const { id: _id, mrn: _mrn, age: _age, mrnAliases: _aliases, ...fields } = patient;
  return clinic.value(clinic.call<PatientPage>('patients:update', { id, fields: { ...fields, ...changes } }, clientId));
}

describe('change history', () => {
  it('records who changed which field, from what, to what and when, newest first', async () => {
    const registeredAt = clock;
    const { id } = await clinic.register(ROBERT);
    const jamal = await clinic.signInAs('front_desk', 'Jamal Ortiz');

    clock += 60_000;
    const movedAt = clock;
    await saveForm(id, { city: 'Evanston', postalCode: '60201' }, jamal.clientId);

    clock += 60_000;
    const interpreterAt = clock;
    const page = await saveForm(id, { phoneHome: null, preferredLanguage: 'Spanish', interpreterNeeded: true });

    expect(page.history).toEqual([
      { field: 'phoneHome', oldValue: '+13125550143', newValue: null, changedAt: interpreterAt, changedBy: TEST_ADMIN.fullName },
      { field: 'preferredLanguage', oldValue: 'English', newValue: 'Spanish', changedAt: interpreterAt, changedBy: TEST_ADMIN.fullName },
      { field: 'interpreterNeeded', oldValue: 'false', newValue: 'true', changedAt: interpreterAt, changedBy: TEST_ADMIN.fullName },
      { field: 'city', oldValue: 'Chicago', newValue: 'Evanston', changedAt: movedAt, changedBy: 'Jamal Ortiz' },
      { field: 'postalCode', oldValue: '60614', newValue: '60201', changedAt: movedAt, changedBy: 'Jamal Ortiz' },
      { field: 'registration', oldValue: null, newValue: 'full', changedAt: registeredAt, changedBy: TEST_ADMIN.fullName },
    ]);
    expect(page.patient).toMatchObject({ city: 'Evanston', postalCode: '60201', phoneHome: null, preferredLanguage: 'Spanish', interpreterNeeded: true });
  });

  it('audits each save as record.update with the field names only, in the same transaction as the change', async () => {
    const { id } = await clinic.register(ROBERT);
    await saveForm(id, { email: 'robert.smith@newmail.example', addressLine1: '4 Elm St' });
    const updates = await clinic.core.db.selectFrom('audit_event').select(['action', 'patient_id', 'detail']).where('action', '=', 'record.update').execute();
    expect(updates).toEqual([{ action: 'record.update', patient_id: id, detail: JSON.stringify({ fields: ['email', 'addressLine1'] }) }]);
    const trail = JSON.stringify(await clinic.core.db.selectFrom('audit_event').selectAll().execute());
    expect(trail).not.toContain('newmail');
    expect(trail).not.toContain('Elm');
  });

  it('saving an unchanged form writes nothing at all', async () => {
    const { id } = await clinic.register(ROBERT);
    const { patient } = await clinic.open(id);
    const before = snapshotAllTables(clinic.core.sqlite);
    const { id: _id, mrn: _mrn, age: _age, mrnAliases: _aliases, ...fields } = patient;
    await clinic.value(clinic.call('patients:update', { id, fields }));
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });
});

describe('header alerts', () => {
  it('say plainly: interpreter and language, do not text, deceased, inactive', async () => {
    const { id } = await clinic.register({ ...ROBERT, textConsent: false, preferredContactMethod: 'phone', interpreterNeeded: true, preferredLanguage: 'Spanish' });
    expect((await clinic.open(id)).alerts).toEqual(['Interpreter: Spanish', 'Do not text']);

    expect((await saveForm(id, { textConsent: true })).alerts).toEqual(['Interpreter: Spanish']);
    expect((await saveForm(id, { preferredLanguage: null })).alerts).toEqual(['Interpreter needed']);
    expect((await saveForm(id, { interpreterNeeded: false, status: 'inactive' })).alerts).toEqual(['Inactive']);
    expect((await saveForm(id, { status: 'deceased' })).alerts).toEqual(['Deceased']);

    // No mobile number: nothing to text, so no warning about texts.
    const grace = await clinic.register({ ...GRACE, phoneHome: '312-555-0175' });
    expect((await clinic.open(grace.id)).alerts).toEqual([]);
  });
});

describe('family and caregivers', () => {
  const person = (name: string, extra: Record<string, unknown>) => ({ name, relationship: 'family', phone: '312-555-0190', ...extra });

  it('shows who the desk may talk to today, by the authorization dates', async () => {
    const { id } = await clinic.register(ROBERT);
    const save = (p: Record<string, unknown>, personId?: string) =>
      clinic.value(clinic.call<PatientPage>('patients:saveRelatedPerson', { patientId: id, ...(personId ? { id: personId } : {}), person: p }));

    await save(person('Ana Smith', { relationship: 'daughter', shareAppointments: true, authorizedFrom: clinicDay(-1) }));
    await save(person('Tom Smith', { relationship: 'son', shareBilling: true, authorizedFrom: clinicDay(-10), authorizedUntil: clinicDay(-1) }));
    await save(person('Lia Chen', { relationship: 'caregiver', shareClinical: true, authorizedFrom: clinicDay(1) }));
    await save(person('Sam Reyes', { relationship: 'neighbor' }));
    const page = await save(person('Joy Smith', { relationship: 'wife', shareAppointments: true, shareClinical: true, authorizedFrom: clinicDay(-30), authorizedUntil: clinicDay(0) }));

    expect(page.relatedPeople.map((p) => [p.name, p.relationship, p.phone, p.activeToday])).toEqual([
      ['Ana Smith', 'daughter', '+13125550190', true],
      ['Tom Smith', 'son', '+13125550190', false], // ended yesterday
      ['Lia Chen', 'caregiver', '+13125550190', false], // starts tomorrow
      ['Sam Reyes', 'neighbor', '+13125550190', false], // nothing authorized
      ['Joy Smith', 'wife', '+13125550190', true], // ends today: still today
    ]);
  });

  it('ending an authorization keeps the person; the change is in the history and the audit trail', async () => {
    const { id } = await clinic.register(ROBERT);
    clock += 60_000;
    const added = await clinic.value(
      clinic.call<PatientPage>('patients:saveRelatedPerson', { patientId: id, person: person('Ana Smith', { relationship: 'daughter', shareAppointments: true, authorizedFrom: '2025-01-15' }) }),
    );
    const ana = added.relatedPeople[0]!;
    clock += 60_000;
    const ended = await clinic.value(
      clinic.call<PatientPage>('patients:saveRelatedPerson', {
        patientId: id,
        id: ana.id,
        person: person('Ana Smith', { relationship: 'daughter', shareAppointments: true, authorizedFrom: '2025-01-15', authorizedUntil: clinicDay(-1) }),
      }),
    );
    expect(ended.relatedPeople).toEqual([{ ...ana, authorizedUntil: clinicDay(-1), activeToday: false }]);
    expect(ended.history.slice(0, 2)).toEqual([
      {
        field: 'relatedPerson',
        oldValue: 'Ana Smith (daughter), +13125550190; shares appointments; 2025-01-15 to no end date',
        newValue: `Ana Smith (daughter), +13125550190; shares appointments; 2025-01-15 to ${clinicDay(-1)}`,
        changedAt: clock,
        changedBy: TEST_ADMIN.fullName,
      },
      { field: 'relatedPerson', oldValue: null, newValue: 'Ana Smith (daughter), +13125550190; shares appointments; 2025-01-15 to no end date', changedAt: clock - 60_000, changedBy: TEST_ADMIN.fullName },
    ]);
    const entries = await clinic.core.db.selectFrom('audit_event').select(['action', 'entity_type', 'entity_id', 'patient_id', 'detail']).where('entity_type', '=', 'related_person').orderBy('seq').execute();
    expect(entries.map((e) => [e.action, e.entity_id, e.patient_id, JSON.parse(e.detail ?? 'null')])).toEqual([
      ['record.update', ana.id, id, { fields: ['name', 'relationship', 'phone', 'shareAppointments', 'shareBilling', 'shareClinical', 'authorizedFrom', 'authorizedUntil'], added: true }],
      ['record.update', ana.id, id, { fields: ['authorizedUntil'], added: false }],
    ]);
    expect(await clinic.core.db.selectFrom('related_person').selectAll().execute()).toHaveLength(1);
  });

  it('refuses a related person of another patient (NOT_FOUND) and changes nothing', async () => {
    const robert = await clinic.register(ROBERT);
    const grace = await clinic.register(GRACE);
    const page = await clinic.value(clinic.call<PatientPage>('patients:saveRelatedPerson', { patientId: robert.id, person: person('Ana Smith', {}) }));
    const before = snapshotAllTables(clinic.core.sqlite);
    const result = await clinic.call('patients:saveRelatedPerson', { patientId: grace.id, id: page.relatedPeople[0]!.id, person: person('Ana Okafor', {}) });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(snapshotAllTables(clinic.core.sqlite)).toEqual(before);
  });
});
