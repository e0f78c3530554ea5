import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import type { FormEventHandler, ReactNode, Ref } from 'react';

interface WizardStepProps {
  number: number;
  total: number;
  title: string;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Why the last action did not work, in main's words; shown above the step's fields. */
  problem: string | null;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onBack?: () => void;
  backLabel?: string;
  onCancel: () => void;
  nextLabel: string;
  busy: boolean;
  children: ReactNode;
}

/**
 * One step of the setup wizard: a form (Enter in a field = the main button), its heading, and the same three
 * buttons in the same places on every step: Cancel on the left, Back and Next on the right.
 */
export function WizardStep({ number, total, title, headingRef, problem, onSubmit, onBack, backLabel = 'Back', onCancel, nextLabel, busy, children }: WizardStepProps) {
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="wizard-step-heading" className="wizard-step">
      <Stack gap="lg">
        <Title order={2} id="wizard-step-heading" ref={headingRef} tabIndex={-1} className="wizard-step-heading">
          <span className="wizard-step-count">
            Step {number} of {total}
          </span>{' '}
          {title}
        </Title>
        {problem && (
          <Alert color="red" variant="light" role="alert" classNames={{ message: 'alert-message' }}>
            {problem}
          </Alert>
        )}
        {children}
        <Group justify="space-between" mt="sm" className="wizard-buttons">
          <Button variant="subtle" color="gray" onClick={onCancel} disabled={busy} className="wizard-cancel">
            Cancel setup
          </Button>
          <Group gap="sm">
            {onBack && (
              <Button variant="default" onClick={onBack} disabled={busy}>
                {backLabel}
              </Button>
            )}
            <Button type="submit" loading={busy}>
              {nextLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
