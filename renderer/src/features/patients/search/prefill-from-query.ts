import { parseTypedDate } from '../../../../../shared/patients/dates';
import type { PatientFormValues } from '../register/patient-form';

/**
 * What the person typed into search, carried into the registration form when nobody matched: "Smith, Jane" or
 * "Jane Smith" fills the names, "3/14/62" the date of birth, "312 555 0142" the mobile number.
 */
export function prefillFromQuery(query: string): Partial<PatientFormValues> {
  const text = query.trim();
  const date = parseTypedDate(text);
  if (date) return { dateOfBirth: date };
  const digits = text.replace(/\D/g, '');
  if (digits.length >= 7 && /^[\d\s()+.-]+$/.test(text)) return { phoneMobile: text };
  if (!/^[\p{L}\s,'’.-]+$/u.test(text)) return {};
  if (text.includes(',')) {
    const [last = '', first = ''] = text.split(',', 2).map((part) => part.trim());
    return { lastName: last, firstName: first };
  }
  const words = text.split(/\s+/);
  if (words.length === 1) return { lastName: words[0] ?? '' };
  return { firstName: words[0] ?? '', lastName: words.slice(1).join(' ') };
}
