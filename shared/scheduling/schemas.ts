import { z } from 'zod';
import { isValidNpi } from './npi';
import { CANCEL_REASONS, REMINDER_OUTCOMES, SETTABLE_STATUSES } from './status';
import { GRID_STEPS, isCalendarDate, MINUTES_PER_DAY, OCCURRENCES, parseTimeOfDay } from './time';

/**
 * One set of scheduling schemas for the set-up and booking forms and the IPC payloads alike (every object strict,
 * every message says what to fix). Times of day are typed as text ("9:30", "2 pm") and come out as minutes since
 * midnight; dates are YYYY-MM-DD in the clinic's calendar.
 */

/** The longest appointment the book takes, and the longest buffer after one: together they bound every overlap query. */
export const MAX_APPOINTMENT_MINUTES = 480;
export const MAX_BUFFER_MINUTES = 120;
/** A series stops after this many occurrences, whatever its end date says. */
export const MAX_SERIES_OCCURRENCES = 104;
/** Find-open-slots looks at most this many days ahead in one call. */
export const MAX_SLOT_SEARCH_DAYS = 90;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Free text on one line (names, reasons): trimmed, bounded, no control characters. */
export const lineText = (max: number, what: string) =>
  z
    .string({ error: `Enter ${what} as text.` })
    .trim()
    .max(max, `Keep ${what} under ${max} characters.`)
    .refine((v) => !CONTROL_CHARACTERS.test(v) && !/[\r\n]/.test(v), `Use letters, digits and punctuation only in ${what}.`);

/** Free text that may span lines (notes). */
const noteText = (max: number, what: string) =>
  z
    .string({ error: `Enter ${what} as text.` })
    .trim()
    .max(max, `Keep ${what} under ${max} characters.`)
    .refine((v) => !CONTROL_CHARACTERS.test(v), `Use letters, digits and punctuation only in ${what}.`);

const optionalLine = (max: number, what: string) =>
  lineText(max, what)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const optionalNote = (max: number, what: string) =>
  noteText(max, what)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const recordId = (what: string) =>
  z
    .string({ error: `Choose ${what} from the list.` })
    .trim()
    .min(1, `Choose ${what} from the list.`)
    .max(64, `That is not ${what} of this clinic. Choose one from the list.`)
    .regex(/^[0-9A-Za-z-]+$/, `That is not ${what} of this clinic. Choose one from the list.`);

export const calendarDate = (what: string) =>
  z
    .string({ error: `Enter ${what} as a date, such as 2026-03-10.` })
    .trim()
    .refine(isCalendarDate, `Enter ${what} as a real date, such as 2026-03-10.`);

/** "9:30", "930", "2 pm", "14:00" → minutes since midnight. */
export const timeOfDay = (what: string, options: { allowEndOfDay?: boolean } = {}) =>
  z
    .string({ error: `Enter ${what} as a time, such as 9:30 or 2:15 pm.` })
    .max(20, `Enter ${what} as a time, such as 9:30 or 2:15 pm.`)
    .transform((value, ctx) => {
      const minutes = parseTimeOfDay(value, options);
      if (minutes === null) {
        ctx.addIssue({ code: 'custom', message: `Enter ${what} as a time, such as 9:30 or 2:15 pm.` });
        return z.NEVER;
      }
      return minutes;
    });

export const colorSchema = z
  .string({ error: 'Choose a color.' })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Choose a color such as #3b82f6.')
  .transform((v) => v.toLowerCase());

