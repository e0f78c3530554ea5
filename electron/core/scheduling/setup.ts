import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AppointmentTypeView, ExceptionView, ProviderView, RoomView, SavedException, SetupView, VisitInTimeOff } from '../../../shared/contract/scheduling';
import type { AppointmentTypeFields, ExceptionFields, ProviderFields, RoomFields } from '../../../shared/scheduling/schemas';
import { addDays, dayClock } from '../../../shared/scheduling/time';
import type { AuditService, AuditedBy } from '../audit/service';
import type { AppointmentTypeRow, Database, ProviderRow, RoomRow, ScheduleExceptionRow } from '../db/schema';
import { ClinicFailure } from '../errors';
import { blockedOn, overlaps, type BlockedInterval } from './availability';
import { clinicTimeZone } from './clinic-zone';
import {
  bookRowsBetween,
  listProviders,
  listRooms,
  listTypes,
  loadExceptions,
  loadHours,
  MAX_SPAN_MS,
  requireProvider,
  requireRoom,
  requireType,
  typeProviders,
  type Hours,
} from './repository';
import { bookViews } from './views';

export interface SchedulingDeps {
  db: () => Kysely<Database>;
  audit: AuditService;
  now: () => number;
}

export function providerView(row: ProviderRow, hours: Hours | undefined, typeIds: string[]): ProviderView {
  return {
    id: row.id,
    name: row.name,
    credentials: row.credentials,
    npi: row.npi,
    color: row.color,
    active: row.active === 1,
    hours: [...(hours?.entries() ?? [])].sort(([a], [b]) => a - b).map(([weekday, blocks]) => ({ weekday, blocks: blocks.map((b) => ({ start: b.start, end: b.end })) })),
    typeIds,
  };
}

export function roomView(row: RoomRow): RoomView {
  return { id: row.id, name: row.name, active: row.active === 1 };
}

export function typeView(row: AppointmentTypeRow, providerIds: string[]): AppointmentTypeView {
  return {
    id: row.id,
    name: row.name,
    durationMinutes: row.duration_min,
    color: row.color,
    mode: row.mode,
    needsRoom: row.needs_room === 1,
    bufferAfterMinutes: row.buffer_after_min,
    providerIds,
    active: row.active === 1,
  };
}

export function exceptionView(row: ScheduleExceptionRow): ExceptionView {
  return {
    id: row.id,
    providerId: row.provider_id,
    kind: row.kind,
    fromDate: row.from_date,
    toDate: row.to_date,
    startTime: row.start_minute,
    endTime: row.end_minute,
    note: row.note,
  };
}

/** Saving time off lists at most this many of the visits booked in it (by time), and says how many there are. */
export const LISTED_VISITS_IN_TIME_OFF = 50;

/**
 * Visits still booked (or confirmed) in a stretch of time off, from now on: they stay booked (time off is the clinic's
 * decision), and the desk is told which to move. One range read of the book (the provider's, or everyone's for
 * clinic-wide time off), checked against the time off's intervals date by date.
 */
export async function visitsInTimeOff(database: Kysely<Database>, row: ScheduleExceptionRow, at: number): Promise<{ bookedVisits: VisitInTimeOff[]; bookedVisitCount: number }> {
  const zone = await clinicTimeZone(database);
  const fromAt = Math.max(dayClock(row.from_date, zone).startAt, at);
  const toAt = dayClock(row.to_date, zone).endAt;
  if (toAt <= fromAt) return { bookedVisits: [], bookedVisitCount: 0 };
  const rows = await bookRowsBetween(database, fromAt - MAX_SPAN_MS, toAt, row.provider_id);
  const byDate = new Map<string, BlockedInterval[]>();
  const blocked = (date: string) => {
    let intervals = byDate.get(date);
    if (!intervals) byDate.set(date, (intervals = blockedOn(dayClock(date, zone), row.provider_id, [row])));
    return intervals;
  };
  const booked = rows.filter((r) => (r.status === 'booked' || r.status === 'confirmed') && r.end_at > at);
  const inside = (await bookViews(database, booked, zone)).filter((v) => [v.date, addDays(v.date, 1)].some((date) => blocked(date).some((b) => overlaps(b, v.startAt, v.endAt))));
  return {
    bookedVisits: inside.slice(0, LISTED_VISITS_IN_TIME_OFF).map((v) => ({ id: v.id, patientName: v.patientName, providerName: v.providerName, date: v.date, startTime: v.startTime, endTime: v.endTime, startAt: v.startAt })),
    bookedVisitCount: inside.length,
  };
}

/** Names of the fields that differ (for the audit trail: names only, never values). */
function changedFields<T extends Record<string, unknown>>(before: T, after: T): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * Clinic set-up: providers, rooms, weekly hours, appointment types (administrators) and time off (administrators and
 * care coordinators). Every change is audited with the entity and the names of the fields changed.
 */
