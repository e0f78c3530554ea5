import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { todayIn } from '../../../../../shared/patients/dates';
import { quickRegistrationSchema } from '../../../../../shared/patients/schemas';
import { DraftOffer } from '../../../forms/DraftOffer';
import { useFormDraft } from '../../../forms/form-drafts';
import { applyServerIssues } from '../../../forms/server-issues';
import { patientsCall } from '../patients-api';
import { usePatientsStore } from '../patients-store';
import { DuplicateWarningDialog } from './DuplicateWarningDialog';
import { useRegistration } from './use-registration';

type QuickValues = z.input<typeof quickRegistrationSchema>;
type QuickFields = z.output<typeof quickRegistrationSchema>;
const QUICK_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'phone'] as const;

/**
 * Quick registration for a phone booking: name, date of birth and a number to call back. The rest can wait for the visit.
 * `onChosen` gets the new patient (or the existing one the desk chose from the duplicate warning), with a notice when
 * registered; `onClose` is a close without a patient.
 */
export function QuickRegisterDialog({ onClose, onChosen }: { onClose(): void; onChosen(patientId: string, notice?: string): void }) {
  const timeZone = usePatientsStore((state) => state.timeZone);
  const [problem, setProblem] = useState<string | null>(null);
  const form: UseFormReturn<QuickValues, unknown, QuickFields> = useForm({
    resolver: zodResolver(quickRegistrationSchema),
    defaultValues: { firstName: '', lastName: '', dateOfBirth: '', phone: '' },
  });
  const draft = useFormDraft<QuickValues>('patients:quick-register', form);
  const { errors } = form.formState;

  const registration = useRegistration<QuickFields>({
    send: (fields, acknowledgedDuplicateIds) => patientsCall((api) => api.quickRegister({ fields, acknowledgedDuplicateIds })),
    async onCreated(patient, fields) {
      await draft.discard();
      onChosen(patient.id, `${fields.firstName} ${fields.lastName} is registered, with MRN ${patient.mrn}. Add the rest of their details when you can.`);
    },
    onFailure(error) {
      const toField = (path: string) => {
        const field = path.replace(/^fields\./, '');
        return (QUICK_FIELDS as readonly string[]).includes(field) ? (field as (typeof QUICK_FIELDS)[number]) : null;
      };
      const unmatched = error.code === 'VALIDATION' ? applyServerIssues(error.issues, form.setError, toField) : [];
      setProblem([error.message, ...unmatched.map((issue) => issue.message)].join(' '));
    },
  });

  const submit = form.handleSubmit((fields) => {
    setProblem(null);
    return registration.register(fields);
  });

  if (registration.duplicates) {
    const values = form.getValues();
    return (
      <DuplicateWarningDialog
        candidates={registration.duplicates}
        newPersonName={`${values.firstName.trim()} ${values.lastName.trim()}`}
        sending={registration.sending}
        onOpen={(candidate) => {
          void draft.discard();
          onChosen(candidate.id);
        }}
        onRegisterAnyway={() => void registration.registerAnyway()}
        onBack={registration.closeWarning}
      />
    );
  }

  return (
    <Modal opened returnFocus={false} onClose={() => onClose()} title="Quick registration" size="lg" closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <DraftOffer draft={draft} timeZone={timeZone} />
          <Text>For a phone booking: the name, date of birth and a number to call back. Add the rest of the details at the visit.</Text>
          {problem && (
            <Alert color="red" variant="light" role="alert" title="Not registered yet" classNames={{ title: 'alert-title', message: 'alert-message' }}>
              {problem}
            </Alert>
          )}
          <SimpleGrid cols={2} spacing="md">
            <TextInput {...form.register('firstName')} label="First name" error={errors.firstName?.message} autoComplete="off" withAsterisk data-autofocus />
            <TextInput {...form.register('lastName')} label="Last name" error={errors.lastName?.message} autoComplete="off" withAsterisk />
            <TextInput {...form.register('dateOfBirth')} label="Date of birth" type="date" max={todayIn()} error={errors.dateOfBirth?.message} withAsterisk />
            <TextInput
              {...form.register('phone')}
              label="Phone number"
              type="tel"
              placeholder="With the area code: (312) 555-0142"
              error={errors.phone?.message}
              autoComplete="off"
              withAsterisk
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => onClose()} disabled={registration.sending}>
              Cancel
            </Button>
            <Button type="submit" loading={registration.sending}>
              Register patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
