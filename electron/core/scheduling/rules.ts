import type { Kysely } from 'kysely';
import type { RuleProblem } from '../../../shared/contract/scheduling';
import { blockedMessage, onDate, outsideHoursMessage, patientOverlapMessage, providerBusyMessage, roomBusyMessage, timeRange } from '../../../shared/scheduling/messages';
import type { Role } from '../../../shared/roles';
import { localPartsOf } from '../../../shared/scheduling/time';
import type { AppointmentRow, AppointmentTypeRow, Database, ProviderRow, RoomRow, ScheduleExceptionRow } from '../db/schema';
import { ClinicFailure } from '../errors';
import { availabilityOn, localMinutes, overlaps, withinHours } from './availability';
import { patientName, placementConflicts, requireProvider, requireRoom, type Hours } from './repository';

/** Roles that may book outside working hours or in blocked time (with a reason). Recorded in docs/DECISIONS.md. */
export const OVERRIDE_ROLES: readonly Role[] = ['admin', 'coordinator'];

/** One appointment's proposed place in the book. */
export interface Placement {
  /** Clinic date of the start. */
  date: string;
  patientId: string;
  providerId: string;
  roomId: string | null;
  startAt: number;
  endAt: number;
  /** endAt + the type's buffer. */
  busyUntil: number;
  bufferMinutes: number;
}

export interface PlacementSubjects {
  provider: ProviderRow;
  room: RoomRow | null;
  type: AppointmentTypeRow;
  /** Providers who offer the type. */
  offeredBy: readonly string[];
}

export interface RuleEnvironment {
  zone: string;
  hours: Hours | undefined;
  /** Time off touching the date (clinic-wide and this provider's). */
  exceptions: readonly ScheduleExceptionRow[];
  /** Appointments moving together (a series edit): never in each other's way. */
  excludeIds: readonly string[];
  /** Series: prefix each message with the occurrence's date. */
  withDate: boolean;
}

export type ProblemDraft = Omit<RuleProblem, 'allowed'>;

function rangeOf(row: { start_at: number; end_at: number }, zone: string): string {
  return timeRange(localMinutes(row.start_at, zone), localMinutes(row.end_at, zone));
}

/** A problem list for one placement: series messages start with the occurrence's date. */
function problemsFor(placement: Placement, withDate: boolean) {
  const problems: ProblemDraft[] = [];
  const add = (kind: RuleProblem['kind'], message: string, resolution: RuleProblem['resolution'], conflicting: string | null = null) =>
    problems.push({ kind, message: withDate ? onDate(placement.date, message) : message, resolution, date: placement.date, conflictingAppointmentId: conflicting });
  return { problems, add };
}

/**
 * Every rule a placement breaks, in the order the desk reads them. Runs inside the booking's write transaction, so
 * what it sees is what the commit will be checked against (writeTransaction holds the write lock).
 */
export async function checkPlacement(db: Kysely<Database>, placement: Placement, subjects: PlacementSubjects, env: RuleEnvironment): Promise<ProblemDraft[]> {
  const { provider, room, type } = subjects;
  const { zone } = env;
  const { problems, add } = problemsFor(placement, env.withDate);

  if (provider.active !== 1) add('provider-inactive', `${provider.name} is no longer taking appointments. Choose another provider.`, 'none');
  if (type.active !== 1) add('type-inactive', `${type.name} can no longer be booked. Choose another appointment type.`, 'none');
  if (!subjects.offeredBy.includes(provider.id)) add('type-not-offered', `${provider.name} does not offer ${type.name}. Choose a provider who does.`, 'none');
  if (type.needs_room === 1 && room === null) add('room-needed', `${type.name} needs a room. Choose one.`, 'none');
  if (room !== null && room.active !== 1) add('room-inactive', `${room.name} is no longer in use. Choose another room.`, 'none');

  problems.push(...(await checkConflicts(db, placement, { provider, room }, env)));

  const day = availabilityOn(placement.date, provider.id, env.hours, env.exceptions, zone);
  if (!withinHours(day.hours, placement.startAt, placement.endAt)) add('outside-hours', outsideHoursMessage(provider.name, placement.date, day.hourLabels), 'override');
  for (const blocked of day.blocked) {
    if (overlaps(blocked, placement.startAt, placement.endAt)) add('blocked-time', blockedMessage(blocked.kind, provider.name, placement.date, blocked.range, blocked.note), 'override');
  }
  return problems;
}

