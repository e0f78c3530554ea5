import { Alert, Button, Group, Modal, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { AppointmentView, RuleProblem, SetupView, WaitlistSuggestion } from '../../../../shared/contract/scheduling';
import { useSessionStore } from '../../session/session-store';
import { isTypingTarget } from '../../shell/keyboard';
import { useUiStore } from '../../store/ui-store';
import { useOpenerFocus } from '../patients/use-opener-focus';
import type { BookGridHandle, MoveRequest } from './book/BookGrid';
import { BookKeysDialog, GridKeysDescription } from './book/BookKeys';
import { BookLegend } from './book/BookLegend';
import { BookToolbar } from './book/BookToolbar';
import { DayList } from './book/DayList';
import { DayBook, WeekBook, type GridCallbacks } from './book/GridBooks';
import { MonthView } from './book/MonthView';
import type { BookGridColumn } from './book/grid-model';
import { AppointmentDialog } from './dialogs/AppointmentDialog';
import { BookingDialog, bookedNotice, type BookingDraft } from './dialogs/BookingDialog';
import { RescheduleForm, type RescheduleValues } from './dialogs/RescheduleForm';
import { WaitlistSuggestions } from './dialogs/WaitlistSuggestions';
import { defaultFindValues, type FindValues } from './find/find-form';
import { FindTimeDialog } from './find/FindTimeDialog';
import { DaySheet } from './print/DaySheet';
import { schedulingCall } from './schedule-api';
import { todayInClinic, useBookState, useScheduleStore, type BookMode, type BookState } from './schedule-store';
import { appointmentTimeRange, shortDate } from './schedule-words';

type BookDialog =
  | { kind: 'book'; draft: BookingDraft; fromFind?: boolean }
  | { kind: 'find' }
  | { kind: 'appointment'; id: string }
  | { kind: 'reschedule'; appointment: AppointmentView; initial: { values: Partial<RescheduleValues>; problems: RuleProblem[] } }
  | { kind: 'freed'; heading: string; suggestions: WaitlistSuggestion[] }
  | { kind: 'keys' };

/** A drag or keyboard move main refused: what it said, and the move itself (to try again with a choice made). */
interface MoveProblem {
  appointment: AppointmentView;
  messages: string[];
  values: Partial<RescheduleValues>;
  problems: RuleProblem[];
}

/** The Book tab: the toolbar, the chosen view, and the dialogs for booking and for one appointment. */
export function BookTab({ setup }: { setup: SetupView }) {
  const book = useBookState();
  const { date, mode, notice, focusAppointmentId } = book;
  const canChange = useSessionStore((state) => state.view.kind === 'ready' && !!state.view.state.user && state.view.state.user.role !== 'read_only');
  const [dialog, setDialog] = useState<BookDialog | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [moveProblem, setMoveProblem] = useState<MoveProblem | null>(null);
  const [freed, setFreed] = useState<{ heading: string; suggestions: WaitlistSuggestion[] } | null>(null);
  const [focusGrid, setFocusGrid] = useState(false);
  // "Find a time" remembers its last search while the Book tab is open, and runs it again when reopened.
  const [lastFind, setLastFind] = useState<FindValues | null>(null);
  const focusShown = useCallback(() => setFocusGrid(false), []);
  const gridRef = useRef<BookGridHandle>(null);
  const dateInputRef = useRef<HTMLInputElement>(null);
  const opener = useOpenerFocus();
  const keysId = useId();
  const gridMode = mode === 'day' || mode === 'week';


  const openedFromGrid = useRef(false);
  const open = useCallback(
    (next: BookDialog, fromGrid = false) => {
      opener.remember();
      openedFromGrid.current = fromGrid;
      setDialog(next);
    },
    [opener],
  );
  const openFind = useCallback(() => open({ kind: 'find' }), [open]);
  useBookShortcuts(dateInputRef, openFind);

  const closeDialog = useCallback(
    (next?: { keyboardMove?: string; focusAppointmentId?: string }) => {
      setDialog(null);
      if (next?.keyboardMove) {
        const id = next.keyboardMove;
        window.setTimeout(() => gridRef.current?.startKeyboardMove(id), 0);
        return;
      }
      if (next?.focusAppointmentId && gridMode) {
        useScheduleStore.getState().requestFocus(next.focusAppointmentId);
        return;
      }
      // Back where the dialog was opened from: the grid's cursor (its element may have been redrawn meanwhile), or the
      // button that opened it.
      if (openedFromGrid.current && gridRef.current) window.setTimeout(() => gridRef.current?.focusCursor(), 0);
      else opener.restore();
    },
    [gridMode, opener],
  );

  const move = useCallback(async (request: MoveRequest): Promise<boolean> => {
    const { appointment, from, to } = request;
    const values = rescheduleValuesFor(request);
    setMoveProblem(null);
    setFreed(null);
    const result = await schedulingCall((api) => api.reschedule(values as RescheduleValues));
    if (!result.ok) {
      setMoveProblem({ appointment, messages: [result.error.message], values, problems: [] });
      setAnnouncement(`Not moved: ${result.error.message}`);
      return false;
    }
    if (result.value.outcome === 'not-saved') {
      const messages = result.value.problems.map((p) => p.message);
      setMoveProblem({ appointment, messages, values, problems: result.value.problems });
      setAnnouncement(`Not moved: ${messages.join(' ')}`);
      return false;
    }
    const moved = result.value.appointments.find((a) => a.id === appointment.id) ?? result.value.appointments[0] ?? appointment;
    const where = to === from ? '' : ` with ${moved.providerName}${moved.roomName ? `, ${moved.roomName}` : ''}`;
    // A drag or keyboard move takes one visit; the rest of a series stays (Reschedule… asks about the others).
    const only = moved.seriesId !== null ? ' Only this visit of the series moved.' : '';
    const text = `Moved ${moved.patientName} to ${shortDate(moved.date)}, ${appointmentTimeRange(moved)}${where}.${only}`;
    // The notice (role=status) says it; the live region stays quiet so it is not read twice.
    useScheduleStore.getState().changed(text, moved.id);
    if (result.value.waitlistSuggestions.length > 0) {
      setFreed({ heading: `The time ${appointment.patientName} had is free now. Offer it to someone waiting?`, suggestions: result.value.waitlistSuggestions });
    }
    return true;
  }, []);

  const callbacks: GridCallbacks = {
    canChange,
    onBook: (column: BookGridColumn, offset: number) => open({ kind: 'book', draft: { start: column.startAtOffset(offset), providerId: column.providerId, roomId: column.roomId } }, true),
    onOpen: (id: string) => open({ kind: 'appointment', id }, true),
    onMove: move,
    onAnnounce: setAnnouncement,
    focusAppointmentId,
    onFocusTaken: useScheduleStore.getState().focusTaken,
    focusOnShow: focusGrid,
    onFocusShown: focusShown,
    describedBy: keysId,
  };

  return (
    <Stack gap="sm">
      <BookToolbar setup={setup} date={date} dateInputRef={dateInputRef} onShowKeys={() => open({ kind: 'keys' })} onPrint={() => window.print()} onFind={openFind} />
      {notice && (
        <Alert
          key={notice.serial}
          color="green"
          variant="light"
          className="no-print"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => useScheduleStore.getState().clearNotice()}
          classNames={{ message: 'alert-message' }}
        >
          <Text role="status">{notice.text}</Text>
        </Alert>
      )}
      {moveProblem && (
        <Alert color="red" variant="light" role="alert" title="Not moved" className="no-print" classNames={{ title: 'alert-title', message: 'alert-message' }}>
          {moveProblem.messages.join(' ')} The appointment stays where it was.
          <Group gap="sm" mt="xs">
            {moveProblem.problems.some((p) => p.resolution !== 'none' && p.allowed) && (
              <Button
                size="compact-md"
                variant="default"
                onClick={() => {
                  open({ kind: 'reschedule', appointment: moveProblem.appointment, initial: { values: moveProblem.values, problems: moveProblem.problems } }, gridMode);
                  setMoveProblem(null);
                }}
              >
                Move anyway…
              </Button>
            )}
            <Button size="compact-md" variant="subtle" onClick={() => setMoveProblem(null)}>
              Dismiss
            </Button>
          </Group>
        </Alert>
      )}
      {freed && (
        <Alert color="blue" variant="light" className="no-print" classNames={{ message: 'alert-message' }}>
          <Group justify="space-between">
            <Text>{freed.heading}</Text>
            <Group gap="xs">
              <Button
                size="compact-md"
                onClick={() => {
                  open({ kind: 'freed', ...freed });
                  setFreed(null);
                }}
              >
                Show {freed.suggestions.length === 1 ? 'the patient' : `${freed.suggestions.length} patients`}
              </Button>
              <Button size="compact-md" variant="subtle" onClick={() => setFreed(null)}>
                Dismiss
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      <GridKeysDescription id={keysId} />
      <BookView
        book={book}
        setup={setup}
        gridRef={gridRef}
        callbacks={callbacks}
        onOpen={(id) => open({ kind: 'appointment', id })}
        onOpenDay={(day) => {
          const store = useScheduleStore.getState();
          store.setDate(day);
          store.setMode('day');
          setFocusGrid(true);
        }}
      />
      {gridMode && <BookLegend />}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
      {dialog?.kind === 'book' && (
        <BookingDialog
          draft={dialog.draft}
          setup={setup}
          onClose={(booked, seriesNotice) => {
            if (!booked) {
              // Back to the search it came from (the opener, the Find button, is still remembered).
              if (dialog.fromFind) setDialog({ kind: 'find' });
              else closeDialog();
              return;
            }
            setDialog(null);
            const store = useScheduleStore.getState();
            // A slot found by "Find a time" may be on another day or week: show it.
            if (gridMode && booked.date !== date && (mode === 'day' || dialog.fromFind)) store.setDate(booked.date);
            store.changed(seriesNotice ?? bookedNotice(booked), gridMode ? booked.id : undefined);
            if (!gridMode) opener.restore();
          }}
        />
      )}
      {dialog?.kind === 'find' && (
        <FindTimeDialog
          setup={setup}
          initial={lastFind ?? defaultFindValues(setup, todayInClinic(setup.timeZone))}
          searchOnOpen={lastFind !== null}
          canBook={canChange}
          onSearched={setLastFind}
          onBook={(slot, typeId) =>
            setDialog({ kind: 'book', fromFind: true, draft: { start: slot.start, providerId: slot.providerId, roomId: slot.roomId, typeId } })
          }
          onClose={() => closeDialog()}
        />
      )}
      {dialog?.kind === 'appointment' && <AppointmentDialog id={dialog.id} setup={setup} canChange={canChange} canMoveInGrid={gridMode} onClose={closeDialog} />}
      {dialog?.kind === 'reschedule' && (
        <Modal opened onClose={() => closeDialog()} title={`Move ${dialog.appointment.patientName}`} size={760} returnFocus={false}>
          <RescheduleForm
            appointment={dialog.appointment}
            setup={setup}
            initial={dialog.initial}
            onBack={() => closeDialog()}
            onSaved={(moved, suggestions) => {
              if (suggestions.length > 0) setFreed({ heading: `The time ${moved.patientName} had is free now. Offer it to someone waiting?`, suggestions });
              closeDialog({ focusAppointmentId: moved.id });
            }}
          />
        </Modal>
      )}
      {dialog?.kind === 'freed' && (
        <Modal opened onClose={() => closeDialog()} title="Offer the freed time" size={760} returnFocus={false}>
          <Stack gap="md">
            <Text fw={650}>{dialog.heading}</Text>
            <WaitlistSuggestions suggestions={dialog.suggestions} canChange={canChange} onLeave={() => setDialog(null)} />
            <Group justify="flex-end">
              <Button onClick={() => closeDialog()}>Done</Button>
            </Group>
          </Stack>
        </Modal>
      )}
      <BookKeysDialog opened={dialog?.kind === 'keys'} onClose={() => closeDialog()} />
    </Stack>
  );
}

interface BookViewProps {
  book: BookState;
  setup: SetupView;
  gridRef: React.RefObject<BookGridHandle | null>;
  callbacks: GridCallbacks;
  onOpen(id: string): void;
  onOpenDay(date: string): void;
}

function BookView(props: BookViewProps) {
  const { setup } = props;
  const { mode, date, by, step, wholeDay, revision } = props.book;
  switch (mode) {
    case 'day':
      return <DayBook ref={props.gridRef} setup={setup} date={date} by={by} step={step} wholeDay={wholeDay} revision={revision} {...props.callbacks} />;
    case 'week':
      return <WeekBook ref={props.gridRef} setup={setup} providerId={props.book.weekProviderId} date={date} step={step} wholeDay={wholeDay} revision={revision} {...props.callbacks} />;
    case 'month':
      return <MonthView date={date} providerId={props.book.monthProviderId} timeZone={setup.timeZone} revision={revision} onOpenDay={props.onOpenDay} />;
    case 'list':
      return <DayList date={date} revision={revision} onOpen={props.onOpen} />;
    case 'sheet':
      return <DaySheet date={date} providerId={props.book.sheetProviderId} revision={revision} />;
    default:
      return null;
  }
}

/** A drag or keyboard move as the reschedule channel takes it: only what changed. */
function rescheduleValuesFor({ appointment, from, to, offset, duration }: MoveRequest): Partial<RescheduleValues> & { id: string } {
  const values: Partial<RescheduleValues> & { id: string } = { id: appointment.id };
  const top = from.toOffset(appointment.startAt);
  if (to !== from || offset !== top) values.start = to.startAtOffset(offset);
  if (to.kind === 'provider' && to.providerId && to.providerId !== appointment.providerId) values.providerId = to.providerId;
  if (to.kind === 'room' && to.roomId && to.roomId !== appointment.roomId) values.roomId = to.roomId;
  if (duration !== appointment.durationMinutes) values.durationMinutes = duration;
  return values;
}

/** The book's letters and digits (not in a text field, no dialog open): T today, N/P next/previous, 1–4 views, G the date box, F find a time. */
function useBookShortcuts(dateInput: React.RefObject<HTMLInputElement | null>, onFind: () => void): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
      if (isTypingTarget(event.target)) return;
      if (useUiStore.getState().dialog !== null || document.querySelector('[role="dialog"]')) return;
      const store = useScheduleStore.getState();
      if (store.tab !== 'book') return;
      const modes: Record<string, BookMode> = { '1': 'day', d: 'day', '2': 'week', w: 'week', '3': 'month', '4': 'list', l: 'list' };
      const key = event.key.toLowerCase();
      if (key in modes) store.setMode(modes[key] as BookMode);
      else if (key === 't') store.goToday();
      else if (key === 'n') store.shiftDate(1);
      else if (key === 'p') store.shiftDate(-1);
      else if (key === 'g') dateInput.current?.focus();
      else if (key === 'f') onFind();
      else return;
      event.preventDefault();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [dateInput, onFind]);
}
