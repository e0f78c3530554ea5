import { Paper, Text } from '@mantine/core';
import { forwardRef, useMemo, type ReactNode } from 'react';
import type { SetupView } from '../../../../../shared/contract/scheduling';
import { type GridStep } from '../../../../../shared/scheduling/time';
import { schedulingCall } from '../schedule-api';
import { todayInClinic } from '../schedule-store';
import { longDate, shortDate } from '../schedule-words';
import { useBookQuery, type BookRead } from '../use-book-query';
import { BookGrid, type BookGridHandle, type MoveRequest } from './BookGrid';
import { buildDayModel, buildWeekModel, type BookGridColumn, type BookGridModel } from './grid-model';
import { ReadState } from './ReadState';

/** What the day and week views need from the book around them. */
export interface GridCallbacks {
  canChange: boolean;
  onBook(column: BookGridColumn, offset: number): void;
  onOpen(appointmentId: string): void;
  onMove(request: MoveRequest): Promise<boolean>;
  onAnnounce(text: string): void;
  focusAppointmentId: string | null;
  onFocusTaken(): void;
  focusOnShow: boolean;
  onFocusShown(): void;
  describedBy: string;
}

interface DayBookProps extends GridCallbacks {
  setup: SetupView;
  date: string;
  by: 'provider' | 'room';
  step: GridStep;
  wholeDay: boolean;
  revision: number;
}

/** The day: one column per provider (or per room). */
export const DayBook = forwardRef<BookGridHandle, DayBookProps>(function DayBook({ setup, date, by, step, wholeDay, revision, ...callbacks }, ref) {
  const query = useBookQuery(`${date}|${by}`, revision, () => schedulingCall((api) => api.day({ date, by })));
  const today = todayInClinic(setup.timeZone);
  const model = useMemo<BookGridModel | null>(() => {
    if (!query.value) return null;
    const credentials = new Map(setup.providers.map((p) => [p.id, p.credentials]));
    return buildDayModel(query.value, { step, wholeDay, today, lookup: { credentials: (id) => credentials.get(id) ?? null } });
  }, [query.value, step, wholeDay, today, setup]);
  const label = `Appointment book, ${longDate(query.value?.date ?? date)}, ${by === 'room' ? 'by room' : 'by provider'}`;
  return (
    <GridFrame query={query} what="the day" model={model} empty={by === 'room' ? 'No rooms are set up yet. An administrator adds them in Admin.' : 'No providers are set up yet. An administrator adds providers and their working hours in Admin.'}>
      {model && <BookGrid ref={ref} model={model} label={label} busy={query.kind === 'loading'} {...callbacks} canChange={callbacks.canChange && !query.stale} />}
    </GridFrame>
  );
});

interface WeekBookProps extends GridCallbacks {
  setup: SetupView;
  providerId: string | null;
  date: string;
  step: GridStep;
  wholeDay: boolean;
  revision: number;
}

/** Monday to Sunday for one provider: drag an appointment to another day. */
export const WeekBook = forwardRef<BookGridHandle, WeekBookProps>(function WeekBook({ setup, providerId, date, step, wholeDay, revision, ...callbacks }, ref) {
  const provider = setup.providers.find((p) => p.id === providerId) ?? setup.providers.find((p) => p.active);
  const query = useBookQuery(provider ? `${provider.id}|${date}` : null, revision, () =>
    schedulingCall((api) => api.week({ providerId: provider?.id ?? '', date })),
  );
  const today = todayInClinic(setup.timeZone);
  const model = useMemo<BookGridModel | null>(() => {
    if (!query.value) return null;
    return buildWeekModel(query.value, { step, wholeDay, today, dayHeading: shortDate });
  }, [query.value, step, wholeDay, today]);
  if (!provider) {
    return <EmptyBook text="No providers are set up yet. An administrator adds providers and their working hours in Admin." />;
  }
  const label = `${provider.name}’s week, appointment book`;
  return (
    <GridFrame query={query} what="the week" model={model} empty="">
      {model && <BookGrid ref={ref} model={model} label={label} busy={query.kind === 'loading'} {...callbacks} canChange={callbacks.canChange && !query.stale} />}
    </GridFrame>
  );
});

function GridFrame({ query, what, model, empty, children }: { query: BookRead<unknown>; what: string; model: BookGridModel | null; empty: string; children: ReactNode }) {
  return (
    <ReadState query={query} what={what} onRetry={query.retry}>
      {() => {
        if (!model) return null;
        if (model.columns.length === 0 && empty) return <EmptyBook text={empty} />;
        return children;
      }}
    </ReadState>
  );
}

export function EmptyBook({ text }: { text: string }) {
  return (
    <Paper withBorder radius="md" p="lg" maw={720}>
      <Text size="lg">{text}</Text>
    </Paper>
  );
}
