import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { authChannels } from '../../../../shared/contract/auth';
import { callClinic } from '../../api/clinic';
import { applyServerIssues, sameFieldNames } from '../../forms/server-issues';
import { enterSignedIn } from '../../session/session-store';
import { FailureAlert, type Failure } from '../sign-in/FailureAlert';

const signInSchema = authChannels.signIn.input;
type SignInValues = z.input<typeof signInSchema>;

interface PasswordUnlockFormProps {
  ownerName: string;
  /** The owner's username, as main tells it (shown, not editable); null only if main did not say whose session it is: they type it. */
  username: string | null;
  /** Why the password is asked for instead of the PIN (main's words), or null. */
  note: string | null;
}

/** The owner unlocks with their password: a full sign-in, which also makes their PIN good again for the rest of the day. */
export function PasswordUnlockForm({ ownerName, username, note }: PasswordUnlockFormProps) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm<SignInValues, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: username ?? '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const result = await callClinic((api) => api.auth.signIn(values));
    if (result.ok) {
      await enterSignedIn();
      return;
    }
    form.setValue('password', '');
    applyServerIssues(result.error.issues, form.setError, sameFieldNames<SignInValues>(['username', 'password']), { focusFirst: false });
    setFailure((previous) => ({
      title: result.error.code === 'LOCKED' ? 'This account is locked for now' : 'Not unlocked',
      message: result.error.message,
      attempt: (previous?.attempt ?? 0) + 1,
    }));
    form.setFocus('password');
  });

  return (
    <form noValidate onSubmit={submit} aria-label={`Unlock ${ownerName}’s session with a password`}>
      <Stack gap="md">
        {note && (
          <Alert color="yellow" variant="light" role="status" classNames={{ root: 'keychain-warning', message: 'alert-message' }}>
            {note}
          </Alert>
        )}
        <FailureAlert failure={failure} />
        {username !== null ? (
          <TextInput {...form.register('username')} label="Username" readOnly classNames={{ input: 'lock-readonly-username' }} />
        ) : (
          <TextInput
            {...form.register('username')}
            label={`${ownerName}’s username`}
            error={errors.username?.message}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
          />
        )}
        <PasswordInput
          {...form.register('password')}
          label="Password"
          error={errors.password?.message}
          autoComplete="current-password"
          autoFocus={username !== null}
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
        />
        <Button type="submit" size="md" loading={isSubmitting}>
          Unlock
        </Button>
      </Stack>
    </form>
  );
}
