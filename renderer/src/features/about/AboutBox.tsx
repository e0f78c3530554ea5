import { Button, Group, Modal, Text } from '@mantine/core';
import { useUiStore } from '../../store/ui-store';
import { AboutDetails } from './AboutDetails';

/** Version and database facts for a support call. Contains no patient data. */
export function AboutBox() {
  const opened = useUiStore((state) => state.dialog === 'about');
  const closeDialog = useUiStore((state) => state.closeDialog);
  return (
    <Modal opened={opened} onClose={closeDialog} title="About CareDesk" size="lg" returnFocus={false}>
      <Text mb="lg">Front-office software for your clinic. If support staff ask, read them these details.</Text>
      {/* The Modal mounts its content only while open, so each opening reads fresh figures. */}
      <AboutDetails />
      {/* A plain Close button as well as the corner ×: easier to find for someone not used to dialogs. */}
      <Group justify="flex-end" mt="xl">
        <Button onClick={closeDialog}>Close</Button>
      </Group>
    </Modal>
  );
}
