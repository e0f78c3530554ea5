import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, PatientRow } from '../../electron/core/db/schema';
import { findPatientById, insertPatient, issueMrn } from '../../electron/core/patients/repository';
import { syncPatientSearch } from '../../electron/core/patients/search/index-sync';
import { emptyPatientFields } from '../../electron/core/patients/service';
import type { PatientFields } from '../../shared/patients/schemas';

/** Patients for the search and duplicate tests, written the way the patients service writes them. */

export const SEARCH_TODAY = '2026-03-02';
const AT = Date.UTC(2026, 2, 2, 15, 0);

export type PersonFields = Partial<PatientFields> & Pick<PatientFields, 'firstName' | 'lastName' | 'dateOfBirth'>;

/** A patient as a quick registration leaves it (the service's own empty fields), with these filled in. */
export function fieldsOf(person: PersonFields): PatientFields {
  return { ...emptyPatientFields(), ...person };
}

/** Registers a person (MRN, row, search index) in one transaction; returns the row. */
export async function addPatient(db: Kysely<Database>, person: PersonFields): Promise<PatientRow> {
  return db.transaction().execute(async (trx) => {
    const id = uuidv7();
    const mrn = await issueMrn(trx, AT);
    await insertPatient(trx, fieldsOf(person), { id, mrn, created_at: AT, created_by: null, updated_at: AT, updated_by: null });
    const row = (await findPatientById(trx, id)) as PatientRow;
    await syncPatientSearch(trx, row);
    return row;
  });
}

/** Changes columns of a patient and refreshes the index, in the caller's transaction. */
export async function changePatient(trx: Kysely<Database>, id: string, columns: Partial<Omit<PatientRow, 'id'>>): Promise<PatientRow> {
  await trx.updateTable('patient').set(columns).where('id', '=', id).execute();
  const row = (await findPatientById(trx, id)) as PatientRow;
  await syncPatientSearch(trx, row);
  return row;
}

/** What the merge does to the index: the merged record leaves it, its MRN becomes an alias of the survivor. */
export async function mergeInto(db: Kysely<Database>, merged: PatientRow, survivor: PatientRow): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await changePatient(trx, merged.id, { merged_into: survivor.id });
    await trx.insertInto('patient_mrn_alias').values({ mrn: merged.mrn, patient_id: survivor.id, created_at: AT }).execute();
  });
}

/** Every row of the search tables, for before/after comparisons. */
export async function searchIndexSnapshot(db: Kysely<Database>) {
  return {
    docs: await db.selectFrom('patient_search_doc').selectAll().orderBy('doc_id').execute(),
    terms: await db.selectFrom('patient_search_term').selectAll().orderBy('term').execute(),
    variants: await db.selectFrom('patient_search_variant').selectAll().orderBy('variant').orderBy('term').execute(),
    phones: await db.selectFrom('patient_search_phone').selectAll().orderBy('doc_id').orderBy('kind').execute(),
  };
}
