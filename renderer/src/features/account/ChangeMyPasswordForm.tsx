import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { authChannels } from '../../../../shared/contract/auth';
import { callClinic } from '../../api/clinic';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { withConfirmedPassword } from '../../forms/confirm-password';
import { applyServerIssues, nestedFieldNames } from '../../forms/server-issues';
import { AccountNotice, type Notice } from './AccountNotice';

const changePasswordSchema = withConfirmedPassword(authChannels.changePassword.input, (request) => request.newPassword);
type ChangePasswordValues = z.input<typeof changePasswordSchema>;
const EMPTY: ChangePasswordValues = { request: { currentPassword: '', newPassword: '' }, confirmPassword: '' };

/** The signed-in person changes their own password (main re-wraps only their key slot). */
export function ChangeMyPasswordForm({ displayName }: { displayName: string }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<ChangePasswordValues, unknown, z.output<typeof changePasswordSchema>>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const newPassword = useWatch({ control: form.control, name: 'request.newPassword' });

  const submit = form.handleSubmit(async (values) => {
    const result = await callClinic((api) => api.auth.changePassword(values.request));
    // Passwords never stay in the fields, whatever the answer.
    form.reset(EMPTY);
    if (result.ok) {
      setNotice((previous) => next(previous, 'success', 'Your password is changed. Use the new one from now on, to sign in and to unlock.'));
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, nestedFieldNames<ChangePasswordValues>('request', ['currentPassword', 'newPassword']));
    setNotice((previous) => next(previous, 'error', [result.error.message, ...unmatched.map((issue) => issue.message)].join(' ')));
    if (!result.error.issues?.length) form.setFocus('request.currentPassword');
  });

  return (
    <form noValidate onSubmit={submit} aria-label="Change my password">
      <Stack gap="md">
        <AccountNotice notice={notice} failureTitle="Password not changed" />
        <PasswordInput
          {...form.register('request.currentPassword')}
          label="Current password"
          error={errors.request?.currentPassword?.message}
          autoComplete="current-password"
          withAsterisk
          data-autofocus
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
        />
        <NewPasswordFields
          password={form.register('request.newPassword')}
          confirm={form.register('confirmPassword')}
          value={newPassword}
          passwordError={errors.request?.newPassword?.message}
          confirmError={errors.confirmPassword?.message}
          userInputs={displayName.split(/\s+/)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={isSubmitting}>
            Change my password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function next(previous: Notice | null, tone: Notice['tone'], message: string): Notice {
  return { tone, message, attempt: (previous?.attempt ?? 0) + 1 };
}
