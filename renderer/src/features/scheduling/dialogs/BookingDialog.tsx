import '../../patients/patients.css';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useForm, type Resolver, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { AppointmentView, RuleProblem, SetupView } from '../../../../../shared/contract/scheduling';
import type { bookingSchema } from '../../../../../shared/scheduling/schemas';
import { clockLabel, parseTimeOfDay, resolveLocalTime } from '../../../../../shared/scheduling/time';
import { applyServerIssues } from '../../../forms/server-issues';
import { formatDateOfBirth } from '../../patients/format';
import { patientsCall } from '../../patients/patients-api';
import { QuickRegisterDialog } from '../../patients/register/QuickRegisterDialog';
import { PatientSearch } from '../../patients/search/PatientSearch';
import { schedulingCall } from '../schedule-api';
import { appointmentTimeRange, longDate } from '../schedule-words';
import type { StartInput } from '../book/grid-model';
import { RuleProblems } from './RuleProblems';
import { RepeatFields } from './series/RepeatFields';
import { leftOutWords, lowerFirst, mediumDate, repeatWords } from './series/recurrence';
import { bookingFormSchema, DEFAULT_REPEAT, planSeries, seriesFieldOf, type BookingFormValues } from './series/repeat-form';
import { SeriesProblems } from './series/SeriesProblems';
import { OCCURRENCE_FIELD, OccurrenceSelect } from './OccurrenceSelect';

type BookingValues = z.input<typeof bookingSchema>;

/** The last answer's problems: for one visit, or for a series of `visitCount` visits (grouped by date). */
type Refusal = { series: false; problems: RuleProblem[] } | { series: true; problems: RuleProblem[]; visitCount: number };

/** Where the booking starts: the slot that was clicked (or Enter), or a waitlist offer. */
export interface BookingDraft {
  start: StartInput;
  providerId: string | null;
  roomId: string | null;
  /** The type, when the draft comes from "Find a time" (else the provider's first). */
  typeId?: string;
}

interface ChosenPatient {
  id: string;
  name: string;
  details: string;
}

const FORM_FIELDS = [
  'patientId',
  'typeId',
  'providerId',
  'roomId',
  'start.date',
  'start.time',
  'start.occurrence',
  'durationMinutes',
  'reason',
  'notes',
  'telehealthLink',
  'overbook.reason',
  'override.reason',
  'repeat.everyWeeks',
  'repeat.monthWeek',
  'repeat.count',
  'repeat.until',
] as const;

/**
 * Book from an empty slot: find the patient (or register them quickly), then type, provider, room, date, time, length,
 * whether and how it repeats, reason, notes and telehealth link. The shared booking schema checks the form; main
 * checks the rules (for a series, every visit) and either books or says what is in the way, with nothing saved.
 * `onClose` gets the (first) booked visit and, for a series, the sentence that says what was booked.
 */
