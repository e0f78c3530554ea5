import { useEffect } from 'react';
import { useUiStore } from '../store/ui-store';
import { lockNow, signOut } from '../session/session-store';
import { altDigit, isHelpKey, isLockKey, isSignOutKey, isTypingTarget } from './keyboard';
import { screenForShortcutDigit } from './screens';
import { usePatientSearchShortcut } from '../features/patients/use-patient-search-shortcut';

/**
 * App-wide keys: Alt+N goes to the Nth screen, "?" opens the shortcut list, Ctrl+Shift+K locks, Ctrl+Shift+L signs out.
 * While a dialog is open it owns the keyboard (it is modal), except for locking and signing out, which work from
 * anywhere: someone leaving the desk in a hurry must not have to close a dialog first. Escape is handled by the dialog itself.
 */
export function useGlobalShortcuts(): void {
  usePatientSearchShortcut(); // Ctrl+K and "/": the patient search (its own listener, in the Patients feature)
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      if (isLockKey(event)) {
        event.preventDefault();
        void lockNow();
        return;
      }
      if (isSignOutKey(event)) {
        event.preventDefault();
        void signOut();
        return;
      }
      const ui = useUiStore.getState();
      if (ui.dialog !== null) return;
      const digit = altDigit(event);
      const screen = digit === null ? undefined : screenForShortcutDigit(digit);
      if (screen) {
        event.preventDefault();
        ui.navigate(screen.id);
        return;
      }
      if (isHelpKey(event) && !isTypingTarget(event.target)) {
        event.preventDefault();
        ui.openDialog('shortcuts');
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
