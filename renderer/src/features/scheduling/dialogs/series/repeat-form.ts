import { z } from 'zod';
import { monthWeeksOf, occurrenceDates, type MonthWeek } from '../../../../../../shared/scheduling/recurrence';
import { bookingSchema, MAX_SERIES_OCCURRENCES, recurrenceSchema, seriesEndSchema, type Recurrence, type SeriesEnd } from '../../../../../../shared/scheduling/schemas';
import { isCalendarDate } from '../../../../../../shared/scheduling/time';

/** The booking dialog's "Repeat" choice: not at all, every week, every n weeks, or monthly on the same weekday. */
export const REPEAT_KINDS = ['none', 'weekly', 'weeks', 'monthly'] as const;
export type RepeatKind = (typeof REPEAT_KINDS)[number];

/** The repeat fields as the form holds them (numbers may be NaN while a box is empty). */
export interface RepeatValues {
  kind: RepeatKind;
  /** "Every how many weeks?" (the 'weeks' choice). */
  everyWeeks: number;
  /** Monthly: the start date's own nth weekday, or the last one when it is also the last. */
  monthWeek: 'nth' | 'last';
  ends: 'count' | 'until';
  count: number;
  until: string;
}

export const DEFAULT_REPEAT: RepeatValues = { kind: 'none', everyWeeks: 2, monthWeek: 'nth', ends: 'count', count: 6, until: '' };

/** The first message of a shared schema's answer, or null. */
function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  return result.success ? null : (result.error?.issues[0]?.message ?? null);
}

/**
 * The repeat fields, checked with the shared series schemas (their words: "A series has at most 104 visits."), each
 * message under its own field. What needs the date too (the last date before the first, more than 104 visits) is
 * checked when the dialog sends, with `planSeries`.
 */
const repeatSchema = z
  .object({
    kind: z.enum(REPEAT_KINDS, { error: 'Choose how the visit repeats.' }),
    everyWeeks: z.unknown(),
    monthWeek: z.enum(['nth', 'last']),
    ends: z.enum(['count', 'until'], { error: 'Choose how the series ends.' }),
    count: z.unknown(),
    until: z.unknown(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === 'none') return;
    if (r.kind === 'weeks') {
      const message = firstMessage(recurrenceSchema.safeParse({ frequency: 'weekly', interval: r.everyWeeks }));
      if (message) ctx.addIssue({ code: 'custom', path: ['everyWeeks'], message });
    }
    if (r.ends === 'count') {
      const message = firstMessage(seriesEndSchema.safeParse({ count: r.count }));
      if (message) ctx.addIssue({ code: 'custom', path: ['count'], message });
    } else {
      const message = firstMessage(seriesEndSchema.safeParse({ until: typeof r.until === 'string' ? r.until : '' }));
      if (message) ctx.addIssue({ code: 'custom', path: ['until'], message });
    }
  });

/** The booking form with its repeat fields: the shared booking schema (raw mode sends what was typed) plus "repeat". */
export const bookingFormSchema = bookingSchema.extend({ repeat: repeatSchema });
export type BookingFormValues = z.input<typeof bookingSchema> & { repeat: RepeatValues };

/** The rule for the chosen start date, or null when the visit does not repeat (or the date is not a date yet). */
export function recurrenceOf(repeat: RepeatValues, firstDate: string): Recurrence | null {
  switch (repeat.kind) {
    case 'weekly':
      return { frequency: 'weekly', interval: 1 };
    case 'weeks':
      return { frequency: 'weekly', interval: Number.isInteger(repeat.everyWeeks) && repeat.everyWeeks >= 1 && repeat.everyWeeks <= 12 ? repeat.everyWeeks : 2 };
    case 'monthly': {
      if (!isCalendarDate(firstDate)) return null;
      return { frequency: 'monthly', interval: 1, weekOfMonth: monthWeekOf(repeat, firstDate) };
    }
    default:
      return null;
  }
}

/** The start date's week of the month as the series takes it: its own, or "last" when chosen and possible. */
export function monthWeekOf(repeat: Pick<RepeatValues, 'monthWeek'>, firstDate: string): MonthWeek {
  const choices = monthWeeksOf(firstDate);
  if (repeat.monthWeek === 'last' && choices.includes('last')) return 'last';
  return choices[0] ?? 'last';
}

export function seriesEndOf(repeat: RepeatValues): SeriesEnd | null {
  if (repeat.ends === 'count') return Number.isInteger(repeat.count) && repeat.count >= 2 && repeat.count <= MAX_SERIES_OCCURRENCES ? { count: repeat.count } : null;
  return isCalendarDate(repeat.until) ? { until: repeat.until } : null;
}

/** A series' dates, or why there are none with the repeat field it is about (the last date, or the week of the month). */
export type PlanDates = { ok: true; dates: string[] } | { ok: false; field: 'until' | 'monthWeek'; message: string };

export type SeriesPlan = { recurrence: Recurrence; end: SeriesEnd; dates: PlanDates };

/** The series the fields describe, with its dates (or why there are none), or null while the fields are incomplete. */
export function planSeries(repeat: RepeatValues, firstDate: string): SeriesPlan | null {
  if (repeat.kind === 'none' || !isCalendarDate(firstDate)) return null;
  const recurrence = recurrenceOf(repeat, firstDate);
  const end = seriesEndOf(repeat);
  if (!recurrence || !end) return null;
  const dates = occurrenceDates(firstDate, recurrence, end);
  return { recurrence, end, dates: dates.ok ? dates : { ok: false, field: dates.path === 'end.until' ? 'until' : 'monthWeek', message: dates.message } };
}

/** main's VALIDATION paths for a series ("end.until", "booking.start.time") onto the form's fields. */
export function seriesFieldOf(path: string): string | null {
  if (path.startsWith('booking.')) return path.slice('booking.'.length);
  const fields: Record<string, string> = {
    'end.until': 'repeat.until',
    'end.count': 'repeat.count',
    end: 'repeat.count',
    'recurrence.interval': 'repeat.everyWeeks',
    'recurrence.weekOfMonth': 'repeat.monthWeek',
  };
  return fields[path] ?? null;
}
