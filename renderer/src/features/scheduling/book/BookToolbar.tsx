import { Button, Group, NativeSelect, SegmentedControl, Stack, Switch, TextInput } from '@mantine/core';
import type { Ref } from 'react';
import type { SetupView } from '../../../../../shared/contract/scheduling';
import { addDays, isCalendarDate, mondayOf, type GridStep } from '../../../../../shared/scheduling/time';
import { BOOK_MODES, useBookState, useScheduleStore, type BookMode } from '../schedule-store';
import { longDate, monthTitle, weekTitle } from '../schedule-words';

const MODE_LABELS: Record<BookMode, string> = { day: 'Day', week: 'Week', month: 'Month', list: 'List', sheet: 'Day sheet' };
const PERIOD: Record<BookMode, string> = { day: 'day', week: 'week', month: 'month', list: 'day', sheet: 'day' };

/** The book's title for the date and mode: "Tuesday, March 10, 2026", "Mon Mar 9 – Sun Mar 15, 2026", "March 2026". */
export function bookTitle(mode: BookMode, date: string): string {
  if (mode === 'week') {
    const monday = mondayOf(date);
    return weekTitle(monday, addDays(monday, 6));
  }
  if (mode === 'month') return monthTitle(date.slice(0, 7));
  return longDate(date);
}

interface BookToolbarProps {
  setup: SetupView;
  date: string;
  dateInputRef: Ref<HTMLInputElement>;
  onShowKeys(): void;
  onPrint(): void;
  onFind(): void;
}

/** Date navigation, the view, and the view's own choices (by provider or room, grid, whose week, whose sheet). */
export function BookToolbar({ setup, date, dateInputRef, onShowKeys, onPrint, onFind }: BookToolbarProps) {
  const { mode, by, step, wholeDay, weekProviderId, monthProviderId, sheetProviderId } = useBookState();
  const store = useScheduleStore.getState();
  const period = PERIOD[mode];
  const providers = setup.providers.filter((p) => p.active);
  const providerOptions = providers.map((p) => ({ value: p.id, label: p.name }));

  return (
    <Stack gap="sm" className="book-toolbar no-print">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <h2 className="book-title" aria-live="polite">
          {bookTitle(mode, date)}
        </h2>
        {/* Tight on purpose: at 1280 px this row holds the longest title ("Wednesday, September 18, 2030") on one line. */}
        <Group gap={6} wrap="nowrap">
          <Button size="sm" px={10} variant="light" onClick={onFind} aria-haspopup="dialog" aria-keyshortcuts="F">
            Find a time
          </Button>
          <Button variant="subtle" onClick={onShowKeys} aria-haspopup="dialog">
            Book shortcuts
          </Button>
          <SegmentedControl
            aria-label="View"
            value={mode}
            onChange={(value) => store.setMode(value as BookMode)}
            data={BOOK_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
          />
        </Group>
      </Group>
      <Group gap="sm" wrap="wrap" align="center">
        <Group gap="xs" wrap="nowrap">
          <Button size="sm" variant="default" onClick={() => store.shiftDate(-1)} aria-label={`Previous ${period}`} aria-keyshortcuts="P">
            ‹ Previous
          </Button>
          <Button size="sm" variant="default" onClick={() => store.goToday()} aria-keyshortcuts="T">
            Today
          </Button>
          <Button size="sm" variant="default" onClick={() => store.shiftDate(1)} aria-label={`Next ${period}`} aria-keyshortcuts="N">
            Next ›
          </Button>
          <TextInput
            ref={dateInputRef}
            type="date"
            size="sm"
            aria-label="Go to date"
            aria-keyshortcuts="G"
            className="book-date-input"
            value={date}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isCalendarDate(value)) store.setDate(value);
            }}
          />
        </Group>
        {mode === 'day' && (
          <SegmentedControl
            size="sm"
            aria-label="Columns"
            value={by}
            onChange={(value) => store.setBy(value as 'provider' | 'room')}
            data={[
              { value: 'provider', label: 'By provider' },
              { value: 'room', label: 'By room' },
            ]}
          />
        )}
        {mode === 'week' && (
          <NativeSelect
            size="sm"
            aria-label="Whose week"
            value={weekProviderId ?? providers[0]?.id ?? ''}
            onChange={(event) => store.setWeekProvider(event.currentTarget.value)}
            data={providerOptions}
          />
        )}
        {mode === 'month' && (
          <NativeSelect
            size="sm"
            aria-label="Whose appointments"
            value={monthProviderId ?? ''}
            onChange={(event) => store.setMonthProvider(event.currentTarget.value || null)}
            data={[{ value: '', label: 'All providers' }, ...providerOptions]}
          />
        )}
        {mode === 'sheet' && (
          <>
            <NativeSelect
            size="sm"
              aria-label="Whose day sheet"
              value={sheetProviderId ?? ''}
              onChange={(event) => store.setSheetProvider(event.currentTarget.value || null)}
              data={[{ value: '', label: 'Every provider (a page each)' }, ...providerOptions]}
            />
            <Button size="sm" onClick={onPrint}>Print day sheet</Button>
          </>
        )}
        {(mode === 'day' || mode === 'week') && (
          <>
            <NativeSelect
            size="sm"
              aria-label="Rows"
              value={String(step)}
              onChange={(event) => store.setStep(Number(event.currentTarget.value) as GridStep)}
              data={[
                { value: '5', label: '5-min rows' },
                { value: '10', label: '10-min rows' },
                { value: '15', label: '15-min rows' },
              ]}
            />
            <Switch size="sm" label="Whole day" checked={wholeDay} onChange={(event) => store.setWholeDay(event.currentTarget.checked)} />
          </>
        )}
      </Group>
    </Stack>
  );
}

