import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { RoomView, SetupView } from '../../../../../shared/contract/scheduling';
import { roomFieldsSchema } from '../../../../../shared/scheduling/schemas';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { TableHeader } from '../../../components/TableHeader';
import { applyServerIssues } from '../../../forms/server-issues';
import { failureText } from '../admin-call';
import { useAdminDialog } from '../use-admin-dialog';
import { fieldsUnder } from './form-issues';
import { setupCall } from './setup-call';
import { byActiveThenName, useSetupStore } from './setup-store';
import { ActiveStatus } from './SetupCells';
import { WithSetup } from './WithSetup';

const roomNameSchema = z.object({ name: roomFieldsSchema.shape.name });
type RoomNameValues = z.input<typeof roomNameSchema>;

/** Rooms: the exam and procedure rooms types that need a room are booked into. Never deleted, only taken out of use. */
export function RoomsTab() {
  return <WithSetup>{(setup) => <RoomsPanel setup={setup} />}</WithSetup>;
}

function RoomsPanel({ setup }: { setup: SetupView }) {
  const roomSaved = useSetupStore((state) => state.roomSaved);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const { dialog, open, close } = useAdminDialog<RoomView>();
  const rooms = byActiveThenName(setup.rooms);

  const form = useForm<RoomNameValues, unknown, z.output<typeof roomNameSchema>>({ resolver: zodResolver(roomNameSchema), defaultValues: { name: '' } });
  const add = form.handleSubmit(async (values) => {
    const result = await setupCall((api) => api.saveRoom({ room: { name: values.name, active: true } }));
    if (!result.ok) {
      const unmatched = applyServerIssues(result.error.issues, form.setError, fieldsUnder<RoomNameValues>('room', ['name']));
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'Room not added', message: failureText(result.error.message, unmatched) }));
      return;
    }
    roomSaved(result.value);
    form.reset({ name: '' });
    // After the submit state settles (the button was busy and held focus), the box is ready for the next room.
    window.setTimeout(() => form.setFocus('name'), 0);
    setNotice((previous) => nextNotice(previous, { tone: 'success', title: `${result.value.name} was added`, message: 'It can now be chosen when booking a type that needs a room.' }));
  });

  async function setActive(room: RoomView, active: boolean) {
    setBusy(room.id);
    const result = await setupCall((api) => api.saveRoom({ id: room.id, room: { name: room.name, active } }));
    setBusy(null);
    if (!result.ok) {
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: `${room.name} was not changed`, message: result.error.message, focus: true }));
      return;
    }
    roomSaved(result.value);
    // The pressed button changes (Take out of use ↔ Put back in use): the notice takes focus.
    setNotice((previous) =>
      nextNotice(previous, {
        tone: 'success',
        title: active ? `${room.name} is in use again` : `${room.name} is out of use`,
        message: active ? 'It can be booked again.' : 'It can no longer be booked. Appointments already booked in it stay.',
        focus: true,
      }),
    );
  }

  return (
    <Stack gap="lg">
      <Text maw={680}>Rooms are booked with appointment types that need one, and the book never puts two appointments in the same room at once.</Text>
      <form noValidate onSubmit={add} aria-label="Add a room">
        <Group align="flex-start" gap="sm">
          <TextInput
            {...form.register('name')}
            label="New room"
            error={form.formState.errors.name?.message}
            autoComplete="off"
            w="20rem"
          />
          <Button type="submit" mt={28} loading={form.formState.isSubmitting}>
            Add room
          </Button>
        </Group>
      </form>
      <ActionNotice notice={notice} onClose={() => setNotice(null)} />
      {rooms.length === 0 ? (
        <Text>No rooms yet.</Text>
      ) : (
        <Table striped verticalSpacing="sm" className="setup-table" aria-label="Rooms" maw={820}>
          <TableHeader columns={['Room', 'Status']} actions />
          <Table.Tbody>
            {rooms.map((room) => (
              <Table.Tr key={room.id}>
                <Table.Th scope="row" fw={600}>
                  {room.name}
                </Table.Th>
                <Table.Td>
                  <ActiveStatus active={room.active} activeLabel="In use" inactiveLabel="Out of use" />
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap" justify="flex-end">
                    <Button variant="default" size="sm" onClick={() => open(room)}>
                      Rename<VisuallyHidden> {room.name}</VisuallyHidden>
                    </Button>
                    <Button variant="default" size="sm" color={room.active ? 'red.9' : undefined} loading={busy === room.id} onClick={() => void setActive(room, !room.active)}>
                      {room.active ? 'Take out of use' : 'Put back in use'}
                      <VisuallyHidden> {room.name}</VisuallyHidden>
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog && (
        <RenameRoomDialog
          room={dialog}
          onClose={close}
          onSaved={(room) => {
            roomSaved(room);
            close();
            setNotice((previous) => nextNotice(previous, { tone: 'success', title: 'Room renamed', message: `The room is now called ${room.name}.` }));
          }}
        />
      )}
    </Stack>
  );
}

function RenameRoomDialog({ room, onClose, onSaved }: { room: RoomView; onClose(): void; onSaved(room: RoomView): void }) {
  const [failure, setFailure] = useState<Notice | null>(null);
  const form = useForm<RoomNameValues, unknown, z.output<typeof roomNameSchema>>({ resolver: zodResolver(roomNameSchema), defaultValues: { name: room.name } });
  const submit = form.handleSubmit(async (values) => {
    const result = await setupCall((api) => api.saveRoom({ id: room.id, room: { name: values.name, active: room.active } }));
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, fieldsUnder<RoomNameValues>('room', ['name']));
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: 'Room not renamed', message: failureText(result.error.message, unmatched) }));
  });
  return (
    <Modal opened onClose={onClose} title={`Rename ${room.name}`} size="md" returnFocus={false} closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <ActionNotice notice={failure} />
          <TextInput {...form.register('name')} label="Room name" error={form.formState.errors.name?.message} autoComplete="off" withAsterisk data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={form.formState.isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
