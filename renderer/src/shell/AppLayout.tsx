import { AppShell } from '@mantine/core';
import { AboutBox } from '../features/about/AboutBox';
import { MyAccountDialog } from '../features/account/MyAccountDialog';
import { lockNow, useSessionStore } from '../session/session-store';
import { useIdleTimer } from '../session/use-idle-timer';
import { AppHeader } from './AppHeader';
import { CurrentScreen } from './CurrentScreen';
import { MainNav } from './MainNav';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { SkipLink } from './SkipLink';
import { useDialogFocusReturn } from './use-dialog-focus-return';
import { useGlobalShortcuts } from './use-global-shortcuts';

/**
 * Header, left menu and the current screen; the app-wide dialogs sit beside them. Everything here is unmounted
 * when the window locks or signs out. Left alone for the clinic's idle minutes, the window locks itself.
 */
export function AppLayout() {
  useGlobalShortcuts();
  useDialogFocusReturn();
  const lockAfterMinutes = useSessionStore((state) => state.lockAfterMinutes);
  useIdleTimer(lockAfterMinutes, lockWhenIdle);
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
      <MyAccountDialog />
    </>
  );
}

function lockWhenIdle(): void {
  void lockNow();
}
