import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { PatientPage } from '../../../../../shared/contract/patients';
import { formatPhone } from '../../../../../shared/patients/phone';
import type { PatientFields } from '../../../../../shared/patients/schemas';
import { ageText, formatDateOfBirth, legalName } from '../format';
import { patientsCall } from '../patients-api';
import { CONTACT_METHOD_LABELS, PHONE_KIND_LABELS, SEX_AT_BIRTH_LABELS, STATUS_LABELS } from '../register/choices';
import { patientFormFrom, patientFormResolver, type PatientForm, type PatientFormValues } from '../register/patient-form';
import { PatientFormSections } from '../register/PatientFormSections';
import { problemText } from '../register/form-problem';
import { SectionNotice } from './SectionNotice';

type Patient = PatientPage['patient'];

interface DetailsSectionProps {
  page: PatientPage;
  canEdit: boolean;
  onSaved(page: PatientPage): void;
}

/** The whole record, read-only; "Edit details" turns it into the same form as registration, and every change goes into History. */
export function DetailsSection({ page, canEdit, onSaved }: DetailsSectionProps) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  return (
    <Paper component="section" aria-labelledby="details-heading" withBorder radius="md" p="lg" className="patient-section">
      <Group justify="space-between" align="center" mb="md">
        <Title order={3} id="details-heading">
          Details
        </Title>
        {canEdit && !editing && (
          <Button
            ref={editButton}
            variant="light"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            Edit details
          </Button>
        )}
      </Group>
      {!editing && <SectionNotice text={notice} onDismiss={() => setNotice(null)} />}
      {editing ? (
        <EditDetailsForm
          page={page}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            onSaved(next);
            setNotice('The changes are saved. Each one is listed under History.');
          }}
        />
      ) : (
        <DetailsList patient={page.patient} />
      )}
    </Paper>
  );
}

function EditDetailsForm({ page, onCancel, onSaved }: { page: PatientPage; onCancel(): void; onSaved(page: PatientPage): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const form: PatientForm = useForm<PatientFormValues, unknown, PatientFields>({ resolver: patientFormResolver, defaultValues: patientFormFrom(page.patient) });
  useEffect(() => form.setFocus('firstName'), [form]);
  const submit = form.handleSubmit(async (fields) => {
    setProblem(null);
    const result = await patientsCall((api) => api.update({ id: page.patient.id, fields }));
    if (result.ok) onSaved(result.value);
    else setProblem(problemText(result.error, form));
  });
  return (
    <form noValidate onSubmit={submit} aria-label="Edit details">
      <Stack gap="lg">
        {problem && (
          <Alert color="red" variant="light" role="alert" title="Not saved" classNames={{ title: 'alert-title', message: 'alert-message' }}>
            {problem}
          </Alert>
        )}
        <PatientFormSections form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={form.formState.isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DetailsList({ patient }: { patient: Patient }) {
  const phone = (kind: 'mobile' | 'home' | 'work', value: string | null) =>
    value ? `${formatPhone(value)}${patient.preferredPhone === kind ? ' (preferred)' : ''}` : null;
  const address = [patient.addressLine1, patient.addressLine2, [patient.city, patient.state].filter(Boolean).join(', '), patient.postalCode].filter(Boolean);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="lg" className="patient-details">
      <DetailGroup title="Name">
        <Detail label="Legal name" value={legalName(patient)} />
        <Detail label="Preferred name" value={patient.preferredName} />
      </DetailGroup>
      <DetailGroup title="Birth & identity">
        <Detail label="Date of birth" value={`${formatDateOfBirth(patient.dateOfBirth)} (${ageText(patient.age)})`} />
        <Detail label="Sex assigned at birth" value={SEX_AT_BIRTH_LABELS[patient.sexAtBirth]} />
        <Detail label="Gender identity" value={patient.genderIdentity} />
        <Detail label="Pronouns" value={patient.pronouns} />
      </DetailGroup>
      <DetailGroup title="Phones & consent">
        <Detail label={PHONE_KIND_LABELS.mobile} value={phone('mobile', patient.phoneMobile)} />
        <Detail label={PHONE_KIND_LABELS.home} value={phone('home', patient.phoneHome)} />
        <Detail label={PHONE_KIND_LABELS.work} value={phone('work', patient.phoneWork)} />
        <Detail label="Text messages" value={patient.textConsent ? 'Agrees to texts' : 'Do not text'} />
      </DetailGroup>
      <DetailGroup title="Email">
        <Detail label="Email" value={patient.email} />
        <Detail label="Email consent" value={patient.emailConsent ? 'Agrees to email' : 'Do not email'} />
      </DetailGroup>
      <DetailGroup title="Address">
        <Detail label="Address" value={address.length > 0 ? address.join('\n') : null} />
      </DetailGroup>
      <DetailGroup title="Language & contact">
        <Detail label="Preferred language" value={patient.preferredLanguage ?? 'English (not stated)'} />
        <Detail label="Interpreter" value={patient.interpreterNeeded ? 'Needed' : 'Not needed'} />
        <Detail label="Preferred way to contact" value={patient.preferredContactMethod ? CONTACT_METHOD_LABELS[patient.preferredContactMethod] : 'No preference'} />
        <Detail label="Best times to reach" value={patient.preferredContactTimes} />
      </DetailGroup>
      <DetailGroup title="Emergency contact">
        <Detail label="Name" value={patient.emergencyContactName} />
        <Detail label="Relationship" value={patient.emergencyContactRelationship} />
        <Detail label="Phone" value={patient.emergencyContactPhone ? formatPhone(patient.emergencyContactPhone) : null} />
      </DetailGroup>
      <DetailGroup title="Status">
        <Detail label="Record status" value={STATUS_LABELS[patient.status]} />
      </DetailGroup>
    </SimpleGrid>
  );
}

function DetailGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="detail-group">
      <Title order={4} className="detail-group-title">
        {title}
      </Title>
      <dl className="detail-list">{children}</dl>
    </div>
  );
}

function Detail({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd>{value ?? <Text component="span" c="dimmed">Not given</Text>}</dd>
    </div>
  );
}
