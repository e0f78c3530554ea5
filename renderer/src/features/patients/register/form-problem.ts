import type { ClinicError } from '../../../../../shared/result';
import { applyServerIssues } from '../../../forms/server-issues';
import { patientFieldOf, type PatientForm } from './patient-form';

/** Main's refusal of a patient form in words for the alert above it; its field problems go under their fields. */
export function problemText(error: ClinicError, form: PatientForm): string {
  if (error.code !== 'VALIDATION') return error.message;
  const unmatched = applyServerIssues(error.issues, form.setError, patientFieldOf);
  return [error.message, ...unmatched.map((issue) => issue.message)].filter((text, i, all) => all.indexOf(text) === i).join(' ');
}
