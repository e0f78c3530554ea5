import { useShallow } from 'zustand/react/shallow';
import type { SetupView } from '../../../../shared/contract/scheduling';
import { addDays, clinicToday, daysInMonth, type GridStep } from '../../../../shared/scheduling/time';
import { createResettableStore } from '../../store/reset-registry';
import { schedulingCall } from './schedule-api';

export const SCHEDULE_TABS = ['book', 'check-in', 'reminders', 'waitlist'] as const;
export type ScheduleTab = (typeof SCHEDULE_TABS)[number];

/** How the book shows the chosen date. `sheet` is the printable day sheet. */
export const BOOK_MODES = ['day', 'week', 'month', 'list', 'sheet'] as const;
export type BookMode = (typeof BOOK_MODES)[number];

export type SetupState = { kind: 'loading' } | { kind: 'ready'; setup: SetupView } | { kind: 'failed'; message: string };

/** A short sentence about the last change, shown once above the book (role=status). */
export interface BookNotice {
  text: string;
  serial: number;
}

interface ScheduleState {
  tab: ScheduleTab;
  mode: BookMode;
  /** The date the book shows (clinic calendar); null until the clinic's time zone is known, then today. */
  date: string | null;
  by: 'provider' | 'room';
  step: GridStep;
  /** Show 0:00–24:00 instead of the clinic's hours (and the appointments outside them). */
  wholeDay: boolean;
  /** The provider of the week view (null: the first active provider). */
  weekProviderId: string | null;
  /** The month overview's provider (null: everyone). */
  monthProviderId: string | null;
  /** The day sheet's provider (null: every provider with visits that day, one page each). */
  sheetProviderId: string | null;
  setup: SetupState;
  /** Bumped after every change made from the book, so the views read it again. */
  revision: number;
  notice: BookNotice | null;
  /** After a booking or a move: the grid focuses this appointment once it is on screen. */
  focusAppointmentId: string | null;
  setTab(tab: ScheduleTab): void;
  setMode(mode: BookMode): void;
  setDate(date: string): void;
  /** Previous (-1) or next (+1) day, week or month, by the current mode. */
  shiftDate(direction: -1 | 1): void;
  goToday(): void;
  setBy(by: 'provider' | 'room'): void;
  setStep(step: GridStep): void;
  setWholeDay(wholeDay: boolean): void;
  setWeekProvider(id: string): void;
  setMonthProvider(id: string | null): void;
  setSheetProvider(id: string | null): void;
  loadSetup(): Promise<void>;
  /** Something changed: read the book again, and say what happened. */
  changed(notice?: string, focusAppointmentId?: string): void;
  clearNotice(): void;
  /** Focus this appointment in the grid once it is drawn. */
  requestFocus(appointmentId: string): void;
  /** The Book tab's day view on a visit's date, with the visit as the grid's cursor (Enter opens it). */
  showInBook(appointmentId: string, date: string): void;
  focusTaken(): void;
}

export function todayInClinic(zone: string): string {
  return clinicToday(zone, Date.now());
}

function shiftMonth(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return `${month}-${String(Math.min(d, daysInMonth(month))).padStart(2, '0')}`;
}

/** The Schedule screen's choices. Reset at sign-out with every store, so the next person starts on today. */
export const useScheduleStore = createResettableStore<ScheduleState>((set, get) => ({
  tab: 'book',
  mode: 'day',
  date: null,
  by: 'provider',
  step: 15,
  wholeDay: false,
  weekProviderId: null,
  monthProviderId: null,
  sheetProviderId: null,
  setup: { kind: 'loading' },
  revision: 0,
  notice: null,
  focusAppointmentId: null,
  setTab: (tab) => set({ tab }),
  setMode: (mode) => set({ mode }),
  setDate: (date) => set({ date }),
  shiftDate(direction) {
    const { date, mode } = get();
    if (!date) return;
    if (mode === 'week') set({ date: addDays(date, 7 * direction) });
    else if (mode === 'month') set({ date: shiftMonth(date, direction) });
    else set({ date: addDays(date, direction) });
  },
  goToday() {
    const setup = get().setup;
    if (setup.kind === 'ready') set({ date: todayInClinic(setup.setup.timeZone) });
  },
  setBy: (by) => set({ by }),
  setStep: (step) => set({ step }),
  setWholeDay: (wholeDay) => set({ wholeDay }),
  setWeekProvider: (weekProviderId) => set({ weekProviderId }),
  setMonthProvider: (monthProviderId) => set({ monthProviderId }),
  setSheetProvider: (sheetProviderId) => set({ sheetProviderId }),
  async loadSetup() {
    if (get().setup.kind !== 'ready') set({ setup: { kind: 'loading' } });
    const result = await schedulingCall((api) => api.getSetup());
    if (!result.ok) {
      set({ setup: { kind: 'failed', message: result.error.message } });
      return;
    }
    const setup = result.value;
    set((state) => ({ setup: { kind: 'ready', setup }, date: state.date ?? todayInClinic(setup.timeZone) }));
  },
  changed: (text, focusAppointmentId) =>
    set((state) => ({
      revision: state.revision + 1,
      notice: text ? { text, serial: (state.notice?.serial ?? 0) + 1 } : state.notice,
      focusAppointmentId: focusAppointmentId ?? state.focusAppointmentId,
    })),
  clearNotice: () => set({ notice: null }),
  requestFocus: (focusAppointmentId) => set({ focusAppointmentId }),
  showInBook: (focusAppointmentId, date) => set({ tab: 'book', mode: 'day', date, focusAppointmentId }),
  focusTaken: () => set({ focusAppointmentId: null }),
}));

/** What the Book tab and its toolbar show: the date, how it is shown, and the last change. */
export type BookState = Pick<
  ScheduleState,
  'mode' | 'by' | 'step' | 'wholeDay' | 'weekProviderId' | 'monthProviderId' | 'sheetProviderId' | 'revision' | 'notice' | 'focusAppointmentId'
> & { date: string };

/**
 * The book's state in one subscription (compared field by field, so it re-renders only when one of them changes).
 * Only used under the Book tab, which is drawn once the date is known.
 */
export function useBookState(): BookState {
  return useScheduleStore(
    useShallow((state) => ({
      date: state.date as string,
      mode: state.mode,
      by: state.by,
      step: state.step,
      wholeDay: state.wholeDay,
      weekProviderId: state.weekProviderId,
      monthProviderId: state.monthProviderId,
      sheetProviderId: state.sheetProviderId,
      revision: state.revision,
      notice: state.notice,
      focusAppointmentId: state.focusAppointmentId,
    })),
  );
}
