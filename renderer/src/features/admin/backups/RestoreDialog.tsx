import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupStatus } from '../../../../../shared/contract/backup';
import type { FieldIssue } from '../../../../../shared/result';
import { callClinic } from '../../../api/clinic';
import { useSessionStore } from '../../../session/session-store';
import { resetAllStores } from '../../../store/reset-registry';
import { formatDateTime } from '../clinic-time';
import { PHASE_LABELS } from './backup-words';
import { RestoreChooseStep, type RestoreChoice } from './RestoreChooseStep';
import { RestoreConfirmStep } from './RestoreConfirmStep';

type Step =
  | { kind: 'choose'; issues: readonly FieldIssue[]; problem: string | null }
  | { kind: 'confirm'; choice: RestoreChoice }
  | { kind: 'running'; cancelling: boolean }
  | { kind: 'done'; backupCreatedAt: number; recoveryCodeSignInNeeded: boolean };

interface RestoreDialogProps {
  /** Prefilled from the list's "Restore…" (path and when it was made), or empty. */
  initialFile: string;
  createdAt: number | null;
  timeZone: string;
  running: BackupStatus['running'];
  setWatching(watching: boolean): void;
  onClose(): void;
}

/** Restore in four steps: choose, confirm, progress, done (then everyone signs in again). */
export function RestoreDialog({ initialFile, createdAt, timeZone, running, setWatching, onClose }: RestoreDialogProps) {
  const [step, setStep] = useState<Step>({ kind: 'choose', issues: [], problem: null });
  const [choice, setChoice] = useState<{ file: string; recoveryCode: string }>({ file: initialFile, recoveryCode: '' });

  async function restore(chosen: RestoreChoice) {
    setStep({ kind: 'running', cancelling: false });
    setWatching(true);
    // callClinic, not adminCall: a restore ends every session, and the sign-in screen must wait for "done".
    const result = await callClinic((api) => api.backup.restore(chosen));
    setWatching(false);
    if (result.ok) {
      setStep({ kind: 'done', backupCreatedAt: result.value.backupCreatedAt, recoveryCodeSignInNeeded: result.value.recoveryCodeSignInNeeded });
      return;
    }
    const issues = result.error.issues ?? [];
    setStep({ kind: 'choose', issues, problem: issues.length > 0 ? null : result.error.message });
  }

  async function cancel() {
    setStep({ kind: 'running', cancelling: true });
    await callClinic((api) => api.backup.cancel());
  }

  async function goToSignIn() {
    resetAllStores();
    await useSessionStore.getState().refresh();
  }

  const busy = step.kind === 'running';
  const title = step.kind === 'done' ? 'Restore finished' : step.kind === 'confirm' ? 'Restore the clinic database?' : 'Restore from a backup';
  return (
    <Modal opened onClose={busy || step.kind === 'done' ? () => undefined : onClose} title={title} size="lg" returnFocus={false} closeOnClickOutside={false} closeOnEscape={!busy && step.kind !== 'done'} withCloseButton={!busy && step.kind !== 'done'}>
      {step.kind === 'choose' && (
        <Stack gap="md">
          {step.problem && (
            <Alert color="red" variant="light" role="alert" title="The backup was not restored" classNames={{ title: 'alert-title', message: 'alert-message' }}>
              {step.problem}
            </Alert>
          )}
          <RestoreChooseStep
            initial={choice}
            issues={step.issues}
            onCancel={onClose}
            onNext={(next) => {
              setChoice({ file: next.file, recoveryCode: next.recoveryCode ?? '' });
              setStep({ kind: 'confirm', choice: next });
            }}
          />
        </Stack>
      )}
      {step.kind === 'confirm' && (
        <RestoreConfirmStep
          file={step.choice.file}
          createdAt={step.choice.file === initialFile ? createdAt : null}
          timeZone={timeZone}
          onBack={() => setStep({ kind: 'choose', issues: [], problem: null })}
          onConfirm={() => void restore(step.choice)}
        />
      )}
      {step.kind === 'running' && (
        <Stack gap="md">
          <Text role="status">{running ? `${PHASE_LABELS[running.phase]} (${running.percent}%)` : 'Starting the restore…'}</Text>
          <Progress value={running?.percent ?? 0} size="lg" radius="xl" aria-label="Restore progress" animated />
          <Text size="sm">Do not close CareDesk or turn off the computer until this finishes.</Text>
          {running?.phase !== 'restore' && (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => void cancel()} loading={step.cancelling}>
                Cancel restore
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {step.kind === 'done' && (
        <Stack gap="md">
          <Text role="status">
            The clinic’s data is now as it was on {formatDateTime(step.backupCreatedAt, timeZone)}. Everyone has been signed out.
          </Text>
          {step.recoveryCodeSignInNeeded && (
            <Text>This backup came from another clinic database: sign in with that clinic’s recovery code (“Use the recovery code” on the sign-in screen).</Text>
          )}
          <Group justify="flex-end">
            <Button onClick={() => void goToSignIn()} data-autofocus>
              Go to sign-in
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
