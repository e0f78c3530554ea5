import type { ProviderView } from '../../../../../shared/contract/scheduling';
import { clockLabel, formatTimeOfDay, parseTimeOfDay, weekdayName } from '../../../../../shared/scheduling/time';

/**
 * The weekly hours editor's working copy: times as typed, checked here block by block so each message sits under
 * the field to fix (the shared schema checks the same again in main, but reports a day at a time).
 */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface DraftBlock {
  /** Stable React key and field id; never sent. */
  key: string;
  start: string;
  end: string;
}
export type DraftWeek = Record<Weekday, DraftBlock[]>;

export interface BlockProblem {
  start?: string;
  end?: string;
}

export interface WeekCheck {
  /** By block key. */
  problems: Map<string, BlockProblem>;
  /** What to send to scheduling:setWorkingHours when there are no problems (days off left out). */
  week: { weekday: number; blocks: { start: string; end: string }[] }[];
}

let nextKey = 0;
export function newBlock(start = '', end = ''): DraftBlock {
  nextKey += 1;
  return { key: `block-${nextKey}`, start, end };
}

export function emptyWeek(): DraftWeek {
  return { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
}

export function draftFromProvider(hours: ProviderView['hours']): DraftWeek {
  const week = emptyWeek();
  for (const day of hours) {
    if (!(WEEKDAYS as readonly number[]).includes(day.weekday)) continue;
    week[day.weekday as Weekday] = [...day.blocks].sort((a, b) => a.start - b.start).map((block) => newBlock(formatTimeOfDay(block.start), formatTimeOfDay(block.end)));
  }
  return week;
}

/** Monday's blocks, copied onto Tuesday to Friday (what most clinics want after typing Monday). */
export function copyMondayToWeekdays(week: DraftWeek): DraftWeek {
  const copy = (): DraftBlock[] => week[1].map((block) => newBlock(block.start, block.end));
  return { ...week, 2: copy(), 3: copy(), 4: copy(), 5: copy() };
}

const TIME_EXAMPLE = 'such as 8:00 or 1:30 pm';

export function checkWeek(week: DraftWeek): WeekCheck {
  const problems = new Map<string, BlockProblem>();
  const out: WeekCheck['week'] = [];
  for (const weekday of WEEKDAYS) {
    const blocks = week[weekday];
    const parsed: { key: string; start: number; end: number }[] = [];
    for (const block of blocks) {
      const problem: BlockProblem = {};
      const start = block.start.trim() === '' ? null : parseTimeOfDay(block.start);
      const end = block.end.trim() === '' ? null : parseTimeOfDay(block.end, { allowEndOfDay: true });
      if (block.start.trim() === '') problem.start = `Enter when this block starts, ${TIME_EXAMPLE}.`;
      else if (start === null) problem.start = `“${block.start.trim()}” is not a time. Enter the start ${TIME_EXAMPLE}.`;
      if (block.end.trim() === '') problem.end = `Enter when this block ends, ${TIME_EXAMPLE}.`;
      else if (end === null) problem.end = `“${block.end.trim()}” is not a time. Enter the end ${TIME_EXAMPLE}.`;
      if (start !== null && end !== null && end <= start) problem.end = `The end must be after the start (${clockLabel(start)}). Change the end or the start.`;
      if (problem.start || problem.end) problems.set(block.key, problem);
      else if (start !== null && end !== null) parsed.push({ key: block.key, start, end });
    }
    // Overlaps: reported on the later block, naming the one it runs into.
    const sorted = [...parsed].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i += 1) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (!previous || !current || current.start >= previous.end) continue;
      problems.set(current.key, {
        ...problems.get(current.key),
        start: `This block overlaps ${clockLabel(previous.start)}–${clockLabel(previous.end)} on ${weekdayName(weekday)}. Start it at ${clockLabel(previous.end)} or later, or remove one of them.`,
      });
    }
    if (sorted.length > 0) out.push({ weekday, blocks: sorted.map((block) => ({ start: formatTimeOfDay(block.start), end: formatTimeOfDay(block.end) })) });
  }
  return { problems, week: out };
}

const SHORT_DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "Mon–Fri 8:00–12:00, 13:00–17:00; Sat 9:00–12:00", or "No hours set". Consecutive days with the same blocks are joined. */
export function hoursSummary(hours: ProviderView['hours']): string {
  const byDay = new Map<number, string>();
  for (const day of hours) {
    if (day.blocks.length === 0) continue;
    byDay.set(day.weekday, [...day.blocks].sort((a, b) => a.start - b.start).map((block) => `${clockLabel(block.start)}–${clockLabel(block.end)}`).join(', '));
  }
  const parts: string[] = [];
  let runStart = 0;
  for (let weekday = 1; weekday <= 8; weekday += 1) {
    const text = byDay.get(weekday);
    const runText = runStart ? byDay.get(runStart) : undefined;
    if (runStart && text === runText) continue;
    if (runStart && runText) {
      const last = weekday - 1;
      const days = last === runStart ? SHORT_DAYS[runStart - 1] : `${SHORT_DAYS[runStart - 1]}–${SHORT_DAYS[last - 1]}`;
      parts.push(`${days} ${runText}`);
    }
    runStart = text ? weekday : 0;
  }
  return parts.length > 0 ? parts.join('; ') : 'No hours set';
}
