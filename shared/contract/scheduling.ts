import { z } from 'zod';
import { defineChannel } from './channel';
import {
  appointmentTypeFieldsSchema,
  bookingSchema,
  calendarDate,
  cancelSchema,
  detailsSchema,
  exceptionFieldsSchema,
  gridStepSchema,
  providerFieldsSchema,
  recordId,
  reminderMarkSchema,
  rescheduleSchema,
  roomFieldsSchema,
  seriesBookingSchema,
  slotSearchSchema,
  statusChangeSchema,
  waitlistFieldsSchema,
  weeklyHoursSchema,
} from '../scheduling/schemas';
import { CONTACT_METHODS } from '../patients/schemas';
import { OCCURRENCES } from '../scheduling/time';

/**
 * `scheduling:*` — the appointment book. Set-up (providers, rooms, hours, time off, appointment types), booking
 * with the rules (no double booking of a provider or a room, working hours, blocked time, the same patient twice),
 * series, finding open time, the waitlist, the visit day (status flow, check-in board, reminder calls) and .ics.
 *
 * Rule problems are not errors: a booking that breaks a rule comes back `{ outcome: 'not-saved', problems }` with
 * nothing written, each problem saying how it can be got past (overbook or override with a reason, acknowledge),
 * so the dialog can show them and resend. Errors (VALIDATION, NOT_FOUND, CONFLICT for a state that does not allow
 * the change, FORBIDDEN) are the usual Result envelope.
 */

const ALL_STAFF = ['admin', 'coordinator', 'front_desk', 'read_only'] as const;
/** Who books, moves, cancels and runs the visit day. */
const BOOKERS = ['admin', 'coordinator', 'front_desk'] as const;
/** Who sets up providers, rooms, hours and appointment types. */
const SETUP = ['admin'] as const;
/** Who blocks time and may override working hours and blocked time (decided in docs/DECISIONS.md). */
const TIME_KEEPERS = ['admin', 'coordinator'] as const;

export * from './scheduling-views';
import {
  appointmentHistoryEntrySchema,
  appointmentTypeViewSchema,
  appointmentViewSchema,
  bookingOutcomeSchema,
  dayColumnSchema,
  dayViewSchema,
  exceptionViewSchema,
  hhmm,
  openSlotSchema,
  providerViewSchema,
  roomViewSchema,
  savedExceptionSchema,
  seriesOutcomeSchema,
  setupViewSchema,
  waitlistEntryViewSchema,
  waitlistSuggestionSchema,
} from './scheduling-views';

const idInput = (what: string) => z.object({ id: recordId(what) }).strict();

