import { useEffect } from 'react';
import { useUiStore } from '../store/ui-store';
import { altDigit, isHelpKey, isTypingTarget } from './keyboard';
import { screenForShortcutDigit } from './screens';

/**
 * App-wide keys: Alt+N goes to the Nth screen, "?" opens the shortcut list.
 * While a dialog is open it owns the keyboard (it is modal); Escape is handled by the dialog itself.
 */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
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
