import type { SessionState } from '../../../shared/contract/auth';
import { LOCK_MINUTES, type ClinicSettings } from '../../../shared/contract/settings';
import { callClinic } from '../api/clinic';
import { saveAllDrafts } from '../forms/form-drafts';
import { createResettableStore, resetAllStores } from '../store/reset-registry';
import { useUiStore, type ScreenId } from '../store/ui-store';

/** What the app knows about who is at the desk: still asking main, main's answer, or why there is none. */
export type SessionView = { kind: 'loading' } | { kind: 'ready'; state: SessionState } | { kind: 'unreachable'; message: string };

interface SessionStoreState {
  view: SessionView;
  /** The clinic's name for the header (settings:get), once someone is signed in; null before, or if it could not be read. */
  clinicName: string | null;
  /** Idle minutes before the window locks itself (settings:get); the clinic default until main has said. */
  lockAfterMinutes: number;
  /** Why the last session ended without the person choosing it (too many wrong PINs); shown above the sign-in form. */
  signedOutNotice: string | null;
  /**
   * Draft keys of the signed-in person's forms whose unsaved values could not be kept when the window last locked
   * (shown above every screen until they dismiss it), or null.
   */
  draftsNotKept: string[] | null;
  dismissDraftsNotKept(): void;
  /** Asks main who is signed in (or whether the clinic needs setting up) and shows the matching screen. */
  refresh(): Promise<void>;
  /** After an administrator saved the clinic settings: the header and the idle timer follow at once. */
  settingsChanged(settings: ClinicSettings): void;
}

const UNREACHABLE =
  'CareDesk could not reach its data service, so it cannot tell whether you are signed in. Try again; if this keeps happening, restart CareDesk.';

export const useSessionStore = createResettableStore<SessionStoreState>((set, get) => ({
  view: { kind: 'loading' },
  clinicName: null,
  lockAfterMinutes: LOCK_MINUTES.default,
  signedOutNotice: null,
  draftsNotKept: null,
  dismissDraftsNotKept: () => set({ draftsNotKept: null }),
  async refresh() {
    const result = await callClinic((api) => api.session.state());
    if (!result.ok) {
      set({ view: { kind: 'unreachable', message: result.error.code === 'INTERNAL' ? UNREACHABLE : result.error.message }, clinicName: null });
      return;
    }
    const state = result.value;
    const before = get().view;
    const wasSignedIn = before.kind === 'ready' && before.state.phase === 'signed-in' ? before.state.user : null;
    // Locked, signed out or replaced behind this window's back (main answered LOCKED or UNAUTHENTICATED to a screen):
    // whatever the stores held for that person goes, as it does when this window locks or signs out itself.
    // By username: two staff members may share a name.
    if (wasSignedIn && (state.phase !== 'signed-in' || state.user?.username !== wasSignedIn.username)) resetAllStores();
    if (state.phase === 'signed-out' || state.phase === 'needs-setup') lockedOn = null;
    set({ view: { kind: 'ready', state } });
    if (state.phase !== 'signed-out') set({ signedOutNotice: null });
    // The clinic's settings are for signed-in staff who are past "choose a new password".
    if (state.phase === 'signed-in' && state.user && !state.user.mustChangePassword) {
      const settings = await callClinic((api) => api.settings.get());
      if (settings.ok) get().settingsChanged(settings.value);
      else set({ clinicName: null });
    } else {
      set({ clinicName: null });
    }
  },
  settingsChanged(settings) {
    set({ clinicName: settings.clinicName.length > 0 ? settings.clinicName : null, lockAfterMinutes: settings.lockAfterMinutes });
  },
}));

/**
 * Kept outside the stores because they must outlive the lock's reset. The screen the owner was on when the window
 * locked: they come back to it, anybody else starts on the Schedule.
 */
