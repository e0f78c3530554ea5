import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { AppointmentView, SetupView } from '../../../../shared/contract/scheduling';
import type { SettableStatus } from '../../../../shared/scheduling/status';
import { canMoveTo, STATUS_LABELS } from '../../../../shared/scheduling/status';
import { clinicToday, longDate } from '../../../../shared/scheduling/time';
import { ActionNotice, nextNotice, type Notice } from '../../components/ActionNotice';
import { ReadingStatus } from '../../components/ReadingStatus';
import { TableHeader } from '../../components/TableHeader';
import { useNow } from './use-now';
import { useCanRunVisitDay, visitDayCall } from './visit-day-call';
import { bookTime, clinicClock, durationText, LONG_WAIT_MINUTES, minutesSince } from './visit-words';
import { WithVisitSetup } from './WithVisitSetup';
import './visit-day.css';

interface BoardEntry {
  appointment: AppointmentView;
  arrivedAt: number | null;
  inRoomAt: number | null;
  waitingSince: number;
}

interface BoardData {
  /** Arrived and in room, longest waiting first. */
  here: BoardEntry[];
  /** Booked or confirmed for today and not here yet, by time. */
  expected: AppointmentView[];
  checkedOut: number;
  noShows: number;
}

/** How often the board asks main again (arrivals marked at another desk show up). The waiting minutes tick on their own. */
const REFRESH_MS = 60_000;

/** Today at the desk: who is waiting and for how long, who is in a room, and who is still to come. */
export function CheckInBoard() {
  return <WithVisitSetup>{(setup) => <Board setup={setup} />}</WithVisitSetup>;
}

function Board({ setup }: { setup: SetupView }) {
  const zone = setup.timeZone;
  const now = useNow();
  const today = clinicToday(zone, now);
  const canEdit = useCanRunVisitDay();
  const [data, setData] = useState<BoardData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [board, day] = await Promise.all([visitDayCall((api) => api.checkInBoard()), visitDayCall((api) => api.day({ date: today, by: 'provider', includeInactive: true }))]);
    if (!board.ok || !day.ok) {
      setProblem((!board.ok ? board.error.message : null) ?? (!day.ok ? day.error.message : 'The board could not be read.'));
      return;
    }
    setProblem(null);
    const appointments = day.value.columns.flatMap((column) => column.appointments);
    const unique = [...new Map(appointments.map((appointment) => [appointment.id, appointment])).values()];
    setData({
      here: [...board.value.entries].sort((a, b) => a.waitingSince - b.waitingSince),
      expected: unique.filter((a) => a.status === 'booked' || a.status === 'confirmed').sort((a, b) => a.startAt - b.startAt),
      checkedOut: unique.filter((a) => a.status === 'checked_out').length,
      noShows: unique.filter((a) => a.status === 'no_show').length,
    });
  }, [today]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  async function setStatus(appointment: AppointmentView, status: SettableStatus) {
    setBusy(`${appointment.id}:${status}`);
    const result = await visitDayCall((api) => api.setStatus({ id: appointment.id, status }));
    setBusy(null);
    // The board only steps visits forward; a refusal with rule problems (restoring a no-show) is shown the same way.
    const refusal = !result.ok ? result.error.message : result.value.outcome === 'not-saved' ? result.value.problems.map((p) => p.message).join(' ') : null;
    if (refusal !== null) {
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: `${appointment.patientName} was not marked ${STATUS_LABELS[status].toLowerCase()}`, message: refusal, focus: true }));
      return;
    }
    await load();
    // The pressed button went with its row (to another list, or off the board): the notice takes focus.
    setNotice((previous) => nextNotice(previous, { tone: 'success', title: statusSentence(appointment.patientName, status), focus: true }));
  }

  return (
    <Stack gap="lg" className="check-in-board">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Check-in board</Title>
          <Text c="dimmed">
            {longDate(today)} · now {clinicClock(now, zone)}
          </Text>
        </div>
        <Button variant="default" onClick={() => void load()}>
          Refresh
        </Button>
      </Group>
      <ActionNotice notice={notice} onClose={() => setNotice(null)} />
      {problem && (
        <ActionNotice notice={{ tone: 'error', title: 'The board could not be read', message: problem, serial: 0 }} />
      )}
      {data === null ? (
        !problem && (
          <ReadingStatus>Reading today’s patients…</ReadingStatus>
        )
      ) : (
        <>
          <section aria-labelledby="board-here-heading">
            <Title order={3} id="board-here-heading" className="board-section-title">
              Waiting and in room ({data.here.length})
            </Title>
            {data.here.length === 0 ? (
              <Text>Nobody is waiting. Patients show here once they are marked arrived.</Text>
            ) : (
              <HereTable entries={data.here} now={now} zone={zone} canEdit={canEdit} busy={busy} onStatus={setStatus} />
            )}
          </section>
          <section aria-labelledby="board-expected-heading">
            <Title order={3} id="board-expected-heading" className="board-section-title">
              Still to arrive today ({data.expected.length})
            </Title>
            {data.expected.length === 0 ? (
              <Text>Nobody else is expected today.</Text>
            ) : (
              <ExpectedTable appointments={data.expected} now={now} canEdit={canEdit} busy={busy} onStatus={setStatus} />
            )}
          </section>
          <Text size="sm" c="dimmed">
            Checked out today: {data.checkedOut} · No-shows: {data.noShows}
          </Text>
        </>
      )}
    </Stack>
  );
}

function statusSentence(name: string, status: SettableStatus): string {
  switch (status) {
    case 'arrived':
      return `${name} has arrived`;
    case 'in_room':
      return `${name} is in a room`;
    case 'checked_out':
      return `${name} is checked out`;
    case 'no_show':
      return `${name} is marked as a no-show`;
    case 'confirmed':
      return `${name} is confirmed`;
    case 'booked':
      return `${name} is back to booked`;
  }
}

