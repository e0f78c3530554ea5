import type { FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { OpenSlot, SetupView } from '../../../../../shared/contract/scheduling';
import { slotSearchSchema } from '../../../../../shared/scheduling/schemas';
import { addDays, isoWeekday, shortDate, weekdayName } from '../../../../../shared/scheduling/time';
import type { WaitlistDraft } from '../../visit-day/WaitlistDialog';
import { hhmmLabel } from '../schedule-words';

/** The channel's input as the form sends it (times as typed; the schema reads them). */
export type SlotSearchRaw = z.input<typeof slotSearchSchema>;

export type TimeOfDayChoice = 'any' | 'morning' | 'afternoon' | 'between';

/** The "Find a time" form as the desk fills it in; `toSearch` turns it into the channel's input. */
export interface FindValues {
  typeId: string;
  /** '' = any provider who offers the type. */
  providerId: string;
  fromDate: string;
  toDate: string;
  /** "1" (Monday) … "7" (Sunday); none ticked = any day. */
  weekdays: string[];
  timeOfDay: TimeOfDayChoice;
  earliest: string;
  latest: string;
  limit: string;
}

/** Morning: the visit ends by noon; afternoon: it starts at noon or later. */
const WINDOWS: Record<Exclude<TimeOfDayChoice, 'any' | 'between'>, { start: string; end: string }> = {
  morning: { start: '0:00', end: '12:00' },
  afternoon: { start: '12:00', end: '24:00' },
};

export const LIMIT_CHOICES = ['5', '10', '20', '50'] as const;

export function defaultFindValues(setup: SetupView, today: string): FindValues {
  const type = setup.types.find((t) => t.active);
  return {
    typeId: type?.id ?? '',
    providerId: '',
    fromDate: today,
    toDate: addDays(today, 28),
    weekdays: [],
    timeOfDay: 'any',
    earliest: '',
    latest: '',
    limit: '10',
  };
}

/** The time of day as windows, times as typed. */
function windowsOf(values: FindValues): { start: string; end: string }[] {
  if (values.timeOfDay === 'between') return [{ start: values.earliest, end: values.latest }];
  if (values.timeOfDay === 'any') return [];
  return [WINDOWS[values.timeOfDay]];
}

export function toSearch(values: FindValues): SlotSearchRaw {
  return {
    typeId: values.typeId,
    providerId: values.providerId || null,
    fromDate: values.fromDate,
    toDate: values.toDate,
    weekdays: values.weekdays.map(Number).sort((a, b) => a - b),
    timeWindows: windowsOf(values),
    step: 15,
    limit: values.limit.trim() === '' ? Number.NaN : Number(values.limit),
  };
}

/**
 * A waitlist entry for what the desk searched for: the type, the provider (or any who offers it), the days, the time
 * of day (the same windows the search used) and the dates. The patient is chosen in the waitlist dialog.
 */
export function waitlistDraftOf(values: FindValues): WaitlistDraft {
  return {
    typeId: values.typeId,
    providerIds: values.providerId ? [values.providerId] : [],
    weekdays: [...values.weekdays].sort(),
    timeWindows: windowsOf(values).map((w) => ({ start: w.start.trim(), end: w.end.trim() })),
    fromDate: values.fromDate,
    toDate: values.toDate,
  };
}

/** Where a schema (or main's) issue path shows in the form. */
export function fieldOf(path: string): keyof FindValues | null {
  if (path === 'timeWindows.0.start') return 'earliest';
  if (path === 'timeWindows.0.end' || path.startsWith('timeWindows')) return 'latest';
  if (path.startsWith('weekdays')) return 'weekdays';
  const direct: readonly string[] = ['typeId', 'providerId', 'fromDate', 'toDate', 'limit'];
  return direct.includes(path) ? (path as keyof FindValues) : null;
}

/** Validates with the shared slot-search schema (raw: the form keeps what was typed); messages go under their fields. */
export const findResolver: Resolver<FindValues> = (values) => {
  const parsed = slotSearchSchema.safeParse(toSearch(values));
  if (parsed.success) return { values, errors: {} };
  const errors: FieldErrors<FindValues> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.join('.')) ?? 'typeId';
    if (!errors[field]) errors[field] = { type: 'schema', message: issue.message };
  }
  return { values: {}, errors };
};

/** "10:00–10:30 · Dr. Lee · Exam 1" (and "(2nd)" on the repeated hour of the autumn change). */
export function slotLine(slot: OpenSlot): string {
  const second = slot.start.occurrence === 'second' ? ' (2nd)' : '';
  return [`${hhmmLabel(slot.start.time)}${second}–${hhmmLabel(slot.endTime)}`, slot.providerName, slot.roomName].filter(Boolean).join(' · ');
}

/** "10:00–10:30" (the part of `slotLine` the desk scans for). */
export function slotTime(slot: OpenSlot): string {
  const second = slot.start.occurrence === 'second' ? ' (2nd)' : '';
  return `${hhmmLabel(slot.start.time)}${second}–${hhmmLabel(slot.endTime)}`;
}

/** "Tue Mar 10, 9:30–10:00 · Dr. Lee · Exam 2". */
export function slotWords(slot: OpenSlot): string {
  return `${shortDate(slot.start.date)}, ${slotLine(slot)}`;
}

/** The slots by day, in order. */
export function byDay(slots: readonly OpenSlot[]): { date: string; slots: OpenSlot[] }[] {
  const days: { date: string; slots: OpenSlot[] }[] = [];
  for (const slot of slots) {
    const last = days[days.length - 1];
    if (last && last.date === slot.start.date) last.slots.push(slot);
    else days.push({ date: slot.start.date, slots: [slot] });
  }
  return days;
}

function listWords(items: readonly string[], joiner = 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

/**
 * "No open time for a 30-minute Follow-up with Dr. Lee between Tue Mar 10 and Tue Apr 7 — try more days or any
 * provider." The limits the desk chose are named, and the suggestions are only those that could help.
 */
export function noResultsMessage(setup: SetupView, values: FindValues): string {
  const type = setup.types.find((t) => t.id === values.typeId);
  const provider = setup.providers.find((p) => p.id === values.providerId);
  const what = type ? `a ${type.durationMinutes}-minute ${type.name}` : 'this type';
  const who = provider ? ` with ${provider.name}` : '';
  const span = values.fromDate === values.toDate ? ` on ${shortDate(values.fromDate)}` : ` between ${shortDate(values.fromDate)} and ${shortDate(values.toDate)}`;
  // One day that is one of the chosen weekdays: the weekdays add nothing to say.
  const oneChosenDay = values.fromDate === values.toDate && values.weekdays.includes(String(isoWeekday(values.fromDate)));
  const days = values.weekdays.length > 0 && !oneChosenDay ? ` on ${listWords([...values.weekdays].sort().map((d) => `${weekdayName(Number(d))}s`))}` : '';
  let times = '';
  if (values.timeOfDay === 'morning') times = ' in the morning';
  else if (values.timeOfDay === 'afternoon') times = ' in the afternoon';
  else if (values.timeOfDay === 'between') times = ` between ${values.earliest.trim()} and ${values.latest.trim()}`;
  const tries = ['more days'];
  if (provider) tries.push('any provider');
  if (days && times) tries.push('other weekdays or times');
  else if (days) tries.push('other weekdays');
  else if (times) tries.push('other times');
  return `No open time for ${what}${who}${span}${days}${times} — try ${listWords(tries)}.`;
}