/**
 * The placement rules about other visits: the provider's double booking (overbook with a reason), the room in use (no
 * way past), the same patient with another provider (acknowledge). Part of every booking and move; on its own it
 * checks a no-show being restored, whose time another visit may have taken meanwhile.
 */
export async function checkConflicts(
  db: Kysely<Database>,
  placement: Placement,
  subjects: Pick<PlacementSubjects, 'provider' | 'room'>,
  env: Pick<RuleEnvironment, 'zone' | 'excludeIds' | 'withDate'>,
): Promise<ProblemDraft[]> {
  const { provider, room } = subjects;
  const { zone } = env;
  const { problems, add } = problemsFor(placement, env.withDate);
  const conflicts = await placementConflicts(db, { providerId: provider.id, roomId: room?.id ?? null, patientId: placement.patientId, startAt: placement.startAt, endAt: placement.endAt, busyUntil: placement.busyUntil }, env.excludeIds);
  for (const other of conflicts.provider) {
    add('provider-busy', providerBusyMessage(provider.name, patientName(other), rangeOf(other, zone), other.buffer_after_min), 'overbook', other.id);
  }
  if (room !== null) {
    for (const other of conflicts.room) add('room-busy', roomBusyMessage(room.name, other.provider_name, rangeOf(other, zone)), 'none', other.id);
  }
  for (const other of conflicts.patient) {
    if (other.provider_id === provider.id) continue; // already reported as the provider's double booking
    add('patient-overlap', patientOverlapMessage(patientName(other), other.provider_name, rangeOf(other, zone)), 'acknowledge', other.id);
  }
  return problems;
}

/**
 * A no-show being restored (back to booked, or arrived after all) takes back its time, which the no-show had freed:
 * the visits booked in it since are checked as for a booking. Only the rules about other visits apply; its hours,
 * provider, room and type were checked when it was booked and are not what the no-show changed.
 */
export async function checkRestoredTime(db: Kysely<Database>, row: AppointmentRow, zone: string): Promise<ProblemDraft[]> {
  const provider = await requireProvider(db, row.provider_id);
  const room = row.room_id === null ? null : await requireRoom(db, row.room_id);
  const placement: Placement = {
    date: localPartsOf(row.start_at, zone).date,
    patientId: row.patient_id,
    providerId: row.provider_id,
    roomId: row.room_id,
    startAt: row.start_at,
    endAt: row.end_at,
    busyUntil: row.busy_until,
    bufferMinutes: row.buffer_after_min,
  };
  return checkConflicts(db, placement, { provider, room }, { zone, excludeIds: [row.id], withDate: false });
}

export interface Decisions {
  overbook?: { reason: string } | undefined;
  override?: { reason: string } | undefined;
  acknowledgePatientOverlap: boolean;
}

export interface Resolved {
  /** Problems still standing: when any, nothing is saved. */
  unresolved: RuleProblem[];
  /** Reasons to store: only when the decision was actually needed. */
  overbookReason: string | null;
  overrideReason: string | null;
}

/**
 * Applies the user's decisions. An override sent by a role that may not override is refused outright (FORBIDDEN),
 * since the screens never offer it to that role.
 */
export function applyDecisions(problems: readonly ProblemDraft[], decisions: Decisions, role: Role): Resolved {
  const mayOverride = OVERRIDE_ROLES.includes(role);
  const needsOverride = problems.some((p) => p.resolution === 'override');
  if (decisions.override && needsOverride && !mayOverride) {
    throw new ClinicFailure('FORBIDDEN', 'Only an administrator or a care coordinator can book outside working hours or in blocked time.');
  }
  const unresolved: RuleProblem[] = [];
  for (const p of problems) {
    const solved =
      (p.resolution === 'overbook' && decisions.overbook !== undefined) ||
      (p.resolution === 'override' && decisions.override !== undefined && mayOverride) ||
      (p.resolution === 'acknowledge' && decisions.acknowledgePatientOverlap);
    if (!solved) unresolved.push({ ...p, allowed: p.resolution === 'none' ? false : p.resolution === 'override' ? mayOverride : true });
  }
  return {
    unresolved,
    overbookReason: decisions.overbook && problems.some((p) => p.resolution === 'overbook') ? decisions.overbook.reason : null,
    overrideReason: decisions.override && needsOverride ? decisions.override.reason : null,
  };
}
