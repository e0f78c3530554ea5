import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { DuplicateCandidate, PatientPage, PatientSearchResult } from '../../../shared/contract/patients';
import { ageOn, parseTypedDate, todayIn } from '../../../shared/patients/dates';
import { normalizePhone } from '../../../shared/patients/phone';
import type { PatientFields, RelatedPersonFields } from '../../../shared/patients/schemas';
import { readSetting, SETTINGS } from '../app/settings';
import type { AuditService, AuditedBy } from '../audit/service';
import type { Database, PatientRow } from '../db/schema';
import { ClinicFailure } from '../errors';
import { findDuplicateCandidates } from './duplicates/find-duplicates';
import {
  findPatientById,
  findRelatedPerson,
  followMerges,
  historyText,
  insertPatient,
  insertPatientChanges,
  issueMrn,
  movePatientRows,
  mrnAliasesOf,
  PATIENT_FIELD_NAMES,
  patientColumnsOf,
  patientFieldsOf,
  patientHistory,
  RELATED_PERSON_COLUMNS,
  relatedPeopleOf,
  relatedPersonColumnsOf,
  relatedPersonFieldsOf,
  tablesLinkedToPatients,
  type PatientChangeEntry,
  type RelatedPersonRow,
} from './repository';
import { syncPatientSearch } from './search/index-sync';
import { searchPatients } from './search/search';
import { nextAppointmentsFor } from '../scheduling/reads';

/** A candidate scoring this much or more is "likely the same person": registration stops and shows it. */
export const LIKELY_DUPLICATE_SCORE = 70;

/** Pseudo-fields in the history for events that are not one field's edit. */
export const HISTORY_EVENTS = {
  registration: 'registration',
  relatedPerson: 'relatedPerson',
  merge: 'merge',
  mergedInto: 'mergedInto',
} as const;

type DuplicateProbe = Parameters<typeof findDuplicateCandidates>[1];
type QuickFields = { firstName: string; lastName: string; dateOfBirth: string; phone: string | null };
export type RegistrationOutcome = { outcome: 'created'; patient: { id: string; mrn: string } } | { outcome: 'possible-duplicates'; candidates: DuplicateCandidate[] };

export interface PatientsServiceDeps {
  db: () => Kysely<Database>;
  audit: AuditService;
  now: () => number;
}

/**
 * The patient registry: registration (full and quick, each behind the duplicate check), the patient page, edits
 * with field-by-field history, family and caregivers, and merging duplicates. Every write, its history rows, its
 * search-index refresh and its audit entry commit in one transaction.
 */
