import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ProviderView } from '../../../../../shared/contract/scheduling';
import { providerFieldsSchema } from '../../../../../shared/scheduling/schemas';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { applyServerIssues } from '../../../forms/server-issues';
import { failureText } from '../admin-call';
import { ColorChoice } from './ColorChoice';
import { fieldsUnder } from './form-issues';
import { setupCall } from './setup-call';

type ProviderValues = z.input<typeof providerFieldsSchema>;
const PROVIDER_FIELDS = ['name', 'credentials', 'npi', 'color', 'active'] as const;

interface ProviderDialogProps {
  /** The provider to change, or null to add one. */
  provider: ProviderView | null;
  /** For a new provider: a palette color nobody uses yet. */
  suggestedColor: string;
  onClose(): void;
  onSaved(provider: ProviderView, added: boolean): void;
}

/** Name as the book shows it, credentials, NPI (checked digit by digit, as in main), color and whether they can be booked. */
export function ProviderDialog({ provider, suggestedColor, onClose, onSaved }: ProviderDialogProps) {
  const [failure, setFailure] = useState<Notice | null>(null);
  const form = useForm<ProviderValues, unknown, z.output<typeof providerFieldsSchema>>({
    resolver: zodResolver(providerFieldsSchema),
    defaultValues: {
      name: provider?.name ?? '',
      credentials: provider?.credentials ?? '',
      npi: provider?.npi ?? '',
      color: provider?.color ?? suggestedColor,
      active: provider?.active ?? true,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const result = await setupCall((api) => api.saveProvider(provider ? { id: provider.id, provider: values } : { provider: values }));
    if (result.ok) {
      onSaved(result.value, provider === null);
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, fieldsUnder<ProviderValues>('provider', PROVIDER_FIELDS));
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: provider ? 'Changes not saved' : 'Provider not added', message: failureText(result.error.message, unmatched) }));
  });

  return (
    <Modal opened onClose={onClose} title={provider ? `Edit ${provider.name}` : 'Add provider'} size="xl" returnFocus={false} closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <ActionNotice notice={failure} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              {...form.register('name')}
              label="Name"
              description="As the book shows it, such as Dr. Lee."
              error={errors.name?.message}
              autoComplete="off"
              withAsterisk
              data-autofocus
            />
            <TextInput {...form.register('credentials')} label="Credentials" description="Optional, such as MD, NP or PA-C." error={errors.credentials?.message} autoComplete="off" />
          </SimpleGrid>
          <TextInput
            {...form.register('npi')}
            label="NPI"
            description="Optional: the provider’s 10-digit National Provider Identifier."
            error={errors.npi?.message}
            autoComplete="off"
            inputMode="numeric"
            maw="22rem"
          />
          <Controller
            control={form.control}
            name="color"
            render={({ field }) => (
              <ColorChoice label="Color in the book" description="Each provider’s column and name in the book carry this color." value={field.value} onChange={field.onChange} error={errors.color?.message} />
            )}
          />
          <Checkbox {...form.register('active')} size="md" label="Active: can be booked" description="An inactive provider cannot be booked. Appointments already booked stay." />
          {provider === null && <Text size="sm">After adding, set the working hours and choose the appointment types this provider offers (on the Appointment types tab).</Text>}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {provider ? 'Save changes' : 'Add provider'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
