import { Modal, Tabs, Text } from '@mantine/core';
import { ROLE_LABELS } from '../../../../shared/roles';
import { useSessionStore } from '../../session/session-store';
import { useUiStore } from '../../store/ui-store';
import { ChangeMyPasswordForm } from './ChangeMyPasswordForm';
import { QuickUnlockPinForm } from './QuickUnlockPinForm';

/** The signed-in person's own settings: their password and their quick-unlock PIN. Opened from "My account" in the header. */
export function MyAccountDialog() {
  const opened = useUiStore((state) => state.dialog === 'my-account');
  const closeDialog = useUiStore((state) => state.closeDialog);
  const user = useSessionStore((state) => (state.view.kind === 'ready' ? state.view.state.user : null));
  return (
    <Modal opened={opened && user !== null} onClose={closeDialog} title="My account" size={600} returnFocus={false}>
      {user && (
        <>
          <Text mb="md">
            Signed in as <strong>{user.displayName}</strong> ({ROLE_LABELS[user.role]}), with the username <strong>{user.username}</strong>.
          </Text>
          {/* keepMounted off: what was typed on one tab is gone when the other one is chosen. */}
          <Tabs defaultValue="password" keepMounted={false}>
            <Tabs.List aria-label="My account">
              <Tabs.Tab value="password">Password</Tabs.Tab>
              <Tabs.Tab value="pin">Quick-unlock PIN</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="password" pt="lg">
              <ChangeMyPasswordForm displayName={user.displayName} />
            </Tabs.Panel>
            <Tabs.Panel value="pin" pt="lg">
              <QuickUnlockPinForm />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </Modal>
  );
}
