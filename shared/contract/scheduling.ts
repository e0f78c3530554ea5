import { z } from 'zod';
import { defineChannel } from './channel';
import {
  appointmentTypeFieldsSchema,
  APPOINTMENT_MODES,
  bookingSchema,
  calendarDate,
  cancelSchema,
  detailsSchema,
  EXCEPTION_KINDS,
  exceptionFieldsSchema,
  gridStepSchema,
  providerFieldsSchema,
  recordId,
  recurrenceSchema,
  reminderMarkSchema,
  rescheduleSchema,
  roomFieldsSchema,
  seriesBookingSchema,
  seriesEndSchema,
  slotSearchSchema,
  statusChangeSchema,
  waitlistFieldsSchema,
  weeklyHoursSchema,
} from '../scheduling/schemas';
import { APPOINTMENT_STATUSES, CANCEL_REASONS, REMINDER_OUTCOMES } from '../scheduling/status';
import { OCCURRENCES } from '../scheduling/time';
import { CONTACT_METHODS } from '../patients/schemas';

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

const hhmm = z.string();

// ── Views ────────────────────────────────────────────────────────────────────────────────────────────────────

export const providerViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  credentials: z.string().nullable(),
  npi: z.string().nullable(),
  color: z.string(),
  active: z.boolean(),
  /** Weekly working hours: minutes since midnight, several blocks a day. */
  hours: z.array(z.object({ weekday: z.number().int(), blocks: z.array(z.object({ start: z.number().int(), end: z.number().int() })) })),
  /** Appointment types this provider offers. */
  typeIds: z.array(z.string()),
});
export type ProviderView = z.infer<typeof providerViewSchema>;

export const roomViewSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean() });
export type RoomView = z.infer<typeof roomViewSchema>;

export const appointmentTypeViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  durationMinutes: z.number().int(),
  color: z.string(),
  mode: z.enum(APPOINTMENT_MODES),
  needsRoom: z.boolean(),
  bufferAfterMinutes: z.number().int(),
  providerIds: z.array(z.string()),
  active: z.boolean(),
});
export type AppointmentTypeView = z.infer<typeof appointmentTypeViewSchema>;

