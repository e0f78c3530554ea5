import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Phone numbers as the desk types them ("(312) 555-0142", "312.555.0142", "+44 20 7946 0958"), normalized to E.164.
 * A number without a country code is read as a US number.
 */
export function normalizePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), 'US');
  if (!parsed || !parsed.isValid()) return null;
  return parsed.number;
}

/** For display: US numbers as (312) 555-0142, others in international format. */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'US' ? parsed.formatNational() : parsed.formatInternational();
}

/** Only the digits, for search ("555-0142" and "5550142" match the same number). */
export function phoneDigits(input: string): string {
  return input.replace(/\D/g, '');
}
