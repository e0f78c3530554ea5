import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import type { z } from 'zod';
import { callClinic } from '../../api/clinic';
import { enterSignedIn, useSessionStore } from '../../session/session-store';
import { AdminStep } from './AdminStep';
import { CancelSetupDialog } from './CancelSetupDialog';
import { ClinicStep } from './ClinicStep';
import { FinishStep } from './FinishStep';
import { RecoveryCodeStep, type RecoveryCodeShown } from './RecoveryCodeStep';
import {
  adminStepSchema,
  clinicStepSchema,
  confirmStepSchema,
  EMPTY_ADMIN,
  EMPTY_CONFIRM,
  setupIssueTarget,
  type AdminStepValues,
  type ClinicStepValues,
  type ConfirmStepValues,
  type SetupIssueTarget,
} from './setup-forms';
import { computerTimeZone } from './time-zones';
import { WizardProgress } from './WizardProgress';
import { WizardStep } from './WizardStep';

const STEPS = ['Your clinic', 'First administrator', 'Recovery code', 'Check and finish'] as const;
type StepIndex = 0 | 1 | 2 | 3;

/** After a step change: which field gets the keyboard (null: the step's first field, or its heading). */
interface FocusRequest {
  field: string | null;
  serial: number;
}

const emptyClinic = (): ClinicStepValues => ({ clinicName: '', timeZone: computerTimeZone() });

/**
 * First start: clinic, first administrator, recovery code, check and finish. Nothing is written until Finish
 * (setup:complete); the recovery code lives only in this component's state and main's memory, and is gone
 * when the wizard closes.
 */
