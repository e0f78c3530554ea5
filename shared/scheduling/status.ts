/**
 * The visit day's status flow: booked → confirmed → arrived → in room → checked out, or no-show; cancelled is set
 * only by cancelling (with a reason). Each step is time-stamped with who took it (appointment_status_event).
 */
export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'arrived', 'in_room', 'checked_out', 'no_show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses a user sets on the status channel (cancelling has its own channel, with a reason). */
export const SETTABLE_STATUSES = ['booked', 'confirmed', 'arrived', 'in_room', 'checked_out', 'no_show'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/** Statuses that hold the provider's and the room's time (cancelled and no-show free it). */
export const ACTIVE_STATUSES = ['booked', 'confirmed', 'arrived', 'in_room', 'checked_out'] as const satisfies readonly AppointmentStatus[];
export const FREEING_STATUSES = ['cancelled', 'no_show'] as const satisfies readonly AppointmentStatus[];

export function holdsTime(status: AppointmentStatus): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

/** Statuses an appointment may still be moved, resized or cancelled in (the visit has not started). */
export const CHANGEABLE_STATUSES = ['booked', 'confirmed'] as const satisfies readonly AppointmentStatus[];
export function isChangeable(status: AppointmentStatus): boolean {
  return (CHANGEABLE_STATUSES as readonly string[]).includes(status);
}

/**
 * Allowed next steps. Steps may be skipped forward (a walk-in goes straight to arrived; a visit with no room goes
 * from arrived to checked out). The backward steps undo a slip: confirmed → booked, arrived → confirmed,
 * no-show → booked (marked by mistake) and no-show → arrived (came late after all).
 */
export const NEXT_STATUSES: Readonly<Record<AppointmentStatus, readonly SettableStatus[]>> = {
  booked: ['confirmed', 'arrived', 'no_show'],
  confirmed: ['booked', 'arrived', 'no_show'],
  arrived: ['confirmed', 'in_room', 'checked_out'],
  in_room: ['arrived', 'checked_out'],
  checked_out: ['in_room'],
  no_show: ['booked', 'arrived'],
  cancelled: [],
};

export function canMoveTo(from: AppointmentStatus, to: SettableStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export const STATUS_LABELS: Readonly<Record<AppointmentStatus, string>> = {
  booked: 'Booked',
  confirmed: 'Confirmed',
  arrived: 'Arrived',
  in_room: 'In room',
  checked_out: 'Checked out',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

export const CANCEL_REASONS = ['patient', 'clinic', 'weather', 'other'] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];
export const CANCEL_REASON_LABELS: Readonly<Record<CancelReason, string>> = {
  patient: 'Patient cancelled',
  clinic: 'Clinic cancelled',
  weather: 'Weather',
  other: 'Other',
};

/** What came of a reminder call. "confirmed" also confirms the appointment. */
export const REMINDER_OUTCOMES = ['called', 'confirmed', 'left_message', 'no_answer', 'wrong_number'] as const;
export type ReminderOutcome = (typeof REMINDER_OUTCOMES)[number];
export const REMINDER_OUTCOME_LABELS: Readonly<Record<ReminderOutcome, string>> = {
  called: 'Called',
  confirmed: 'Confirmed',
  left_message: 'Left a message',
  no_answer: 'No answer',
  wrong_number: 'Wrong number',
};

/**
 * A visit still booked (or confirmed) in time off or a clinic holiday: the time off came after it, and the desk should
 * move it. One booked there on purpose (an override, with its reason) is not flagged. The book and the day sheet mark it.
 */
export function isLeftInTimeOff(
  appointment: { status: AppointmentStatus; overrideReason: string | null; startAt: number; endAt: number },
  blocked: readonly { startAt: number; endAt: number }[],
): boolean {
  if ((appointment.status !== 'booked' && appointment.status !== 'confirmed') || appointment.overrideReason !== null) return false;
  return blocked.some((b) => b.startAt < appointment.endAt && appointment.startAt < b.endAt);
}
