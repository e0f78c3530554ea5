import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import type { SavedException, VisitInTimeOff } from '../../../../../shared/contract/scheduling';
import { TableHeader } from '../../../components/TableHeader';
import { useUiStore } from '../../../store/ui-store';
import { useScheduleStore } from '../../scheduling/schedule-store';
import { appointmentTimeRange, shortDate } from '../../scheduling/schedule-words';
import { closureWhen } from './closure-words';

/** "3 visits are booked in this time — reschedule them". */
function bookedVisitsTitle(count: number): string {
  return count === 1 ? '1 visit is booked in this time — reschedule it' : `${count} visits are booked in this time — reschedule them`;
}

/** The book on the visit's day, with the visit as the grid's cursor (Enter opens it to reschedule). */
function openInBook(visit: VisitInTimeOff): void {
  useScheduleStore.getState().showInBook(visit.id, visit.date);
  useUiStore.getState().navigate('schedule');
}

/**
 * The visits still booked in time off just saved: the time off is the clinic's decision, so it is saved all the same,
 * and the desk gets the list to move (each opens in the book on its day). Takes focus when shown: the form that was
 * used is empty again, and this is what to do next.
 */
export function BookedInTimeOff({ saved, who, onDismiss }: { saved: SavedException; who: string; onDismiss(): void }) {
  const headingId = useId();
  const ref = useRef<HTMLElement | null>(null);
  useEffect(() => ref.current?.focus(), [saved]);
  const more = saved.bookedVisitCount - saved.bookedVisits.length;
  return (
    <Paper ref={ref} tabIndex={-1} withBorder radius="md" p="lg" component="section" aria-labelledby={headingId} className="booked-in-time-off">
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          <span aria-hidden="true">⚠ </span>
          {bookedVisitsTitle(saved.bookedVisitCount)}
        </Title>
        <Text>
          {who}: {closureWhen(saved)}. The time off is saved; these visits stay booked until they are moved. Call each patient and move the visit in the
          book.
        </Text>
        <Table verticalSpacing="xs" className="setup-table" aria-label="Visits booked in the time off">
          <TableHeader columns={['When', 'Patient', 'Provider']} actions />
          <Table.Tbody>
            {saved.bookedVisits.map((visit) => (
              <Table.Tr key={visit.id}>
                <Table.Th scope="row" fw={600} className="setup-nowrap">
                  {shortDate(visit.date)}, {appointmentTimeRange(visit)}
                </Table.Th>
                <Table.Td>{visit.patientName}</Table.Td>
                <Table.Td>{visit.providerName}</Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button
                      variant="light"
                      size="sm"
                      onClick={() => openInBook(visit)}
                      aria-label={`Open in the book: ${visit.patientName}, ${shortDate(visit.date)} ${appointmentTimeRange(visit)}`}
                    >
                      Open in the book
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {more > 0 && <Text>…and {more === 1 ? '1 more visit' : `${more} more visits`}, shown in the book on those days.</Text>}
        <Group>
          <Button variant="default" onClick={onDismiss}>
            Done
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
