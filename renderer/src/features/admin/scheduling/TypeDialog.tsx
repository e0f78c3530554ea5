import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { AppointmentTypeView, ProviderView } from '../../../../../shared/contract/scheduling';
import { appointmentTypeFieldsSchema } from '../../../../../shared/scheduling/schemas';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { applyServerIssues } from '../../../forms/server-issues';
import { failureText } from '../admin-call';
import { ColorChoice } from './ColorChoice';
import { fieldsUnder } from './form-issues';
import { setupCall } from './setup-call';

type TypeValues = z.input<typeof appointmentTypeFieldsSchema>;
const TYPE_FIELDS = ['name', 'durationMinutes', 'color', 'mode', 'needsRoom', 'bufferAfterMinutes', 'providerIds', 'active'] as const;

interface TypeDialogProps {
  type: AppointmentTypeView | null;
  providers: readonly ProviderView[];
  suggestedColor: string;
  onClose(): void;
  onSaved(type: AppointmentTypeView, added: boolean): void;
}

/** An appointment type: how long it takes, its color, in person or by video, whether it needs a room, who offers it. */
export function TypeDialog({ type, providers, suggestedColor, onClose, onSaved }: TypeDialogProps) {
  const [failure, setFailure] = useState<Notice | null>(null);
  const form = useForm<TypeValues, unknown, z.output<typeof appointmentTypeFieldsSchema>>({
    resolver: zodResolver(appointmentTypeFieldsSchema),
    defaultValues: {
      name: type?.name ?? '',
      durationMinutes: type?.durationMinutes ?? 30,
      color: type?.color ?? suggestedColor,
      mode: type?.mode ?? 'in_person',
      needsRoom: type?.needsRoom ?? true,
      bufferAfterMinutes: type?.bufferAfterMinutes ?? 0,
      providerIds: type?.providerIds ?? [],
      active: type?.active ?? true,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const mode = useWatch({ control: form.control, name: 'mode' });

  const submit = form.handleSubmit(async (values) => {
    const result = await setupCall((api) => api.saveAppointmentType(type ? { id: type.id, type: values } : { type: values }));
    if (result.ok) {
      onSaved(result.value, type === null);
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, fieldsUnder<TypeValues>('type', TYPE_FIELDS));
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: type ? 'Changes not saved' : 'Appointment type not added', message: failureText(result.error.message, unmatched) }));
  });

  const activeProviders = providers.filter((provider) => provider.active || type?.providerIds.includes(provider.id));

  return (
    <Modal opened onClose={onClose} title={type ? `Edit ${type.name}` : 'Add appointment type'} size="xl" returnFocus={false} closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <ActionNotice notice={failure} />
          <TextInput {...form.register('name')} label="Name" description="Such as New patient visit or Follow-up." error={errors.name?.message} autoComplete="off" withAsterisk data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <MinutesField form={form} name="durationMinutes" label="Length (minutes)" description="The usual length; a booking can change it. Steps of 5 minutes." min={5} max={480} required />
            <MinutesField form={form} name="bufferAfterMinutes" label="Buffer after (minutes)" description="Time kept free after it to clean up or write notes. 0 for none." min={0} max={120} />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="mode"
            render={({ field }) => (
              <Radio.Group
                label="Where the visit happens"
                value={field.value}
                onChange={(value) => {
                  field.onChange(value);
                  if (value === 'telehealth') form.setValue('needsRoom', false);
                }}
                error={errors.mode?.message}
                withAsterisk
              >
                <Group gap="xl" mt={6}>
                  <Radio value="in_person" label="In person" />
                  <Radio value="telehealth" label="Telehealth (video or phone)" />
                </Group>
              </Radio.Group>
            )}
          />
          <Checkbox
            {...form.register('needsRoom')}
            size="md"
            label="Needs a room"
            description={mode === 'telehealth' ? 'A telehealth visit does not take a room.' : 'The booking must choose a free room.'}
            disabled={mode === 'telehealth'}
            error={errors.needsRoom?.message}
          />
          <Controller
            control={form.control}
            name="color"
            render={({ field }) => <ColorChoice label="Color in the book" description="Appointments of this type carry this color." value={field.value} onChange={field.onChange} error={errors.color?.message} />}
          />
          <Controller
            control={form.control}
            name="providerIds"
            render={({ field }) => (
              <Checkbox.Group label="Providers who offer it" description="Only these providers can be booked for this type." value={field.value} onChange={field.onChange} error={errors.providerIds?.message}>
                {activeProviders.length === 0 ? (
                  <Text mt={6}>No providers yet: add them on the Providers & hours tab, then come back.</Text>
                ) : (
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt={6}>
                    {activeProviders.map((provider) => (
                      <Checkbox key={provider.id} value={provider.id} label={provider.active ? provider.name : `${provider.name} (inactive)`} />
                    ))}
                  </SimpleGrid>
                )}
              </Checkbox.Group>
            )}
          />
          <Checkbox {...form.register('active')} size="md" label="Can be booked" description="A type that cannot be booked stays on the appointments already made with it." />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {type ? 'Save changes' : 'Add appointment type'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type TypeForm = UseFormReturn<TypeValues, unknown, z.output<typeof appointmentTypeFieldsSchema>>;

/** A whole number of minutes in steps of 5 (an emptied box is "not given", for the schema to name). */
function MinutesField(props: { form: TypeForm; name: 'durationMinutes' | 'bufferAfterMinutes'; label: string; description: string; min: number; max: number; required?: boolean }) {
  return (
    <Controller
      control={props.form.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <NumberInput
          ref={field.ref}
          name={field.name}
          value={field.value}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : value === '' ? undefined : Number(value))}
          onBlur={field.onBlur}
          label={props.label}
          description={props.description}
          error={fieldState.error?.message}
          min={props.min}
          max={props.max}
          step={5}
          allowDecimal={false}
          withAsterisk={props.required ?? false}
        />
      )}
    />
  );
}