export const exceptionViewSchema = z.object({
  id: z.string(),
  providerId: z.string().nullable(),
  kind: z.enum(EXCEPTION_KINDS),
  fromDate: z.string(),
  toDate: z.string(),
  startTime: z.number().int().nullable(),
  endTime: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type ExceptionView = z.infer<typeof exceptionViewSchema>;

/** A booked (or confirmed) visit that falls in time off: what the desk needs to find it and move it. */
export const visitInTimeOffSchema = z.object({
  id: z.string(),
  patientName: z.string(),
  providerName: z.string(),
  /** Clinic wall clock: date and "HH:MM" start and end. */
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  startAt: z.number().int(),
});
export type VisitInTimeOff = z.infer<typeof visitInTimeOffSchema>;

/** Time off as saved, with the visits still booked in it from now on (the first 50 by time, and how many there are). */
export const savedExceptionSchema = exceptionViewSchema.extend({
  bookedVisits: z.array(visitInTimeOffSchema),
  bookedVisitCount: z.number().int(),
});
export type SavedException = z.infer<typeof savedExceptionSchema>;

export const setupViewSchema = z.object({
  timeZone: z.string(),
  providers: z.array(providerViewSchema),
  rooms: z.array(roomViewSchema),
  types: z.array(appointmentTypeViewSchema),
});
export type SetupView = z.infer<typeof setupViewSchema>;

/**
 * The series a visit belongs to, as it was booked (appointment_series): its first date, its rule and the dates left out
 * of it, so the desk can say "Every week on Tuesday, visit 2 of 6, until Nov 5" (shared/scheduling/recurrence.ts
 * `bookedDates`) without reading the other visits.
 */
export const appointmentSeriesSchema = z.object({
  firstDate: z.string(),
  recurrence: recurrenceSchema,
  end: seriesEndSchema,
  skipDates: z.array(z.string()),
});
export type AppointmentSeries = z.infer<typeof appointmentSeriesSchema>;

export const appointmentViewSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  /** "Maria Gomez". */
  patientName: z.string(),
  patientMrn: z.string(),
  /** YYYY-MM-DD, for the day sheet and checking who is who at the desk. */
  patientDateOfBirth: z.string(),
  /**
   * The phone the desk calls (the preferred one, else the first there is) as stored (E.164, "+13125550177"); null when
   * none is on file. Formatted where it is shown (formatPhone): formatting every row of a full day cost more than reading it.
   */
  patientPhone: z.string().nullable(),
  providerId: z.string(),
  providerName: z.string(),
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  typeId: z.string(),
  typeName: z.string(),
  /** The type's color (the book colors by type; status is shown on top). */
  color: z.string(),
  mode: z.enum(APPOINTMENT_MODES),
  startAt: z.number().int(),
  endAt: z.number().int(),
  durationMinutes: z.number().int(),
  bufferAfterMinutes: z.number().int(),
  /** Clinic wall clock: date, "HH:MM" start and end, and which 1:30 on the autumn change day. */
  date: z.string(),
  startTime: hhmm,
  endTime: hhmm,
  occurrence: z.enum(OCCURRENCES).nullable(),
  status: z.enum(APPOINTMENT_STATUSES),
  statusAt: z.number().int(),
  /** Booked on top of another appointment of the provider (flagged in the book), with the reason given. */
  overbooked: z.boolean(),
  overbookReason: z.string().nullable(),
  /** Booked outside working hours or in blocked time by an administrator or care coordinator, with the reason given. */
  overrideReason: z.string().nullable(),
  reason: z.string().nullable(),
  notes: z.string().nullable(),
  telehealthLink: z.string().nullable(),
  seriesId: z.string().nullable(),
  /** Place in the series (0 = first); kept when the visit is moved or cancelled on its own. */
  seriesIndex: z.number().int().nullable(),
  /** Moved or changed on its own: series-wide edits leave it as it is. */
  seriesException: z.boolean(),
  /** The series' rule as booked; null for a visit that is not part of a series. */
  series: appointmentSeriesSchema.nullable(),
  cancelReason: z.enum(CANCEL_REASONS).nullable(),
  cancelNote: z.string().nullable(),
  /** Last reminder call, if any. */
  reminder: z.object({ outcome: z.enum(REMINDER_OUTCOMES), at: z.number().int(), by: z.string().nullable() }).nullable(),
});
export type AppointmentView = z.infer<typeof appointmentViewSchema>;

export const RULE_PROBLEM_KINDS = [
  'provider-busy',
  'room-busy',
  'patient-overlap',
  'outside-hours',
  'blocked-time',
  'provider-inactive',
  'room-inactive',
  'room-needed',
  'type-not-offered',
  'type-inactive',
  /** A series occurrence falls on a wall-clock time the spring change skips. */
  'nonexistent-time',
] as const;
export type RuleProblemKind = (typeof RULE_PROBLEM_KINDS)[number];

/** How a problem can be got past: resend with `overbook` or `override` (and a reason), or with the acknowledgement; or not at all. */
export const RESOLUTIONS = ['overbook', 'override', 'acknowledge', 'none'] as const;

export const ruleProblemSchema = z.object({
  kind: z.enum(RULE_PROBLEM_KINDS),
  /** "Dr. Lee already has Maria Gomez 10:00–10:30" — clinic time, names from the records. */
  message: z.string(),
  resolution: z.enum(RESOLUTIONS),
  /** False when the resolution needs a role the caller does not have (override: administrators and care coordinators). */
  allowed: z.boolean(),
  /** The clinic date of the occurrence concerned (series report one entry per occurrence and rule). */
  date: z.string(),
  /** The appointment in the way, when there is one. */
  conflictingAppointmentId: z.string().nullable(),
});
export type RuleProblem = z.infer<typeof ruleProblemSchema>;

