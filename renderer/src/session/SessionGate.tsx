import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { assertNever } from '../../../shared/assert-never';
import type { SessionState } from '../../../shared/contract/auth';
import { SetupWizard } from '../features/setup/SetupWizard';
import { ChangePasswordScreen } from '../features/sign-in/ChangePasswordScreen';
import { RecoveryScreen } from '../features/sign-in/RecoveryScreen';
import { SignInScreen } from '../features/sign-in/SignInScreen';
import { AppLayout } from '../shell/AppLayout';
import { EntryLayout } from './EntryLayout';
import { useSessionStore } from './session-store';

/**
 * What the window shows depends on main's answer to "who is at the desk?": first-run setup, sign-in
 * (or recovery), a new password that must be chosen first, or the app itself.
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
      return <SignedOut recoveryRequired={state.recoveryRequired} />;
    case 'locked':
      // Until there is a lock screen: the owner (or anyone else) signs in again; nothing of the session shows meanwhile.
      return <SignedOut recoveryRequired={state.recoveryRequired} />;
    case 'signed-in':
      if (state.user?.mustChangePassword) {
        return (
          <EntryLayout width={600}>
            <ChangePasswordScreen displayName={state.user.displayName} />
          </EntryLayout>
        );
      }
      return <AppLayout />;
    default:
      return assertNever(state.phase);
  }
}

/** Sign-in, or the recovery screen reached from its link. Kept in this component: it is gone once someone signs in. */
function SignedOut({ recoveryRequired }: { recoveryRequired: boolean }) {
  const [screen, setScreen] = useState<'sign-in' | 'recovery'>('sign-in');
  return (
    <EntryLayout width={screen === 'recovery' ? 640 : 480}>
      {screen === 'sign-in' ? (
        <SignInScreen recoveryRequired={recoveryRequired} onRecover={() => setScreen('recovery')} />
      ) : (
        <RecoveryScreen newComputer={recoveryRequired} onBack={() => setScreen('sign-in')} />
      )}
    </EntryLayout>
  );
}
