import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { addDays, daysInMonth, longDate, mondayOf } from '../../../../../shared/scheduling/time';
import { schedulingCall } from '../schedule-api';
import { todayInClinic } from '../schedule-store';
import { monthTitle } from '../schedule-words';
import { useBookQuery } from '../use-book-query';
import { ReadState } from './ReadState';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

interface MonthViewProps {
  date: string;
  providerId: string | null;
  timeZone: string;
  revision: number;
  /** A day was chosen: show it in the day view. */
  onOpenDay(date: string): void;
}

interface DayCounts {
  booked: number;
  overbooked: number;
  cancelled: number;
}

/**
 * The month at a glance: appointments per day (and overbooked and cancelled ones). A day is a button: click it, or move
 * with the arrows (a day, a week) and press Enter, to open that day.
 */
export function MonthView({ date, providerId, timeZone, revision, onOpenDay }: MonthViewProps) {
  const month = date.slice(0, 7);
  const query = useBookQuery(`${month}|${providerId ?? ''}`, revision, () => schedulingCall((api) => api.month({ month, providerId })));
  const counts = useMemo(() => new Map<string, DayCounts>((query.value?.days ?? []).map((d) => [d.date, d])), [query.value]);
  const [focusDate, setFocusDate] = useState(date);
  const focusPending = useRef(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const today = todayInClinic(timeZone);
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const start = mondayOf(first);
  const weeks = Math.ceil((daysBetweenInclusive(start, last) + 0) / 7);
  const days = Array.from({ length: weeks * 7 }, (_, i) => addDays(start, i));
  const active = focusDate.startsWith(month) ? focusDate : date.startsWith(month) ? date : first;

  useLayoutEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    gridRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    const step = steps[event.key];
    let next: string | null = null;
    if (step !== undefined) next = addDays(active, step);
    else if (event.key === 'Home') next = first;
    else if (event.key === 'End') next = last;
    if (next === null || !next.startsWith(month)) return;
    event.preventDefault();
    focusPending.current = true;
    setFocusDate(next);
  }

  return (
    <ReadState query={query} what="the month" onRetry={query.retry}>
      {(_, busy) => (
        <div className="month-grid" ref={gridRef} role="group" aria-label={`${monthTitle(month)}: appointments per day`} onKeyDown={onKeyDown} aria-busy={busy}>
          {WEEKDAYS.map((name) => (
            <div key={name} className="month-weekday" aria-hidden="true">
              {name}
            </div>
          ))}
          {days.map((day) => {
            const inMonth = day.startsWith(month);
            if (!inMonth) return <div key={day} className="month-day" data-outside aria-hidden="true" />;
            const c = counts.get(day) ?? { booked: 0, overbooked: 0, cancelled: 0 };
            const words = [`${c.booked} booked`, ...(c.overbooked > 0 ? [`${c.overbooked} overbooked`] : []), ...(c.cancelled > 0 ? [`${c.cancelled} cancelled`] : [])];
            return (
              <button
                key={day}
                type="button"
                className="month-day"
                data-today={day === today || undefined}
                data-selected={day === date || undefined}
                tabIndex={day === active ? 0 : -1}
                aria-label={`${longDate(day)}${day === today ? ' (today)' : ''}: ${words.join(', ')}`}
                onClick={() => onOpenDay(day)}
                onFocus={() => setFocusDate(day)}
              >
                <span className="month-day-number" aria-hidden="true">
                  {Number(day.slice(8))}
                </span>
                {c.booked > 0 && (
                  <span className="month-day-count" data-kind="booked" aria-hidden="true">
                    {c.booked} booked
                  </span>
                )}
                {c.overbooked > 0 && (
                  <span className="month-day-count" data-kind="overbooked" aria-hidden="true">
                    ⚠ {c.overbooked} overbooked
                  </span>
                )}
                {c.cancelled > 0 && (
                  <span className="month-day-count" data-kind="cancelled" aria-hidden="true">
                    {c.cancelled} cancelled
                  </span>
                )}
              </button>
            );
          })}
        </div>
      )}
    </ReadState>
  );
}

function daysBetweenInclusive(from: string, to: string): number {
  const [a, b] = [from, to].map((d) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8))));
  return Math.round(((b as number) - (a as number)) / 86_400_000) + 1;
}