export function createPatientsService({ db, audit, now }: PatientsServiceDeps) {
  async function clinicToday(database: Kysely<Database>): Promise<string> {
    const timeZone = (await readSetting(database, SETTINGS.clinicTimeZone)) ?? undefined;
    try {
      return todayIn(timeZone, now());
    } catch {
      return todayIn(undefined, now()); // an unknown zone name must not keep the desk from opening a record
    }
  }

  async function requirePatient(database: Kysely<Database>, id: string): Promise<PatientRow> {
    const row = await findPatientById(database, id);
    if (!row) throw new ClinicFailure('NOT_FOUND', 'That patient record does not exist. Search for the patient again.');
    return row;
  }

  /** For changes: a merged record is read-only, and the message says where the person's record is now. */
  async function requireEditablePatient(database: Kysely<Database>, id: string): Promise<PatientRow> {
    const row = await requirePatient(database, id);
    if (row.merged_into !== null) {
      const survivor = await followMerges(database, row);
      throw new ClinicFailure('CONFLICT', `Record ${row.mrn} was merged into ${survivor.mrn}. Open ${survivor.mrn} and make the change there.`);
    }
    return row;
  }

  // ── Reading ─────────────────────────────────────────────────────────────────────────────────────────────────

  async function search(input: { query: string; limit: number }): Promise<{ results: PatientSearchResult[] }> {
    const query = input.query.trim();
    if (!query) return { results: [] };
    const database = db();
    const results = await searchPatients(database, query, input.limit, await clinicToday(database));
    // Each result's next booked or confirmed visit (one index probe per result), so the desk sees it on the phone.
    const next = await nextAppointmentsFor(database, results.map((result) => result.id), now());
    return { results: results.map((result) => ({ ...result, nextAppointmentAt: next.get(result.id) ?? null })) };
  }

  async function buildPage(database: Kysely<Database>, row: PatientRow): Promise<PatientPage> {
    const today = await clinicToday(database);
    const fields = patientFieldsOf(row);
    const [mrnAliases, related, history] = [await mrnAliasesOf(database, row.id), await relatedPeopleOf(database, row.id), await patientHistory(database, row.id)];
    return {
      patient: { id: row.id, mrn: row.mrn, ...fields, age: ageOn(row.date_of_birth, today), mrnAliases },
      alerts: alertsFor(fields),
      relatedPeople: related.map((person) => relatedPersonView(person, today)),
      history: history.map((h) => ({ field: h.field, oldValue: h.old_value, newValue: h.new_value, changedAt: h.changed_at, changedBy: h.full_name })),
    };
  }

  /**
   * The patient page. Asked for a merged record, it answers with the surviving record's page (its id differs from
   * the one asked for, and the merged MRN is among its aliases), so an old link still reaches the person.
   * Every opening is audited against the record shown.
   */
  async function get(input: { id: string }, by: AuditedBy): Promise<PatientPage> {
    const database = db();
    const asked = await requirePatient(database, input.id);
    const row = await followMerges(database, asked);
    const page = await buildPage(database, row);
    await audit.record(database, by, {
      action: 'record.open',
      entityType: 'patient',
      entityId: row.id,
      patientId: row.id,
      detail: row.id === asked.id ? null : { requestedId: asked.id },
    });
    return page;
  }

  async function checkDuplicates(input: {
    firstName: string;
    lastName: string;
    dateOfBirth?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
    postalCode?: string | undefined;
    excludeId?: string | undefined;
  }): Promise<{ candidates: DuplicateCandidate[] }> {
    const database = db();
    const dateOfBirth = input.dateOfBirth ? (parseTypedDate(input.dateOfBirth, await clinicToday(database)) ?? undefined) : undefined;
    const phone = input.phone ? normalizePhone(input.phone) : null;
    const probe: DuplicateProbe = {
      firstName: input.firstName,
      lastName: input.lastName,
      ...(dateOfBirth ? { dateOfBirth } : {}),
      ...(phone ? { phones: [phone] } : {}),
      ...(input.email?.trim() ? { email: input.email.trim().toLowerCase() } : {}),
      ...(input.postalCode?.trim() ? { postalCode: input.postalCode.trim() } : {}),
      ...(input.excludeId ? { excludeId: input.excludeId } : {}),
    };
    if (!probe.firstName && !probe.lastName && !probe.dateOfBirth && !probe.phones) return { candidates: [] };
    return { candidates: await findDuplicateCandidates(database, probe) };
  }

  // ── Registration ────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * Duplicate check and save in one transaction, so nobody can register the same person in between. Likely
   * duplicates the user has not yet seen stop the registration before anything (even an MRN) is written.
   */
  async function registerPatient(fields: PatientFields, probe: DuplicateProbe, acknowledged: readonly string[], kind: 'full' | 'quick', by: AuditedBy): Promise<RegistrationOutcome> {
    return db()
      .transaction()
      .execute(async (trx): Promise<RegistrationOutcome> => {
        const candidates = await findDuplicateCandidates(trx, probe);
        const seen = new Set(acknowledged);
        if (candidates.some((c) => c.score >= LIKELY_DUPLICATE_SCORE && !seen.has(c.id))) return { outcome: 'possible-duplicates', candidates };

        const at = now();
        const id = uuidv7();
        const mrn = await issueMrn(trx, at);
        await insertPatient(trx, fields, { id, mrn, created_at: at, created_by: by.userId, updated_at: at, updated_by: by.userId });
        await insertPatientChanges(trx, id, [{ field: HISTORY_EVENTS.registration, oldValue: null, newValue: kind }], at, by.userId, uuidv7);
        await syncPatientSearch(trx, await requirePatient(trx, id));
        await audit.record(trx, by, { action: 'record.create', entityType: 'patient', entityId: id, patientId: id, detail: { registration: kind } });
        return { outcome: 'created', patient: { id, mrn } };
      });
  }

  async function register(input: { fields: PatientFields; acknowledgedDuplicateIds: string[] }, by: AuditedBy): Promise<RegistrationOutcome> {
    const f = input.fields;
    const phones = [f.phoneMobile, f.phoneHome, f.phoneWork].filter((p): p is string => p !== null);
    const probe: DuplicateProbe = {
      firstName: f.firstName,
      lastName: f.lastName,
      dateOfBirth: f.dateOfBirth,
      ...(phones.length > 0 ? { phones } : {}),
      ...(f.email ? { email: f.email } : {}),
      ...(f.postalCode ? { postalCode: f.postalCode } : {}),
      ...(f.addressLine1 ? { addressLine1: f.addressLine1 } : {}),
    };
    return registerPatient(f, probe, input.acknowledgedDuplicateIds, 'full', by);
  }

  /** Name, date of birth and a call-back number; everything else stays empty for the full form later. */
  async function quickRegister(input: { fields: QuickFields; acknowledgedDuplicateIds: string[] }, by: AuditedBy): Promise<RegistrationOutcome> {
    const q = input.fields;
    const fields: PatientFields = {
      ...emptyPatientFields(),
      firstName: q.firstName,
      lastName: q.lastName,
      dateOfBirth: q.dateOfBirth,
      // The number a caller gives is kept as the mobile (most are) and preferred; no consent to texts is assumed.
      phoneMobile: q.phone,
      preferredPhone: q.phone ? 'mobile' : null,
    };
    const probe: DuplicateProbe = { firstName: q.firstName, lastName: q.lastName, dateOfBirth: q.dateOfBirth, ...(q.phone ? { phones: [q.phone] } : {}) };
    return registerPatient(fields, probe, input.acknowledgedDuplicateIds, 'quick', by);
  }

  // ── Changes ─────────────────────────────────────────────────────────────────────────────────────────────────

  /** Saves the form: each changed field becomes one history row (from → to), in the same transaction as the change. */
  async function update(input: { id: string; fields: PatientFields }, by: AuditedBy): Promise<PatientPage> {
    await db()
      .transaction()
      .execute(async (trx) => {
        const row = await requireEditablePatient(trx, input.id);
        const before = patientFieldsOf(row);
        const changed = PATIENT_FIELD_NAMES.filter((name) => before[name] !== input.fields[name]);
        if (changed.length === 0) return;
        const at = now();
        await trx
          .updateTable('patient')
          .set({ ...patientColumnsOf(input.fields, changed), updated_at: at, updated_by: by.userId })
          .where('id', '=', row.id)
          .execute();
        const entries = changed.map((name): PatientChangeEntry => ({ field: name, oldValue: historyText(before[name]), newValue: historyText(input.fields[name]) }));
        await insertPatientChanges(trx, row.id, entries, at, by.userId, uuidv7);
        await syncPatientSearch(trx, await requirePatient(trx, row.id));
        // Field names only: the values are PHI and live in patient_change, not in the audit trail.
        await audit.record(trx, by, { action: 'record.update', entityType: 'patient', entityId: row.id, patientId: row.id, detail: { fields: changed } });
      });
    return buildPage(db(), await requirePatient(db(), input.id));
  }

  /**
   * Adds a family member or caregiver, or changes one. Nobody is removed: ending an authorization is an end date.
   * The history gets one row per save with the person as they were and as they are now.
   */
  async function saveRelatedPerson(input: { patientId: string; id?: string | undefined; person: RelatedPersonFields }, by: AuditedBy): Promise<PatientPage> {
    await db()
      .transaction()
      .execute(async (trx) => {
        const patient = await requireEditablePatient(trx, input.patientId);
        const at = now();
        let existing: RelatedPersonRow | undefined;
        if (input.id !== undefined) {
          existing = await findRelatedPerson(trx, patient.id, input.id);
          if (!existing) throw new ClinicFailure('NOT_FOUND', 'That family member or caregiver is not on this patient’s record. Reload the page and try again.');
        }
        let personId: string;
        let fields: string[];
        if (existing) {
          const before = relatedPersonFieldsOf(existing);
          fields = (Object.keys(RELATED_PERSON_COLUMNS) as (keyof RelatedPersonFields)[]).filter((k) => before[k] !== input.person[k]);
          if (fields.length === 0) return;
          personId = existing.id;
          await trx
            .updateTable('related_person')
            .set({ ...relatedPersonColumnsOf(input.person), updated_at: at, updated_by: by.userId })
            .where('id', '=', existing.id)
            .execute();
          await insertPatientChanges(trx, patient.id, [{ field: HISTORY_EVENTS.relatedPerson, oldValue: describeRelatedPerson(before), newValue: describeRelatedPerson(input.person) }], at, by.userId, uuidv7);
        } else {
          personId = uuidv7();
          fields = Object.keys(RELATED_PERSON_COLUMNS);
          await trx
            .insertInto('related_person')
            .values({ id: personId, patient_id: patient.id, ...relatedPersonColumnsOf(input.person), created_at: at, created_by: by.userId, updated_at: at, updated_by: by.userId })
            .execute();
          await insertPatientChanges(trx, patient.id, [{ field: HISTORY_EVENTS.relatedPerson, oldValue: null, newValue: describeRelatedPerson(input.person) }], at, by.userId, uuidv7);
        }
        await audit.record(trx, by, {
          action: 'record.update',
          entityType: 'related_person',
          entityId: personId,
          patientId: patient.id,
          detail: { fields, added: !existing },
        });
      });
    return buildPage(db(), await requirePatient(db(), input.patientId));
  }

  /**
   * Merges a duplicate into the surviving record (administrators), in one transaction:
   * 1. the merged record is marked (merged_into) and dropped from the search index;
   * 2. every row of every table with a patient_id (found in the schema, so appointments and anything added later
   *    come along) moves to the survivor, except the append-only audit trail, which keeps the ids as they were;
   * 3. the merged MRN becomes an alias of the survivor; both records' histories and the audit trail say what happened.
   * Nothing is deleted: the merged record stays, read-only, pointing at the survivor.
   */
  async function merge(input: { survivorId: string; mergedId: string }, by: AuditedBy): Promise<{ survivorId: string; moved: Record<string, number> }> {
    return db()
      .transaction()
      .execute(async (trx) => {
        const survivor = await requirePatient(trx, input.survivorId);
        const merged = await requirePatient(trx, input.mergedId);
        for (const row of [merged, survivor]) {
          if (row.merged_into !== null) {
            const into = await followMerges(trx, row);
            throw new ClinicFailure('CONFLICT', `Record ${row.mrn} was already merged into ${into.mrn}. Choose records that have not been merged.`);
          }
        }
        const at = now();

        await trx.updateTable('patient').set({ merged_into: survivor.id, updated_at: at, updated_by: by.userId }).where('id', '=', merged.id).execute();
        await syncPatientSearch(trx, await requirePatient(trx, merged.id));

        const moved: Record<string, number> = {};
        for (const table of await tablesLinkedToPatients(trx)) {
          const count = await moveRows(trx, table, merged, survivor);
          if (count > 0) moved[table] = count;
        }

        await trx.insertInto('patient_mrn_alias').values({ mrn: merged.mrn, patient_id: survivor.id, created_at: at }).execute();
        await insertPatientChanges(trx, survivor.id, [{ field: HISTORY_EVENTS.merge, oldValue: null, newValue: `merged record ${merged.mrn}` }], at, by.userId, uuidv7);
        await insertPatientChanges(trx, merged.id, [{ field: HISTORY_EVENTS.mergedInto, oldValue: null, newValue: `merged into ${survivor.mrn}` }], at, by.userId, uuidv7);
        await trx.updateTable('patient').set({ updated_at: at, updated_by: by.userId }).where('id', '=', survivor.id).execute();
        await syncPatientSearch(trx, await requirePatient(trx, survivor.id));

        const movedRows = Object.values(moved).reduce((sum, n) => sum + n, 0);
        await audit.record(trx, by, { action: 'record.update', entityType: 'patient', entityId: survivor.id, patientId: survivor.id, detail: { mergedId: merged.id, movedRows } });
        await audit.record(trx, by, { action: 'record.update', entityType: 'patient', entityId: merged.id, patientId: merged.id, detail: { fields: ['mergedInto'], survivorId: survivor.id } });
        return { survivorId: survivor.id, moved };
      });
  }

  async function moveRows(trx: Kysely<Database>, table: string, from: PatientRow, to: PatientRow): Promise<number> {
    try {
      return await movePatientRows(trx, table, from.id, to.id);
    } catch (error) {
      // A table that allows one row per patient (a later "primary insurance", say) where both records have one.
      if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) {
        throw new ClinicFailure('CONFLICT', `Records ${from.mrn} and ${to.mrn} both have ${table.replaceAll('_', ' ')} information that can only exist once. Resolve it on one record, then merge.`);
      }
      throw error;
    }
  }

  return { search, get, checkDuplicates, register, quickRegister, update, saveRelatedPerson, merge };
}

