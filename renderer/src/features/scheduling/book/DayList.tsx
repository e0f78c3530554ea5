import { Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import type { AppointmentView } from '../../../../../shared/contract/scheduling';
import { seriesKindWords } from '../dialogs/series/recurrence';
import { schedulingCall } from '../schedule-api';
import { appointmentAccessibleName, appointmentTimeRange, longDate, STATUS_MARKS, statusLabel } from '../schedule-words';
import { useBookQuery } from '../use-book-query';
import { ReadState } from './ReadState';

/** The day as a list, in time order, every provider together: for the phone, the printer and the screen reader. */
export function DayList({ date, revision, onOpen }: { date: string; revision: number; onOpen(appointmentId: string): void }) {
  const query = useBookQuery(date, revision, () => schedulingCall((api) => api.day({ date, by: 'provider' })));
  const appointments = useMemo<AppointmentView[]>(
    () => (query.value?.columns ?? []).flatMap((c) => c.appointments).sort((a, b) => a.startAt - b.startAt || a.providerName.localeCompare(b.providerName)),
    [query.value],
  );
  return (
    <ReadState query={query} what="the day" onRetry={query.retry}>
      {(_, busy) => <DayTable date={date} appointments={appointments} busy={busy} onOpen={onOpen} />}
    </ReadState>
  );
}

function DayTable({ date, appointments, busy, onOpen }: { date: string; appointments: AppointmentView[]; busy: boolean; onOpen(appointmentId: string): void }) {
  if (appointments.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg" maw={720}>
        <Text size="lg">Nothing is booked on {longDate(date)}.</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" className="day-list">
      <Table striped highlightOnHover verticalSpacing="xs" horizontalSpacing="md" aria-label={`Appointments on ${longDate(date)}`} aria-busy={busy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Patient</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Provider</Table.Th>
            <Table.Th scope="col">Room</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {appointments.map((a) => (
            <Table.Tr key={a.id} data-status={a.status}>
              <Table.Td className="day-list-time">{appointmentTimeRange(a)}</Table.Td>
              <Table.Td>
                <UnstyledButton className="day-list-patient" onClick={() => onOpen(a.id)} aria-label={`Open ${appointmentAccessibleName(a)}`} fw={650} td="underline">
                  {a.patientName}
                </UnstyledButton>
                <Text size="xs" c="dimmed">
                  MRN {a.patientMrn}
                </Text>
              </Table.Td>
              <Table.Td>
                <span className="day-list-type">
                  <span className="type-dot" style={{ background: a.color }} aria-hidden="true" />
                  {a.typeName}
                </span>
              </Table.Td>
              <Table.Td className="day-list-nowrap">{a.providerName}</Table.Td>
              <Table.Td className="day-list-nowrap">{a.roomName ?? '—'}</Table.Td>
              <Table.Td>
                <span className="status-word">
                  <span aria-hidden="true">{STATUS_MARKS[a.status]}</span>
                  {statusLabel(a.status)}
                </span>
                {a.overbooked && (
                  <Text size="sm" c="red.9" fw={650}>
                    ⚠ Overbooked
                  </Text>
                )}
                {a.overrideReason && <Text size="sm">Outside hours</Text>}
                {a.seriesId !== null && (
                  <Text size="sm">
                    <span aria-hidden="true">↻ </span>
                    {capitalized(seriesKindWords(a.series?.recurrence))}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{a.reason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function capitalized(text: string): string {
  return `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`;
}
