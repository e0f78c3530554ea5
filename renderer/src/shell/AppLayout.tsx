import { AppShell } from '@mantine/core';
import { AboutBox } from '../features/about/AboutBox';
import { AppHeader } from './AppHeader';
import { CurrentScreen } from './CurrentScreen';
import { MainNav } from './MainNav';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { SkipLink } from './SkipLink';
import { useDialogFocusReturn } from './use-dialog-focus-return';
import { useGlobalShortcuts } from './use-global-shortcuts';

/** Header, left menu and the current screen; the app-wide dialogs sit beside them. */
export function AppLayout() {
  useGlobalShortcuts();
  useDialogFocusReturn();
  return (
    <>
      <SkipLink />
      <AppShell header={{ height: 64 }} navbar={{ width: 250, breakpoint: 0 }} padding="xl">
        <AppHeader />
        <MainNav />
        <CurrentScreen />
      </AppShell>
      <ShortcutsOverlay />
      <AboutBox />
    </>
  );
}
