import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { assertNever } from '../../../shared/assert-never';
import type { SessionState } from '../../../shared/contract/auth';
import { LOCK_MINUTES } from '../../../shared/contract/settings';
import { DatabaseProblemScreen } from '../features/database-problem/DatabaseProblemScreen';
import { LockScreen } from '../features/lock/LockScreen';
import { SetupWizard } from '../features/setup/SetupWizard';
import { ChangePasswordScreen } from '../features/sign-in/ChangePasswordScreen';
import { RecoveryScreen } from '../features/sign-in/RecoveryScreen';
import { SignInScreen } from '../features/sign-in/SignInScreen';
import { AppLayout } from '../shell/AppLayout';
import { EntryLayout } from './EntryLayout';
import { signOut, useSessionStore } from './session-store';
import { useIdleTimer } from './use-idle-timer';

/**
 * What the window shows depends on main's answer to "who is at the desk?": first-run setup, sign-in
 * (or recovery), the lock screen, a new password that must be chosen first, or the app itself.
 */
export function SessionGate() {
  const view = useSessionStore((state) => state.view);
  const refresh = useSessionStore((state) => state.refresh);
  // Asked once when the window opens; afterwards each sign-in, sign-out or setup asks again itself.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  switch (view.kind) {
    case 'loading':
      return (
        <EntryLayout>
          <Group gap="sm" role="status" className="session-loading" mt="xl">
            <Loader size="sm" aria-hidden="true" />
            <Text>Opening CareDesk…</Text>
          </Group>
        </EntryLayout>
      );
    case 'unreachable':
      return (
        <EntryLayout>
          <Stack gap="md" mt="xl">
            <Title order={1}>CareDesk cannot start</Title>
            <Alert color="red" variant="light" role="alert" classNames={{ message: 'alert-message' }}>
              {view.message}
            </Alert>
            <div>
              <Button onClick={() => void refresh()}>Try again</Button>
            </div>
          </Stack>
        </EntryLayout>
      );
    case 'ready':
      return <ForPhase state={view.state} />;
    default:
      return assertNever(view);
  }
}

function ForPhase({ state }: { state: SessionState }) {
  switch (state.phase) {
    case 'needs-setup':
      return (
        <EntryLayout width={820}>
          <SetupWizard keychainWarning={state.keychain.warning} />
        </EntryLayout>
      );
    case 'signed-out':
      // A missing or damaged database: nobody can sign in to it, so the window offers the last verified backup instead.
      if (state.databaseProblem) {
        return (
          <EntryLayout width={640}>
            <DatabaseProblemScreen problem={state.databaseProblem} />
          </EntryLayout>
        );
      }
      return <SignedOut recoveryRequired={state.recoveryRequired} />;
    case 'locked':
      // Nothing of the signed-in screens is mounted here: the lock screen knows the owner's name and nothing else.
      return (
        <EntryLayout width={540}>
          <LockScreen state={state} />
        </EntryLayout>
      );
    case 'signed-in':
      if (state.user?.mustChangePassword) {
        return <MustChangePassword displayName={state.user.displayName} />;
      }
      return <AppLayout />;
    default:
      return assertNever(state.phase);
  }
}

/**
 * A temporary password must be replaced before anything else. Left alone there (the clinic's lock minutes cannot be
 * read yet), the window signs out after the default idle time rather than keep a half-started session open.
 */
function MustChangePassword({ displayName }: { displayName: string }) {
  useIdleTimer(LOCK_MINUTES.default, () => void signOut());
  return (
    <EntryLayout width={600}>
      <ChangePasswordScreen displayName={displayName} />
    </EntryLayout>
  );
}

/** Sign-in, or the recovery screen reached from its link. Kept in this component: it is gone once someone signs in. */
function SignedOut({ recoveryRequired }: { recoveryRequired: boolean }) {
  const [screen, setScreen] = useState<'sign-in' | 'recovery'>('sign-in');
  const notice = useSessionStore((state) => state.signedOutNotice);
  return (
    <EntryLayout width={screen === 'recovery' ? 640 : 480}>
      {notice && screen === 'sign-in' && (
        <Alert color="yellow" variant="light" title="Signed out" mb="lg" classNames={{ root: 'keychain-warning', title: 'keychain-warning-title', message: 'alert-message' }}>
          {notice}
        </Alert>
      )}
      {screen === 'sign-in' ? (
        <SignInScreen recoveryRequired={recoveryRequired} onRecover={() => setScreen('recovery')} />
      ) : (
        <RecoveryScreen newComputer={recoveryRequired} onBack={() => setScreen('sign-in')} />
      )}
    </EntryLayout>
  );
}
