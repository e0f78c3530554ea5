import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { AppointmentTypeView, SetupView } from '../../../../../shared/contract/scheduling';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { TableHeader } from '../../../components/TableHeader';
import { useAdminDialog } from '../use-admin-dialog';
import { colorName, unusedColor } from './palette';
import { byActiveThenName, useSetupStore } from './setup-store';
import { ActiveStatus, SwatchName } from './SetupCells';
import { TypeDialog } from './TypeDialog';
import { WithSetup } from './WithSetup';

type TypeDialogState = { kind: 'add' } | { kind: 'edit'; type: AppointmentTypeView };

/** Appointment types: what can be booked, for how long, and with whom. */
export function TypesTab() {
  return <WithSetup>{(setup) => <TypesPanel setup={setup} />}</WithSetup>;
}

function minutes(value: number): string {
  return value === 0 ? 'None' : `${value} min`;
}

function TypesPanel({ setup }: { setup: SetupView }) {
  const typeSaved = useSetupStore((state) => state.typeSaved);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { dialog, open, close } = useAdminDialog<TypeDialogState>();
  const types = byActiveThenName(setup.types);
  const providerNames = new Map(setup.providers.map((provider) => [provider.id, provider.name]));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Text maw={680}>What the desk books. The length fills the booking; the buffer after keeps the provider free for a few minutes; only the providers listed can be booked for it.</Text>
        <Button onClick={() => open({ kind: 'add' })}>Add appointment type</Button>
      </Group>
      <ActionNotice notice={notice} onClose={() => setNotice(null)} />
      {types.length === 0 ? (
        <Text>No appointment types yet.</Text>
      ) : (
        <Table striped verticalSpacing="sm" className="setup-table" aria-label="Appointment types">
          <TableHeader columns={['Type', 'Length', 'Buffer after', 'Where', 'Providers', 'Status']} actions />
          <Table.Tbody>
            {types.map((type) => {
              const names = type.providerIds.map((id) => providerNames.get(id)).filter((name): name is string => name !== undefined);
              return (
                <Table.Tr key={type.id}>
                  <Table.Th scope="row">
                    <SwatchName color={type.color} name={type.name} detail={colorName(type.color)} />
                  </Table.Th>
                  <Table.Td className="setup-nowrap">{minutes(type.durationMinutes)}</Table.Td>
                  <Table.Td className="setup-nowrap">{minutes(type.bufferAfterMinutes)}</Table.Td>
                  <Table.Td>{type.mode === 'telehealth' ? 'Telehealth' : type.needsRoom ? 'In person, needs a room' : 'In person'}</Table.Td>
                  <Table.Td>{names.length > 0 ? names.join(', ') : <Text span fw={600} c="red.9">Nobody yet: cannot be booked</Text>}</Table.Td>
                  <Table.Td>
                    <ActiveStatus active={type.active} activeLabel="Bookable" inactiveLabel="Not bookable" />
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end">
                      <Button variant="default" size="sm" onClick={() => open({ kind: 'edit', type })}>
                        Edit<VisuallyHidden> {type.name}</VisuallyHidden>
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {dialog && (
        <TypeDialog
          type={dialog.kind === 'edit' ? dialog.type : null}
          providers={byActiveThenName(setup.providers)}
          suggestedColor={unusedColor(setup.types.map((type) => type.color))}
          onClose={close}
          onSaved={(type, added) => {
            typeSaved(type);
            close();
            setNotice((previous) =>
              nextNotice(previous, { tone: 'success', title: added ? `${type.name} was added` : 'Changes saved', message: added ? `${type.name} can now be booked with the providers chosen.` : `${type.name} was updated.` }),
            );
          }}
        />
      )}
    </Stack>
  );
}
