import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { AppointmentView, RuleProblem } from '../../../../../shared/contract/scheduling';
import { statusChangeSchema } from '../../../../../shared/scheduling/schemas';
import type { SettableStatus } from '../../../../../shared/scheduling/status';
import { schedulingCall } from '../schedule-api';
import { useScheduleStore } from '../schedule-store';
import { appointmentTimeRange, statusLabel } from '../schedule-words';
import { RuleProblems } from './RuleProblems';

type RestoreValues = z.input<typeof statusChangeSchema>;

const RESTORE_ADVICE = {
  blocked: 'A no-show cannot be moved: book the patient a new visit instead.',
  decide: 'Choose below how to go on, or go back.',
};

interface RestoreFormProps {
  appointment: AppointmentView;
  /** Back to booked, or arrived after all. */
  status: SettableStatus;
  /** Main's answer to the first attempt. */
  problems: RuleProblem[];
  onBack(): void;
  onRestored(): void;
}

/**
 * Restoring a no-show whose time was taken meanwhile: main's problems, said as for a booking, and only the ways past
 * them main allows (overbook with a reason, acknowledge the patient's other visit); sending again with the choice
 * made restores it.
 */
export function RestoreForm({ appointment, status, problems: firstProblems, onBack, onRestored }: RestoreFormProps) {
  const [problems, setProblems] = useState<RuleProblem[]>(firstProblems);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const changed = useScheduleStore((state) => state.changed);
  const form = useForm<RestoreValues, unknown, RestoreValues>({
    resolver: zodResolver(statusChangeSchema, undefined, { raw: true }),
    defaultValues: { id: appointment.id, status, acknowledgePatientOverlap: false },
  });
  // The pressed status button is gone: the explanation takes focus, so the problems are read next.
  const introRef = useRef<HTMLParagraphElement | null>(null);
  useEffect(() => introRef.current?.focus(), []);
  const word = statusLabel(status).toLowerCase();
  const blocked = problems.some((p) => p.resolution === 'none' || !p.allowed);
  const anyway = !!form.watch('overbook') || !!form.watch('acknowledgePatientOverlap');

  const submit = form.handleSubmit(async (values) => {
    setSending(true);
    setFailure(null);
    const input: RestoreValues = { ...values };
    if (!values.overbook) delete input.overbook;
    const result = await schedulingCall((api) => api.setStatus(input));
    setSending(false);
    if (!result.ok) {
      setFailure(result.error.message);
      return;
    }
    if (result.value.outcome === 'not-saved') {
      setProblems(result.value.problems);
      return;
    }
    const restored = result.value.appointment;
    changed(`${restored.patientName}: ${statusLabel(restored.status).toLowerCase()}${restored.overbooked ? ' (overbooked)' : ''}.`);
    onRestored();
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text ref={introRef} tabIndex={-1} fw={600}>
          {appointment.patientName} was marked as a no-show, which freed {appointmentTimeRange(appointment)} with {appointment.providerName}. Something was
          booked in that time since.
        </Text>
        {failure && (
          <Alert color="red" variant="light" role="alert" title={`Not marked ${word}`} classNames={{ title: 'alert-title', message: 'alert-message' }}>
            {failure}
          </Alert>
        )}
        <RuleProblems problems={problems} form={form} title={`Not marked ${word}`} advice={RESTORE_ADVICE} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack} disabled={sending}>
            Back
          </Button>
          {!blocked && (
            <Button type="submit" loading={sending}>
              {status === 'arrived' ? 'Mark arrived' : 'Back to booked'}
              {anyway ? ' anyway' : ''}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
