import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { PatientPage } from '../../../../../shared/contract/patients';
import { ageText, formatDateOfBirth, legalName } from '../format';
import { usePatientsStore } from '../patients-store';

export const PATIENT_HEADING_ID = 'patient-heading';

/** Who this is, at a glance: name, preferred name, birth date and age, MRN, and what the desk must know first. */
export function PatientHeader({ page }: { page: PatientPage }) {
  const { patient, alerts } = page;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Opened from search or after registering: start reading here. Back from another screen: the screen heading keeps focus.
    if (usePatientsStore.getState().takeViewFocus()) heading.current?.focus();
  }, []);
  return (
    <Paper withBorder radius="md" p="lg" className="patient-header">
      <Stack gap={6}>
        <Title order={2} id={PATIENT_HEADING_ID} ref={heading} tabIndex={-1} className="patient-name">
          {legalName(patient)}
        </Title>
        {patient.preferredName && (
          <Text size="lg" className="patient-preferred-name">
            Goes by “{patient.preferredName}”
          </Text>
        )}
        <Group gap="lg" className="patient-facts">
          <Text>
            <span className="patient-fact-label">Date of birth</span> {formatDateOfBirth(patient.dateOfBirth)} ({ageText(patient.age)})
          </Text>
          <Text>
            <span className="patient-fact-label">MRN</span> {patient.mrn}
          </Text>
          {patient.pronouns && (
            <Text>
              <span className="patient-fact-label">Pronouns</span> {patient.pronouns}
            </Text>
          )}
          {patient.mrnAliases.length > 0 && (
            <Text>
              <span className="patient-fact-label">Also found by</span> {patient.mrnAliases.map((mrn) => `MRN ${mrn}`).join(', ')}
            </Text>
          )}
        </Group>
        {alerts.length > 0 && (
          <Group gap="xs" mt={4} role="list" aria-label="Alerts">
            {alerts.map((alert) => (
              <Badge key={alert} role="listitem" size="lg" radius="sm" className={`patient-alert patient-alert-${alertKind(alert)}`}>
                {alert}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

/** A color by meaning: deceased in dark grey, contact limits in amber, language help in blue. */
function alertKind(alert: string): 'deceased' | 'contact' | 'language' | 'other' {
  const text = alert.toLowerCase();
  if (text.includes('deceased')) return 'deceased';
  if (text.includes('interpreter') || text.includes('language')) return 'language';
  if (text.startsWith('do not')) return 'contact';
  return 'other';
}
