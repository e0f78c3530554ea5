import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { authChannels } from '../../../../shared/contract/auth';
import { callClinic } from '../../api/clinic';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { withConfirmedPassword } from '../../forms/confirm-password';
import { applyServerIssues, nestedFieldNames } from '../../forms/server-issues';
import { enterSignedIn, signOut } from '../../session/session-store';
import { FailureAlert, type Failure } from './FailureAlert';

const changePasswordSchema = withConfirmedPassword(authChannels.changePassword.input, (request) => request.newPassword);
type ChangePasswordValues = z.input<typeof changePasswordSchema>;

/**
 * Shown straight after sign-in when an administrator set (or reset) this person's password:
 * they choose their own before they see any clinic data.
 */
export function ChangePasswordScreen({ displayName }: { displayName: string }) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm<ChangePasswordValues, unknown, z.output<typeof changePasswordSchema>>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { request: { currentPassword: '', newPassword: '' }, confirmPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const newPassword = useWatch({ control: form.control, name: 'request.newPassword' });

  const submit = form.handleSubmit(async (values) => {
    const result = await callClinic((api) => api.auth.changePassword(values.request));
    if (result.ok) {
      await enterSignedIn();
      return;
    }
    form.setValue('request.currentPassword', '');
    form.setValue('request.newPassword', '');
    form.setValue('confirmPassword', '');
    const unmatched = applyServerIssues(result.error.issues, form.setError, nestedFieldNames<ChangePasswordValues>('request', ['currentPassword', 'newPassword']));
    setFailure((previous) => ({
      title: 'Password not changed',
      message: [result.error.message, ...unmatched.map((issue) => issue.message)].join(' '),
      attempt: (previous?.attempt ?? 0) + 1,
    }));
    if (!result.error.issues?.length) form.setFocus('request.currentPassword');
  });

  return (
    <Paper withBorder radius="lg" p="xl" className="entry-card">
      <form noValidate onSubmit={submit} aria-labelledby="change-password-heading">
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={1} id="change-password-heading">
              Choose a new password
            </Title>
            <Text>
              Welcome, {displayName}. Your password was set by an administrator. Choose your own now: only you should know it.
            </Text>
          </Stack>
          <FailureAlert failure={failure} />
          <PasswordInput
            {...form.register('request.currentPassword')}
            label="Current password"
            description="The password you just signed in with."
            error={errors.request?.currentPassword?.message}
            autoComplete="current-password"
            autoFocus
            withAsterisk
            visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
          />
          <NewPasswordFields
            password={form.register('request.newPassword')}
            confirm={form.register('confirmPassword')}
            value={newPassword}
            passwordError={errors.request?.newPassword?.message}
            confirmError={errors.confirmPassword?.message}
          />
          <Group justify="space-between" mt="xs">
            <Button variant="default" size="md" onClick={() => void signOut()} disabled={isSubmitting}>
              Sign out
            </Button>
            <Button type="submit" size="md" loading={isSubmitting}>
              Save new password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
