import { useCallback, useRef } from 'react';

/**
 * The dialogs here are mounted only while open, with Mantine's own focus return off: after a save, focus goes to the
 * notice saying what happened; after Cancel or Escape, back to the button that opened the dialog.
 */
export function useOpenerFocus() {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, []);
  const restore = useCallback(() => {
    const target = opener.current;
    opener.current = null;
    window.setTimeout(() => {
      if (target?.isConnected) target.focus();
    }, 0);
  }, []);
  return { remember, restore };
}
