import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { AppointmentView, RuleProblem, SetupView, WaitlistSuggestion } from '../../../../../shared/contract/scheduling';
import { rescheduleSchema } from '../../../../../shared/scheduling/schemas';
import { parseTimeOfDay, resolveLocalTime } from '../../../../../shared/scheduling/time';
import { schedulingCall } from '../schedule-api';
import { useScheduleStore } from '../schedule-store';
import { appointmentTimeRange, hhmmLabel, longDate, shortDate } from '../schedule-words';
import { RuleProblems } from './RuleProblems';
import { seriesMoveWords } from './series/recurrence';
import { ScopeQuestion, scopeCount } from './series/ScopeQuestion';
import { useSeriesVisits } from './series/series-visits';
import { OCCURRENCE_FIELD, OccurrenceSelect } from './OccurrenceSelect';

export type RescheduleValues = z.input<typeof rescheduleSchema>;

interface RescheduleFormProps {
  appointment: AppointmentView;
  setup: SetupView;
  /** A move the book tried first (a drag that was refused): its target and main's problems. */
  initial?: { values: Partial<RescheduleValues>; problems: RuleProblem[] };
  onBack(): void;
  onSaved(moved: AppointmentView, suggestions: WaitlistSuggestion[]): void;
}

/** Move to another date, time, provider or room, or change the length: the same rules as booking, history kept. */
export function RescheduleForm({ appointment, setup, initial, onBack, onSaved }: RescheduleFormProps) {
  const [problems, setProblems] = useState<RuleProblem[]>(initial?.problems ?? []);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const changed = useScheduleStore((state) => state.changed);
  const type = setup.types.find((t) => t.id === appointment.typeId);
  const providers = setup.providers.filter((p) => p.active || p.id === appointment.providerId);
  const rooms = setup.rooms.filter((r) => r.active || r.id === appointment.roomId);
  const form = useForm<RescheduleValues, unknown, RescheduleValues>({
    resolver: zodResolver(rescheduleSchema, undefined, { raw: true }),
    defaultValues: {
      id: appointment.id,
      start: appointment.occurrence ? { date: appointment.date, time: appointment.startTime, occurrence: appointment.occurrence } : { date: appointment.date, time: appointment.startTime },
      providerId: appointment.providerId,
      roomId: appointment.roomId,
      durationMinutes: appointment.durationMinutes,
      scope: 'this',
      acknowledgePatientOverlap: false,
      ...initial?.values,
    },
  });
  const { errors } = form.formState;
  // Shown in place of the details (or as its own dialog): the date takes focus.
  const dateRef = useRef<HTMLInputElement | null>(null);
  const inSeries = appointment.seriesId !== null;
  // A visit of a series: the question "which visits?" comes first and takes focus; otherwise the date does.
  useEffect(() => {
    if (!inSeries) dateRef.current?.focus();
  }, [inSeries]);
  const visits = useSeriesVisits(appointment);
  const scope = form.watch('scope') ?? 'this';
  const count = scopeCount(appointment, visits, scope);
  const dateField = form.register('start.date');
  const date = form.watch('start.date');
  const time = form.watch('start.time');
  const ambiguous = useMemo(() => {
    const minutes = typeof time === 'string' ? parseTimeOfDay(time) : null;
    if (!date || minutes === null) return false;
    const resolved = resolveLocalTime(date, minutes, setup.timeZone);
    return !resolved.ok && resolved.problem === 'ambiguous';
  }, [date, time, setup.timeZone]);

  const submit = form.handleSubmit(async (values) => {
    setSending(true);
    setFailure(null);
    const input: RescheduleValues = { ...values, roomId: values.roomId || null };
    if (input.start && !input.start.occurrence) input.start = { date: input.start.date, time: input.start.time };
    if (!values.overbook) delete input.overbook;
    if (!values.override) delete input.override;
    const result = await schedulingCall((api) => api.reschedule(input));
    setSending(false);
    if (!result.ok) {
      setFailure(result.error.issues?.length ? `${result.error.message} ${result.error.issues.map((i) => i.message).join(' ')}` : result.error.message);
      return;
    }
    if (result.value.outcome === 'not-saved') {
      setProblems(result.value.problems);
      return;
    }
    const moved = result.value.appointments.find((a) => a.id === appointment.id) ?? result.value.appointments[0] ?? appointment;
    const all = result.value.appointments;
    changed(
      all.length > 1
        ? `Moved ${all.length} visits of ${moved.patientName}’s series to ${hhmmLabel(moved.startTime)} with ${moved.providerName}: ${all.map((a) => shortDate(a.date)).join('; ')}.`
        : `Moved ${moved.patientName} to ${longDate(moved.date)}, ${appointmentTimeRange(moved)} with ${moved.providerName}.${moved.seriesId !== null ? ' The other visits of the series stay.' : ''}`,
    );
    onSaved(moved, result.value.waitlistSuggestions);
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text>
          Now: {longDate(appointment.date)}, {appointmentTimeRange(appointment)} with {appointment.providerName}
          {appointment.roomName ? `, ${appointment.roomName}` : ''}.
        </Text>
        {inSeries && (
          <Controller
            control={form.control}
            name="scope"
            render={({ field }) => <ScopeQuestion appointment={appointment} visits={visits} value={field.value ?? 'this'} onChange={field.onChange} verb="move" takeFocus />}
          />
        )}
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            {...dateField}
            ref={(element) => {
              dateField.ref(element);
              dateRef.current = element;
            }}
            type="date"
            label="New date"
            error={errors.start?.date?.message}
          />
          <TextInput {...form.register('start.time')} label="New time" placeholder="10:15 or 2:30 pm" error={errors.start?.time?.message} autoComplete="off" />
          {ambiguous && (
            <OccurrenceSelect registration={form.register('start.occurrence', OCCURRENCE_FIELD)} error={errors.start?.occurrence?.message} />
          )}
          <TextInput {...form.register('durationMinutes', { valueAsNumber: true })} type="number" min={5} max={480} step={5} label="Length (minutes)" error={errors.durationMinutes?.message} />
          <NativeSelect
            {...form.register('providerId')}
            label="Provider"
            data={providers.map((p) => ({ value: p.id, label: p.credentials ? `${p.name}, ${p.credentials}` : p.name }))}
            error={errors.providerId?.message}
          />
          {type?.needsRoom && (
            <NativeSelect
              {...form.register('roomId', { setValueAs: (v: string | null) => (v ? v : null) })}
              label="Room"
              data={[{ value: '', label: 'Choose a room' }, ...rooms.map((r) => ({ value: r.id, label: r.name }))]}
              error={errors.roomId?.message}
            />
          )}
        </SimpleGrid>
        {inSeries && scope !== 'this' && <Text size="sm">{seriesMoveWords(appointment.series?.recurrence, scope)}</Text>}
        {failure && (
          <Alert color="red" variant="light" role="alert" title="Not moved" classNames={{ title: 'alert-title', message: 'alert-message' }}>
            {failure}
          </Alert>
        )}
        <RuleProblems problems={problems} form={form} title="Not moved yet" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack} disabled={sending}>
            Back
          </Button>
          <Button type="submit" loading={sending}>
            {moveLabel(scope === 'this' ? null : count, !!(form.watch('overbook') || form.watch('override')))}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Move the appointment" / "Move anyway"; for several visits of a series "Move 3 visits" (or "Move the visits" while counting). */
function moveLabel(visits: number | null | undefined, anyway: boolean): string {
  if (visits === undefined || visits === null) return anyway ? 'Move anyway' : 'Move the appointment';
  return `Move ${visits} ${visits === 1 ? 'visit' : 'visits'}${anyway ? ' anyway' : ''}`;
}
