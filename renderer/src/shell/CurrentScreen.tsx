import { AppShell } from '@mantine/core';
import { useUiStore } from '../store/ui-store';
import { KeychainBanner } from './KeychainBanner';
import { screenEntry } from './screens';

/** The main landmark, holding whichever screen the menu selected (under the keychain warning, when there is one). */
export function CurrentScreen() {
  const screen = useUiStore((state) => state.screen);
  const { Component } = screenEntry(screen);
  return (
    <AppShell.Main className="app-main">
      <KeychainBanner />
      {/* key: a fresh mount per screen, so no state leaks from one screen into the next */}
      <Component key={screen} />
    </AppShell.Main>
  );
}
