import { createResettableStore } from './reset-registry';

/** Every screen the navigation offers, in menu order (Alt+1 is the first). */
export const SCREEN_IDS = ['schedule', 'patients', 'intake', 'insurance', 'care-plans', 'worklist', 'reports', 'admin'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

/** At most one dialog is open at a time; switching from one to another keeps focus bookkeeping simple. */
export type DialogId = 'shortcuts' | 'about' | 'my-account';

export interface UiState {
  screen: ScreenId;
  /**
   * Bumped on every navigation (and when focus must go back to the screen): the screen heading focuses
   * itself when this changes, so keyboard and screen-reader users land at the top of the new screen.
   * Zero means "not asked yet": the first render does not steal focus.
   */
  headingFocusRequest: number;
  dialog: DialogId | null;
  navigate(screen: ScreenId): void;
  focusScreenHeading(): void;
  openDialog(dialog: DialogId): void;
  closeDialog(): void;
}

/** Which screen and dialog are showing. Reset at sign-out, so the next person starts on the Schedule. */
export const useUiStore = createResettableStore<UiState>((set) => ({
  screen: 'schedule',
  headingFocusRequest: 0,
  dialog: null,
  navigate: (screen) => set((state) => ({ screen, headingFocusRequest: state.headingFocusRequest + 1 })),
  focusScreenHeading: () => set((state) => ({ headingFocusRequest: state.headingFocusRequest + 1 })),
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
}));
