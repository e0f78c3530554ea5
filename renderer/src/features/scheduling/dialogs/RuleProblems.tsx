import { Alert, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import type { FieldErrors, FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import type { RuleProblem } from '../../../../../shared/contract/scheduling';

/** The choices a first attempt's problems offer, as the booking and reschedule forms hold them. */
export interface DecisionValues extends FieldValues {
  overbook?: { reason: string };
  override?: { reason: string };
  acknowledgePatientOverlap?: boolean;
}

interface RuleProblemsProps<T extends DecisionValues> {
  problems: readonly RuleProblem[];
  form: UseFormReturn<T, unknown, T>;
  /** "Not booked" / "Not moved". */
  title: string;
  /** What to do next: when a problem has no way past, and when a choice below gets past them all. */
  advice?: { blocked: string; decide: string };
}

const BOOKING_ADVICE = { blocked: 'Choose another time, provider or room.', decide: 'Choose below how to go on, or change the time.' };

/**
 * Main's refusal, said plainly ("Dr. Lee already has Maria Gomez 10:00–10:30."), and under it only the ways past it
 * that main allows this person: overbook with a reason, book outside the hours with a reason (administrators and care
 * coordinators), or acknowledge that the patient has another visit then. Nothing was saved; sending again with a
 * choice made is what books.
 */
export function RuleProblems<T extends DecisionValues>({ problems, form, title, advice = BOOKING_ADVICE }: RuleProblemsProps<T>) {
  if (problems.length === 0) return null;
  const blocking = problems.filter((p) => p.resolution === 'none' || !p.allowed);
  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" role="alert" title={title} classNames={{ title: 'alert-title', message: 'alert-message' }}>
        <ul className="rule-problems">
          {problems.map((problem, index) => (
            <li key={`${problem.kind}-${problem.date}-${index}`}>{problem.message}</li>
          ))}
        </ul>
        <Text mt="xs" size="sm">
          Nothing was saved. {blocking.length > 0 ? advice.blocked : advice.decide}
        </Text>
      </Alert>
      <RuleDecisions problems={problems} form={form} />
    </Stack>
  );
}

/**
 * The ways past main's problems that main allows this person, as form fields: overbook with a reason, book outside
 * the hours with a reason (administrators and care coordinators), acknowledge the patient's other visit. `series`
 * words them for the visits of a series (one decision covers every date it is needed on).
 */
export function RuleDecisions<T extends DecisionValues>({ problems, form, series = false }: { problems: readonly RuleProblem[]; form: UseFormReturn<T, unknown, T>; series?: boolean }) {
  const overbook = problems.filter((p) => p.resolution === 'overbook');
  const override = problems.filter((p) => p.resolution === 'override');
  const acknowledge = problems.filter((p) => p.resolution === 'acknowledge');
  const errors = form.formState.errors as FieldErrors<DecisionValues>;
  const overbookChosen = form.watch('overbook' as Path<T>) !== undefined;
  const overrideChosen = form.watch('override' as Path<T>) !== undefined;

  const choose = (name: 'overbook' | 'override', chosen: boolean) => {
    if (chosen) form.setValue(name as Path<T>, { reason: '' } as PathValue<T, Path<T>>);
    else form.unregister(name as Path<T>);
  };
  if (overbook.length === 0 && override.length === 0 && acknowledge.length === 0) return null;

  return (
    <Stack gap="sm">
      {overbook.some((p) => p.allowed) && (
        <Stack gap={6}>
          <Checkbox
            size="md"
            label={series ? 'Overbook: book those visits at the same time anyway (they are flagged in the book)' : 'Overbook: book it at the same time anyway (it is flagged in the book)'}
            checked={overbookChosen}
            onChange={(event) => choose('overbook', event.currentTarget.checked)}
          />
          {overbookChosen && (
            <TextInput
              {...form.register('overbook.reason' as Path<T>)}
              label="Why overbook?"
              description="For example: urgent, the doctor agreed. At least 3 characters."
              error={errors.overbook?.reason?.message}
              withAsterisk
              autoComplete="off"
              data-autofocus
            />
          )}
        </Stack>
      )}
      {override.some((p) => p.allowed) && (
        <Stack gap={6}>
          <Checkbox
            size="md"
            label={series ? 'Book those visits outside the working hours or in the blocked time anyway' : 'Book outside the working hours or in the blocked time anyway'}
            checked={overrideChosen}
            onChange={(event) => choose('override', event.currentTarget.checked)}
          />
          {overrideChosen && (
            <TextInput
              {...form.register('override.reason' as Path<T>)}
              label="Why book outside the hours?"
              description="For example: the doctor stays late for this patient. At least 3 characters."
              error={errors.override?.reason?.message}
              withAsterisk
              autoComplete="off"
            />
          )}
        </Stack>
      )}
      {override.some((p) => !p.allowed) && (
        <Text size="sm">Only administrators and care coordinators can book outside working hours or in blocked time. Choose another time, or ask one of them.</Text>
      )}
      {acknowledge.length > 0 && (
        <Checkbox size="md" {...form.register('acknowledgePatientOverlap' as Path<T>)} label={series ? 'I have seen the patient’s other visits, and they need these too' : 'I have seen the patient’s other visit, and they need this one too'} />
      )}
    </Stack>
  );
}