export function createSchedulingSetup({ db, audit, now }: SchedulingDeps) {
  async function typeIdsByProvider(database: Kysely<Database>): Promise<Map<string, string[]>> {
    const byType = await typeProviders(database);
    const byProvider = new Map<string, string[]>();
    for (const [typeId, providerIds] of byType) for (const p of providerIds) byProvider.set(p, [...(byProvider.get(p) ?? []), typeId]);
    return byProvider;
  }

  async function providerViewOf(database: Kysely<Database>, id: string): Promise<ProviderView> {
    const row = await requireProvider(database, id);
    const hours = await loadHours(database, [id]);
    return providerView(row, hours.get(id), (await typeIdsByProvider(database)).get(id) ?? []);
  }

  async function getSetup(): Promise<SetupView> {
    const database = db();
    const [providers, rooms, types, hours, byType] = [await listProviders(database), await listRooms(database), await listTypes(database), await loadHours(database), await typeProviders(database)];
    const byProvider = await typeIdsByProvider(database);
    return {
      timeZone: await clinicTimeZone(database),
      providers: providers.map((p) => providerView(p, hours.get(p.id), byProvider.get(p.id) ?? [])),
      rooms: rooms.map(roomView),
      types: types.map((t) => typeView(t, byType.get(t.id) ?? [])),
    };
  }

  async function saveProvider(input: { id?: string | undefined; provider: ProviderFields }, by: AuditedBy): Promise<ProviderView> {
    const f = input.provider;
    const columns = { name: f.name, credentials: f.credentials, npi: f.npi, color: f.color, active: f.active ? 1 : 0 };
    const id = await db()
      .transaction()
      .execute(async (trx) => {
        const at = now();
        if (input.id === undefined) {
          const id = uuidv7();
          await trx.insertInto('provider').values({ id, ...columns, created_at: at, created_by: by.userId, updated_at: at, updated_by: by.userId }).execute();
          await audit.record(trx, by, { action: 'record.create', entityType: 'provider', entityId: id });
          return id;
        }
        const before = await requireProvider(trx, input.id);
        const fields = changedFields({ name: before.name, credentials: before.credentials, npi: before.npi, color: before.color, active: before.active }, columns);
        if (fields.length === 0) return before.id;
        await trx.updateTable('provider').set({ ...columns, updated_at: at, updated_by: by.userId }).where('id', '=', before.id).execute();
        await audit.record(trx, by, { action: 'record.update', entityType: 'provider', entityId: before.id, detail: { fields } });
        return before.id;
      });
    return providerViewOf(db(), id);
  }

  async function saveRoom(input: { id?: string | undefined; room: RoomFields }, by: AuditedBy): Promise<RoomView> {
    const columns = { name: input.room.name, active: input.room.active ? 1 : 0 };
    const id = await db()
      .transaction()
      .execute(async (trx) => {
        const at = now();
        if (input.id === undefined) {
          const id = uuidv7();
          await trx.insertInto('room').values({ id, ...columns, created_at: at, created_by: by.userId, updated_at: at, updated_by: by.userId }).execute();
          await audit.record(trx, by, { action: 'record.create', entityType: 'room', entityId: id });
          return id;
        }
        const before = await requireRoom(trx, input.id);
        const fields = changedFields({ name: before.name, active: before.active }, columns);
        if (fields.length === 0) return before.id;
        await trx.updateTable('room').set({ ...columns, updated_at: at, updated_by: by.userId }).where('id', '=', before.id).execute();
        await audit.record(trx, by, { action: 'record.update', entityType: 'room', entityId: before.id, detail: { fields } });
        return before.id;
      });
    return roomView(await requireRoom(db(), id));
  }

  /** Replaces the whole week (existing appointments stay where they are; new ones outside the hours need an override). */
  async function setWorkingHours(input: { providerId: string; week: { weekday: number; blocks: { start: number; end: number }[] }[] }, by: AuditedBy): Promise<ProviderView> {
    await db()
      .transaction()
      .execute(async (trx) => {
        const provider = await requireProvider(trx, input.providerId);
        await trx.deleteFrom('provider_hours').where('provider_id', '=', provider.id).execute();
        const rows = input.week.flatMap((day) => day.blocks.map((b) => ({ provider_id: provider.id, weekday: day.weekday, start_minute: b.start, end_minute: b.end })));
        if (rows.length > 0) await trx.insertInto('provider_hours').values(rows).execute();
        await trx.updateTable('provider').set({ updated_at: now(), updated_by: by.userId }).where('id', '=', provider.id).execute();
        await audit.record(trx, by, { action: 'record.update', entityType: 'provider', entityId: provider.id, detail: { fields: ['hours'], blocks: rows.length } });
      });
    return providerViewOf(db(), input.providerId);
  }

  async function saveAppointmentType(input: { id?: string | undefined; type: AppointmentTypeFields }, by: AuditedBy): Promise<AppointmentTypeView> {
    const f = input.type;
    const columns = { name: f.name, duration_min: f.durationMinutes, color: f.color, mode: f.mode, needs_room: f.needsRoom ? 1 : 0, buffer_after_min: f.bufferAfterMinutes, active: f.active ? 1 : 0 };
    const providerIds = [...new Set(f.providerIds)].sort();
    const id = await db()
      .transaction()
      .execute(async (trx) => {
        for (const providerId of providerIds) await requireProvider(trx, providerId);
        const at = now();
        let id: string;
        let fields: string[];
        if (input.id === undefined) {
          id = uuidv7();
          fields = [];
          await trx.insertInto('appointment_type').values({ id, ...columns, created_at: at, created_by: by.userId, updated_at: at, updated_by: by.userId }).execute();
        } else {
          const before = await requireType(trx, input.id);
          id = before.id;
          const offeredBefore = [...((await typeProviders(trx, id)).get(id) ?? [])].sort();
          fields = changedFields(
            { name: before.name, duration_min: before.duration_min, color: before.color, mode: before.mode, needs_room: before.needs_room, buffer_after_min: before.buffer_after_min, active: before.active, providers: offeredBefore },
            { ...columns, providers: providerIds },
          );
          if (fields.length === 0) return id;
          await trx.updateTable('appointment_type').set({ ...columns, updated_at: at, updated_by: by.userId }).where('id', '=', id).execute();
        }
        await trx.deleteFrom('appointment_type_provider').where('type_id', '=', id).execute();
        if (providerIds.length > 0) await trx.insertInto('appointment_type_provider').values(providerIds.map((provider_id) => ({ type_id: id, provider_id }))).execute();
        await audit.record(trx, by, input.id === undefined ? { action: 'record.create', entityType: 'appointment_type', entityId: id } : { action: 'record.update', entityType: 'appointment_type', entityId: id, detail: { fields } });
        return id;
      });
    const database = db();
    return typeView(await requireType(database, id), (await typeProviders(database, id)).get(id) ?? []);
  }

  async function listExceptions(input: { fromDate: string; toDate: string }): Promise<{ exceptions: ExceptionView[] }> {
    if (input.toDate < input.fromDate) return { exceptions: [] };
    return { exceptions: (await loadExceptions(db(), input.fromDate, input.toDate)).map(exceptionView) };
  }

  /** Saves the time off (booked visits in it stay) and lists the visits booked in it, for the desk to move. */
  async function saveException(input: { id?: string | undefined; exception: ExceptionFields }, by: AuditedBy): Promise<SavedException> {
    const f = input.exception;
    const columns = { provider_id: f.providerId, kind: f.kind, from_date: f.fromDate, to_date: f.toDate, start_minute: f.startTime, end_minute: f.endTime, note: f.note };
    const id = await db()
      .transaction()
      .execute(async (trx) => {
        if (f.providerId !== null) await requireProvider(trx, f.providerId);
        const at = now();
        if (input.id === undefined) {
          const id = uuidv7();
          await trx.insertInto('schedule_exception').values({ id, ...columns, created_at: at, created_by: by.userId, updated_at: at, updated_by: by.userId }).execute();
          await audit.record(trx, by, { action: 'record.create', entityType: 'schedule_exception', entityId: id, detail: { kind: f.kind } });
          return id;
        }
        const before = await trx.selectFrom('schedule_exception').selectAll().where('id', '=', input.id).executeTakeFirst();
        if (!before) throw new ClinicFailure('NOT_FOUND', 'That time-off entry does not exist any more. Reload the list.');
        await trx.updateTable('schedule_exception').set({ ...columns, updated_at: at, updated_by: by.userId }).where('id', '=', before.id).execute();
        await audit.record(trx, by, { action: 'record.update', entityType: 'schedule_exception', entityId: before.id, detail: { kind: f.kind } });
        return before.id;
      });
    const row = await db().selectFrom('schedule_exception').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { ...exceptionView(row), ...(await visitsInTimeOff(db(), row, now())) };
  }

  async function removeException(input: { id: string }, by: AuditedBy): Promise<null> {
    await db()
      .transaction()
      .execute(async (trx) => {
        const before = await trx.selectFrom('schedule_exception').select(['id', 'kind']).where('id', '=', input.id).executeTakeFirst();
        if (!before) throw new ClinicFailure('NOT_FOUND', 'That time-off entry does not exist any more. Reload the list.');
        await trx.deleteFrom('schedule_exception').where('id', '=', before.id).execute();
        await audit.record(trx, by, { action: 'record.delete', entityType: 'schedule_exception', entityId: before.id, detail: { kind: before.kind } });
      });
    return null;
  }

  return { getSetup, saveProvider, saveRoom, setWorkingHours, saveAppointmentType, listExceptions, saveException, removeException };
}
