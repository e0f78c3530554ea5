import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
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

/**
 * Another staff member takes the desk. Main replaces the locked session with theirs; the owner's unsaved forms were
 * kept as drafts before the lock, and stay theirs alone.
 */
export function SwitchUserForm({ ownerName, onBack }: { ownerName: string; onBack: () => void }) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm<SignInValues, unknown, z.output<typeof signInSchema>>({ resolver: zodResolver(signInSchema), defaultValues: { username: '', password: '' } });
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
      title: result.error.code === 'LOCKED' ? 'This account is locked for now' : 'Not signed in',
      message: result.error.message,
      attempt: (previous?.attempt ?? 0) + 1,
    }));
    form.setFocus('password');
  });

  return (
    <form noValidate onSubmit={submit} aria-labelledby="switch-user-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} id="switch-user-heading" className="lock-subheading">
            Sign in as someone else
          </Title>
          <Text>
            Signing in ends {ownerName}’s session. Anything {ownerName} left unsaved is kept for them, and only they can see it.
          </Text>
        </Stack>
        <FailureAlert failure={failure} />
        <TextInput
          {...form.register('username')}
          label="Your username"
          error={errors.username?.message}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
        />
        <PasswordInput
          {...form.register('password')}
          label="Your password"
          error={errors.password?.message}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
        />
        <Group justify="space-between" mt="xs">
          <Button variant="default" size="md" onClick={onBack} disabled={isSubmitting}>
            Back
          </Button>
          <Button type="submit" size="md" loading={isSubmitting}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