export const schedulingChannels = {
  // ── Set-up ──
  getSetup: defineChannel({
    summary: 'Providers (with weekly hours and the types they offer), rooms, appointment types and the clinic time zone.',
    input: z.undefined(),
    output: setupViewSchema,
    access: ALL_STAFF,
  }),
  saveProvider: defineChannel({
    summary: 'Adds a provider or changes one (name, credentials, NPI with its check digit, color, active).',
    input: z.object({ id: recordId('a provider').optional(), provider: providerFieldsSchema }).strict(),
    output: providerViewSchema,
    access: SETUP,
  }),
  saveRoom: defineChannel({
    summary: 'Adds a room or changes one.',
    input: z.object({ id: recordId('a room').optional(), room: roomFieldsSchema }).strict(),
    output: roomViewSchema,
    access: SETUP,
  }),
  setWorkingHours: defineChannel({
    summary: 'Replaces a provider’s weekly working hours (several blocks a day, clinic wall-clock times).',
    input: z.object({ providerId: recordId('a provider'), week: weeklyHoursSchema }).strict(),
    output: providerViewSchema,
    access: SETUP,
  }),
  saveAppointmentType: defineChannel({
    summary: 'Adds an appointment type or changes one (length, color, in person or telehealth, room, providers, buffer after).',
    input: z.object({ id: recordId('an appointment type').optional(), type: appointmentTypeFieldsSchema }).strict(),
    output: appointmentTypeViewSchema,
    access: SETUP,
  }),
  listExceptions: defineChannel({
    summary: 'Vacations, blocked time and clinic holidays that touch a date range.',
    input: z.object({ fromDate: calendarDate('the first day'), toDate: calendarDate('the last day') }).strict(),
    output: z.object({ exceptions: z.array(exceptionViewSchema) }),
    access: ALL_STAFF,
  }),
  saveException: defineChannel({
    summary: 'Adds or changes a vacation, blocked time or clinic holiday (existing appointments stay, and the booked ones in that time are listed to move; new ones need an override).',
    input: z.object({ id: recordId('a time-off entry').optional(), exception: exceptionFieldsSchema }).strict(),
    output: savedExceptionSchema,
    access: TIME_KEEPERS,
  }),
  removeException: defineChannel({
    summary: 'Removes a vacation, blocked time or clinic holiday.',
    input: idInput('a time-off entry'),
    output: z.null(),
    access: TIME_KEEPERS,
  }),

  // ── The book ──
  day: defineChannel({
    summary: 'One clinic day: a column per provider (or per room) with its hours, blocked time and appointments.',
    input: z.object({ date: calendarDate('the day'), by: z.enum(['provider', 'room'], { error: 'Show the day by provider or by room.' }).default('provider'), includeInactive: z.boolean().default(false) }).strict(),
    output: dayViewSchema,
    access: ALL_STAFF,
  }),
  week: defineChannel({
    summary: 'Monday to Sunday for one provider: each day’s hours, blocked time and appointments.',
    input: z.object({ providerId: recordId('a provider'), date: calendarDate('a day of the week') }).strict(),
    output: z.object({ providerId: z.string(), timeZone: z.string(), days: z.array(dayColumnSchema.extend({ date: z.string(), startAt: z.number().int(), endAt: z.number().int() })) }),
    access: ALL_STAFF,
  }),
  month: defineChannel({
    summary: 'Appointment counts per day of a month (all providers or one).',
    input: z.object({ month: z.string({ error: 'Choose a month.' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choose a month such as 2026-03.'), providerId: recordId('a provider').nullable().default(null) }).strict(),
    output: z.object({ month: z.string(), days: z.array(z.object({ date: z.string(), booked: z.number().int(), overbooked: z.number().int(), cancelled: z.number().int() })) }),
    access: ALL_STAFF,
  }),
  dayGrid: defineChannel({
    summary: 'The rows of the day view for a date and grid (5/10/15 min), within the clinic’s hours or the whole day.',
    input: z.object({ date: calendarDate('the day'), step: gridStepSchema, wholeDay: z.boolean().default(false) }).strict(),
    output: z.object({ rows: z.array(z.object({ startAt: z.number().int(), time: hhmm, minutes: z.number().int(), occurrence: z.enum(OCCURRENCES).nullable(), label: z.string() })) }),
    access: ALL_STAFF,
  }),
  get: defineChannel({
    summary: 'One appointment with its history (booking, moves, status steps with who and when, reminder calls).',
    input: idInput('an appointment'),
    output: z.object({ appointment: appointmentViewSchema, history: z.array(appointmentHistoryEntrySchema) }),
    access: ALL_STAFF,
  }),
  patientAppointments: defineChannel({
    summary: 'A patient’s appointments, upcoming first then past (newest first), cancelled ones included.',
    input: z.object({ patientId: recordId('a patient') }).strict(),
    output: z.object({ upcoming: z.array(appointmentViewSchema), past: z.array(appointmentViewSchema) }),
    access: ALL_STAFF,
  }),

  // ── Changes ──
  book: defineChannel({
    summary: 'Books one appointment with every rule checked in one transaction; problems come back with nothing saved.',
    input: bookingSchema,
    output: bookingOutcomeSchema,
    access: BOOKERS,
  }),
  bookSeries: defineChannel({
    summary: 'Books a weekly / every-n-weeks / monthly-by-weekday series; every occurrence is checked and all problems reported before anything is saved.',
    input: seriesBookingSchema,
    output: seriesOutcomeSchema,
    access: BOOKERS,
  }),
  reschedule: defineChannel({
    summary: 'Moves and/or resizes an appointment (or this and following, or all of its series), with the same rules; history kept.',
    input: rescheduleSchema,
    output: seriesOutcomeSchema,
    access: BOOKERS,
  }),
  updateDetails: defineChannel({
    summary: 'Changes the visit reason, notes or telehealth link.',
    input: detailsSchema,
    output: appointmentViewSchema,
    access: BOOKERS,
  }),
  cancel: defineChannel({
    summary: 'Cancels with a reason (patient, clinic, weather, other); returns waitlisted patients who could take the freed time.',
    input: cancelSchema,
    output: z.object({ cancelled: z.array(z.string()), waitlistSuggestions: z.array(waitlistSuggestionSchema) }),
    access: BOOKERS,
  }),
  setStatus: defineChannel({
    summary: 'A step of the visit day (confirmed, arrived, in room, checked out, no-show), time-stamped with who did it. Restoring a no-show checks its time again like a booking; problems come back with nothing saved.',
    input: statusChangeSchema,
    output: bookingOutcomeSchema,
    access: BOOKERS,
  }),

  // ── The visit day ──
  checkInBoard: defineChannel({
    summary: 'Today’s arrived and in-room patients with how long each has been waiting.',
    input: z.undefined(),
    output: z.object({
      now: z.number().int(),
      entries: z.array(z.object({ appointment: appointmentViewSchema, arrivedAt: z.number().int().nullable(), inRoomAt: z.number().int().nullable(), waitingSince: z.number().int(), waitingMinutes: z.number().int() })),
    }),
    access: ALL_STAFF,
  }),
  reminderList: defineChannel({
    summary: 'The reminder call list for a day: patient, phone, preferred contact method and language, confirmation status.',
    input: z.object({ date: calendarDate('the day') }).strict(),
    output: z.object({
      date: z.string(),
      entries: z.array(
        z.object({
          appointment: appointmentViewSchema,
          phone: z.string().nullable(),
          preferredContactMethod: z.enum(CONTACT_METHODS).nullable(),
          language: z.string().nullable(),
          interpreterNeeded: z.boolean(),
          confirmed: z.boolean(),
        }),
      ),
    }),
    access: ALL_STAFF,
  }),
  markReminder: defineChannel({
    summary: 'Records a reminder call: called, confirmed (also confirms the appointment), left a message, no answer, wrong number.',
    input: reminderMarkSchema,
    output: appointmentViewSchema,
    access: BOOKERS,
  }),

  // ── Finding time ──
  findSlots: defineChannel({
    summary: 'The next open slots for a type (its length and buffer), for one provider or any who offers it, within ≤ 90 days, preferred days and times.',
    input: slotSearchSchema,
    output: z.object({ slots: z.array(openSlotSchema) }),
    access: ALL_STAFF,
  }),
  listWaitlist: defineChannel({
    summary: 'Waitlist entries (active ones unless asked for all).',
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.object({ entries: z.array(waitlistEntryViewSchema) }),
    access: ALL_STAFF,
  }),
  saveWaitlistEntry: defineChannel({
    summary: 'Adds a patient to the waitlist or changes an entry (type, providers, acceptable days and times, date range, note, active).',
    input: z
      .object({
        id: recordId('a waitlist entry').optional(),
        entry: waitlistFieldsSchema,
        /** Whether the entry was open when this desk read it: if another desk has since booked, removed or put it back, nothing is saved. */
        wasActive: z.boolean({ error: 'Say whether the entry was open when it was read.' }).optional(),
      })
      .strict(),
    output: waitlistEntryViewSchema,
    access: BOOKERS,
  }),
  waitlistForSlot: defineChannel({
    summary: 'Waitlisted patients who could take a provider’s free time starting at an instant.',
    input: z.object({ providerId: recordId('a provider'), startAt: z.number({ error: 'Choose a time.' }).int('Choose a time.').min(0, 'Choose a time.'), endAt: z.number({ error: 'Choose a time.' }).int('Choose a time.').min(0, 'Choose a time.') }).strict().refine((v) => v.endAt > v.startAt && v.endAt - v.startAt <= 86_400_000, { message: 'The end is after the start, within a day.', path: ['endAt'] }),
    output: z.object({ suggestions: z.array(waitlistSuggestionSchema) }),
    access: ALL_STAFF,
  }),

  exportIcs: defineChannel({
    summary: 'An .ics calendar file (RFC 5545) for one appointment, for the patient (audited as an export).',
    input: idInput('an appointment'),
    output: z.object({ fileName: z.string(), content: z.string() }),
    access: BOOKERS,
  }),
};