/** The row's heading: the patient's name, with the MRN under it. */
function PatientCell({ appointment }: { appointment: AppointmentView }) {
  return (
    <Table.Th scope="row">
      <Text fw={600}>{appointment.patientName}</Text>
      <Text size="sm" c="dimmed">
        {appointment.patientMrn}
      </Text>
    </Table.Th>
  );
}

interface RowActionsProps {
  appointment: AppointmentView;
  busy: string | null;
  onStatus(appointment: AppointmentView, status: SettableStatus): void;
  actions: readonly { status: SettableStatus; label: string; primary?: boolean }[];
}

function RowActions({ appointment, busy, onStatus, actions }: RowActionsProps) {
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      {actions
        .filter((action) => canMoveTo(appointment.status, action.status))
        .map((action) => (
          <Button
            key={action.status}
            size="sm"
            variant={action.primary ? 'filled' : 'default'}
            loading={busy === `${appointment.id}:${action.status}`}
            disabled={busy !== null && busy !== `${appointment.id}:${action.status}`}
            onClick={() => onStatus(appointment, action.status)}
            aria-label={`${action.label}: ${appointment.patientName}`}
          >
            {action.label}
          </Button>
        ))}
    </Group>
  );
}

interface HereTableProps {
  entries: BoardEntry[];
  now: number;
  zone: string;
  canEdit: boolean;
  busy: string | null;
  onStatus(appointment: AppointmentView, status: SettableStatus): void;
}

function HereTable({ entries, now, zone, canEdit, busy, onStatus }: HereTableProps) {
  return (
    <Table verticalSpacing="sm" className="board-table" aria-label="Waiting and in room">
      <TableHeader columns={['Waiting', 'Patient', 'Appointment', 'Where']} actions={canEdit} />
      <Table.Tbody>
        {entries.map(({ appointment, arrivedAt, inRoomAt, waitingSince }) => {
          const waited = minutesSince(waitingSince, now);
          const long = waited > LONG_WAIT_MINUTES;
          const inRoom = appointment.status === 'in_room';
          return (
            <Table.Tr key={appointment.id} className="board-row" data-long-wait={long} data-appointment-id={appointment.id}>
              <Table.Td className="board-wait">
                <Text fw={700} size="lg" className="board-wait-minutes">
                  {durationText(waited)}
                </Text>
                <Text size="sm" c="dimmed">
                  {inRoom ? 'in the room' : 'since arrival'}
                </Text>
                {long && (
                  <Badge className="long-wait-badge" variant="filled" size="md" leftSection={<span aria-hidden="true">⚠</span>}>
                    Long wait
                  </Badge>
                )}
              </Table.Td>
              <PatientCell appointment={appointment} />
              <Table.Td>
                <Text>
                  {bookTime(appointment.startTime)} {appointment.typeName}
                </Text>
                <Text size="sm" c="dimmed">
                  {appointment.providerName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fw={600}>{inRoom ? `In room${appointment.roomName ? `: ${appointment.roomName}` : ''}` : 'Waiting room'}</Text>
                <Text size="sm" c="dimmed">
                  {arrivedAt !== null ? `Arrived ${clinicClock(arrivedAt, zone)}` : STATUS_LABELS[appointment.status]}
                  {inRoom && inRoomAt !== null ? ` · in room since ${clinicClock(inRoomAt, zone)}` : ''}
                </Text>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <RowActions
                    appointment={appointment}
                    busy={busy}
                    onStatus={onStatus}
                    actions={[
                      { status: 'in_room', label: 'In room', primary: true },
                      { status: 'checked_out', label: 'Checked out', primary: inRoom },
                    ]}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

interface ExpectedTableProps {
  appointments: AppointmentView[];
  now: number;
  canEdit: boolean;
  busy: string | null;
  onStatus(appointment: AppointmentView, status: SettableStatus): void;
}

const ARRIVED = { status: 'arrived', label: 'Arrived', primary: true } as const;
const ARRIVAL_ACTIONS = [ARRIVED, { status: 'no_show', label: 'No-show' }] as const;

function ExpectedTable({ appointments, now, canEdit, busy, onStatus }: ExpectedTableProps) {
  return (
    <Table verticalSpacing="sm" striped className="board-table" aria-label="Still to arrive today">
      <TableHeader columns={['Time', 'Patient', 'Appointment', 'Status']} actions={canEdit} />
      <Table.Tbody>
        {appointments.map((appointment) => {
          const late = minutesSince(appointment.startAt, now);
          return (
            <Table.Tr key={appointment.id} data-appointment-id={appointment.id}>
              <Table.Td className="board-time">
                <Text fw={600}>{bookTime(appointment.startTime)}</Text>
                {appointment.startAt < now && late > 0 && (
                  <Text size="sm" fw={600} c="red.9">
                    {durationText(late)} late
                  </Text>
                )}
              </Table.Td>
              <PatientCell appointment={appointment} />
              <Table.Td>
                <Text>{appointment.typeName}</Text>
                <Text size="sm" c="dimmed">
                  {appointment.providerName}
                  {appointment.mode === 'telehealth' ? ' · telehealth' : ''}
                </Text>
              </Table.Td>
              <Table.Td>{STATUS_LABELS[appointment.status]}</Table.Td>
              {canEdit && (
                <Table.Td>
                  <RowActions
                    appointment={appointment}
                    busy={busy}
                    onStatus={onStatus}
                    // A no-show is only offered once the appointment's time has passed.
                    actions={appointment.startAt < now ? ARRIVAL_ACTIONS : [ARRIVED]}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
