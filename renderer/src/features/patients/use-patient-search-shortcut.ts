import { useEffect } from 'react';
import { isTypingTarget } from '../../shell/keyboard';
import { useUiStore } from '../../store/ui-store';
import { openPatientSearch } from './patients-store';

function isMac(): boolean {
  return /Mac/i.test(navigator.platform);
}

/**
 * Ctrl+K (⌘K on a Mac) from anywhere, even from a field; "/" when not typing. By physical key for Ctrl+K, so it works
 * on any layout; Ctrl+Shift+K stays the lock key.
 */
export function isPatientSearchKey(event: KeyboardEvent): boolean {
  const command = isMac() ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (command && !event.shiftKey && !event.altKey && event.code === 'KeyK') return true;
  return event.key === '/' && !event.ctrlKey && !event.altKey && !event.metaKey && !isTypingTarget(event.target);
}

/** The search keys as drawn on keycaps, and as aria-keyshortcuts names them. */
export function patientSearchKeys(): { caps: readonly string[]; aria: string } {
  return isMac() ? { caps: ['⌘', 'K'], aria: 'Meta+K /' } : { caps: ['Ctrl', 'K'], aria: 'Control+K /' };
}

/**
 * The patient search, one key away from every signed-in screen: goes to Patients and puts the cursor in the search
 * box. An open dialog keeps the keyboard (it is modal), as with the other app-wide keys.
 */
export function usePatientSearchShortcut(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing || !isPatientSearchKey(event)) return;
      if (useUiStore.getState().dialog !== null || document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      openPatientSearch();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
