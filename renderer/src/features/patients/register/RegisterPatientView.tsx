import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import type { DuplicateCandidate } from '../../../../../shared/contract/patients';
import type { PatientFields } from '../../../../../shared/patients/schemas';
import { DraftOffer } from '../../../forms/DraftOffer';
import { useFormDraft } from '../../../forms/form-drafts';
import { patientsCall } from '../patients-api';
import { usePatientsStore } from '../patients-store';
import { DuplicateWarningDialog } from './DuplicateWarningDialog';
import { problemText } from './form-problem';
import { emptyPatientForm, patientFormResolver, type PatientForm, type PatientFormValues } from './patient-form';
import { PatientFormSections } from './PatientFormSections';
import { useRegistration } from './use-registration';

/** The full registration form: every field of the record, grouped as the desk asks for them, checked for duplicates before saving. */
export function RegisterPatientView({ prefill }: { prefill: Partial<PatientFormValues> }) {
  const { openHome, openPatient, stashRegistration, takeViewFocus } = usePatientsStore.getState();
  const timeZone = usePatientsStore((state) => state.timeZone);
  const [problem, setProblem] = useState<string | null>(null);
  const form: PatientForm = useForm<PatientFormValues, unknown, PatientFields>({
    resolver: patientFormResolver,
    defaultValues: { ...emptyPatientForm(), ...prefill },
  });
  // The draft hook only reads and writes the typed values, never the schema's output.
  const draft = useFormDraft<PatientFormValues>('patients:register', form as unknown as UseFormReturn<PatientFormValues>);
  const leaving = useRef(false);
  const submitButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Values typed before the person jumped to another screen come back, still counted as unsaved changes.
    const stash = usePatientsStore.getState().registerStash;
    if (stash) form.reset(stash, { keepDefaultValues: true });
    if (takeViewFocus()) form.setFocus('firstName');
    // Kept as they are typed (never on unmount): a lock or sign-out clears every store before this view unmounts,
    // and nothing written after that may reach the next person at the desk.
    const subscription = form.watch((values) => {
      if (!leaving.current) stashRegistration(hasContent(values as PatientFormValues) ? { ...(values as PatientFormValues) } : null);
    });
    return () => subscription.unsubscribe();
  }, [form, stashRegistration, takeViewFocus]);

  async function leave(next: () => void) {
    leaving.current = true;
    stashRegistration(null);
    await draft.discard();
    next();
  }

  const registration = useRegistration<PatientFields>({
    send: (fields, acknowledgedDuplicateIds) => patientsCall((api) => api.register({ fields, acknowledgedDuplicateIds })),
    onCreated: (patient, fields) => leave(() => openPatient(patient.id, `${fields.firstName} ${fields.lastName} is registered, with MRN ${patient.mrn}.`)),
    onFailure: (error) => setProblem(problemText(error, form)),
  });

  const submit = form.handleSubmit(
    (fields) => {
      setProblem(null);
      return registration.register(fields);
    },
    (errors) => setProblem(`Check the ${Object.keys(errors).length === 1 ? 'field' : `${Object.keys(errors).length} fields`} marked in red, then register again.`),
  );
  const values = form.getValues();

  return (
    <section aria-labelledby="register-heading" className="register-view">
      <form noValidate onSubmit={submit}>
        <Stack gap="lg" maw={1100}>
          <div>
            <Title order={2} id="register-heading">
              Register a new patient
            </Title>
            <Text c="dimmed">Fields marked with * are needed. Before saving, CareDesk checks whether this person is already registered.</Text>
          </div>
          <DraftOffer draft={draft} timeZone={timeZone} />
          {problem && (
            <Alert color="red" variant="light" role="alert" title="Not registered yet" classNames={{ title: 'alert-title', message: 'alert-message' }}>
              {problem}
            </Alert>
          )}
          <PatientFormSections form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void leave(openHome)} disabled={registration.sending}>
              Cancel registration
            </Button>
            <Button ref={submitButton} type="submit" size="md" loading={registration.sending}>
              Register patient
            </Button>
          </Group>
        </Stack>
      </form>
      {registration.duplicates && (
        <DuplicateWarningDialog
          candidates={registration.duplicates}
          newPersonName={`${values.firstName.trim()} ${values.lastName.trim()}`}
          sending={registration.sending}
          onOpen={(candidate: DuplicateCandidate) => void leave(() => openPatient(candidate.id))}
          onRegisterAnyway={() => void registration.registerAnyway()}
          onBack={() => {
            registration.closeWarning();
            window.setTimeout(() => submitButton.current?.focus(), 0);
          }}
        />
      )}
    </section>
  );
}

function hasContent(values: PatientFormValues): boolean {
  const empty = emptyPatientForm();
  return (Object.keys(empty) as (keyof PatientFormValues)[]).some((field) => values[field] !== empty[field]);
}
