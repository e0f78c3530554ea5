import type { Kysely } from 'kysely';
import type { OpenSlot } from '../../../shared/contract/scheduling';
import type { TimeWindow } from '../../../shared/scheduling/schemas';
import { addDays, createLocalReader, dayClock, daysBetween, isoWeekday, type DayClock, type LocalParts } from '../../../shared/scheduling/time';
import type { AppointmentTypeRow, Database, ProviderRow, RoomRow } from '../db/schema';
import { availabilityOn, overlaps, type Interval } from './availability';
import { busyIntervals, loadExceptions, loadHours, MAX_SPAN_MS } from './repository';

/** Dates are searched in chunks of this many days, so a search that fills up early reads little. */
const CHUNK_DAYS = 7;
const MINUTE_MS = 60_000;

export interface SlotSearch {
  zone: string;
  type: AppointmentTypeRow;
  /** Active providers who offer the type (one when the desk chose one). */
  providers: readonly ProviderRow[];
  /** Active rooms, by name (used when the type needs one). */
  rooms: readonly RoomRow[];
  fromDate: string;
  toDate: string;
  weekdays: readonly number[];
  timeWindows: readonly TimeWindow[];
  step: number;
  limit: number;
  /** No slot starts before this instant (now). */
  notBefore: number;
  /** Only slots starting in [fromAt, toAt) (the waitlist looks at freed time). */
  startWithin?: Interval;
  /** The visit's length when not the type's. */
  durationMinutes?: number;
}

type Busy = { startAt: number; busyUntil: number }[];

/** True when nothing in the sorted busy list overlaps [startAt, until). */
function isFree(busy: Busy, startAt: number, until: number): boolean {
  // First entry that could still be running at startAt (nothing holds time longer than MAX_SPAN_MS).
  let lo = 0;
  let hi = busy.length;
  const from = startAt - MAX_SPAN_MS;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((busy[mid] as Busy[number]).startAt <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < busy.length; i += 1) {
    const b = busy[i] as Busy[number];
    if (b.startAt >= until) break;
    if (b.busyUntil > startAt) return false;
  }
  return true;
}

function inWindows(windows: readonly TimeWindow[], startMinute: number, endMinute: number): boolean {
  return windows.length === 0 || windows.some((w) => w.start <= startMinute && endMinute <= w.end);
}

function slotOf(provider: ProviderRow, room: RoomRow | null, startAt: number, endAt: number, local: (instant: number) => LocalParts): OpenSlot {
  const start = local(startAt);
  const end = local(endAt);
  return {
    providerId: provider.id,
    providerName: provider.name,
    roomId: room?.id ?? null,
    roomName: room?.name ?? null,
    startAt,
    endAt,
    start: { date: start.date, time: start.time, ...(start.occurrence ? { occurrence: start.occurrence } : {}) },
    endTime: end.time,
  };
}

/**
 * The next open slots for a type: the provider works then (hours, minus time off), the provider is free for the
 * visit and its buffer after, and — when the type needs one — a room is free for as long. Per chunk of dates it
 * reads each provider's (and room's) appointments with one range query, then sweeps candidate starts on the
 * wall-clock grid in memory. Ordered by start, then provider name; stops at `limit`.
 */
export async function findOpenSlots(db: Kysely<Database>, search: SlotSearch): Promise<OpenSlot[]> {
  const { zone, type, providers } = search;
  if (providers.length === 0) return [];
  const duration = search.durationMinutes ?? type.duration_min;
  const durationMs = duration * MINUTE_MS;
  const holdMs = durationMs + type.buffer_after_min * MINUTE_MS;
  const stepMs = search.step * MINUTE_MS;
  const providerIds = providers.map((p) => p.id);
  const rooms = type.needs_room === 1 ? search.rooms : [];
  if (type.needs_room === 1 && rooms.length === 0) return [];

  const hours = await loadHours(db, providerIds);
  const exceptions = await loadExceptions(db, search.fromDate, search.toDate, providerIds);
  const slots: OpenSlot[] = [];
  const local = createLocalReader(zone);
  const totalDays = daysBetween(search.fromDate, search.toDate) + 1;

  for (let chunkStart = 0; chunkStart < totalDays && slots.length < search.limit; chunkStart += CHUNK_DAYS) {
    const dates: string[] = [];
    for (let d = chunkStart; d < Math.min(totalDays, chunkStart + CHUNK_DAYS); d += 1) {
      const date = addDays(search.fromDate, d);
      if (search.weekdays.length === 0 || search.weekdays.includes(isoWeekday(date))) dates.push(date);
    }
    if (dates.length === 0) continue;
    const clocks = new Map<string, DayClock>(dates.map((date) => [date, dayClock(date, zone)]));
    const first = clocks.get(dates[0] as string) as DayClock;
    const last = clocks.get(dates[dates.length - 1] as string) as DayClock;
    if (last.endAt <= search.notBefore) continue;
    const providerBusy = await busyIntervals(db, 'provider_id', providerIds, first.startAt, last.endAt + MAX_SPAN_MS);
    const roomBusy = rooms.length > 0 ? await busyIntervals(db, 'room_id', rooms.map((r) => r.id), first.startAt, last.endAt + MAX_SPAN_MS) : new Map<string, Busy>();

    for (const date of dates) {
      const clock = clocks.get(date) as DayClock;
      if (clock.endAt <= search.notBefore) continue;
      const found: OpenSlot[] = [];
      // Each provider's earliest `wanted` starts hold the day's earliest `wanted` across providers, so the cap is per
      // provider: a cap on the day's total would cut a later provider off before their earlier starts.
      const wanted = search.limit - slots.length;
      for (const provider of providers) {
        const day = availabilityOn(date, provider.id, hours.get(provider.id), exceptions, zone, clock);
        const busy = providerBusy.get(provider.id) ?? [];
        let mine = 0;
        stretches: for (const stretch of day.hours) {
          // Candidates sit on the step's marks of the wall clock.
          const startMinute = clock.toMinutes(stretch.startAt);
          const firstMark = Math.ceil(startMinute / search.step) * search.step;
          for (let s = stretch.startAt + (firstMark - startMinute) * MINUTE_MS; s + durationMs <= stretch.endAt; s += stepMs) {
            if (s < search.notBefore) continue;
            if (search.startWithin && (s < search.startWithin.startAt || s >= search.startWithin.endAt)) continue;
            const e = s + durationMs;
            if (search.timeWindows.length > 0) {
              const m = clock.toMinutes(s);
              if (!inWindows(search.timeWindows, m, m + duration)) continue;
            }
            if (day.blocked.some((b) => overlaps(b, s, e))) continue;
            if (!isFree(busy, s, s + holdMs)) continue;
            let room: RoomRow | null = null;
            if (rooms.length > 0) {
              room = rooms.find((r) => isFree(roomBusy.get(r.id) ?? [], s, s + holdMs)) ?? null;
              if (!room) continue;
            }
            found.push(slotOf(provider, room, s, e, local));
            mine += 1;
            if (mine >= wanted) break stretches;
          }
        }
      }
      found.sort((a, b) => a.startAt - b.startAt || a.providerName.localeCompare(b.providerName));
      slots.push(...found.slice(0, wanted));
      if (slots.length >= search.limit) break;
    }
  }
  return slots;
}