export function BookingDialog({ draft, setup, onClose }: { draft: BookingDraft; setup: SetupView; onClose(booked?: AppointmentView, notice?: string): void }) {
  const providers = setup.providers.filter((p) => p.active);
  const types = setup.types.filter((t) => t.active);
  const rooms = setup.rooms.filter((r) => r.active);
  const firstProvider = providers.find((p) => p.id === draft.providerId) ?? providers[0];
  const firstType = types.find((t) => t.id === draft.typeId) ?? types.find((t) => firstProvider?.typeIds.includes(t.id)) ?? types[0];
  const [patient, setPatient] = useState<ChosenPatient | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const problems = refusal?.problems ?? [];
  const [skipped, setSkipped] = useState<string[]>([]);
  const summaryId = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [quickOpen, setQuickOpen] = useState(false);
  // Main's answer is what the desk must read next: bring it into view (the dialog may be scrolled).
  const problemsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) problemsRef.current?.scrollIntoView({ block: 'nearest' });
  }, [problems]);

  const form: UseFormReturn<BookingFormValues, unknown, BookingFormValues> = useForm<BookingFormValues, unknown, BookingFormValues>({
    resolver: zodResolver(bookingFormSchema, undefined, { raw: true }) as unknown as Resolver<BookingFormValues, unknown, BookingFormValues>,
    defaultValues: {
      patientId: '',
      typeId: firstType?.id ?? '',
      providerId: firstProvider?.id ?? '',
      roomId: firstType?.needsRoom ? (draft.roomId ?? rooms[0]?.id ?? null) : null,
      start: draft.start,
      durationMinutes: firstType?.durationMinutes ?? 15,
      reason: '',
      notes: '',
      telehealthLink: '',
      acknowledgePatientOverlap: false,
      repeat: DEFAULT_REPEAT,
    },
  });
  const { errors } = form.formState;
  const typeId = form.watch('typeId');
  const providerId = form.watch('providerId');
  const date = form.watch('start.date');
  const time = form.watch('start.time');
  const repeat = form.watch('repeat');
  const plan = planSeries(repeat, typeof date === 'string' ? date : '');
  const minutes = typeof time === 'string' ? parseTimeOfDay(time) : null;
  const timeLabel = minutes === null ? null : clockLabel(minutes);
  const visitsToBook = plan?.dates.ok ? plan.dates.dates.filter((d) => !skipped.includes(d)).length : null;
  const type = types.find((t) => t.id === typeId);
  const provider = providers.find((p) => p.id === providerId);
  const offered = provider ? types.filter((t) => provider.typeIds.includes(t.id)) : types;
  const typeOptions = (offered.length > 0 ? offered : types).map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min${t.mode === 'telehealth' ? ', telehealth' : ''})` }));
  if (type && !typeOptions.some((o) => o.value === type.id)) typeOptions.push({ value: type.id, label: `${type.name} (not offered by ${provider?.name ?? 'this provider'})` });

  // On the night the clocks go back, 1:30 happens twice: ask which.
  const ambiguous = useMemo(() => {
    const minutes = typeof time === 'string' ? parseTimeOfDay(time) : null;
    if (!date || minutes === null) return false;
    const resolved = resolveLocalTime(date, minutes, setup.timeZone);
    return !resolved.ok && resolved.problem === 'ambiguous';
  }, [date, time, setup.timeZone]);

  const submit = form.handleSubmit(async (values) => {
    const { repeat: repeatValues, ...bookingValues } = values;
    if (repeatValues.kind !== 'none') {
      await bookSeries(bookingValues, repeatValues);
      return;
    }
    setSending(true);
    setFailure(null);
    const result = await schedulingCall((api) => api.book(cleanBooking(bookingValues)));
    setSending(false);
    if (!result.ok) {
      const unmatched = result.error.code === 'VALIDATION' ? applyServerIssues(result.error.issues, form.setError, toField) : [];
      setFailure([result.error.message, ...unmatched.map((issue) => issue.message)].join(' '));
      return;
    }
    if (result.value.outcome === 'not-saved') {
      setRefusal({ series: false, problems: result.value.problems });
      return;
    }
    onClose(result.value.appointment);
  });

  /** A series: every visit is checked by main first; nothing is saved unless all can be (or are left out). */
  async function bookSeries(bookingValues: BookingValues, repeatValues: BookingFormValues['repeat']) {
    const series = planSeries(repeatValues, bookingValues.start.date);
    if (!series) return;
    if (!series.dates.ok) {
      form.setError(series.dates.field === 'until' ? 'repeat.until' : 'repeat.monthWeek', { type: 'plan', message: series.dates.message }, { shouldFocus: true });
      return;
    }
    const dates = series.dates.dates;
    const skipDates = dates.filter((d) => skipped.includes(d));
    if (skipDates.length === dates.length) {
      setFailure('Every visit of the series is left out. Tick at least one date, or choose "Does not repeat".');
      return;
    }
    setSending(true);
    setFailure(null);
    const result = await schedulingCall((api) => api.bookSeries({ booking: cleanBooking(bookingValues), recurrence: series.recurrence, end: series.end, skipDates }));
    setSending(false);
    if (!result.ok) {
      const unmatched = result.error.code === 'VALIDATION' ? applyServerIssues(result.error.issues, form.setError, (path) => toField(seriesFieldOf(path) ?? '')) : [];
      setFailure([result.error.message, ...unmatched.filter((issue) => issue.message !== result.error.message).map((issue) => issue.message)].join(' '));
      return;
    }
    if (result.value.outcome === 'not-saved') {
      setRefusal({ series: true, problems: result.value.problems, visitCount: dates.length - skipDates.length });
      return;
    }
    const booked = result.value.appointments;
    const first = booked[0];
    if (!first) return;
    const last = booked[booked.length - 1] ?? first;
    const left = skipDates.length > 0 ? ` (${leftOutWords(skipDates)} left out)` : '';
    onClose(
      first,
      `Booked ${booked.length} visits for ${first.patientName} with ${first.providerName}: ${lowerFirst(repeatWords(series.recurrence, bookingValues.start.date))} at ${timeLabel ?? first.startTime}, ${mediumDate(first.date)} to ${mediumDate(last.date)}${left}.`,
    );
  }

  function leaveOut(dates: readonly string[], out: boolean) {
    setSkipped((current) => (out ? [...new Set([...current, ...dates])] : current.filter((d) => !dates.includes(d))));
  }

  function openQuickRegistration() {
    setQuickOpen(true);
  }

  /** The desk stays in the booking: the registered (or chosen existing) patient becomes the booking's patient. */
  async function afterQuickRegistration(patientId: string) {
    setQuickOpen(false);
    const page = await patientsCall((api) => api.get({ id: patientId }));
    if (!page.ok) {
      setFailure(page.error.message);
      return;
    }
    const p = page.value.patient;
    choosePatient({ id: p.id, name: `${p.lastName}, ${p.firstName}`, details: `Born ${formatDateOfBirth(p.dateOfBirth)} · MRN ${p.mrn}` });
  }

  function choosePatient(chosen: ChosenPatient) {
    setPatient(chosen);
    form.setValue('patientId', chosen.id, { shouldValidate: form.formState.isSubmitted });
    form.clearErrors('patientId');
  }

  if (quickOpen) return <QuickRegisterDialog onClose={() => setQuickOpen(false)} onChosen={(patientId) => void afterQuickRegistration(patientId)} />;

  return (
    <Modal opened onClose={() => onClose()} title="Book an appointment" size={760} returnFocus={false} closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <Text>
            {longDate(form.getValues('start.date') || draft.start.date)} · {provider?.name ?? 'Choose a provider'}
          </Text>
          {patient ? (
            <Group justify="space-between" className="booking-patient" wrap="nowrap">
              <div>
                <Text fw={650} size="lg">
                  {patient.name}
                </Text>
                <Text size="sm">{patient.details}</Text>
              </div>
              <Button variant="default" onClick={() => setPatient(null)}>
                Change patient
              </Button>
            </Group>
          ) : (
            <Stack gap={6}>
              <PatientSearch
                label="Patient"
                description="Name, date of birth, phone or MRN. Up and down arrows choose, Enter takes the patient."
                placeholder="Start typing a name, date of birth, phone or MRN"
                inline
                timeZone={setup.timeZone}
                data-autofocus
                onChoose={(result) =>
                  choosePatient({
                    id: result.id,
                    name: result.displayName,
                    details: [`Born ${formatDateOfBirth(result.dateOfBirth)}`, `MRN ${result.mrn}`, result.phone].filter(Boolean).join(' · '),
                  })
                }
              />
              {errors.patientId?.message && (
                <Text c="red.9" size="sm" role="alert">
                  {errors.patientId.message}
                </Text>
              )}
              <Group gap="sm">
                <Text size="sm">Not registered yet?</Text>
                <Button variant="light" size="compact-md" onClick={openQuickRegistration}>
                  Quick registration
                </Button>
              </Group>
            </Stack>
          )}
          <input type="hidden" {...form.register('patientId')} />
          <SimpleGrid cols={2} spacing="md">
            <NativeSelect
              {...form.register('typeId', {
                onChange: (event: { target: { value: string } }) => {
                  const chosen = types.find((t) => t.id === event.target.value);
                  if (!chosen) return;
                  form.setValue('durationMinutes', chosen.durationMinutes);
                  form.setValue('roomId', chosen.needsRoom ? (form.getValues('roomId') ?? draft.roomId ?? rooms[0]?.id ?? null) : null);
                },
              })}
              label="Appointment type"
              data={typeOptions}
              error={errors.typeId?.message}
            />
            <NativeSelect
              {...form.register('providerId')}
              label="Provider"
              data={providers.map((p) => ({ value: p.id, label: p.credentials ? `${p.name}, ${p.credentials}` : p.name }))}
              error={errors.providerId?.message}
            />
          </SimpleGrid>
          <SimpleGrid cols={3} spacing="md">
            <TextInput {...form.register('start.date')} type="date" label="Date" error={errors.start?.date?.message} withAsterisk />
            <TextInput {...form.register('start.time')} label="Time" placeholder="10:15 or 2:30 pm" error={errors.start?.time?.message} autoComplete="off" withAsterisk />
            <TextInput
              {...form.register('durationMinutes', { valueAsNumber: true })}
              type="number"
              min={5}
              max={480}
              step={5}
              label="Length (minutes)"
              error={errors.durationMinutes?.message}
            />
          </SimpleGrid>
          {(ambiguous || type?.needsRoom) && (
            <SimpleGrid cols={2} spacing="md">
              {ambiguous && (
                <OccurrenceSelect registration={form.register('start.occurrence', OCCURRENCE_FIELD)} error={errors.start?.occurrence?.message} />
              )}
              {type?.needsRoom && (
                <NativeSelect
                  {...form.register('roomId', { setValueAs: (v: string | null) => (v ? v : null) })}
                  label="Room (this type needs one)"
                  data={[{ value: '', label: 'Choose a room' }, ...rooms.map((r) => ({ value: r.id, label: r.name }))]}
                  error={errors.roomId?.message}
                />
              )}
            </SimpleGrid>
          )}
          <RepeatFields
            form={form}
            plan={plan}
            timeLabel={timeLabel}
            skipped={skipped}
            onSkippedChange={setSkipped}
            problemDates={new Set(refusal?.series ? refusal.problems.map((p) => p.date) : [])}
            summaryId={summaryId}
            onKindChange={() => setRefusal(null)}
          />
          <TextInput {...form.register('reason')} label="Reason for the visit" placeholder="Such as: follow-up on blood pressure" error={errors.reason?.message} autoComplete="off" />
          {type?.mode === 'telehealth' && (
            <TextInput {...form.register('telehealthLink')} label="Telehealth link" placeholder="https://" error={errors.telehealthLink?.message} autoComplete="off" />
          )}
          <Textarea {...form.register('notes')} label="Notes for the desk" autosize minRows={1} maxRows={5} error={errors.notes?.message} />
          {failure && (
            <Alert color="red" variant="light" role="alert" title="Not booked" classNames={{ title: 'alert-title', message: 'alert-message' }}>
              {failure}
            </Alert>
          )}
          <div ref={problemsRef}>
            {refusal?.series ? (
              <SeriesProblems problems={refusal.problems} form={form} visitCount={refusal.visitCount} skipped={skipped} onLeaveOut={leaveOut} />
            ) : (
              <RuleProblems problems={problems} form={form} title="Not booked yet" />
            )}
          </div>
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={() => onClose()} disabled={sending}>
              Cancel
            </Button>
            <Button type="submit" loading={sending}>
              {submitLabel(repeat.kind !== 'none', visitsToBook, !!(form.watch('overbook') || form.watch('override')))}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** "Book appointment", "Book anyway"; for a series "Book 6 visits", "Book 5 visits anyway". */
function submitLabel(repeating: boolean, visits: number | null, anyway: boolean): string {
  if (!repeating) return anyway ? 'Book anyway' : 'Book appointment';
  if (visits === null) return anyway ? 'Book the visits anyway' : 'Book the visits';
  return `Book ${visits} ${visits === 1 ? 'visit' : 'visits'}${anyway ? ' anyway' : ''}`;
}

/** The booking as main takes it: empty optional fields left out, the decisions only when chosen. */
function cleanBooking(values: BookingValues): BookingValues {
  const booking: BookingValues = { ...values, roomId: values.roomId || null };
  if (!values.start.occurrence) booking.start = { date: values.start.date, time: values.start.time };
  if (!values.overbook) delete booking.overbook;
  if (!values.override) delete booking.override;
  return booking;
}

function toField(path: string) {
  return (FORM_FIELDS as readonly string[]).includes(path) ? (path as (typeof FORM_FIELDS)[number]) : null;
}

export function bookedNotice(appointment: AppointmentView): string {
  return `Booked ${appointment.patientName} with ${appointment.providerName} on ${longDate(appointment.date)}, ${appointmentTimeRange(appointment)}.`;
}
