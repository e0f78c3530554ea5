import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { authChannels } from '../../../../shared/contract/auth';
import { callClinic } from '../../api/clinic';
import { applyServerIssues, sameFieldNames } from '../../forms/server-issues';
import { enterSignedIn, useSessionStore } from '../../session/session-store';
import { FailureAlert, type Failure } from './FailureAlert';

const signInSchema = authChannels.signIn.input;
type SignInValues = z.input<typeof signInSchema>;

interface SignInScreenProps {
  /** This computer cannot open staff key slots (new computer, keychain reset): only the recovery code helps. */
  recoveryRequired: boolean;
  onRecover: () => void;
}

/** Username and password. Main answers a wrong username and a wrong password with the same words, and so does this screen. */
export function SignInScreen({ recoveryRequired, onRecover }: SignInScreenProps) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm<SignInValues, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const result = await callClinic((api) => api.auth.signIn(values));
    if (result.ok) {
      await enterSignedIn();
      return;
    }
    // The typed password is not kept on screen after a failure.
    form.setValue('password', '');
    applyServerIssues(result.error.issues, form.setError, sameFieldNames<SignInValues>(['username', 'password']), { focusFirst: false });
    setFailure((previous) => ({
      title: result.error.code === 'LOCKED' ? 'This account is locked for now' : 'Not signed in',
      message: result.error.message,
      attempt: (previous?.attempt ?? 0) + 1,
    }));
    form.setFocus('password');
    // A database that turned out damaged when the key opened it: the window switches to the screen that offers the backup.
    if (result.error.code === 'CONFLICT') await useSessionStore.getState().refresh();
  });

  if (recoveryRequired) {
    return (
      <Paper withBorder radius="lg" p="xl" className="entry-card">
        <Stack gap="lg">
          <Title order={1}>Sign in to CareDesk</Title>
          <Alert color="yellow" variant="light" title="Staff cannot sign in on this computer yet" classNames={{ root: 'keychain-warning', title: 'keychain-warning-title', message: 'alert-message' }}>
            CareDesk’s data is here, but this computer cannot open the staff sign-ins: the data was moved from another computer, or this
            computer’s keychain was reset. An administrator needs the recovery code that was printed or written down when CareDesk was set up.
          </Alert>
          <Text>After the recovery, the administrator is signed in and can set the other staff members’ passwords again.</Text>
          <Button onClick={onRecover} size="md" autoFocus>
            Use the recovery code
          </Button>
        </Stack>
      </Paper>
    );
  }

  return (
    <Paper withBorder radius="lg" p="xl" className="entry-card">
      <form noValidate onSubmit={submit} aria-labelledby="sign-in-heading">
        <Stack gap="lg">
          <Title order={1} id="sign-in-heading">
            Sign in to CareDesk
          </Title>
          <FailureAlert failure={failure} />
          <TextInput
            {...form.register('username')}
            label="Username"
            error={errors.username?.message}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
          />
          <PasswordInput
            {...form.register('password')}
            label="Password"
            error={errors.password?.message}
            autoComplete="current-password"
            visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
          />
          <Button type="submit" size="md" loading={isSubmitting}>
            Sign in
          </Button>
          <Anchor component="button" type="button" onClick={onRecover} className="entry-link">
            Forgot password / new computer
          </Anchor>
        </Stack>
      </form>
    </Paper>
  );
}