const minutesField = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${what} in minutes.` })
    .int(`Enter ${what} in whole minutes.`)
    .min(min, `${what[0]?.toUpperCase()}${what.slice(1)} is at least ${min} minutes.`)
    .max(max, `${what[0]?.toUpperCase()}${what.slice(1)} is at most ${max} minutes.`);

export const durationMinutesSchema = minutesField('the length', 5, MAX_APPOINTMENT_MINUTES).refine((v) => v % 5 === 0, 'Use a length in steps of 5 minutes.');
export const bufferMinutesSchema = minutesField('the buffer after', 0, MAX_BUFFER_MINUTES).refine((v) => v % 5 === 0, 'Use a buffer in steps of 5 minutes.');

// ── Clinic set-up ────────────────────────────────────────────────────────────────────────────────────────────

export const providerFieldsSchema = z
  .object({
    name: lineText(80, 'the provider’s name').pipe(z.string().min(1, 'Enter the provider’s name as the book shows it, such as Dr. Lee.')),
    credentials: optionalLine(40, 'the credentials'),
    npi: z
      .string({ error: 'Enter the 10-digit NPI, or leave it empty.' })
      .trim()
      .nullable()
      .optional()
      .transform((v) => (v ? v.replace(/[\s-]/g, '') : null))
      .refine((v) => v === null || /^\d{10}$/.test(v), 'An NPI has exactly 10 digits.')
      .refine((v) => v === null || !/^\d{10}$/.test(v) || isValidNpi(v), 'This NPI’s check digit does not match. Check the number on the provider’s NPI record.'),
    color: colorSchema,
    active: z.boolean({ error: 'Say whether the provider is active.' }).default(true),
  })
  .strict();
export type ProviderFields = z.output<typeof providerFieldsSchema>;

export const roomFieldsSchema = z
  .object({
    name: lineText(60, 'the room name').pipe(z.string().min(1, 'Enter the room name, such as Exam 1.')),
    active: z.boolean({ error: 'Say whether the room is in use.' }).default(true),
  })
  .strict();
export type RoomFields = z.output<typeof roomFieldsSchema>;

export const APPOINTMENT_MODES = ['in_person', 'telehealth'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

export const appointmentTypeFieldsSchema = z
  .object({
    name: lineText(80, 'the type name').pipe(z.string().min(1, 'Enter the appointment type’s name, such as New patient visit.')),
    durationMinutes: durationMinutesSchema,
    color: colorSchema,
    mode: z.enum(APPOINTMENT_MODES, { error: 'Choose in person or telehealth.' }),
    needsRoom: z.boolean({ error: 'Say whether this type needs a room.' }),
    bufferAfterMinutes: bufferMinutesSchema.default(0),
    providerIds: z.array(recordId('a provider'), { error: 'Choose the providers who offer this type.' }).max(100, 'Choose at most 100 providers.'),
    active: z.boolean({ error: 'Say whether this type can be booked.' }).default(true),
  })
  .strict()
  .refine((v) => !(v.mode === 'telehealth' && v.needsRoom), { message: 'A telehealth visit does not need a room.', path: ['needsRoom'] });
export type AppointmentTypeFields = z.output<typeof appointmentTypeFieldsSchema>;

/** One block of working time on a weekday, as wall-clock minutes: 8:00–12:00 is { start: 480, end: 720 }. */
export const hoursBlockSchema = z
  .object({
    start: timeOfDay('the start'),
    end: timeOfDay('the end', { allowEndOfDay: true }),
  })
  .strict()
  .refine((b) => b.end > b.start, { message: 'The end of a block is after its start.', path: ['end'] });

export const weekdaySchema = z
  .number({ error: 'Choose a day of the week.' })
  .int('Choose a day of the week.')
  .min(1, 'Choose a day of the week.')
  .max(7, 'Choose a day of the week.');

/** A provider's whole week: for each weekday (1 = Monday … 7 = Sunday) its blocks; a day not listed is a day off. */
export const weeklyHoursSchema = z
  .array(
    z.object({ weekday: weekdaySchema, blocks: z.array(hoursBlockSchema).max(8, 'Use at most 8 blocks a day.') }).strict(),
    { error: 'List the working hours by weekday.' },
  )
  .max(7, 'List each weekday once.')
  .superRefine((days, ctx) => {
    const seen = new Set<number>();
    days.forEach((day, i) => {
      if (seen.has(day.weekday)) ctx.addIssue({ code: 'custom', path: [i, 'weekday'], message: 'List each weekday once.' });
      seen.add(day.weekday);
      const sorted = [...day.blocks].sort((a, b) => a.start - b.start);
      for (let j = 1; j < sorted.length; j += 1) {
        if ((sorted[j]?.start ?? 0) < (sorted[j - 1]?.end ?? 0)) {
          ctx.addIssue({ code: 'custom', path: [i, 'blocks'], message: 'Blocks on the same day must not overlap.' });
          break;
        }
      }
    });
  });

export const EXCEPTION_KINDS = ['vacation', 'blocked', 'holiday'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/**
 * Time off the book: a provider's vacation or blocked time, or a clinic holiday (clinic-wide when no provider).
 * Without times it covers whole days; with times, those hours on each day of the range.
 */
export const exceptionFieldsSchema = z
  .object({
    providerId: recordId('a provider').nullable(),
    kind: z.enum(EXCEPTION_KINDS, { error: 'Choose vacation, blocked time or clinic holiday.' }),
    fromDate: calendarDate('the first day'),
    toDate: calendarDate('the last day'),
    startTime: timeOfDay('the start').nullable().optional().transform((v) => v ?? null),
    endTime: timeOfDay('the end', { allowEndOfDay: true }).nullable().optional().transform((v) => v ?? null),
    note: optionalLine(200, 'the note'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'The last day is on or after the first day.' });
    if ((v.startTime === null) !== (v.endTime === null)) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Give both a start and an end time, or neither for whole days.' });
    if (v.startTime !== null && v.endTime !== null && v.endTime <= v.startTime) ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The end time is after the start time.' });
    if (v.kind === 'holiday' && v.providerId !== null) ctx.addIssue({ code: 'custom', path: ['providerId'], message: 'A clinic holiday applies to everyone: leave the provider empty.' });
    if (v.kind === 'vacation' && v.providerId === null) ctx.addIssue({ code: 'custom', path: ['providerId'], message: 'Choose whose vacation it is.' });
  });
export type ExceptionFields = z.output<typeof exceptionFieldsSchema>;

// ── Booking ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * When an appointment starts, on the clinic's wall clock. On the day the clocks go back, a time in the repeated
 * hour needs `occurrence` (the first or the second 1:30); a time the spring change skips is refused.
 */
export const localStartSchema = z
  .object({
    date: calendarDate('the date'),
    time: timeOfDay('the time'),
    occurrence: z.enum(OCCURRENCES, { error: 'Choose the first or the second time.' }).optional(),
  })
  .strict();
export type LocalStart = z.output<typeof localStartSchema>;

const reasonSchema = (what: string) => z.object({ reason: lineText(200, `the reason for ${what}`).pipe(z.string().min(3, `Say why (at least 3 characters) to ${what}.`)) }).strict();

/** The choices a user makes after seeing the rule problems of a first attempt. */
const decisionFields = {
  /** Book even though the provider already has someone then (flagged in the book). */
  overbook: reasonSchema('overbook').optional(),
  /** Book outside working hours or in blocked time (administrators and care coordinators). */
  override: reasonSchema('book outside working hours').optional(),
  /** The user has seen that the patient has another visit at that time, and books anyway. */
  acknowledgePatientOverlap: z.boolean({ error: 'Say whether you saw the other visit.' }).default(false),
};

const visitFields = {
  reason: optionalLine(200, 'the reason for the visit'),
  notes: optionalNote(2000, 'the notes'),
  telehealthLink: z
    .string({ error: 'Enter the telehealth link as a web address.' })
    .trim()
    .max(500, 'Keep the telehealth link under 500 characters.')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^https:\/\/[^\s<>"]+$/.test(v), 'Enter the telehealth link as an https:// address.'),
};

export const bookingSchema = z
  .object({
    patientId: recordId('a patient'),
    typeId: recordId('an appointment type'),
    providerId: recordId('a provider'),
    roomId: recordId('a room').nullable().optional().transform((v) => v ?? null),
    start: localStartSchema,
    /** Defaults to the type's length. */
    durationMinutes: durationMinutesSchema.optional(),
    ...visitFields,
    ...decisionFields,
    /** Booked from this patient's waitlist entry ("Offer this slot"): the entry is closed in the same transaction. */
    fromWaitlistEntryId: recordId('a waitlist entry').optional(),
  })
  .strict();
export type BookingInput = z.output<typeof bookingSchema>;

export const recurrenceSchema = z.discriminatedUnion(
  'frequency',
  [
    z.object({ frequency: z.literal('weekly'), interval: z.number({ error: 'Enter every how many weeks.' }).int('Enter whole weeks.').min(1, 'Repeat at least every week.').max(12, 'Repeat at most every 12 weeks.').default(1) }).strict(),
    z
      .object({
        frequency: z.literal('monthly'),
        interval: z.number({ error: 'Enter every how many months.' }).int('Enter whole months.').min(1, 'Repeat at least every month.').max(12, 'Repeat at most every 12 months.').default(1),
        /** The start date's weekday, in this week of the month: 1st–4th, or the last. */
        weekOfMonth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal('last')], { error: 'Choose 1st, 2nd, 3rd, 4th or last.' }),
      })
      .strict(),
  ],
  { error: 'Choose weekly or monthly.' },
);
export type Recurrence = z.output<typeof recurrenceSchema>;

export const seriesEndSchema = z.union(
  [
    z.object({ until: calendarDate('the last date') }).strict(),
    z.object({ count: z.number({ error: 'Enter how many times.' }).int('Enter a whole number of times.').min(2, 'A series has at least 2 visits.').max(MAX_SERIES_OCCURRENCES, `A series has at most ${MAX_SERIES_OCCURRENCES} visits.`) }).strict(),
  ],
  { error: 'End the series on a date or after a number of visits.' },
);
export type SeriesEnd = z.output<typeof seriesEndSchema>;

export const seriesBookingSchema = z
  .object({
    booking: bookingSchema,
    recurrence: recurrenceSchema,
    end: seriesEndSchema,
    /** Dates left out of the series (e.g. the ones a first attempt reported as conflicts). */
    skipDates: z.array(calendarDate('a date to skip')).max(MAX_SERIES_OCCURRENCES, `Skip at most ${MAX_SERIES_OCCURRENCES} dates.`).default([]),
  })
  .strict();
export type SeriesBookingInput = z.output<typeof seriesBookingSchema>;

export const SERIES_SCOPES = ['this', 'following', 'all'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];
const scopeSchema = z.enum(SERIES_SCOPES, { error: 'Choose this visit, this and following, or all visits.' }).default('this');

/** Move and/or resize: every field left out stays as it is. */
export const rescheduleSchema = z
  .object({
    id: recordId('an appointment'),
    start: localStartSchema.optional(),
    providerId: recordId('a provider').optional(),
    roomId: recordId('a room').nullable().optional(),
    durationMinutes: durationMinutesSchema.optional(),
    scope: scopeSchema,
    ...decisionFields,
  })
  .strict()
  .refine((v) => v.start !== undefined || v.providerId !== undefined || v.roomId !== undefined || v.durationMinutes !== undefined, {
    message: 'Choose a new time, length, provider or room.',
    path: ['start'],
  });
export type RescheduleInput = z.output<typeof rescheduleSchema>;

export const cancelSchema = z
  .object({
    id: recordId('an appointment'),
    reason: z.enum(CANCEL_REASONS, { error: 'Choose why: patient, clinic, weather or other.' }),
    note: optionalLine(200, 'the note'),
    scope: scopeSchema,
  })
  .strict()
  .refine((v) => v.reason !== 'other' || v.note !== null, { message: 'Say why it was cancelled.', path: ['note'] });
export type CancelInput = z.output<typeof cancelSchema>;

export const detailsSchema = z.object({ id: recordId('an appointment'), ...visitFields }).strict();
export type DetailsInput = z.output<typeof detailsSchema>;

/**
 * A visit-day step. Restoring a no-show (back to booked, or arrived after all) takes its time back, so it is checked
 * like a booking and may need the same decisions: overbook with a reason, or acknowledge the patient's other visit.
 */
export const statusChangeSchema = z
  .object({
    id: recordId('an appointment'),
    status: z.enum(SETTABLE_STATUSES, { error: 'Choose a status from the list.' }),
    overbook: decisionFields.overbook,
    acknowledgePatientOverlap: decisionFields.acknowledgePatientOverlap,
  })
  .strict();
export type StatusChangeInput = z.output<typeof statusChangeSchema>;

export const reminderMarkSchema = z
  .object({
    appointmentId: recordId('an appointment'),
    outcome: z.enum(REMINDER_OUTCOMES, { error: 'Choose called, confirmed, left a message, no answer or wrong number.' }),
    note: optionalLine(200, 'the note'),
  })
  .strict();

// ── Finding time ─────────────────────────────────────────────────────────────────────────────────────────────

export const timeWindowSchema = z
  .object({ start: timeOfDay('the earliest time'), end: timeOfDay('the latest time', { allowEndOfDay: true }) })
  .strict()
  .refine((w) => w.end > w.start, { message: 'The latest time is after the earliest.', path: ['end'] });
export type TimeWindow = z.output<typeof timeWindowSchema>;

const weekdaysSchema = z
  .array(weekdaySchema, { error: 'Choose the days of the week.' })
  .max(7, 'Choose each day of the week once.')
  .refine((days) => new Set(days).size === days.length, 'Choose each day of the week once.');

export const slotSearchSchema = z
  .object({
    typeId: recordId('an appointment type'),
    /** One provider, or null for any provider who offers the type. */
    providerId: recordId('a provider').nullable().default(null),
    fromDate: calendarDate('the first day'),
    toDate: calendarDate('the last day'),
    /** Empty: any day the provider works. */
    weekdays: weekdaysSchema.default([]),
    /** Empty: any time within working hours. */
    timeWindows: z.array(timeWindowSchema).max(6, 'Use at most 6 time windows.').default([]),
    /** Candidate starts are on this grid (minutes past the hour). */
    step: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(30)], { error: 'Use steps of 5, 10, 15 or 30 minutes.' }).default(15),
    limit: z.number({ error: 'Enter how many slots to show.' }).int().min(1, 'Show at least 1 slot.').max(100, 'Show at most 100 slots.').default(10),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'The last day is on or after the first day.' });
  });
export type SlotSearchInput = z.output<typeof slotSearchSchema>;

export const waitlistFieldsSchema = z
  .object({
    patientId: recordId('a patient'),
    typeId: recordId('an appointment type'),
    /** Empty: any provider who offers the type. */
    providerIds: z.array(recordId('a provider')).max(50, 'Choose at most 50 providers.').default([]),
    weekdays: weekdaysSchema.default([]),
    timeWindows: z.array(timeWindowSchema).max(6, 'Use at most 6 time windows.').default([]),
    fromDate: calendarDate('the first day'),
    toDate: calendarDate('the last day'),
    note: optionalLine(200, 'the note'),
    active: z.boolean({ error: 'Say whether the entry is active.' }).default(true),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'The last day is on or after the first day.' });
  });
export type WaitlistFields = z.output<typeof waitlistFieldsSchema>;

export const gridStepSchema = z.union([z.literal(GRID_STEPS[0]), z.literal(GRID_STEPS[1]), z.literal(GRID_STEPS[2])], { error: 'Use a 5, 10 or 15-minute grid.' });

export { MINUTES_PER_DAY };
