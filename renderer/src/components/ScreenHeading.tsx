import { Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { useUiStore } from '../store/ui-store';

export const SCREEN_HEADING_ID = 'screen-heading';

/**
 * The one h1 of the current screen. It takes focus whenever the user navigates, so a keyboard or
 * screen-reader user starts reading the new screen from its top instead of staying in the menu.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const focusRequest = useUiStore((state) => state.headingFocusRequest);
  useEffect(() => {
    if (focusRequest > 0) ref.current?.focus();
  }, [focusRequest]);
  return (
    <Title order={1} id={SCREEN_HEADING_ID} ref={ref} tabIndex={-1} className="screen-heading">
      {children}
    </Title>
  );
}
