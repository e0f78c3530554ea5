import { z } from 'zod';
import { isCalendarDate, MAX_AGE_YEARS, todayIn } from './dates';
import { normalizePhone } from './phone';

/**
 * One set of patient schemas for the registration forms and the IPC payloads alike. Every message says what
 * to fix. Phones come out in E.164; optional text fields come out as null when left empty.
 */
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${what} under ${max} characters.`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

const requiredName = (what: string) =>
  z.string({ error: `Enter the ${what}.` }).trim().min(1, `Enter the ${what}.`).max(80, `Keep the ${what} under 80 characters.`);

export const phoneSchema = (what: string) =>
  z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((value, ctx) => {
      if (!value) return null;
      const e164 = normalizePhone(value);
      if (!e164) {
        ctx.addIssue({ code: 'custom', message: `Enter the ${what} with its area code, such as (312) 555-0142.` });
        return z.NEVER;
      }
      return e164;
    });

export const dateOfBirthSchema = z
  .string({ error: 'Enter the date of birth.' })
  .trim()
  .min(1, 'Enter the date of birth.')
  .refine(isCalendarDate, 'Enter the date of birth as a real date, such as 1962-03-14.')
  .refine((dob) => dob <= todayIn(), 'The date of birth cannot be in the future.')
  .refine((dob) => Number(todayIn().slice(0, 4)) - Number(dob.slice(0, 4)) <= MAX_AGE_YEARS, `The date of birth is more than ${MAX_AGE_YEARS} years ago. Check the year.`);

const emailSchema = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v.toLowerCase() : null))
  .refine((v) => v === null || z.email().safeParse(v).success, 'Enter an email address such as name@example.com, or leave it empty.');

export const SEX_AT_BIRTH = ['female', 'male', 'intersex', 'unknown'] as const;
export const PHONE_KINDS = ['mobile', 'home', 'work'] as const;
export const CONTACT_METHODS = ['phone', 'text', 'email', 'mail'] as const;
export const PATIENT_STATUSES = ['active', 'inactive', 'deceased'] as const;

/** Quick registration for phone bookings: name, date of birth, phone. */
export const quickRegistrationSchema = z
  .object({
    firstName: requiredName('first name'),
    lastName: requiredName('last name'),
    dateOfBirth: dateOfBirthSchema,
    phone: phoneSchema('phone number').refine((v) => v !== null, 'Enter a phone number to call the patient back.'),
  })
  .strict();

export const patientFieldsSchema = z
  .object({
    firstName: requiredName('first name'),
    middleName: optionalText(80, 'the middle name'),
    lastName: requiredName('last name'),
    suffix: optionalText(20, 'the suffix'),
    preferredName: optionalText(80, 'the preferred name'),
    dateOfBirth: dateOfBirthSchema,
    sexAtBirth: z.enum(SEX_AT_BIRTH, { error: 'Choose the sex assigned at birth (or Unknown).' }),
    genderIdentity: optionalText(60, 'the gender identity'),
    pronouns: optionalText(30, 'the pronouns'),
    phoneMobile: phoneSchema('mobile number'),
    phoneHome: phoneSchema('home number'),
    phoneWork: phoneSchema('work number'),
    preferredPhone: z.enum(PHONE_KINDS).optional().nullable().transform((v) => v ?? null),
    textConsent: z.boolean().default(false),
    email: emailSchema,
    emailConsent: z.boolean().default(false),
    addressLine1: optionalText(120, 'the street address'),
    addressLine2: optionalText(120, 'the second address line'),
    city: optionalText(80, 'the city'),
    state: optionalText(40, 'the state'),
    postalCode: z
      .string()
      .trim()
      .optional()
      .nullable()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^\d{5}(-\d{4})?$/.test(v), 'Enter a ZIP code such as 60614 or 60614-1234.'),
    preferredLanguage: optionalText(40, 'the language'),
    interpreterNeeded: z.boolean().default(false),
    preferredContactMethod: z.enum(CONTACT_METHODS).optional().nullable().transform((v) => v ?? null),
    preferredContactTimes: optionalText(120, 'the contact times'),
    emergencyContactName: optionalText(120, 'the emergency contact’s name'),
    emergencyContactRelationship: optionalText(40, 'the relationship'),
    emergencyContactPhone: phoneSchema('emergency contact’s number'),
    status: z.enum(PATIENT_STATUSES).default('active'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.preferredPhone) {
      const chosen = { mobile: p.phoneMobile, home: p.phoneHome, work: p.phoneWork }[p.preferredPhone];
      if (!chosen) ctx.addIssue({ code: 'custom', path: ['preferredPhone'], message: `Enter the ${p.preferredPhone} number, or choose another preferred phone.` });
    }
    if (p.textConsent && !p.phoneMobile) ctx.addIssue({ code: 'custom', path: ['textConsent'], message: 'Texts need a mobile number.' });
    if (p.emailConsent && !p.email) ctx.addIssue({ code: 'custom', path: ['emailConsent'], message: 'Email consent needs an email address.' });
    if (p.preferredContactMethod === 'text' && !p.textConsent) ctx.addIssue({ code: 'custom', path: ['preferredContactMethod'], message: 'The patient has not agreed to texts.' });
    if (p.preferredContactMethod === 'email' && !p.email) ctx.addIssue({ code: 'custom', path: ['preferredContactMethod'], message: 'Enter an email address to contact the patient by email.' });
  });
export type PatientFields = z.output<typeof patientFieldsSchema>;
export type PatientFieldsInput = z.input<typeof patientFieldsSchema>;

export const relatedPersonSchema = z
  .object({
    name: requiredName('name'),
    relationship: z.string({ error: 'Enter the relationship, such as daughter or caregiver.' }).trim().min(1, 'Enter the relationship, such as daughter or caregiver.').max(40, 'Keep the relationship under 40 characters.'),
    phone: phoneSchema('phone number'),
    shareAppointments: z.boolean().default(false),
    shareBilling: z.boolean().default(false),
    shareClinical: z.boolean().default(false),
    authorizedFrom: z.string().trim().optional().nullable().transform((v) => (v ? v : null)).refine((v) => v === null || isCalendarDate(v), 'Enter the date as YYYY-MM-DD.'),
    authorizedUntil: z.string().trim().optional().nullable().transform((v) => (v ? v : null)).refine((v) => v === null || isCalendarDate(v), 'Enter the date as YYYY-MM-DD.'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.authorizedFrom && r.authorizedUntil && r.authorizedUntil < r.authorizedFrom) {
      ctx.addIssue({ code: 'custom', path: ['authorizedUntil'], message: 'The end date is before the start date.' });
    }
    if ((r.shareAppointments || r.shareBilling || r.shareClinical) && !r.authorizedFrom) {
      ctx.addIssue({ code: 'custom', path: ['authorizedFrom'], message: 'Enter the date the patient gave this authorization.' });
    }
  });
export type RelatedPersonFields = z.output<typeof relatedPersonSchema>;
