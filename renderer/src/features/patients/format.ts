/** How the Patients screen writes dates, ages, names and times: US desk conventions, in the clinic's words. */

/** "1962-03-14" → "03/14/1962": how the desk reads a birth date back to a caller. */
export function formatDateOfBirth(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[2]}/${match[3]}/${match[1]}` : iso;
}

/** "63 years old", "1 year old", "under 1 year old". */
export function ageText(age: number): string {
  if (age < 1) return 'under 1 year old';
  return age === 1 ? '1 year old' : `${age} years old`;
}

/** "Born 03/14/1962 (63 years old)". */
export function bornText(dateOfBirth: string, age: number): string {
  return `Born ${formatDateOfBirth(dateOfBirth)} (${ageText(age)})`;
}

/** "2025-03-14" → "Mar 14, 2025" (a calendar date: the same day everywhere). */
export function formatCalendarDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', dateStyle: 'medium' }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mar 14, 2025, 9:05 AM" on the clinic's clock (this computer's when the zone is not known yet). */
export function formatDateTime(at: number, timeZone: string | undefined): string {
  const key = timeZone ?? '';
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(key, format);
  }
  return format.format(at);
}

/** "John Quincy Smith Jr.": the legal name in reading order, for headings. */
export function legalName(person: { firstName: string; middleName: string | null; lastName: string; suffix: string | null }): string {
  return [person.firstName, person.middleName, person.lastName, person.suffix].filter(Boolean).join(' ');
}

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
