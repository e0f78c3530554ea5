import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldPath, Resolver, UseFormReturn } from 'react-hook-form';
import type { PatientPage } from '../../../../../shared/contract/patients';
import { formatPhone } from '../../../../../shared/patients/phone';
import { patientFieldsSchema, type PatientFields } from '../../../../../shared/patients/schemas';

/**
 * The registration and "edit details" forms hold what the person typed (text, '' for empty, true/false for the boxes);
 * the shared patientFieldsSchema turns that into what main stores (E.164 phones, nulls), with the same messages main
 * would give.
 */
export const TEXT_FIELDS = [
  'firstName', 'middleName', 'lastName', 'suffix', 'preferredName', 'dateOfBirth', 'genderIdentity', 'pronouns',
  'phoneMobile', 'phoneHome', 'phoneWork', 'email', 'addressLine1', 'addressLine2', 'city', 'state', 'postalCode',
  'preferredLanguage', 'preferredContactTimes', 'emergencyContactName', 'emergencyContactRelationship', 'emergencyContactPhone',
] as const;
/** Choices from a list; '' is "not chosen". */
export const CHOICE_FIELDS = ['sexAtBirth', 'preferredPhone', 'preferredContactMethod', 'status'] as const;
export const FLAG_FIELDS = ['textConsent', 'emailConsent', 'interpreterNeeded'] as const;

type TextField = (typeof TEXT_FIELDS)[number];
type ChoiceField = (typeof CHOICE_FIELDS)[number];
type FlagField = (typeof FLAG_FIELDS)[number];
export type PatientFormValues = Record<TextField | ChoiceField, string> & Record<FlagField, boolean>;
export type PatientForm = UseFormReturn<PatientFormValues, unknown, PatientFields>;
export type PatientFieldName = FieldPath<PatientFormValues>;

const ALL_FIELDS: readonly string[] = [...TEXT_FIELDS, ...CHOICE_FIELDS, ...FLAG_FIELDS];

export function emptyPatientForm(): PatientFormValues {
  const values: Record<string, string | boolean> = {};
  for (const field of TEXT_FIELDS) values[field] = '';
  for (const field of CHOICE_FIELDS) values[field] = '';
  for (const field of FLAG_FIELDS) values[field] = false;
  values.status = 'active';
  return values as PatientFormValues;
}

/** The form filled from a patient's record, phones written the way the desk reads them. */
export function patientFormFrom(patient: PatientPage['patient']): PatientFormValues {
  const values = emptyPatientForm() as Record<string, string | boolean>;
  const record = patient as unknown as Record<string, unknown>;
  for (const field of ALL_FIELDS) {
    const value = record[field];
    if (typeof value === 'boolean') values[field] = value;
    else if (typeof value === 'string') values[field] = value;
  }
  for (const field of ['phoneMobile', 'phoneHome', 'phoneWork', 'emergencyContactPhone'] as const) {
    const phone = patient[field];
    if (phone) values[field] = formatPhone(phone);
  }
  return values as PatientFormValues;
}

/** What the shared schema reads: a choice left at '' is "none" (null), except the ones it requires. */
function toSchemaInput(values: PatientFormValues): unknown {
  return {
    ...values,
    preferredPhone: values.preferredPhone || null,
    preferredContactMethod: values.preferredContactMethod || null,
  };
}

const sharedResolver = zodResolver(patientFieldsSchema);

/** zodResolver over the shared patientFieldsSchema, after the form's '' choices become null. */
export const patientFormResolver: Resolver<PatientFormValues, unknown, PatientFields> = (values, context, options) =>
  (sharedResolver as unknown as Resolver<PatientFormValues, unknown, PatientFields>)(toSchemaInput(values) as PatientFormValues, context, options);

/** Main's issue paths ("fields.email") onto this form's fields; null for anything else. */
export function patientFieldOf(path: string): PatientFieldName | null {
  const field = path.startsWith('fields.') ? path.slice('fields.'.length) : path;
  return ALL_FIELDS.includes(field) ? (field as PatientFieldName) : null;
}

/** Field names as the form labels them, for the change history ("Mobile phone changed from … to …"). */
export const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  middleName: 'Middle name',
  lastName: 'Last name',
  suffix: 'Suffix',
  preferredName: 'Preferred name',
  dateOfBirth: 'Date of birth',
  sexAtBirth: 'Sex assigned at birth',
  genderIdentity: 'Gender identity',
  pronouns: 'Pronouns',
  phoneMobile: 'Mobile phone',
  phoneHome: 'Home phone',
  phoneWork: 'Work phone',
  preferredPhone: 'Preferred phone',
  textConsent: 'Agrees to texts',
  email: 'Email',
  emailConsent: 'Agrees to email',
  addressLine1: 'Street address',
  addressLine2: 'Address line 2',
  city: 'City',
  state: 'State',
  postalCode: 'ZIP code',
  preferredLanguage: 'Preferred language',
  interpreterNeeded: 'Interpreter needed',
  preferredContactMethod: 'Preferred contact method',
  preferredContactTimes: 'Best times to reach',
  emergencyContactName: 'Emergency contact',
  emergencyContactRelationship: 'Emergency contact’s relationship',
  emergencyContactPhone: 'Emergency contact’s phone',
  status: 'Status',
  mrn: 'MRN',
};
