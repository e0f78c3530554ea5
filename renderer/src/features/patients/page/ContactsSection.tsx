import { Button, Group, List, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { PatientPage } from '../../../../../shared/contract/patients';
import { formatPhone } from '../../../../../shared/patients/phone';
import { formatCalendarDate, listInWords } from '../format';
import { useOpenerFocus } from '../use-opener-focus';
import { RelatedPersonDialog } from './RelatedPersonDialog';
import { SectionNotice } from './SectionNotice';

type RelatedPerson = PatientPage['relatedPeople'][number];

const KINDS = [
  { key: 'shareAppointments', label: 'appointments' },
  { key: 'shareBilling', label: 'billing' },
  { key: 'shareClinical', label: 'clinical information' },
] as const;

interface ContactsSectionProps {
  page: PatientPage;
  canEdit: boolean;
  onSaved(page: PatientPage): void;
}

/** Family and caregivers, and in one plain summary whom the desk may talk to today, about what. */
export function ContactsSection({ page, canEdit, onSaved }: ContactsSectionProps) {
  const [editing, setEditingState] = useState<RelatedPerson | 'new' | null>(null);
  const focus = useOpenerFocus();
  const [notice, setNotice] = useState<string | null>(null);
  const setEditing = (next: RelatedPerson | 'new') => {
    focus.remember();
    setEditingState(next);
  };
  const { patient, relatedPeople } = page;
  return (
    <Paper component="section" aria-labelledby="contacts-heading" withBorder radius="md" p="lg" className="patient-section">
      <Group justify="space-between" align="center">
        <Title order={3} id="contacts-heading">
          Contacts
        </Title>
        {canEdit && (
          <Button variant="light" onClick={() => setEditing('new')} aria-haspopup="dialog">
            Add a family member or caregiver
          </Button>
        )}
      </Group>
      <SectionNotice text={notice} onDismiss={() => setNotice(null)} />
      <div className="desk-may-talk-to">
        <Text fw={650}>The desk may talk to:</Text>
        <List spacing={2}>
          {KINDS.map((kind) => {
            const people = relatedPeople.filter((person) => person.activeToday && person[kind.key]).map((person) => `${person.name} (${person.relationship})`);
            return (
              <List.Item key={kind.key}>
                About {kind.label}: {people.length > 0 ? listInWords(people) : <span className="nobody">nobody but the patient</span>}
              </List.Item>
            );
          })}
        </List>
      </div>
      {patient.emergencyContactName && (
        <Text mt="sm">
          In an emergency, call {patient.emergencyContactName}
          {patient.emergencyContactRelationship ? ` (${patient.emergencyContactRelationship})` : ''}
          {patient.emergencyContactPhone ? ` at ${formatPhone(patient.emergencyContactPhone)}` : ''}.
        </Text>
      )}
      {relatedPeople.length === 0 ? (
        <Text mt="sm" c="dimmed">
          No family members or caregivers on file yet.
        </Text>
      ) : (
        <Table mt="md" striped={false} verticalSpacing="sm" aria-labelledby="contacts-heading" className="related-people">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Relationship</Table.Th>
              <Table.Th scope="col">Phone</Table.Th>
              <Table.Th scope="col">May hear about</Table.Th>
              <Table.Th scope="col">Authorization</Table.Th>
              {canEdit && <Table.Th scope="col"><VisuallyHidden>Actions</VisuallyHidden></Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {relatedPeople.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Th scope="row">{person.name}</Table.Th>
                <Table.Td>{person.relationship}</Table.Td>
                <Table.Td>{person.phone ? formatPhone(person.phone) : '—'}</Table.Td>
                <Table.Td>{sharedText(person)}</Table.Td>
                <Table.Td>{authorizationText(person)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button size="compact-md" variant="default" onClick={() => setEditing(person)} aria-label={`Edit ${person.name}`}>
                      Edit
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <RelatedPersonDialog
          patientId={patient.id}
          person={editing === 'new' ? null : editing}
          onClose={() => {
            setEditingState(null);
            focus.restore();
          }}
          onSaved={(next, name) => {
            setEditingState(null);
            onSaved(next);
            setNotice(editing === 'new' ? `${name} was added to the contacts.` : `The changes to ${name} are saved.`);
            focus.restore();
          }}
        />
      )}
    </Paper>
  );
}

function sharedText(person: RelatedPerson): string {
  const kinds = KINDS.filter((kind) => person[kind.key]).map((kind) => kind.label);
  return kinds.length > 0 ? capitalize(listInWords(kinds)) : 'Nothing (not authorized)';
}

function authorizationText(person: RelatedPerson): string {
  const from = person.authorizedFrom ? formatCalendarDate(person.authorizedFrom) : null;
  const until = person.authorizedUntil ? formatCalendarDate(person.authorizedUntil) : null;
  const range = from && until ? `${from} to ${until}` : from ? `Since ${from}` : until ? `Until ${until}` : 'No dates';
  const shares = KINDS.some((kind) => person[kind.key]);
  if (!shares) return range === 'No dates' ? '—' : range;
  return `${range} — ${person.activeToday ? 'in effect today' : 'not in effect today'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
