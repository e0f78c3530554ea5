import { Button, Group, Modal, Text } from '@mantine/core';

interface CancelSetupDialogProps {
  opened: boolean;
  /** True once a recovery code has been shown: its copies become useless. */
  codeWasShown: boolean;
  onKeepGoing: () => void;
  onCancelSetup: () => void;
}

/** Asks before throwing away what was typed (and the recovery code that may already be on paper). */
export function CancelSetupDialog({ opened, codeWasShown, onKeepGoing, onCancelSetup }: CancelSetupDialogProps) {
  return (
    <Modal opened={opened} onClose={onKeepGoing} title="Cancel the setup?" size="md" returnFocus={false}>
      <Text>Everything typed so far is cleared, and nothing is saved. You can start again straight away.</Text>
      {codeWasShown && (
        <Text mt="sm" fw={600}>
          The recovery code shown in this setup will not work. Throw away any copy or printout of it.
        </Text>
      )}
      <Group justify="flex-end" mt="xl" gap="sm">
        <Button variant="default" onClick={onKeepGoing} data-autofocus>
          Keep setting up
        </Button>
        <Button color="red.8" onClick={onCancelSetup}>
          Cancel setup
        </Button>
      </Group>
    </Modal>
  );
}
