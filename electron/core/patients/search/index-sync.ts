import type { Insertable, Kysely } from 'kysely';
import type { Database, PatientRow, PatientSearchDocTable } from '../../db/schema';
import { ftsDelete, ftsDeleteAll, ftsInsert, type IndexedNameFields, type SearchDocRow } from './fts';
import { addressKey, deletionVariants, digitsOf, indexedName, reversed, termsOf } from './normalize';

/**
 * Keeps the search index in step with the patient table. Called by the patients service inside the same
 * transaction as every insert, update and merge of a patient row, so the index commits (or rolls back) with it.
 *
 * Searchable: every record not merged into another, whatever its status (the desk still finds an inactive or
 * deceased patient). A merged record leaves the index; its MRN stays findable through patient_mrn_alias.
 *
 * Per patient: one `patient_search_doc` row (what results and the duplicate check show and score, so they never
 * read the wide patient rows, plus the folded name fields), its words in the FTS index, its phone numbers in
 * `patient_search_phone`, and the vocabulary counts behind typo lookups.
 */
export async function syncPatientSearch(trx: Kysely<Database>, patient: PatientRow): Promise<void> {
  const doc = await trx.selectFrom('patient_search_doc').selectAll().where('patient_id', '=', patient.id).executeTakeFirst();
  const next = patient.merged_into === null ? searchDocOf(patient) : null;

  if (!next) {
    if (!doc) return;
    await trx.deleteFrom('patient_search_phone').where('doc_id', '=', doc.doc_id).execute();
    await ftsDelete(trx, doc.doc_id);
    await trx.deleteFrom('patient_search_doc').where('doc_id', '=', doc.doc_id).execute();
    await adjustVocabulary(trx, [], [...termsOfFields(doc)]);
    return;
  }

  let docId: number;
  if (!doc) {
    docId = (await trx.insertInto('patient_search_doc').values(next).returning('doc_id').executeTakeFirstOrThrow()).doc_id;
    await ftsInsert(trx, docId, next);
    await adjustVocabulary(trx, [...termsOfFields(next)], []);
  } else {
    docId = doc.doc_id;
    if (!sameDoc(doc, next)) await trx.updateTable('patient_search_doc').set(next).where('doc_id', '=', docId).execute();
    if (!sameNames(doc, next)) {
      await ftsDelete(trx, docId);
      await ftsInsert(trx, docId, next);
      const before = termsOfFields(doc);
      const after = termsOfFields(next);
      await adjustVocabulary(
        trx,
        [...after].filter((t) => !before.has(t)),
        [...before].filter((t) => !after.has(t)),
      );
    }
  }
  await syncPhones(trx, docId, phonesOf(patient), doc !== undefined);
}

/**
 * Rebuilds the whole index from the patient table (after a restore from an old backup, or if it is ever suspected
 * to be out of step). Run it inside a transaction. Returns how many patients are searchable.
 */
export async function rebuildPatientSearch(trx: Kysely<Database>): Promise<number> {
  await ftsDeleteAll(trx);
  await trx.deleteFrom('patient_search_phone').execute();
  await trx.deleteFrom('patient_search_doc').execute();
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

type SearchDoc = Omit<Insertable<PatientSearchDocTable>, 'doc_id'> & IndexedNameFields;

/** A patient's search row. */
export function searchDocOf(patient: PatientRow): SearchDoc {
  const preferred = patient.preferred_phone ? { mobile: patient.phone_mobile, home: patient.phone_home, work: patient.phone_work }[patient.preferred_phone] : null;
  return {
    patient_id: patient.id,
    mrn: patient.mrn,
    first_name: patient.first_name,
    middle_name: patient.middle_name,
    last_name: patient.last_name,
    suffix: patient.suffix,
    preferred_name: patient.preferred_name,
    date_of_birth: patient.date_of_birth,
    phone: preferred ?? patient.phone_mobile ?? patient.phone_home ?? patient.phone_work,
    email: patient.email ? patient.email.trim().toLowerCase() : null,
    address_key: addressKey(patient.address_line1) || null,
    postal_code: patient.postal_code ? patient.postal_code.trim().slice(0, 5) : null,
    ...indexedFieldsOf(patient),
  };
}

const DOC_COLUMNS = [
  'mrn',
  'first_name',
  'middle_name',
  'last_name',
  'suffix',
  'preferred_name',
  'date_of_birth',
  'phone',
  'email',
  'address_key',
  'postal_code',
  'first',
  'middle',
  'last',
  'preferred',
] as const satisfies readonly (keyof SearchDoc)[];

const sameDoc = (a: SearchDocRow, b: SearchDoc) => DOC_COLUMNS.every((column) => (a[column] ?? null) === (b[column] ?? null));
const sameNames = (a: IndexedNameFields, b: IndexedNameFields) => a.first === b.first && a.middle === b.middle && a.last === b.last && a.preferred === b.preferred;

function termsOfFields(fields: IndexedNameFields): Set<string> {
  return new Set([...termsOf(fields.first), ...termsOf(fields.middle), ...termsOf(fields.last), ...termsOf(fields.preferred)]);
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
    ['home', patient.phone_home],
    ['mobile', patient.phone_mobile],
    ['work', patient.phone_work],
  ] as const) {
    const digits = value ? digitsOf(value) : '';
    if (digits) phones.push({ kind, digits });
  }
  return phones;
}

/** `wanted` in kind order; a patient new to the index has no phone rows yet. */
async function syncPhones(trx: Kysely<Database>, docId: number, wanted: { kind: PhoneKind; digits: string }[], wasIndexed: boolean): Promise<void> {
  const current = wasIndexed ? await trx.selectFrom('patient_search_phone').select(['kind', 'digits']).where('doc_id', '=', docId).orderBy('kind').execute() : [];
  if (current.length === wanted.length && current.every((row, i) => row.kind === wanted[i]?.kind && row.digits === wanted[i]?.digits)) return;
  if (current.length > 0) await trx.deleteFrom('patient_search_phone').where('doc_id', '=', docId).execute();
  if (wanted.length > 0) {
    await trx
      .insertInto('patient_search_phone')
      .values(wanted.map((p) => ({ doc_id: docId, kind: p.kind, digits: p.digits, reversed: reversed(p.digits) })))
      .execute();
  }
}
