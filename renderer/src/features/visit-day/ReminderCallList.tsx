import { Button, Group, Menu, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { AppointmentView, schedulingChannels, SetupView } from '../../../../shared/contract/scheduling';
import type { CONTACT_METHODS } from '../../../../shared/patients/schemas';
import { formatPhone } from '../../../../shared/patients/phone';
import { REMINDER_OUTCOME_LABELS, REMINDER_OUTCOMES, STATUS_LABELS, type ReminderOutcome } from '../../../../shared/scheduling/status';
import { clinicToday, isCalendarDate, longDate } from '../../../../shared/scheduling/time';
import { ActionNotice, nextNotice, type Notice } from '../../components/ActionNotice';
import { ReadingStatus } from '../../components/ReadingStatus';
import { CONTACT_METHOD_LABELS } from '../patients/register/choices';
import { useCanRunVisitDay, visitDayCall } from './visit-day-call';
import { bookTime, clinicClock } from './visit-words';
import { WithVisitSetup } from './WithVisitSetup';
import './visit-day.css';

export interface ReminderCallListProps {
  /** The day to call about, YYYY-MM-DD; today in clinic time when left out. The person can choose another day. */
  date?: string;
}

type ReminderEntry = z.infer<(typeof schedulingChannels)['reminderList']['output']>['entries'][number];

/** Body class while this list is being printed: the print rules show only the list. */
const PRINTING_CLASS = 'printing-reminder-calls';

/** The reminder call list for a day: who to call, on which number, in which language, and what came of each call. */
export function ReminderCallList({ date }: ReminderCallListProps) {
  return <WithVisitSetup>{(setup) => <CallList setup={setup} initialDate={date} />}</WithVisitSetup>;
}

function CallList({ setup, initialDate }: { setup: SetupView; initialDate: string | undefined }) {
  const zone = setup.timeZone;
  const canEdit = useCanRunVisitDay();
  const [date, setDate] = useState(() => initialDate ?? clinicToday(zone, Date.now()));
  const [typedDate, setTypedDate] = useState(date);
  const [entries, setEntries] = useState<ReminderEntry[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  // The Schedule screen's chosen day, when it changes.
  useEffect(() => {
    if (initialDate && isCalendarDate(initialDate)) {
      setDate(initialDate);
      setTypedDate(initialDate);
    }
  }, [initialDate]);

  const load = useCallback(async () => {
    const result = await visitDayCall((api) => api.reminderList({ date }));
    if (result.ok) setEntries([...result.value.entries].sort((a, b) => a.appointment.startAt - b.appointment.startAt));
    else setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'The call list could not be read', message: result.error.message }));
  }, [date]);

  useEffect(() => {
    setEntries(null);
    void load();
  }, [load]);

  async function mark(appointment: AppointmentView, outcome: ReminderOutcome) {
    setBusy(appointment.id);
    const result = await visitDayCall((api) => api.markReminder({ appointmentId: appointment.id, outcome }));
    setBusy(null);
    if (!result.ok) {
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'The call was not recorded', message: result.error.message }));
      return;
    }
    setEntries((current) =>
      current === null
        ? current
        : current.map((entry) => (entry.appointment.id === appointment.id ? { ...entry, appointment: result.value, confirmed: outcome === 'confirmed' || entry.confirmed || result.value.status === 'confirmed' } : entry)),
    );
    setNotice((previous) => nextNotice(previous, { tone: 'success', title: `${appointment.patientName}: ${REMINDER_OUTCOME_LABELS[outcome].toLowerCase()}` }));
  }

  function print() {
    document.body.classList.add(PRINTING_CLASS);
    const done = () => {
      document.body.classList.remove(PRINTING_CLASS);
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
    // Chromium's print() returns once the dialog is closed; afterprint covers the others.
    done();
  }

  const confirmedCount = entries?.filter((entry) => entry.confirmed).length ?? 0;

  return (
    <Stack gap="lg" className="reminder-calls">
      <Group justify="space-between" align="flex-end" className="reminder-controls">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (isCalendarDate(typedDate)) setDate(typedDate);
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              type="date"
              label="Calls for"
              value={typedDate}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setTypedDate(value);
                if (isCalendarDate(value)) setDate(value);
              }}
              error={typedDate !== '' && !isCalendarDate(typedDate) ? 'Enter a date such as 2026-03-10.' : undefined}
              w="13rem"
            />
          </Group>
        </form>
        <Button variant="default" onClick={print} disabled={entries === null || entries.length === 0}>
          Print
        </Button>
      </Group>
      <div className="reminder-print-area">
        <Title order={2} className="reminder-title">
          Reminder calls: {longDate(date)}
        </Title>
        {entries !== null && (
          <Text c="dimmed" mb="sm">
            {entries.length === 1 ? '1 appointment' : `${entries.length} appointments`} · {confirmedCount} confirmed
          </Text>
        )}
        <ActionNotice notice={notice} onClose={() => setNotice(null)} />
        {entries === null ? (
          <ReadingStatus>Reading the appointments…</ReadingStatus>
        ) : entries.length === 0 ? (
          <Text>No appointments to call about on this day.</Text>
        ) : (
          <Table verticalSpacing="sm" striped className="reminder-table" aria-label={`Reminder calls for ${longDate(date)}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Time</Table.Th>
                <Table.Th scope="col">Patient</Table.Th>
                <Table.Th scope="col">Phone</Table.Th>
                <Table.Th scope="col">Language</Table.Th>
                <Table.Th scope="col">Confirmation</Table.Th>
                {canEdit && (
                  <Table.Th scope="col" className="reminder-actions">
                    <VisuallyHidden>Record a call</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((entry) => (
                <ReminderRow key={entry.appointment.id} entry={entry} zone={zone} canEdit={canEdit} busy={busy === entry.appointment.id} onMark={mark} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
    </Stack>
  );
}

function contactMethod(method: (typeof CONTACT_METHODS)[number] | null): string {
  return method ? CONTACT_METHOD_LABELS[method] : 'No preference';
}

interface ReminderRowProps {
  entry: ReminderEntry;
  zone: string;
  canEdit: boolean;
  busy: boolean;
  onMark(appointment: AppointmentView, outcome: ReminderOutcome): void;
}

function ReminderRow({ entry, zone, canEdit, busy, onMark }: ReminderRowProps) {
  const { appointment, phone, preferredContactMethod, language, interpreterNeeded, confirmed } = entry;
  const reminder = appointment.reminder;
  const gone = appointment.status === 'cancelled' || appointment.status === 'no_show';
  return (
    <Table.Tr data-appointment-id={appointment.id}>
      <Table.Td className="reminder-time">
        <Text fw={700}>{bookTime(appointment.startTime)}</Text>
      </Table.Td>
      <Table.Th scope="row">
        <Text fw={600}>{appointment.patientName}</Text>
        <Text size="sm" c="dimmed">
          {appointment.typeName} with {appointment.providerName}
        </Text>
      </Table.Th>
      <Table.Td>
        <Text className="reminder-phone">{phone ? formatPhone(phone) : 'No phone on file'}</Text>
        <Text size="sm" c="dimmed">
          Prefers: {contactMethod(preferredContactMethod)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text>{language ?? 'Not recorded'}</Text>
        {interpreterNeeded && (
          <Text span size="sm" fw={700} className="interpreter-flag">
            Interpreter needed
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {gone ? (
          <Text fw={600}>{STATUS_LABELS[appointment.status]}</Text>
        ) : confirmed ? (
          <Text fw={700} className="reminder-confirmed">
            <span aria-hidden="true">✓ </span>Confirmed
          </Text>
        ) : (
          <Text fw={600}>Not confirmed</Text>
        )}
        <Text size="sm" c="dimmed">
          {reminder ? `${REMINDER_OUTCOME_LABELS[reminder.outcome]} ${clinicClock(reminder.at, zone)}${reminder.by ? ` by ${reminder.by}` : ''}` : 'Not called yet'}
        </Text>
      </Table.Td>
      {canEdit && (
        <Table.Td className="reminder-actions">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" size="sm" loading={busy} aria-label={`Record call: ${appointment.patientName}`}>
                Record call
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>What came of the call?</Menu.Label>
              {REMINDER_OUTCOMES.map((outcome) => (
                <Menu.Item key={outcome} onClick={() => onMark(appointment, outcome)}>
                  {REMINDER_OUTCOME_LABELS[outcome]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
