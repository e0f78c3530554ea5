import { Button, Group, List, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { StaffMember } from '../../../../../shared/contract/staff';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { adminCall } from '../admin-call';

interface DeactivateDialogProps {
  member: StaffMember;
  onClose(): void;
  onDeactivated(member: StaffMember): void;
}

/** Asks first: what deactivating does, and that nothing is deleted. Main's refusal (self, last administrator) shows here. */
export function DeactivateDialog({ member, onClose, onDeactivated }: DeactivateDialogProps) {
  const [failure, setFailure] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  async function deactivate() {
    setBusy(true);
    const result = await adminCall((api) => api.staff.deactivate({ id: member.id }));
    setBusy(false);
    if (result.ok) {
      onDeactivated(result.value);
      return;
    }
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: `${member.fullName} was not deactivated`, message: result.error.message, focus: true }));
  }

  return (
    <Modal opened onClose={onClose} title={`Deactivate ${member.fullName}?`} size="lg" returnFocus={false}>
      <Stack gap="md">
        <List spacing="xs">
          <List.Item>{member.fullName} can no longer sign in, and is signed out now if they are signed in.</List.Item>
          <List.Item>
            Nothing is deleted: their name stays in the audit trail next to everything they did, and you can re-activate the account
            later.
          </List.Item>
        </List>
        <ActionNotice notice={failure} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" onClick={() => void deactivate()} loading={busy}>
            Deactivate {member.fullName}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
