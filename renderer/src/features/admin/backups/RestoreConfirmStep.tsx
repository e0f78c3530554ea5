import { Button, Checkbox, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../clinic-time';
import { fileNameOf } from './backup-words';

interface RestoreConfirmStepProps {
  file: string;
  /** When the backup was made, if the list told us. */
  createdAt: number | null;
  timeZone: string;
  onBack(): void;
  onConfirm(): void;
}

/** Step 2: what a restore does, said plainly, and a box to tick before the red button works. */
export function RestoreConfirmStep({ file, createdAt, timeZone, onBack, onConfirm }: RestoreConfirmStepProps) {
  const [understood, setUnderstood] = useState(false);
  const made = createdAt !== null ? `made ${formatDateTime(createdAt, timeZone)}` : 'you chose';
  return (
    <Stack gap="md">
      <Text fw={600}>
        CareDesk will replace this clinic’s data with the backup {made} ({fileNameOf(file)}).
      </Text>
      <List spacing="xs">
        <List.Item>Everything entered after that backup was made is lost: appointments, patients, forms and notes.</List.Item>
        <List.Item>Everyone signed in on this computer is signed out, you included, and must sign in again.</List.Item>
        <List.Item>The backup is checked first. If it is damaged or the wrong one, nothing changes.</List.Item>
      </List>
      <Checkbox
        checked={understood}
        onChange={(event) => setUnderstood(event.currentTarget.checked)}
        label="I understand that everything entered since this backup will be lost"
        size="md"
        data-autofocus
      />
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onBack}>
          Back
        </Button>
        <Button color="red.9" disabled={!understood} onClick={onConfirm}>
          Restore and sign everyone out
        </Button>
      </Group>
    </Stack>
  );
}