export const openSlotSchema = z.object({
  providerId: z.string(),
  providerName: z.string(),
  /** A free room when the type needs one (the first free one by name), else null. */
  roomId: z.string().nullable(),
  roomName: z.string().nullable(),
  startAt: z.number().int(),
  endAt: z.number().int(),
  /** Ready to pass as `start` to scheduling:book. */
  start: z.object({ date: z.string(), time: hhmm, occurrence: z.enum(OCCURRENCES).optional() }),
  endTime: hhmm,
});
export type OpenSlot = z.infer<typeof openSlotSchema>;

export const waitlistEntryViewSchema = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  phone: z.string().nullable(),
  typeId: z.string(),
  typeName: z.string(),
  providerIds: z.array(z.string()),
  weekdays: z.array(z.number().int()),
  timeWindows: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
  fromDate: z.string(),
  toDate: z.string(),
  note: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.number().int(),
  /**
   * How the entry left the list: booked from it (into appointmentId, the first visit of a series) or taken off by staff;
   * when and by whom (null if the account is gone). Null while active, and for entries closed before this was recorded.
   */
  closed: z
    .object({
      reason: z.enum(['booked', 'removed']),
      at: z.number().int(),
      byName: z.string().nullable(),
      appointmentId: z.string().nullable(),
      /**
       * The visit booked from it as it is now (moved or cancelled since, too): its day and start on the clinic's clock,
       * provider and status. Null when removed, or when the visit is not there to read.
       */
      visit: z
        .object({
          date: z.string(),
          startTime: hhmm,
          occurrence: z.enum(OCCURRENCES).nullable(),
          providerName: z.string(),
          status: z.enum(APPOINTMENT_STATUSES),
        })
        .nullable(),
    })
    .nullable(),
});
export type WaitlistEntryView = z.infer<typeof waitlistEntryViewSchema>;

/** A waitlisted patient who could take freed time, and the slot to offer them (bookable as it is). */
export const waitlistSuggestionSchema = z.object({ entry: waitlistEntryViewSchema, slot: openSlotSchema });
export type WaitlistSuggestion = z.infer<typeof waitlistSuggestionSchema>;

const blockedViewSchema = z.object({ startAt: z.number().int(), endAt: z.number().int(), kind: z.enum(EXCEPTION_KINDS), note: z.string().nullable(), clinicWide: z.boolean() });
const intervalSchema = z.object({ startAt: z.number().int(), endAt: z.number().int() });

export const dayColumnSchema = z.object({
  kind: z.enum(['provider', 'room']),
  id: z.string(),
  name: z.string(),
  color: z.string().nullable(),
  /** Working hours that day as instants (providers; rooms have none). */
  hours: z.array(intervalSchema),
  blocked: z.array(blockedViewSchema),
  appointments: z.array(appointmentViewSchema),
});

export const dayViewSchema = z.object({
  date: z.string(),
  timeZone: z.string(),
  startAt: z.number().int(),
  endAt: z.number().int(),
  /** 1380 on the spring change day, 1500 on the autumn one, 1440 otherwise. */
  minutesInDay: z.number().int(),
  columns: z.array(dayColumnSchema),
});
export type DayView = z.infer<typeof dayViewSchema>;

const appointmentHistoryEntrySchema = z.object({
  at: z.number().int(),
  by: z.string().nullable(),
  /** booked, rescheduled, resized, details, cancelled, status, reminder. */
  what: z.string(),
  /** Plain words: "Moved from Tue Mar 10 9:00 (Dr. Lee) to Wed Mar 11 10:00 (Dr. Lee)". */
  description: z.string(),
});

const savedAppointment = z.object({
  outcome: z.literal('saved'),
  appointment: appointmentViewSchema,
  /** Waitlisted patients who could take the time this change freed (marking a no-show; a booking frees none). */
  waitlistSuggestions: z.array(waitlistSuggestionSchema),
});
const notSaved = z.object({ outcome: z.literal('not-saved'), problems: z.array(ruleProblemSchema) });

const bookingOutcomeSchema = z.discriminatedUnion('outcome', [savedAppointment, notSaved]);
const seriesOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), seriesId: z.string().nullable(), appointments: z.array(appointmentViewSchema), waitlistSuggestions: z.array(waitlistSuggestionSchema) }),
  notSaved,
]);

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
