import { z } from 'zod';
import { defineChannel } from './channel';
import { CONTACT_METHODS, PATIENT_STATUSES, PHONE_KINDS, patientFieldsSchema, quickRegistrationSchema, relatedPersonSchema, SEX_AT_BIRTH } from '../patients/schemas';

const ALL_STAFF = ['admin', 'coordinator', 'front_desk', 'read_only'] as const;
const EDITORS = ['admin', 'coordinator', 'front_desk'] as const;

const patientId = z.string({ error: 'Choose a patient.' }).min(1, 'Choose a patient.').max(64);

/** One line of search results: enough to tell two people apart on the phone. */
export const patientSearchResultSchema = z.object({
  id: z.string(),
  mrn: z.string(),
  /** "Last, First Middle Suffix". */
  displayName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  age: z.number().int(),
  /** The preferred (or first) phone, formatted for reading. */
  phone: z.string().nullable(),
  /** Next booked visit (epoch ms) once scheduling exists; null until then or when none. */
  nextAppointmentAt: z.number().int().nullable(),
  /** Why it matched: exact MRN or phone rank first. */
  matchedOn: z.enum(['mrn', 'mrn-alias', 'phone', 'date-of-birth', 'name']),
});
export type PatientSearchResult = z.infer<typeof patientSearchResultSchema>;

export const duplicateCandidateSchema = z.object({
  id: z.string(),
  mrn: z.string(),
  displayName: z.string(),
  dateOfBirth: z.string(),
  /** 0–100; 70 and above is "likely the same person". */
  score: z.number(),
  /** Plain words: "Same date of birth", "First name Bob is a nickname of Robert", "Same mobile number"... */
  reasons: z.array(z.string()),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

const patientViewSchema = z.object({
  id: z.string(),
  mrn: z.string(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string(),
  suffix: z.string().nullable(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string(),
  age: z.number().int(),
  sexAtBirth: z.enum(SEX_AT_BIRTH),
  genderIdentity: z.string().nullable(),
  pronouns: z.string().nullable(),
  phoneMobile: z.string().nullable(),
  phoneHome: z.string().nullable(),
  phoneWork: z.string().nullable(),
  preferredPhone: z.enum(PHONE_KINDS).nullable(),
  textConsent: z.boolean(),
  email: z.string().nullable(),
  emailConsent: z.boolean(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  preferredContactMethod: z.enum(CONTACT_METHODS).nullable(),
  preferredContactTimes: z.string().nullable(),
  emergencyContactName: z.string().nullable(),
  emergencyContactRelationship: z.string().nullable(),
  emergencyContactPhone: z.string().nullable(),
  status: z.enum(PATIENT_STATUSES),
  /** Merged records' MRNs that now lead here. */
  mrnAliases: z.array(z.string()),
});

export const relatedPersonViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  relationship: z.string(),
  phone: z.string().nullable(),
  shareAppointments: z.boolean(),
  shareBilling: z.boolean(),
  shareClinical: z.boolean(),
  authorizedFrom: z.string().nullable(),
  authorizedUntil: z.string().nullable(),
  /** Authorized today (between the dates) for at least one kind of information. */
  activeToday: z.boolean(),
});

export const patientChangeViewSchema = z.object({
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  changedAt: z.number().int(),
  changedBy: z.string().nullable(),
});

export const patientPageSchema = z.object({
  patient: patientViewSchema,
  /** Short warnings for the header: "Interpreter: Spanish", "Do not text", "Deceased". */
  alerts: z.array(z.string()),
  relatedPeople: z.array(relatedPersonViewSchema),
  history: z.array(patientChangeViewSchema),
});
export type PatientPage = z.infer<typeof patientPageSchema>;

const registrationOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('created'), patient: z.object({ id: z.string(), mrn: z.string() }) }),
  z.object({ outcome: z.literal('possible-duplicates'), candidates: z.array(duplicateCandidateSchema) }),
]);

const acknowledged = z.array(z.string().max(64)).max(50).default([]);

export const patientsChannels = {
  search: defineChannel({
    summary: 'One box: name fragments in any order (typos tolerated), preferred name, date of birth, phone digits or last four, MRN.',
    input: z.object({ query: z.string().max(100, 'Search with fewer than 100 characters.'), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.object({ results: z.array(patientSearchResultSchema) }),
    access: ALL_STAFF,
  }),
  get: defineChannel({
    summary: 'The patient page: record, alerts, related people, change history (opening it is audited).',
    input: z.object({ id: patientId }).strict(),
    output: patientPageSchema,
    access: ALL_STAFF,
  }),
  checkDuplicates: defineChannel({
    summary: 'Candidate duplicates of a person being registered (or of an existing record), with reasons.',
    input: z
      .object({
        firstName: z.string().trim().max(80),
        lastName: z.string().trim().max(80),
        dateOfBirth: z.string().trim().max(10).optional(),
        phone: z.string().trim().max(30).optional(),
        email: z.string().trim().max(200).optional(),
        postalCode: z.string().trim().max(10).optional(),
        excludeId: z.string().max(64).optional(),
      })
      .strict(),
    output: z.object({ candidates: z.array(duplicateCandidateSchema) }),
    access: ALL_STAFF,
  }),
  register: defineChannel({
    summary: 'Full registration. Likely duplicates come back first, unless the user has seen them and chose to go on.',
    input: z.object({ fields: patientFieldsSchema, acknowledgedDuplicateIds: acknowledged }).strict(),
    output: registrationOutcome,
    access: EDITORS,
  }),
  quickRegister: defineChannel({
    summary: 'Quick registration for phone bookings (name, date of birth, phone), with the same duplicate check.',
    input: z.object({ fields: quickRegistrationSchema, acknowledgedDuplicateIds: acknowledged }).strict(),
    output: registrationOutcome,
    access: EDITORS,
  }),
  update: defineChannel({
    summary: 'Saves changes to a patient; every changed field goes into the history.',
    input: z.object({ id: patientId, fields: patientFieldsSchema }).strict(),
    output: patientPageSchema,
    access: EDITORS,
  }),
  saveRelatedPerson: defineChannel({
    summary: 'Adds or changes a family member or caregiver and what the patient lets the desk share with them.',
    input: z.object({ patientId, id: z.string().max(64).optional(), person: relatedPersonSchema }).strict(),
    output: patientPageSchema,
    access: EDITORS,
  }),
  merge: defineChannel({
    summary: 'Merges a duplicate into the surviving record (administrators): linked records move; the old MRN stays findable.',
    input: z
      .object({ survivorId: patientId, mergedId: patientId })
      .strict()
      .refine((v) => v.survivorId !== v.mergedId, { message: 'Choose two different records to merge.', path: ['mergedId'] }),
    output: z.object({ survivorId: z.string(), moved: z.record(z.string(), z.number().int()) }),
    access: ['admin'],
  }),
};
