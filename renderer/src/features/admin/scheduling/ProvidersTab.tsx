import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { ProviderView, SetupView } from '../../../../../shared/contract/scheduling';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { TableHeader } from '../../../components/TableHeader';
import { useAdminDialog } from '../use-admin-dialog';
import { hoursSummary } from './hours-editor';
import { colorName, unusedColor } from './palette';
import { ProviderDialog } from './ProviderDialog';
import { byActiveThenName, useSetupStore } from './setup-store';
import { ActiveStatus, SwatchName } from './SetupCells';
import { WithSetup } from './WithSetup';
import { WorkingHoursDialog } from './WorkingHoursDialog';

type ProviderDialogState = { kind: 'add' } | { kind: 'edit'; provider: ProviderView } | { kind: 'hours'; provider: ProviderView };

/** Providers & hours: who can be booked, their colors, and their weekly working hours. */
export function ProvidersTab() {
  return <WithSetup>{(setup) => <ProvidersPanel setup={setup} />}</WithSetup>;
}

function ProvidersPanel({ setup }: { setup: SetupView }) {
  const providerSaved = useSetupStore((state) => state.providerSaved);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { dialog, open, close } = useAdminDialog<ProviderDialogState>();
  const providers = byActiveThenName(setup.providers);
  const typeNames = new Map(setup.types.map((type) => [type.id, type.name]));

  function saved(provider: ProviderView, title: string, message: string) {
    providerSaved(provider);
    // The row's buttons stay, so focus goes back to the one that opened the dialog; the notice is announced.
    close();
    setNotice((previous) => nextNotice(previous, { tone: 'success', title, message }));
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Text maw={680}>
          The people patients book with. Each has a color in the book and weekly working hours; the book refuses appointments outside them unless an administrator or care
          coordinator overrides.
        </Text>
        <Button onClick={() => open({ kind: 'add' })}>Add provider</Button>
      </Group>
      <ActionNotice notice={notice} onClose={() => setNotice(null)} />
      {providers.length === 0 ? (
        <Text>No providers yet. Add the first one to start booking.</Text>
      ) : (
        <Table striped verticalSpacing="sm" className="setup-table" aria-label="Providers">
          <TableHeader columns={['Provider', 'NPI', 'Working hours', 'Offers', 'Status']} actions />
          <Table.Tbody>
            {providers.map((provider) => {
              const offers = provider.typeIds.map((id) => typeNames.get(id)).filter((name): name is string => name !== undefined);
              return (
                <Table.Tr key={provider.id} data-provider-id={provider.id}>
                  <Table.Th scope="row">
                    <SwatchName color={provider.color} name={provider.name} detail={[provider.credentials, colorName(provider.color)].filter(Boolean).join(' · ')} />
                  </Table.Th>
                  <Table.Td className="setup-nowrap">{provider.npi ?? '—'}</Table.Td>
                  <Table.Td>{hoursSummary(provider.hours)}</Table.Td>
                  <Table.Td>{offers.length > 0 ? offers.join(', ') : <Text c="dimmed" span>None yet</Text>}</Table.Td>
                  <Table.Td>
                    <ActiveStatus active={provider.active} activeLabel="Active" inactiveLabel="Inactive" />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap" justify="flex-end">
                      <Button variant="default" size="sm" onClick={() => open({ kind: 'hours', provider })}>
                        Working hours<VisuallyHidden> of {provider.name}</VisuallyHidden>
                      </Button>
                      <Button variant="default" size="sm" onClick={() => open({ kind: 'edit', provider })}>
                        Edit<VisuallyHidden> {provider.name}</VisuallyHidden>
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <ProviderDialog
          provider={dialog.kind === 'edit' ? dialog.provider : null}
          suggestedColor={unusedColor(setup.providers.map((provider) => provider.color))}
          onClose={close}
          onSaved={(provider, added) =>
            saved(
              provider,
              added ? `${provider.name} was added` : 'Changes saved',
              added ? `Now set ${provider.name}’s working hours, so the book knows when they can be booked.` : `${provider.name} was updated.`,
            )
          }
        />
      )}
      {dialog?.kind === 'hours' && (
        <WorkingHoursDialog
          provider={dialog.provider}
          onClose={close}
          onSaved={(provider) => saved(provider, 'Working hours saved', `${provider.name}: ${hoursSummary(provider.hours)}.`)}
        />
      )}
    </Stack>
  );
}