export type PatientsService = ReturnType<typeof createPatientsService>;

/** A quick registration's untouched fields: all empty, sex at birth unknown, active. */
export function emptyPatientFields(): PatientFields {
  return {
    firstName: '',
    middleName: null,
    lastName: '',
    suffix: null,
    preferredName: null,
    dateOfBirth: '',
    sexAtBirth: 'unknown',
    genderIdentity: null,
    pronouns: null,
    phoneMobile: null,
    phoneHome: null,
    phoneWork: null,
    preferredPhone: null,
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
  };
}

/** Header warnings, most serious first. */
export function alertsFor(fields: PatientFields): string[] {
  const alerts: string[] = [];
  if (fields.status === 'deceased') alerts.push('Deceased');
  if (fields.status === 'inactive') alerts.push('Inactive');
  if (fields.interpreterNeeded) alerts.push(fields.preferredLanguage ? `Interpreter: ${fields.preferredLanguage}` : 'Interpreter needed');
  if (fields.phoneMobile && !fields.textConsent) alerts.push('Do not text');
  return alerts;
}

/** Authorized today for at least one kind of information, within the dates (both ends included). */
export function authorizedOn(person: RelatedPersonFields, day: string): boolean {
  if (!person.shareAppointments && !person.shareBilling && !person.shareClinical) return false;
  if (person.authorizedFrom && day < person.authorizedFrom) return false;
  if (person.authorizedUntil && day > person.authorizedUntil) return false;
  return true;
}

function relatedPersonView(row: RelatedPersonRow, today: string) {
  const person = relatedPersonFieldsOf(row);
  return { id: row.id, ...person, activeToday: authorizedOn(person, today) };
}

/** One line for the history: "Ana Smith (daughter), +13125550142; shares appointments, billing; 2025-01-01 to 2025-12-31". */
export function describeRelatedPerson(p: RelatedPersonFields): string {
  const shares = [p.shareAppointments && 'appointments', p.shareBilling && 'billing', p.shareClinical && 'clinical'].filter(Boolean);
  const parts = [`${p.name} (${p.relationship})${p.phone ? `, ${p.phone}` : ''}`, shares.length > 0 ? `shares ${shares.join(', ')}` : 'shares nothing'];
  if (p.authorizedFrom || p.authorizedUntil) parts.push(`${p.authorizedFrom ?? '…'} to ${p.authorizedUntil ?? 'no end date'}`);
  return parts.join('; ');
}
