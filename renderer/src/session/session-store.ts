import type { SessionState } from '../../../shared/contract/auth';
import { callClinic } from '../api/clinic';
import { createResettableStore, resetAllStores } from '../store/reset-registry';
import { useUiStore } from '../store/ui-store';

/** What the app knows about who is at the desk: still asking main, main's answer, or why there is none. */
export type SessionView = { kind: 'loading' } | { kind: 'ready'; state: SessionState } | { kind: 'unreachable'; message: string };

interface SessionStoreState {
  view: SessionView;
  /** The clinic's name for the header (settings:get), once someone is signed in; null before, or if it could not be read. */
  clinicName: string | null;
  /** Asks main who is signed in (or whether the clinic needs setting up) and shows the matching screen. */
  refresh(): Promise<void>;
}

const UNREACHABLE =
  'CareDesk could not reach its data service, so it cannot tell whether you are signed in. Try again; if this keeps happening, restart CareDesk.';

export const useSessionStore = createResettableStore<SessionStoreState>((set) => ({
  view: { kind: 'loading' },
  clinicName: null,
  async refresh() {
    const result = await callClinic((api) => api.session.state());
    if (!result.ok) {
      set({ view: { kind: 'unreachable', message: result.error.code === 'INTERNAL' ? UNREACHABLE : result.error.message }, clinicName: null });
      return;
    }
    const state = result.value;
    set({ view: { kind: 'ready', state } });
    // The clinic's settings are for signed-in staff who are past "choose a new password".
    if (state.phase === 'signed-in' && state.user && !state.user.mustChangePassword) {
      const settings = await callClinic((api) => api.settings.get());
      set({ clinicName: settings.ok && settings.value.clinicName.length > 0 ? settings.value.clinicName : null });
    } else {
      set({ clinicName: null });
    }
  },
}));

/**
 * After a successful sign-in, recovery, setup or password change: read the new session from main, and put
 * keyboard focus on the first screen's heading (the button that was pressed is gone).
 */
export async function enterSignedIn(): Promise<void> {
  await useSessionStore.getState().refresh();
  useUiStore.getState().focusScreenHeading();
}

/**
 * Ends the session in main, then forgets everything this window held for the user (every store goes back
 * to its first state), then shows the sign-in screen. The stores are cleared even if main could not be
 * reached: the next person must never see the previous person's screen.
 */
export async function signOut(): Promise<void> {
  await callClinic((api) => api.auth.signOut()); // if main cannot be reached, the refresh below says so
  resetAllStores();
  await useSessionStore.getState().refresh();
}
