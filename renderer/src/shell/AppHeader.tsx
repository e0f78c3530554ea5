import { AppShell, Button, Group, Text } from '@mantine/core';
import { useUiStore } from '../store/ui-store';
import { KeyCombo } from './KeyCombo';

/** Product name on the left; help and About on the right. Never shows a patient's name. */
export function AppHeader() {
  const openDialog = useUiStore((state) => state.openDialog);
  return (
    <AppShell.Header px="lg" className="app-header">
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Text component="span" className="app-brand">
          CareDesk
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Button variant="subtle" onClick={() => openDialog('shortcuts')} rightSection={<KeyCombo keys={['?']} size="xs" />} aria-keyshortcuts="?">
            Keyboard shortcuts
          </Button>
          <Button variant="default" onClick={() => openDialog('about')}>
            About CareDesk
          </Button>
        </Group>
      </Group>
    </AppShell.Header>
  );
}
