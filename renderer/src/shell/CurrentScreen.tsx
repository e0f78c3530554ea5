import { AppShell } from '@mantine/core';
import { useUiStore } from '../store/ui-store';
import { screenEntry } from './screens';

/** The main landmark, holding whichever screen the menu selected. */
export function CurrentScreen() {
  const screen = useUiStore((state) => state.screen);
  const { Component } = screenEntry(screen);
  return (
    <AppShell.Main className="app-main">
      {/* key: a fresh mount per screen, so no state leaks from one screen into the next */}
      <Component key={screen} />
    </AppShell.Main>
  );
}
