import { AppShell } from '@mantine/core';
import { DraftsNotKeptNotice } from '../forms/DraftsNotKeptNotice';
import { useUiStore } from '../store/ui-store';
import { KeychainBanner } from './KeychainBanner';
import { screenEntry } from './screens';

/**
 * The main landmark, holding whichever screen the menu selected (under the keychain warning, and the note of forms not
 * kept at the last lock, when there are).
 */
export function CurrentScreen() {
  const screen = useUiStore((state) => state.screen);
  const { Component } = screenEntry(screen);
  return (
    <AppShell.Main className="app-main">
      <KeychainBanner />
      <DraftsNotKeptNotice />
      {/* key: a fresh mount per screen, so no state leaks from one screen into the next */}
      <Component key={screen} />
    </AppShell.Main>
  );
}
