import type { CONTACT_METHODS, PATIENT_STATUSES, PHONE_KINDS, SEX_AT_BIRTH } from '../../../../../shared/patients/schemas';

/** The shared schema's choices, in the desk's words. */
export const SEX_AT_BIRTH_LABELS: Record<(typeof SEX_AT_BIRTH)[number], string> = { female: 'Female', male: 'Male', intersex: 'Intersex', unknown: 'Unknown' };
export const PHONE_KIND_LABELS: Record<(typeof PHONE_KINDS)[number], string> = { mobile: 'Mobile', home: 'Home', work: 'Work' };
export const CONTACT_METHOD_LABELS: Record<(typeof CONTACT_METHODS)[number], string> = { phone: 'Phone call', text: 'Text message', email: 'Email', mail: 'Mail' };
export const STATUS_LABELS: Record<(typeof PATIENT_STATUSES)[number], string> = { active: 'Active', inactive: 'Inactive', deceased: 'Deceased' };

/** Options for a NativeSelect, with an optional first "nothing chosen" entry. */
export function optionsOf(labels: Record<string, string>, none?: string): { value: string; label: string }[] {
  const options = Object.entries(labels).map(([value, label]) => ({ value, label }));
  return none === undefined ? options : [{ value: '', label: none }, ...options];
}

/** A stored value ("mobile", "true", "+13125550142"...) read out for the history list. */
export function choiceLabel(value: string): string | undefined {
  return ({ ...SEX_AT_BIRTH_LABELS, ...PHONE_KIND_LABELS, ...CONTACT_METHOD_LABELS, ...STATUS_LABELS } as Record<string, string>)[value];
}
