import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { AppointmentView, WaitlistSuggestion } from '../../../../../shared/contract/scheduling';
import { cancelSchema } from '../../../../../shared/scheduling/schemas';
import { CANCEL_REASONS, CANCEL_REASON_LABELS } from '../../../../../shared/scheduling/status';
import { schedulingCall } from '../schedule-api';
import { useScheduleStore } from '../schedule-store';
import { appointmentTimeRange, shortDate } from '../schedule-words';
import { ScopeQuestion, scopeCount } from './series/ScopeQuestion';
import { useSeriesVisits, type SeriesVisits } from './series/series-visits';

type CancelValues = z.input<typeof cancelSchema>;

/** Cancel with a reason (patient, clinic, weather, other); a series asks which visits. */
export function CancelForm({ appointment, onBack, onCancelled }: { appointment: AppointmentView; onBack(): void; onCancelled(suggestions: WaitlistSuggestion[], cancelled: number): void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const changed = useScheduleStore((state) => state.changed);
  const form = useForm<CancelValues, unknown, CancelValues>({
    resolver: zodResolver(cancelSchema, undefined, { raw: true }),
    defaultValues: { id: appointment.id, reason: 'patient', note: '', scope: 'this' },
  });
  const { errors } = form.formState;
  // Shown in place of the details (the dialog stays open): the first field takes focus.
  const reasonRef = useRef<HTMLSelectElement | null>(null);
  const inSeries = appointment.seriesId !== null;
  // A visit of a series: the question "which visits?" comes first and takes focus; otherwise the reason does.
  useEffect(() => {
    if (!inSeries) reasonRef.current?.focus();
  }, [inSeries]);
  const visits = useSeriesVisits(appointment);
  const scope = form.watch('scope') ?? 'this';
  const count = scopeCount(appointment, visits, scope);
  const reasonField = form.register('reason');

  const submit = form.handleSubmit(async (values) => {
    setSending(true);
    setFailure(null);
    const result = await schedulingCall((api) => api.cancel(values));
    setSending(false);
    if (!result.ok) {
      setFailure(result.error.message);
      return;
    }
    const cancelled = result.value.cancelled.length;
    changed(
      cancelled > 1
        ? `Cancelled ${cancelled} visits of ${appointment.patientName}’s series${cancelledDates(visits, result.value.cancelled)}.`
        : `Cancelled ${appointment.patientName}’s visit on ${shortDate(appointment.date)}, ${appointmentTimeRange(appointment)}.`,
    );
    onCancelled(result.value.waitlistSuggestions, cancelled);
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text>
          Cancel {appointment.patientName}’s {appointment.typeName.toLowerCase()} on {shortDate(appointment.date)}, {appointmentTimeRange(appointment)} with {appointment.providerName}?
        </Text>
        {inSeries && (
          <Controller
            control={form.control}
            name="scope"
            render={({ field }) => <ScopeQuestion appointment={appointment} visits={visits} value={field.value ?? 'this'} onChange={field.onChange} verb="cancel" takeFocus />}
          />
        )}
        <NativeSelect
          {...reasonField}
          ref={(element) => {
            reasonField.ref(element);
            reasonRef.current = element;
          }}
          label="Why is it cancelled?"
          data={CANCEL_REASONS.map((reason) => ({ value: reason, label: CANCEL_REASON_LABELS[reason] }))}
          error={errors.reason?.message}
        />
        <TextInput {...form.register('note')} label="Note" description="Needed when the reason is Other" error={errors.note?.message} autoComplete="off" />
        {failure && (
          <Alert color="red" variant="light" role="alert" title="Not cancelled" classNames={{ title: 'alert-title', message: 'alert-message' }}>
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack} disabled={sending}>
            Back
          </Button>
          <Button type="submit" color="red.9" loading={sending}>
            {scope === 'this' || count === null ? (scope === 'this' ? 'Cancel the appointment' : 'Cancel the visits') : `Cancel ${count} ${count === 1 ? 'visit' : 'visits'}`}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** ": Tue, Oct 29; Tue, Nov 5" for the cancelled visits of a series, when the series was read. */
function cancelledDates(visits: SeriesVisits | null, ids: readonly string[]): string {
  if (visits?.kind !== 'ready') return '';
  const dates = visits.visits.filter((v) => ids.includes(v.id)).map((v) => shortDate(v.date));
  return dates.length > 0 && dates.length <= 8 ? `: ${dates.join('; ')}` : '';
}