let lockedOn: { screen: ScreenId; username: string; role: string } | null = null;
/**
 * Forms whose unsaved values could not be kept as drafts at a lock, and whose they were: told to that person (only)
 * when they are next signed in on this window, by unlocking or by signing in again.
 */
let draftsLost: { username: string; formKeys: string[] } | null = null;

function noteDraftsNotKept(username: string, formKeys: readonly string[]): void {
  if (formKeys.length === 0) return;
  const earlier = draftsLost?.username === username ? draftsLost.formKeys : [];
  draftsLost = { username, formKeys: [...new Set([...earlier, ...formKeys])] };
}

/** Whether some of this person's unsaved forms could not be kept when the window locked (they are told on their return). */
export function draftsWereLost(username: string | undefined): boolean {
  return username !== undefined && draftsLost?.username === username;
}

/**
 * After a successful sign-in, recovery, setup, unlock or password change: read the new session from main, and put
 * keyboard focus on the first screen's heading (the button that was pressed is gone). The owner coming back from
 * the lock screen returns to the screen they left; anybody else starts on the Schedule. Forms of theirs that could
 * not be kept at the lock are named above the screen.
 */
export async function enterSignedIn(): Promise<void> {
  const before = lockedOn;
  lockedOn = null;
  await useSessionStore.getState().refresh();
  const view = useSessionStore.getState().view;
  const user = view.kind === 'ready' && view.state.phase === 'signed-in' ? view.state.user : null;
  if (user && draftsLost?.username === user.username) {
    useSessionStore.setState({ draftsNotKept: draftsLost.formKeys });
    draftsLost = null;
  }
  const ui = useUiStore.getState();
  if (user && before && before.username === user.username && before.role === user.role) ui.navigate(before.screen);
  else ui.focusScreenHeading();
}

/**
 * Ends the session in main, then forgets everything this window held for the user (every store goes back
 * to its first state), then shows the sign-in screen. The stores are cleared even if main could not be
 * reached: the next person must never see the previous person's screen.
 */
export async function signOut(): Promise<void> {
  await callClinic((api) => api.auth.signOut()); // if main cannot be reached, the refresh below says so
  lockedOn = null;
  resetAllStores();
  await useSessionStore.getState().refresh();
}

/** After main ended the session itself (five wrong PINs): the sign-in screen says why. */
export async function sessionEnded(notice: string): Promise<void> {
  lockedOn = null;
  resetAllStores();
  await useSessionStore.getState().refresh();
  useSessionStore.setState({ signedOutNotice: notice });
}

let locking: Promise<void> | null = null;

/**
 * Locks the window (button, Ctrl+Shift+K, or the idle timer): every open form's unsaved values are kept as drafts
 * first, main locks the session, then every store is cleared, so the signed-in screens, their dialogs and anything
 * they held are gone; only the lock screen is left, with the owner's name. If main could not lock, the window signs
 * out instead: an unlocked screen must never stay up when someone asked for it to be hidden. A form whose values
 * could not be kept still goes (the lock must happen), but its owner is told which one when they are back.
 */
export function lockNow(): Promise<void> {
  locking ??= (async () => {
    try {
      const view = useSessionStore.getState().view;
      const user = view.kind === 'ready' && view.state.phase === 'signed-in' ? view.state.user : null;
      if (!user) return;
      const screen = useUiStore.getState().screen;
      noteDraftsNotKept(user.username, await saveAllDrafts());
      const locked = await callClinic((api) => api.lock.now());
      const state = await callClinic((api) => api.session.state());
      if (locked.ok && state.ok && state.value.phase === 'locked') {
        resetAllStores();
        lockedOn = { screen, username: user.username, role: user.role };
        useSessionStore.setState({ view: { kind: 'ready', state: state.value } });
        return;
      }
      if (state.ok && state.value.phase === 'signed-in') {
        await signOut();
        return;
      }
      resetAllStores();
      await useSessionStore.getState().refresh();
    } finally {
      locking = null;
    }
  })();
  return locking;
}
