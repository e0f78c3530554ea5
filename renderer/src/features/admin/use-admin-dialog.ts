import { useCallback, useRef, useState } from 'react';

/**
 * Which dialog of a tab is open, and where keyboard focus goes when it closes: back to the button that opened it
 * (cancel), or to a notice (after a change that removed or renamed that button). Dialogs here are mounted only
 * while open, so focus is returned here rather than by Mantine.
 */
export function useAdminDialog<D>() {
  const [dialog, setDialog] = useState<D | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  const open = useCallback((next: D) => {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setDialog(next);
  }, []);

  /** Closes the dialog; focus returns to its opener unless `focusElsewhere` (a notice will take it). */
  const close = useCallback((options: { focusElsewhere?: boolean } = {}) => {
    setDialog(null);
    const target = opener.current;
    opener.current = null;
    if (options.focusElsewhere) return;
    window.setTimeout(() => {
      if (target?.isConnected) target.focus();
    }, 0);
  }, []);

  return { dialog, open, close };
}
