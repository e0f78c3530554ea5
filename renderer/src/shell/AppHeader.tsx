import { AppShell, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { ROLE_LABELS } from '../../../shared/roles';
import { lockNow, signOut, useSessionStore } from '../session/session-store';
import { useUiStore } from '../store/ui-store';
import { KeyCombo } from './KeyCombo';
import { lockKeys, signOutKeys } from './keyboard';

/**
 * Product and clinic on the left; who is signed in, My account, help, About, Lock and Sign out on the right.
 * Staff names only, never a patient's name.
 */
export function AppHeader() {
  const openDialog = useUiStore((state) => state.openDialog);
  const user = useSessionStore((state) => (state.view.kind === 'ready' ? state.view.state.user : null));
  const clinicName = useSessionStore((state) => state.clinicName);
  const keys = signOutKeys();
  const lock = lockKeys();
  return (
    <AppShell.Header px="lg" className="app-header">
      <Group h="100%" justify="space-between" wrap="nowrap" gap="lg">
        <Group gap="md" wrap="nowrap" className="app-identity">
          <Text component="span" className="app-brand">
            CareDesk
          </Text>
          {clinicName && (
            <Text component="span" className="app-clinic-name">
              {clinicName}
            </Text>
          )}
        </Group>
        <Group gap="sm" wrap="nowrap">
          {user && (
            <Stack gap={0} className="signed-in-user">
              <Text component="span" fw={600} className="signed-in-name">
                <VisuallyHidden>Signed in: </VisuallyHidden>
                {user.displayName}
              </Text>
              <Text component="span" size="sm" c="dimmed" className="signed-in-role">
                {ROLE_LABELS[user.role]}
              </Text>
            </Stack>
          )}
          {user && (
            <Button variant="default" onClick={() => openDialog('my-account')} aria-haspopup="dialog">
              My account
            </Button>
          )}
          <Button variant="subtle" onClick={() => openDialog('shortcuts')} rightSection={<KeyCombo keys={['?']} size="xs" />} aria-keyshortcuts="?">
            Keyboard shortcuts
          </Button>
          <Button variant="default" onClick={() => openDialog('about')}>
            About CareDesk
          </Button>
          <Button variant="filled" onClick={() => void lockNow()} aria-keyshortcuts={lock.aria} title={`Lock the screen, keeping your work (${lock.caps.join('+')})`}>
            Lock
          </Button>
          <Button variant="outline" onClick={() => void signOut()} aria-keyshortcuts={keys.aria} title={`Sign out (${keys.caps.join('+')})`}>
            Sign out
          </Button>
        </Group>
      </Group>
    </AppShell.Header>
  );
}