export function SetupWizard({ keychainWarning }: { keychainWarning: string | null }) {
  const [step, setStep] = useState<StepIndex>(0);
  const [recovery, setRecovery] = useState<RecoveryCodeShown | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [focus, setFocus] = useState<FocusRequest>({ field: null, serial: 0 });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const cancelButtonFocus = useRef<HTMLElement | null>(null);

  const clinicForm = useForm<ClinicStepValues, unknown, z.output<typeof clinicStepSchema>>({ resolver: zodResolver(clinicStepSchema), defaultValues: emptyClinic() });
  const adminForm = useForm<AdminStepValues, unknown, z.output<typeof adminStepSchema>>({ resolver: zodResolver(adminStepSchema), defaultValues: EMPTY_ADMIN });
  const confirmForm = useForm<ConfirmStepValues, unknown, z.output<typeof confirmStepSchema>>({ resolver: zodResolver(confirmStepSchema), defaultValues: EMPTY_CONFIRM });

  function goTo(next: StepIndex, options: { field?: string; problem?: string | null } = {}) {
    setStep(next);
    setProblem(options.problem ?? null);
    setFocus((previous) => ({ field: options.field ?? null, serial: previous.serial + 1 }));
  }

  // Keyboard focus follows the step: its first field (or the field main complained about); the code step has no field, so its heading.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (step === 0) clinicForm.setFocus((focus.field ?? 'clinicName') as FieldPath<ClinicStepValues>);
      else if (step === 1) adminForm.setFocus((focus.field ?? 'admin.fullName') as FieldPath<AdminStepValues>);
      else if (step === 2) headingRef.current?.focus();
      else confirmForm.setFocus((focus.field ?? 'confirmGroups.0') as FieldPath<ConfirmStepValues>);
    }, 0);
    return () => window.clearTimeout(timer);
    // Only a new request moves focus (the forms are stable objects, and `step` changes together with `focus`).
  }, [focus.serial]);

  async function showRecoveryCode(explanation: string | null) {
    setBusy(true);
    const begun = await callClinic((api) => api.setup.begin());
    setBusy(false);
    if (!begun.ok) {
      if (begun.error.code === 'CONFLICT') await useSessionStore.getState().refresh(); // set up meanwhile: the gate shows sign-in
      setProblem(begun.error.message);
      return;
    }
    const [first, second] = begun.value.confirmGroupNumbers;
    setRecovery({ groups: begun.value.recoveryCodeGroups, confirmNumbers: [first, second] });
    confirmForm.reset(EMPTY_CONFIRM);
    goTo(2, { problem: explanation });
  }

  const submitClinic = clinicForm.handleSubmit(() => goTo(1));

  // setup:begin only the first time the code step is reached: going Back and Next again shows the same code.
  const submitAdmin = adminForm.handleSubmit(async () => {
    if (recovery) goTo(2);
    else await showRecoveryCode(null);
  });

  const submitFinish = confirmForm.handleSubmit(async (confirm) => {
    const clinic = clinicForm.getValues();
    setBusy(true);
    setProblem(null);
    const result = await callClinic((api) =>
      api.setup.complete({ clinicName: clinic.clinicName, timeZone: clinic.timeZone, admin: adminForm.getValues('admin'), confirmGroups: confirm.confirmGroups }),
    );
    if (result.ok) {
      await enterSignedIn(); // the gate replaces the wizard with the app; the code goes with it
      return;
    }
    setBusy(false);
    const { error } = result;
    if (error.code === 'VALIDATION' && error.issues && error.issues.length > 0) {
      showIssues(error.issues, error.message);
      return;
    }
    if (error.code === 'CONFLICT') {
      // Either the clinic was set up meanwhile (the gate moves to sign-in), or main restarted and lost the pending code.
      await useSessionStore.getState().refresh();
      const phase = useSessionStore.getState().view;
      if (phase.kind === 'ready' && phase.state.phase === 'needs-setup') {
        setRecovery(null);
        await showRecoveryCode('CareDesk restarted during the setup, so this is a new recovery code. Throw away any copy of the previous one.');
        return;
      }
    }
    setProblem(error.message);
  });

  function showIssues(issues: readonly { path: string; message: string }[], message: string) {
    let first: SetupIssueTarget | null = null;
    const unmatched: string[] = [];
    for (const issue of issues) {
      const target = setupIssueTarget(issue.path);
      if (!target) {
        unmatched.push(issue.message);
        continue;
      }
      const error = { type: 'server', message: issue.message };
      if (target.form === 'clinic') clinicForm.setError(target.field, error);
      else if (target.form === 'admin') adminForm.setError(target.field, error);
      else confirmForm.setError(target.field, error);
      if (!first || target.step < first.step) first = target;
    }
    const problemText = [message, ...unmatched].join(' ');
    if (first) goTo(first.step, { field: first.field, problem: problemText });
    else setProblem(problemText);
  }

  function openCancel() {
    cancelButtonFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setCancelOpen(true);
  }

  function keepGoing() {
    setCancelOpen(false);
    window.setTimeout(() => cancelButtonFocus.current?.focus(), 0);
  }

  async function cancelSetup() {
    setCancelOpen(false);
    await callClinic((api) => api.setup.cancel()); // nothing was written either way
    clinicForm.reset(emptyClinic());
    adminForm.reset(EMPTY_ADMIN);
    confirmForm.reset(EMPTY_CONFIRM);
    setRecovery(null);
    goTo(0);
  }

  const common = { total: STEPS.length, problem, busy, onCancel: openCancel, title: STEPS[step], number: step + 1 };
  const clinicName = clinicForm.getValues('clinicName').trim();

  return (
    <Stack gap="lg" className="setup-wizard">
      <Stack gap={4}>
        <Title order={1}>Set up CareDesk</Title>
        <Text c="dimmed">First start on this computer: four short steps. Nothing is saved until you press Finish.</Text>
      </Stack>
      {keychainWarning && (
        <Alert color="yellow" variant="light" title="Weaker protection on this computer" classNames={{ root: 'keychain-warning', title: 'keychain-warning-title', message: 'alert-message' }}>
          {keychainWarning}
        </Alert>
      )}
      <WizardProgress steps={STEPS} active={step} />
      <div className="wizard-panel">
        {step === 0 && (
          <WizardStep {...common} onSubmit={submitClinic} nextLabel="Next">
            <ClinicStep form={clinicForm} />
          </WizardStep>
        )}
        {step === 1 && (
          <WizardStep {...common} onSubmit={submitAdmin} onBack={() => goTo(0)} nextLabel="Next">
            <AdminStep form={adminForm} />
          </WizardStep>
        )}
        {step === 2 && recovery && (
          <WizardStep {...common} headingRef={headingRef} onSubmit={(event) => { event.preventDefault(); goTo(3); }} onBack={() => goTo(1)} nextLabel="Next">
            <RecoveryCodeStep code={recovery} clinicName={clinicName} />
          </WizardStep>
        )}
        {step === 3 && recovery && (
          <WizardStep {...common} onSubmit={submitFinish} onBack={() => goTo(2)} backLabel="Back to the code" nextLabel="Finish">
            <FinishStep
              form={confirmForm}
              confirmNumbers={recovery.confirmNumbers}
              summary={{ clinicName, timeZone: clinicForm.getValues('timeZone'), fullName: adminForm.getValues('admin.fullName').trim(), username: adminForm.getValues('admin.username').trim() }}
            />
          </WizardStep>
        )}
      </div>
      <CancelSetupDialog opened={cancelOpen} codeWasShown={recovery !== null} onKeepGoing={keepGoing} onCancelSetup={() => void cancelSetup()} />
    </Stack>
  );
}
