import { AppShell, NavLink, Text } from '@mantine/core';
import { useUiStore } from '../store/ui-store';
import { altKeyLabel } from './keyboard';
import { SCREENS } from './screens';

/** The left menu: one button per screen, with its Alt+N shortcut shown beside the label. */
export function MainNav() {
  const current = useUiStore((state) => state.screen);
  const navigate = useUiStore((state) => state.navigate);
  const alt = altKeyLabel();
  return (
    <AppShell.Navbar p="sm" aria-label="Main">
      {SCREENS.map((screen) => (
        <NavLink
          key={screen.id}
          component="button"
          type="button"
          label={screen.label}
          active={screen.id === current}
          aria-current={screen.id === current ? 'page' : undefined}
          aria-keyshortcuts={`Alt+${screen.shortcutDigit}`}
          // The shortcut text is a visual hint; screen readers get aria-keyshortcuts instead of "Alt plus 1" in every name.
          rightSection={
            <Text span size="sm" c="dimmed" aria-hidden="true" className="nav-shortcut">
              {alt}+{screen.shortcutDigit}
            </Text>
          }
          onClick={() => navigate(screen.id)}
          className="main-nav-link"
        />
      ))}
    </AppShell.Navbar>
  );
}
