import { VisuallyHidden } from '@mantine/core';

/** Where the administrator is in the setup: numbered steps, done ones ticked, the current one marked for screen readers. */
export function WizardProgress({ steps, active }: { steps: readonly string[]; active: number }) {
  return (
    <ol className="wizard-progress" aria-label="Setup steps">
      {steps.map((label, index) => {
        const state = index < active ? 'done' : index === active ? 'current' : 'todo';
        return (
          <li key={label} className="wizard-progress-step" data-state={state} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="wizard-progress-number" aria-hidden="true">
              {state === 'done' ? '✓' : index + 1}
            </span>
            <span className="wizard-progress-label">
              {label}
              {state === 'done' && <VisuallyHidden> (done)</VisuallyHidden>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
