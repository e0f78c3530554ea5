import { Button, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { patientSearchKeys } from '../features/patients/use-patient-search-shortcut';
import { useUiStore } from '../store/ui-store';
import { KeyCombo } from './KeyCombo';
import { altKeyLabel, lockKeys, signOutKeys } from './keyboard';
import { SCREENS } from './screens';

/** The list of keyboard shortcuts, opened with "?". Also the way to the About box. */
export function ShortcutsOverlay() {
  const opened = useUiStore((state) => state.dialog === 'shortcuts');
  const closeDialog = useUiStore((state) => state.closeDialog);
  const openDialog = useUiStore((state) => state.openDialog);
  const alt = altKeyLabel();
  return (
    <Modal opened={opened} onClose={closeDialog} title="Keyboard shortcuts" size={860} returnFocus={false}>
      <SimpleGrid cols={2} spacing="xl">
        <ShortcutGroup title="Go to a screen">
          {SCREENS.map((screen) => (
            <ShortcutRow key={screen.id} keys={[alt, String(screen.shortcutDigit)]}>
              Go to {screen.label}
            </ShortcutRow>
          ))}
        </ShortcutGroup>
        <Stack gap="xl">
          <ShortcutGroup title="Anywhere">
            <ShortcutRow keys={['?']}>Show this list (not in a text field)</ShortcutRow>
            <ShortcutRow keys={patientSearchKeys().caps}>Find a patient (also from a field)</ShortcutRow>
            <ShortcutRow keys={['/']}>Find a patient (not in a text field)</ShortcutRow>
            <ShortcutRow keys={['Esc']}>Close this list or any dialog</ShortcutRow>
            <ShortcutRow keys={['Tab']}>Next button or field</ShortcutRow>
            <ShortcutRow keys={['Shift', 'Tab']}>Previous button or field</ShortcutRow>
            <ShortcutRow keys={lockKeys().caps}>Lock the screen, keeping your work</ShortcutRow>
            <ShortcutRow keys={signOutKeys().caps}>Sign out (also from a dialog or a field)</ShortcutRow>
          </ShortcutGroup>
          <Stack gap="xs" align="flex-start">
            <Text>Version, database and data folder details:</Text>
            <Button variant="default" onClick={() => openDialog('about')}>
              About CareDesk
            </Button>
          </Stack>
        </Stack>
      </SimpleGrid>
    </Modal>
  );
}

function ShortcutGroup({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} id={headingId} className="shortcut-group-title">
        {title}
      </Title>
      <Table verticalSpacing={6} aria-labelledby={headingId}>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </section>
  );
}

function ShortcutRow({ keys, children }: { keys: readonly string[]; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" className="shortcut-keys">
        <KeyCombo keys={keys} />
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
