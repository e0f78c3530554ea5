import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { authChannels } from '../../../../shared/contract/auth';
import { callClinic } from '../../api/clinic';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { withConfirmedPassword } from '../../forms/confirm-password';
import { applyServerIssues, nestedFieldNames } from '../../forms/server-issues';
import { enterSignedIn } from '../../session/session-store';
import { FailureAlert, type Failure } from './FailureAlert';

const recoverySchema = withConfirmedPassword(authChannels.recover.input, (request) => request.newPassword);
type RecoveryValues = z.input<typeof recoverySchema>;

const EMPTY: RecoveryValues = { request: { recoveryCode: '', username: '', newPassword: '' }, confirmPassword: '' };

interface RecoveryScreenProps {
  /** True on a new computer: the other staff will need their passwords set again afterwards. */
  newComputer: boolean;
  onBack: () => void;
}

/** Forgot password / new computer: the printed recovery code opens the data, and an administrator chooses a new password. */
export function RecoveryScreen({ newComputer, onBack }: RecoveryScreenProps) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm<RecoveryValues, unknown, z.output<typeof recoverySchema>>({ resolver: zodResolver(recoverySchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const [username, newPassword] = useWatch({ control: form.control, name: ['request.username', 'request.newPassword'] });

  const submit = form.handleSubmit(async (values) => {
    const result = await callClinic((api) => api.auth.recover(values.request));
    if (result.ok) {
      await enterSignedIn();
      return;
    }
    form.setValue('request.newPassword', '');
    form.setValue('confirmPassword', '');
    const unmatched = applyServerIssues(result.error.issues, form.setError, nestedFieldNames<RecoveryValues>('request', ['recoveryCode', 'username', 'newPassword']));
    setFailure((previous) => ({
      title: 'Not recovered',
      message: [result.error.message, ...unmatched.map((issue) => issue.message)].join(' '),
      attempt: (previous?.attempt ?? 0) + 1,
    }));
    if (!result.error.issues?.length) form.setFocus('request.recoveryCode');
  });

  return (
    <Paper withBorder radius="lg" p="xl" className="entry-card">
      <form noValidate onSubmit={submit} aria-labelledby="recovery-heading">
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={1} id="recovery-heading">
              Use the recovery code
            </Title>
            <Text>
              For an administrator who forgot their password, or when CareDesk’s data has moved to a new computer. You need the recovery code that
              was printed or written down when CareDesk was set up.
            </Text>
            {newComputer && (
              <Text fw={600}>On a new computer, the other staff members need an administrator to set their passwords again afterwards.</Text>
            )}
          </Stack>
          <FailureAlert failure={failure} />
          <TextInput
            {...form.register('request.recoveryCode')}
            label="Recovery code"
            description="All 7 groups, as on the paper. Spaces, dashes and small letters are fine."
            error={errors.request?.recoveryCode?.message}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            autoFocus
            withAsterisk
            classNames={{ input: 'recovery-code-input' }}
          />
          <TextInput
            {...form.register('request.username')}
            label="Administrator’s username"
            error={errors.request?.username?.message}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            withAsterisk
          />
          <NewPasswordFields
            password={form.register('request.newPassword')}
            confirm={form.register('confirmPassword')}
            value={newPassword}
            passwordError={errors.request?.newPassword?.message}
            confirmError={errors.confirmPassword?.message}
            userInputs={[username]}
          />
          <Group justify="space-between" mt="xs">
            <Button variant="default" size="md" onClick={onBack} disabled={isSubmitting}>
              Back to sign-in
            </Button>
            <Button type="submit" size="md" loading={isSubmitting}>
              Recover and sign in
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
