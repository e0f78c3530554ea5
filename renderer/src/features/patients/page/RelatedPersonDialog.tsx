import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Fieldset, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { PatientPage } from '../../../../../shared/contract/patients';
import { formatPhone } from '../../../../../shared/patients/phone';
import { relatedPersonSchema, type RelatedPersonFields } from '../../../../../shared/patients/schemas';
import { applyServerIssues } from '../../../forms/server-issues';
import { patientsCall } from '../patients-api';

type RelatedPerson = PatientPage['relatedPeople'][number];
type PersonValues = z.input<typeof relatedPersonSchema>;
const PERSON_FIELDS = ['name', 'relationship', 'phone', 'shareAppointments', 'shareBilling', 'shareClinical', 'authorizedFrom', 'authorizedUntil'] as const;

interface RelatedPersonDialogProps {
  patientId: string;
  /** null: adding someone new. */
  person: RelatedPerson | null;
  onClose(): void;
  onSaved(page: PatientPage, name: string): void;
}

/** A family member or caregiver: who they are, and what the patient lets the desk tell them, from when until when. */
export function RelatedPersonDialog({ patientId, person, onClose, onSaved }: RelatedPersonDialogProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const form: UseFormReturn<PersonValues, unknown, RelatedPersonFields> = useForm({
    resolver: zodResolver(relatedPersonSchema),
    defaultValues: {
      name: person?.name ?? '',
      relationship: person?.relationship ?? '',
      phone: person?.phone ? formatPhone(person.phone) : '',
      shareAppointments: person?.shareAppointments ?? false,
      shareBilling: person?.shareBilling ?? false,
      shareClinical: person?.shareClinical ?? false,
      authorizedFrom: person?.authorizedFrom ?? '',
      authorizedUntil: person?.authorizedUntil ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (fields) => {
    setProblem(null);
    const result = await patientsCall((api) => api.saveRelatedPerson({ patientId, ...(person ? { id: person.id } : {}), person: fields }));
    if (result.ok) {
      onSaved(result.value, fields.name);
      return;
    }
    const toField = (path: string) => {
      const field = path.replace(/^person\./, '');
      return (PERSON_FIELDS as readonly string[]).includes(field) ? (field as (typeof PERSON_FIELDS)[number]) : null;
    };
    const unmatched = result.error.code === 'VALIDATION' ? applyServerIssues(result.error.issues, form.setError, toField) : [];
    setProblem([result.error.message, ...unmatched.map((issue) => issue.message)].join(' '));
  });

  const title = person ? `Edit ${person.name}` : 'Add a family member or caregiver';
  return (
    <Modal opened returnFocus={false} onClose={onClose} title={title} size="lg" closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          {problem && (
            <Alert color="red" variant="light" role="alert" title="Not saved" classNames={{ title: 'alert-title', message: 'alert-message' }}>
              {problem}
            </Alert>
          )}
          <SimpleGrid cols={2} spacing="md">
            <TextInput {...form.register('name')} label="Name" error={errors.name?.message} autoComplete="off" withAsterisk data-autofocus />
            <TextInput {...form.register('relationship')} label="Relationship" description="Such as daughter or caregiver." error={errors.relationship?.message} autoComplete="off" withAsterisk />
            <TextInput {...form.register('phone')} label="Phone" type="tel" description="With the area code." error={errors.phone?.message} autoComplete="off" />
          </SimpleGrid>
          <Fieldset legend="The patient lets the desk talk with this person about" radius="md">
            <Stack gap="xs">
              <Checkbox {...form.register('shareAppointments')} label="Appointments" size="md" />
              <Checkbox {...form.register('shareBilling')} label="Billing" size="md" />
              <Checkbox {...form.register('shareClinical')} label="Clinical information" size="md" />
            </Stack>
            <SimpleGrid cols={2} spacing="md" mt="md">
              <TextInput {...form.register('authorizedFrom')} type="date" label="Authorized on" description="The day the patient gave permission." error={errors.authorizedFrom?.message} />
              <TextInput {...form.register('authorizedUntil')} type="date" label="Until" description="Leave empty if it does not end." error={errors.authorizedUntil?.message} />
            </SimpleGrid>
          </Fieldset>
          <Text size="sm" c="dimmed">
            Leave all three unticked for someone the desk must not discuss the patient with.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {person ? 'Save changes' : 'Add person'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
