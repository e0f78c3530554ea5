import type { Kysely } from 'kysely';
import type { Database, PatientRow } from '../../db/schema';
import { ftsDelete, ftsDeleteAll, ftsInsert, type IndexedNameFields } from './fts';
import { deletionVariants, digitsOf, indexedName, reversed, termsOf } from './normalize';

/**
 * Keeps the search index in step with the patient table. Called by the patients service inside the same
 * transaction as every insert, update and merge of a patient row, so the index commits (or rolls back) with it.
 *
 * Searchable: every record not merged into another, whatever its status (the desk still finds an inactive or
 * deceased patient). A merged record leaves the index; its MRN stays findable through patient_mrn_alias.
 */
export async function syncPatientSearch(trx: Kysely<Database>, patient: PatientRow): Promise<void> {
  const live = patient.merged_into === null;
  const wasIndexed = await syncNames(trx, patient.id, live ? indexedFieldsOf(patient) : null);
  // Names and phones are indexed together: a record that had no name entry has no phone entries either.
  await syncPhones(trx, patient.id, live ? phonesOf(patient) : [], wasIndexed);
}

/**
 * Rebuilds the whole index from the patient table (after a restore from an old backup, or if it is ever suspected
 * to be out of step). Run it inside a transaction.
 */
export async function rebuildPatientSearch(trx: Kysely<Database>): Promise<number> {
  await ftsDeleteAll(trx);
  await trx.deleteFrom('patient_search_doc').execute();
  await trx.deleteFrom('patient_search_phone').execute();
  await trx.deleteFrom('patient_search_variant').execute();
  await trx.deleteFrom('patient_search_term').execute();
  let count = 0;
  let after = '';
  for (;;) {
    const rows = await trx.selectFrom('patient').selectAll().where('id', '>', after).orderBy('id').limit(1000).execute();
    if (rows.length === 0) return count;
    for (const row of rows) {
      await syncPatientSearch(trx, row);
      if (row.merged_into === null) count++;
    }
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/** The folded name fields as indexed. */
export function indexedFieldsOf(patient: Pick<PatientRow, 'first_name' | 'middle_name' | 'last_name' | 'preferred_name'>): IndexedNameFields {
  return {
    first: indexedName(patient.first_name),
    middle: indexedName(patient.middle_name),
    last: indexedName(patient.last_name),
    preferred: indexedName(patient.preferred_name),
  };
}

function fieldTerms(fields: IndexedNameFields | null): Set<string> {
  if (!fields) return new Set();
  return new Set([...termsOf(fields.first), ...termsOf(fields.middle), ...termsOf(fields.last), ...termsOf(fields.preferred)]);
}

const sameFields = (a: IndexedNameFields, b: IndexedNameFields) => a.first === b.first && a.middle === b.middle && a.last === b.last && a.preferred === b.preferred;

/** Returns whether the patient was in the index before. */
async function syncNames(trx: Kysely<Database>, patientId: string, next: IndexedNameFields | null): Promise<boolean> {
  const doc = await trx.selectFrom('patient_search_doc').selectAll().where('patient_id', '=', patientId).executeTakeFirst();
  if (doc && next && sameFields(doc, next)) return true;
  if (!doc && !next) return false;

  if (doc) await ftsDelete(trx, doc.doc_id);
  if (next) {
    let docId: number;
    if (doc) {
      docId = doc.doc_id;
      await trx.updateTable('patient_search_doc').set(next).where('doc_id', '=', docId).execute();
    } else {
      const inserted = await trx.insertInto('patient_search_doc').values({ patient_id: patientId, ...next }).returning('doc_id').executeTakeFirstOrThrow();
      docId = inserted.doc_id;
    }
    await ftsInsert(trx, docId, next);
  } else if (doc) {
    await trx.deleteFrom('patient_search_doc').where('doc_id', '=', doc.doc_id).execute();
  }

  const before = fieldTerms(doc ?? null);
  const after = fieldTerms(next);
  await adjustVocabulary(
    trx,
    [...after].filter((t) => !before.has(t)),
    [...before].filter((t) => !after.has(t)),
  );
  return doc !== undefined;
}

/** Counts the name words in use; a word's typo variants exist exactly while some patient uses it. */
async function adjustVocabulary(trx: Kysely<Database>, added: string[], removed: string[]): Promise<void> {
  if (added.length > 0) {
    const counted = await trx
      .insertInto('patient_search_term')
      .values(added.map((term) => ({ term, doc_count: 1 })))
      .onConflict((oc) => oc.column('term').doUpdateSet((eb) => ({ doc_count: eb('patient_search_term.doc_count', '+', 1) })))
      .returning(['term', 'doc_count'])
      .execute();
    const fresh = counted.filter((row) => row.doc_count === 1).map((row) => row.term);
    const variants = fresh.flatMap((term) => deletionVariants(term).map((variant) => ({ variant, term })));
    for (let i = 0; i < variants.length; i += 500) {
      await trx
        .insertInto('patient_search_variant')
        .values(variants.slice(i, i + 500))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  if (removed.length > 0) {
    const counted = await trx
      .updateTable('patient_search_term')
      .set((eb) => ({ doc_count: eb('doc_count', '-', 1) }))
      .where('term', 'in', removed)
      .returning(['term', 'doc_count'])
      .execute();
    const dead = counted.filter((row) => row.doc_count <= 0).map((row) => row.term);
    if (dead.length > 0) {
      const variants = [...new Set(dead.flatMap(deletionVariants))];
      await trx.deleteFrom('patient_search_variant').where('term', 'in', dead).where('variant', 'in', variants).execute();
      await trx.deleteFrom('patient_search_term').where('term', 'in', dead).execute();
    }
  }
}

type PhoneKind = 'mobile' | 'home' | 'work';

function phonesOf(patient: PatientRow): { kind: PhoneKind; digits: string }[] {
  const phones: { kind: PhoneKind; digits: string }[] = [];
  for (const [kind, value] of [
    ['mobile', patient.phone_mobile],
    ['home', patient.phone_home],
    ['work', patient.phone_work],
  ] as const) {
    const digits = value ? digitsOf(value) : '';
    if (digits) phones.push({ kind, digits });
  }
  return phones;
}

async function syncPhones(trx: Kysely<Database>, patientId: string, next: { kind: PhoneKind; digits: string }[], wasIndexed: boolean): Promise<void> {
  const current = wasIndexed ? await trx.selectFrom('patient_search_phone').select(['kind', 'digits']).where('patient_id', '=', patientId).orderBy('kind').execute() : [];
  const wanted = [...next].sort((a, b) => a.kind.localeCompare(b.kind));
  if (current.length === wanted.length && current.every((row, i) => row.kind === wanted[i]?.kind && row.digits === wanted[i]?.digits)) return;
  if (current.length > 0) await trx.deleteFrom('patient_search_phone').where('patient_id', '=', patientId).execute();
  if (wanted.length > 0) {
    await trx
      .insertInto('patient_search_phone')
      .values(wanted.map((p) => ({ patient_id: patientId, kind: p.kind, digits: p.digits, reversed: reversed(p.digits) })))
      .execute();
  }
}
