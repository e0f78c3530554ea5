import { Alert, Button, Divider, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { AppointmentView, RuleProblem, SetupView, WaitlistSuggestion } from '../../../../../shared/contract/scheduling';
import { bookedDates } from '../../../../../shared/scheduling/recurrence';
import { CANCEL_REASON_LABELS, NEXT_STATUSES, REMINDER_OUTCOME_LABELS, isChangeable, type SettableStatus } from '../../../../../shared/scheduling/status';
import { usePatientsStore } from '../../patients/patients-store';
import { formatDateTime } from '../../patients/format';
import { useUiStore } from '../../../store/ui-store';
import { schedulingCall } from '../schedule-api';
import { useScheduleStore } from '../schedule-store';
import { appointmentTimeRange, longDate, STATUS_MARKS, statusLabel } from '../schedule-words';
import { printAppointmentCard } from '../print/AppointmentCard';
import { CancelForm } from './CancelForm';
import { RescheduleForm } from './RescheduleForm';
import { RestoreForm } from './RestoreForm';
import { WaitlistSuggestions } from './WaitlistSuggestions';
import { lowerFirst, mediumDate, repeatWords } from './series/recurrence';
import { useSeriesVisits, type SeriesVisits } from './series/series-visits';

type Loaded = Awaited<ReturnType<typeof loadAppointment>>;

async function loadAppointment(id: string) {
  return schedulingCall((api) => api.get({ id }));
}

type Step =
  | { kind: 'details' }
  | { kind: 'reschedule' }
  | { kind: 'cancel' }
  | { kind: 'freed'; heading: string; suggestions: WaitlistSuggestion[] }
  | { kind: 'restore'; status: SettableStatus; problems: RuleProblem[] };

const STATUS_ACTIONS: Record<SettableStatus, string> = {
  booked: 'Back to booked',
  confirmed: 'Confirmed',
  arrived: 'Arrived',
  in_room: 'In room',
  checked_out: 'Checked out',
  no_show: 'No-show',
};

interface AppointmentDialogProps {
  id: string;
  setup: SetupView;
  canChange: boolean;
  /** The grid is on screen: offer "Move with the keyboard". */
  canMoveInGrid: boolean;
  onClose(next?: { keyboardMove?: string; focusAppointmentId?: string }): void;
}

/**
 * One appointment: what, when, with whom, its status and history; the visit-day steps; reschedule, cancel (then the
 * waitlist patients who could take the time), an .ics file and a printed card for the patient.
 */
export function AppointmentDialog({ id, setup, canChange, canMoveInGrid, onClose }: AppointmentDialogProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'details' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const changed = useScheduleStore((state) => state.changed);
  const seriesVisits = useSeriesVisits(loaded?.ok ? loaded.value.appointment : { id, patientId: '', seriesId: null });

  const reload = useCallback(async () => {
    setLoaded(await loadAppointment(id));
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (!loaded) {
    return (
      <Modal opened onClose={() => onClose()} title="Appointment" size={760} returnFocus={false}>
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden="true" />
          <Text>Opening the appointment…</Text>
        </Group>
      </Modal>
    );
  }
  if (!loaded.ok) {
    return (
      <Modal opened onClose={() => onClose()} title="Appointment" size={760} returnFocus={false}>
        <Alert color="red" variant="light" role="alert" title="The appointment could not open" classNames={{ title: 'alert-title', message: 'alert-message' }}>
          {loaded.error.message}
        </Alert>
      </Modal>
    );
  }
  const { appointment, history } = loaded.value;
  const title = `${appointment.patientName}, ${appointmentTimeRange(appointment)}`;
  const changeable = canChange && isChangeable(appointment.status);

  async function setStatus(status: SettableStatus) {
    setBusy(status);
    setProblem(null);
    const result = await schedulingCall((api) => api.setStatus({ id: appointment.id, status }));
    setBusy(null);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    // Restoring a no-show whose time was taken meanwhile: main's problems, as for a booking.
    if (result.value.outcome === 'not-saved') {
      setStep({ kind: 'restore', status, problems: result.value.problems });
      return;
    }
    changed(`${appointment.patientName}: ${statusLabel(result.value.appointment.status).toLowerCase()}.`);
    await reload();
    if (result.value.waitlistSuggestions.length > 0) {
      setStep({ kind: 'freed', heading: `${appointment.patientName} did not come. Offer the time to someone waiting?`, suggestions: result.value.waitlistSuggestions });
    }
  }

  async function downloadIcs() {
    setBusy('ics');
    setProblem(null);
    const result = await schedulingCall((api) => api.exportIcs({ id: appointment.id }));
    setBusy(null);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    downloadCalendarFile(result.value.fileName, result.value.content);
  }

  function openPatient() {
    usePatientsStore.getState().openPatient(appointment.patientId);
    onClose();
    useUiStore.getState().navigate('patients');
  }

  const body = (() => {
    switch (step.kind) {
      case 'reschedule':
        return (
          <RescheduleForm
            appointment={appointment}
            setup={setup}
            onBack={() => setStep({ kind: 'details' })}
            onSaved={(moved, suggestions) => {
              if (suggestions.length > 0) {
                void reload();
                setStep({ kind: 'freed', heading: `Moved. Offer the time ${appointment.patientName} had to someone waiting?`, suggestions });
              } else onClose({ focusAppointmentId: moved.id });
            }}
          />
        );
      case 'cancel':
        return (
          <CancelForm
            appointment={appointment}
            onBack={() => setStep({ kind: 'details' })}
            onCancelled={(suggestions, cancelled) =>
              setStep({
                kind: 'freed',
                heading: `${cancelled > 1 ? `Cancelled ${cancelled} visits of ${appointment.patientName}’s series` : `Cancelled ${appointment.patientName}’s visit`}. Offer the time to someone waiting?`,
                suggestions,
              })
            }
          />
        );
      case 'restore':
        return (
          <RestoreForm
            appointment={appointment}
            status={step.status}
            problems={step.problems}
            onBack={() => setStep({ kind: 'details' })}
            onRestored={() => {
              setStep({ kind: 'details' });
              void reload();
            }}
          />
        );
      case 'freed':
        return (
          <Stack gap="md">
            <Text fw={650} role="status">
              {step.heading}
            </Text>
            <WaitlistSuggestions suggestions={step.suggestions} canChange={canChange} onLeave={() => onClose()} />
            <Group justify="flex-end">
              <Button onClick={() => onClose()}>Done</Button>
            </Group>
          </Stack>
        );
      case 'details':
        return (
          <Stack gap="md">
            <AppointmentFacts appointment={appointment} timeZone={setup.timeZone} series={seriesFact(appointment, seriesVisits)} />
            {problem && (
              <Alert color="red" variant="light" role="alert" title="That did not work" classNames={{ title: 'alert-title', message: 'alert-message' }}>
                {problem}
              </Alert>
            )}
            {canChange && NEXT_STATUSES[appointment.status].length > 0 && (
              <section aria-labelledby="appointment-status-heading">
                <Title order={3} size="h4" id="appointment-status-heading">
                  Visit day: mark as
                </Title>
                <Group gap="sm" mt={6}>
                  {NEXT_STATUSES[appointment.status].map((status) => (
                    <Button key={status} variant={status === 'no_show' || status === 'booked' ? 'default' : 'light'} loading={busy === status} onClick={() => void setStatus(status)}>
                      <span aria-hidden="true">{STATUS_MARKS[status]}&nbsp;</span>
                      {STATUS_ACTIONS[status]}
                    </Button>
                  ))}
                </Group>
              </section>
            )}
            {changeable && (
              <section aria-labelledby="appointment-change-heading">
                <Title order={3} size="h4" id="appointment-change-heading">
                  Change
                </Title>
                <Group gap="sm" mt={6}>
                  {canMoveInGrid && (
                    <Button variant="light" onClick={() => onClose({ keyboardMove: appointment.id })} aria-keyshortcuts="M">
                      Move in the book
                    </Button>
                  )}
                  <Button variant="light" onClick={() => setStep({ kind: 'reschedule' })}>
                    Reschedule…
                  </Button>
                  <Button variant="light" color="red" onClick={() => setStep({ kind: 'cancel' })}>
                    Cancel appointment…
                  </Button>
                </Group>
                {appointment.seriesId !== null && canMoveInGrid && (
                  <Text size="sm" mt={6}>
                    Moving in the book moves only this visit. Reschedule… and Cancel… ask whether the following visits, or all of the series, go too.
                  </Text>
                )}
              </section>
            )}
            <section aria-labelledby="appointment-patient-heading">
              <Title order={3} size="h4" id="appointment-patient-heading">
                For the patient
              </Title>
              <Group gap="sm" mt={6}>
                {canChange && (
                  <Button variant="default" loading={busy === 'ics'} onClick={() => void downloadIcs()}>
                    Calendar file (.ics)
                  </Button>
                )}
                <Button variant="default" onClick={() => printAppointmentCard(appointment)}>
                  Print appointment card
                </Button>
                <Button variant="default" onClick={openPatient}>
                  Open patient’s page
                </Button>
              </Group>
            </section>
            <Divider />
            <section aria-labelledby="appointment-history-heading">
              <Title order={3} size="h4" id="appointment-history-heading">
                History
              </Title>
              {history.length === 0 ? (
                <Text size="sm">Nothing yet.</Text>
              ) : (
                <ol className="history-list">
                  {history.map((entry, index) => (
                    <li key={`${entry.at}-${index}`}>
                      {formatDateTime(entry.at, setup.timeZone)}
                      {entry.by ? `, ${entry.by}` : ''}: {entry.description}
                    </li>
                  ))}
                </ol>
              )}
            </section>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => onClose()}>
                Close
              </Button>
            </Group>
          </Stack>
        );
      default:
        return null;
    }
  })();

  return (
    <Modal opened onClose={() => onClose()} title={title} size={760} returnFocus={false}>
      {body}
    </Modal>
  );
}

/**
 * "Visit 2 of 6, every week on Tuesday, until Nov 5, 2030 (changed on its own); 2 of them cancelled": the place among
 * the visits the series was booked with, its rule and last date, from the series the view carries (main keeps it exact
 * when visits move: "all" rewrites it, "this and following" splits the series); how many were cancelled is added once
 * the series' visits are read.
 */
function seriesFact(appointment: AppointmentView, visits: SeriesVisits | null): string | null {
  if (appointment.seriesId === null) return null;
  const own = appointment.seriesException ? ' (changed on its own)' : '';
  const { series } = appointment;
  if (!series) return `Part of a repeating series${own}`;
  const booked = bookedDates(series);
  const place = booked.findIndex((d) => d.index === appointment.seriesIndex);
  const rule = lowerFirst(repeatWords(series.recurrence, series.firstDate));
  const last = booked[booked.length - 1];
  const until = last ? `, until ${mediumDate(last.date)}` : '';
  const cancelled = visits?.kind === 'ready' ? visits.visits.filter((v) => v.status === 'cancelled').length : 0;
  const where = place >= 0 ? `Visit ${place + 1} of ${booked.length}` : 'Part of a series';
  return `${where}, ${rule}${until}${own}${cancelled > 0 ? `; ${cancelled} of them cancelled` : ''}`;
}

function AppointmentFacts({ appointment, timeZone, series }: { appointment: AppointmentView; timeZone: string; series: string | null }) {
  const facts: [string, string][] = [
    ['When', `${longDate(appointment.date)}, ${appointmentTimeRange(appointment)} (${appointment.durationMinutes} minutes)${appointment.occurrence === 'second' ? ', after the clocks went back' : ''}`],
    ['Patient', `${appointment.patientName} (MRN ${appointment.patientMrn})`],
    ['Provider', appointment.providerName],
    ['Type', `${appointment.typeName}${appointment.mode === 'telehealth' ? ' (telehealth)' : ''}`],
  ];
  if (appointment.roomName) facts.push(['Room', appointment.roomName]);
  facts.push(['Status', `${STATUS_MARKS[appointment.status]} ${statusLabel(appointment.status)} since ${formatDateTime(appointment.statusAt, timeZone)}`]);
  if (appointment.cancelReason) facts.push(['Cancelled', `${CANCEL_REASON_LABELS[appointment.cancelReason]}${appointment.cancelNote ? `: ${appointment.cancelNote}` : ''}`]);
  if (appointment.overbooked) facts.push(['Overbooked', appointment.overbookReason ?? 'Yes']);
  if (appointment.overrideReason) facts.push(['Outside hours', appointment.overrideReason]);
  if (appointment.reason) facts.push(['Reason', appointment.reason]);
  if (appointment.notes) facts.push(['Notes', appointment.notes]);
  if (appointment.telehealthLink) facts.push(['Telehealth link', appointment.telehealthLink]);
  if (appointment.reminder) facts.push(['Reminder call', `${REMINDER_OUTCOME_LABELS[appointment.reminder.outcome]}, ${formatDateTime(appointment.reminder.at, timeZone)}${appointment.reminder.by ? ` (${appointment.reminder.by})` : ''}`]);
  if (series !== null) facts.push(['Series', series]);
  return (
    <dl className="appointment-facts">
      {facts.map(([term, value]) => (
        <div key={term} style={{ display: 'contents' }}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** An .ics file as a download (no byte-order mark: calendar programs read UTF-8 without one). */
function downloadCalendarFile(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
