import type { Kysely } from 'kysely';
import type { AppointmentView } from '../../../shared/contract/scheduling';
import { createLocalReader, type LocalParts } from '../../../shared/scheduling/time';
import type { Database } from '../db/schema';
import { bookNames } from './book-setup';
import { lastReminders, patientName, seriesAsBooked, type AppointmentListRow, type BookRow } from './repository';
import { preferredPhoneNumber } from './waitlist';

type Reminder = AppointmentView['reminder'];
type Series = AppointmentView['series'];

/** What a view is made of: an appointment with its patient's names (the bookkeeping columns are not shown). */
export type ViewRow = Omit<BookRow, 'reminder_outcome' | 'reminder_at' | 'reminder_by'>;

/** The names of an appointment's provider, type and room. */
export interface ViewNames {
  provider: string;
  type: { name: string; color: string; mode: 'in_person' | 'telehealth' };
  room: string | null;
}

export function appointmentView(row: ViewRow, names: ViewNames, local: (instant: number) => LocalParts, reminder: Reminder, series: Series): AppointmentView {
  const start = local(row.start_at);
  const end = local(row.end_at);
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: patientName(row),
    patientMrn: row.mrn,
    patientDateOfBirth: row.date_of_birth,
    patientPhone: preferredPhoneNumber(row),
    providerId: row.provider_id,
    providerName: names.provider,
    roomId: row.room_id,
    roomName: names.room,
    typeId: row.type_id,
    typeName: names.type.name,
    color: names.type.color,
    mode: names.type.mode,
    startAt: row.start_at,
    endAt: row.end_at,
    durationMinutes: Math.round((row.end_at - row.start_at) / 60_000),
    bufferAfterMinutes: row.buffer_after_min,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    occurrence: start.occurrence,
    status: row.status,
    statusAt: row.status_at,
    overbooked: row.overbook_reason !== null,
    overbookReason: row.overbook_reason,
    overrideReason: row.override_reason,
    reason: row.visit_reason,
    notes: row.notes,
    telehealthLink: row.telehealth_link,
    seriesId: row.series_id,
    seriesIndex: row.series_index,
    seriesException: row.series_exception === 1,
    series,
    cancelReason: row.cancel_reason,
    cancelNote: row.cancel_note,
    reminder,
  };
}

/** Views for many rows, with their last reminder calls in one batched query (and their series in one more, if any). */
export async function appointmentViews(db: Kysely<Database>, rows: readonly AppointmentListRow[], zone: string): Promise<AppointmentView[]> {
  const reminders = await lastReminders(db, rows.map((r) => r.id));
  const series = await seriesAsBooked(db, rows.map((r) => r.series_id));
  const local = createLocalReader(zone);
  return rows.map((row) =>
    appointmentView(row, { provider: row.provider_name, type: { name: row.type_name, color: row.type_color, mode: row.type_mode }, room: row.room_name }, local, reminders.get(row.id) ?? null, seriesOf(series, row.series_id)),
  );
}

/**
 * Views for rows that carry their last reminder call (bookRowsBetween, bookRowsOfPatient, bookRowsByIds), with the
 * names of providers, types, rooms and callers from the book's set-up (book-setup.ts). Their series come from one more
 * statement, only when some row is part of one: a primary-key probe per series, not a join in the book's query
 * (docs/DECISIONS.md, "Scheduling performance").
 */
export async function bookViews(db: Kysely<Database>, rows: readonly BookRow[], zone: string): Promise<AppointmentView[]> {
  if (rows.length === 0) return [];
  const names = await bookNames(db);
  const series = await seriesAsBooked(db, rows.map((r) => r.series_id));
  const local = createLocalReader(zone);
  const unknownType: ViewNames['type'] = { name: '', color: '', mode: 'in_person' };
  return rows.map((row) =>
    appointmentView(
      row,
      { provider: names.provider.get(row.provider_id) ?? '', type: names.type.get(row.type_id) ?? unknownType, room: row.room_id === null ? null : (names.room.get(row.room_id) ?? null) },
      local,
      row.reminder_outcome === null || row.reminder_at === null ? null : { outcome: row.reminder_outcome, at: row.reminder_at, by: row.reminder_by === null ? null : (names.staff.get(row.reminder_by) ?? null) },
      seriesOf(series, row.series_id),
    ),
  );
}

function seriesOf(series: ReadonlyMap<string, NonNullable<Series>>, seriesId: string | null): Series {
  return seriesId === null ? null : (series.get(seriesId) ?? null);
}
