import { Paper, Table, Text, Title } from '@mantine/core';
import type { PatientPage } from '../../../../../shared/contract/patients';
import { formatPhone } from '../../../../../shared/patients/phone';
import { formatCalendarDate, formatDateOfBirth, formatDateTime } from '../format';
import { choiceLabel } from '../register/choices';
import { CHOICE_FIELDS, FIELD_LABELS, FLAG_FIELDS } from '../register/patient-form';

type Change = PatientPage['history'][number];

/** Every change to the record: who changed which field, from what, to what, and when (on the clinic's clock). */
export function HistorySection({ history, timeZone }: { history: PatientPage['history']; timeZone: string | undefined }) {
  const newestFirst = [...history].sort((a, b) => b.changedAt - a.changedAt);
  return (
    <Paper component="section" aria-labelledby="history-heading" withBorder radius="md" p="lg" className="patient-section">
      <Title order={3} id="history-heading">
        History
      </Title>
      {newestFirst.length === 0 ? (
        <Text mt="xs" c="dimmed">
          No changes since this record was registered.
        </Text>
      ) : (
        <Table mt="sm" verticalSpacing="xs" aria-labelledby="history-heading" className="patient-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">What</Table.Th>
              <Table.Th scope="col">Was</Table.Th>
              <Table.Th scope="col">Now</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst.map((change, index) => (
              <Table.Tr key={`${change.changedAt}-${change.field}-${index}`}>
                <Table.Td className="history-when">{formatDateTime(change.changedAt, timeZone)}</Table.Td>
                <Table.Td className="history-who">{change.changedBy ?? 'CareDesk'}</Table.Td>
                <Table.Td>{fieldLabel(change.field)}</Table.Td>
                <Table.Td>{valueText(change, change.oldValue)}</Table.Td>
                <Table.Td>{valueText(change, change.newValue)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** "phone_mobile" or "phoneMobile" → "phoneMobile". */
function camelField(field: string): string {
  return field.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** Entries that are events rather than one field's edit (main's HISTORY_EVENTS). */
const EVENT_LABELS: Record<string, string> = {
  registration: 'Registered',
  relatedPerson: 'Family member or caregiver',
  merge: 'Duplicate record merged in',
  mergedInto: 'Merged into another record',
};
const REGISTRATION_KINDS: Record<string, string> = { full: 'Full registration', quick: 'Quick registration (phone booking)' };

/** "Mobile phone"; anything unknown as it was stored. */
function fieldLabel(field: string): string {
  const camel = camelField(field);
  return EVENT_LABELS[camel] ?? FIELD_LABELS[camel] ?? field;
}

/** A stored value as the form shows it: Yes/No, (312) 555-0142, 03/14/1962, "Text message". */
function valueText(change: Change, value: string | null) {
  if (value === null || value === '') return <Text component="span" c="dimmed">(empty)</Text>;
  const field = camelField(change.field);
  if (field === 'registration') return REGISTRATION_KINDS[value] ?? value;
  if (field in EVENT_LABELS) return value.replace(/\+\d{8,15}/g, (phone) => formatPhone(phone)).replace(/\d{4}-\d{2}-\d{2}/g, (date) => formatCalendarDate(date));
  if ((FLAG_FIELDS as readonly string[]).includes(field)) return ['true', '1'].includes(value) ? 'Yes' : 'No';
  if ((CHOICE_FIELDS as readonly string[]).includes(field)) return choiceLabel(value) ?? value;
  if (/^\+\d{6,15}$/.test(value)) return formatPhone(value);
  if (field === 'dateOfBirth') return formatDateOfBirth(value);
  return value;
}
