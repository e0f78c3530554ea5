import { z } from 'zod';
import {
  APPOINTMENT_MODES,
  EXCEPTION_KINDS,
  recurrenceSchema,
  seriesEndSchema,
} from '../scheduling/schemas';
import { APPOINTMENT_STATUSES, CANCEL_REASONS, REMINDER_OUTCOMES } from '../scheduling/status';
import { OCCURRENCES } from '../scheduling/time';

/**
 * What the `scheduling:*` channels answer with (shared/contract/scheduling.ts): set-up, appointments, the day, open
 * slots, the waitlist, rule problems and the outcomes of bookings and series. Views, not rows: names and clinic-clock
 * times are filled in by the core.
 */

/** A wall-clock time as views carry it: "09:30". */
export const hhmm = z.string();

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

export const appointmentHistoryEntrySchema = z.object({
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

export const bookingOutcomeSchema = z.discriminatedUnion('outcome', [savedAppointment, notSaved]);
export const seriesOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), seriesId: z.string().nullable(), appointments: z.array(appointmentViewSchema), waitlistSuggestions: z.array(waitlistSuggestionSchema) }),
  notSaved,
]);
