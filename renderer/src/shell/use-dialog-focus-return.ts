import { useEffect } from 'react';
import { useUiStore } from '../store/ui-store';

/**
 * Puts focus back where it was before a dialog opened, once the last dialog closes.
 * Done here rather than by each Modal because one dialog can open another (shortcuts → About):
 * the control that opened the first one is what the user expects to return to. If that control is
 * gone, focus goes to the screen heading rather than being lost on the page body.
 */
export function useDialogFocusReturn(): void {
  useEffect(() => {
    let opener: HTMLElement | null = null;
    let timer: number | undefined;
    const unsubscribe = useUiStore.subscribe((state, previous) => {
      if (previous.dialog === null && state.dialog !== null) {
        const active = document.activeElement;
        opener = active instanceof HTMLElement && active !== document.body ? active : null;
      } else if (previous.dialog !== null && state.dialog === null) {
        const target = opener;
        opener = null;
        // Let the dialog release its focus trap first (Mantine returns focus the same way).
        timer = window.setTimeout(() => {
          const active = document.activeElement;
          const focusIsLost = active === null || active === document.body || !active.isConnected || active.closest('[role="dialog"]') !== null;
          if (!focusIsLost) return;
          if (target?.isConnected) target.focus();
          else useUiStore.getState().focusScreenHeading();
        }, 10);
      }
    });
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
    };
  }, []);
}
