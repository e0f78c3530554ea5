import { callClinic } from '../../api/clinic';
import { createResettableStore } from '../../store/reset-registry';
import { useUiStore } from '../../store/ui-store';
import type { PatientFormValues } from './register/patient-form';

/** What the Patients screen shows under its search box. */
export type PatientsView =
  | { kind: 'home' }
  | { kind: 'register'; prefill: Partial<PatientFormValues> }
  | { kind: 'patient'; id: string };

/** A short sentence shown once on the next view ("Registered Jane Doe, MRN 100042."). */
export interface PatientsNotice {
  text: string;
  serial: number;
}

interface PatientsState {
  view: PatientsView;
  notice: PatientsNotice | null;
  /** Set by Ctrl+K and "/": the search box takes focus (once it is on screen) and clears this. */
  searchFocusPending: boolean;
  /** The clinic's time zone (settings:get), for the change history; this computer's until read. */
  timeZone: string | undefined;
  /**
   * The registration form's values while it is not on screen (the person jumped to search or another screen in the
   * middle of a phone call): coming back brings them back. Cleared at sign-out and lock, with every store.
   */
  registerStash: PatientFormValues | null;
  /** Set when a view is opened on purpose (a result chosen, a button pressed): its first field or heading takes focus. */
  viewFocusPending: boolean;
  openHome(): void;
  openRegister(prefill?: Partial<PatientFormValues>): void;
  openPatient(id: string, notice?: string): void;
  requestSearchFocus(): void;
  searchFocused(): void;
  stashRegistration(values: PatientFormValues | null): void;
  loadTimeZone(): Promise<void>;
  /** True once after a view was opened on purpose; coming back with Alt+2 leaves focus on the screen heading. */
  takeViewFocus(): boolean;
}

export const usePatientsStore = createResettableStore<PatientsState>((set, get) => ({
  view: { kind: 'home' },
  notice: null,
  searchFocusPending: false,
  timeZone: undefined,
  registerStash: null,
  viewFocusPending: false,
  openHome: () => set({ view: { kind: 'home' }, notice: null, viewFocusPending: true }),
  openRegister: (prefill = {}) => set({ view: { kind: 'register', prefill }, notice: null, viewFocusPending: true }),
  openPatient: (id, notice) =>
    set((state) => ({ view: { kind: 'patient', id }, viewFocusPending: true, notice: notice ? { text: notice, serial: (state.notice?.serial ?? 0) + 1 } : null })),
  requestSearchFocus: () => set({ searchFocusPending: true }),
  searchFocused: () => set({ searchFocusPending: false }),
  stashRegistration: (values) => set({ registerStash: values }),
  async loadTimeZone() {
    if (get().timeZone) return;
    const result = await callClinic((api) => api.settings.get());
    if (result.ok) set({ timeZone: result.value.timeZone });
  },
  takeViewFocus() {
    const pending = get().viewFocusPending;
    if (pending) set({ viewFocusPending: false });
    return pending;
  },
}));

/** Ctrl+K or "/" from anywhere: the Patients screen, with keyboard focus in its search box. */
export function openPatientSearch(): void {
  usePatientsStore.getState().requestSearchFocus();
  const ui = useUiStore.getState();
  if (ui.screen !== 'patients') ui.navigate('patients');
}
