import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { backupChannels } from '../../../../shared/contract/backup';
import type { SessionState } from '../../../../shared/contract/auth';
import { callClinic } from '../../api/clinic';
import { useSessionStore } from '../../session/session-store';
import { FailureAlert, type Failure } from '../sign-in/FailureAlert';

type Problem = NonNullable<SessionState['databaseProblem']>;
const schema = backupChannels.restoreAfterDamage.input;
type Values = z.input<typeof schema>;

/** The last verified backup's time, in this computer's own time zone (the clinic's setting is inside the damaged database). */
function backupTime(createdAt: number): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short' }).format(createdAt);
}

/**
 * Shown instead of sign-in when the clinic's database is missing or damaged. Nothing has been changed; the
 * administrator restores the last verified backup with the printed recovery code. The damaged file is kept.
 */
export function DatabaseProblemScreen({ problem }: { problem: Problem }) {
  const refresh = useSessionStore((state) => state.refresh);
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { recoveryCode: '' } });
  const { errors, isSubmitting } = form.formState;
  const backup = problem.lastVerifiedBackup;

  const submit = form.handleSubmit(async (values) => {
    const result = await callClinic((api) => api.backup.restoreAfterDamage(values));
    if (result.ok) {
      await refresh(); // back to the sign-in screen, on the restored database
      return;
    }
    form.setValue('recoveryCode', '');
    setFailure((previous) => ({ title: 'Not restored', message: result.error.message, attempt: (previous?.attempt ?? 0) + 1 }));
    form.setFocus('recoveryCode');
  });

  return (
    <Paper withBorder radius="lg" p="xl" className="entry-card">
      <form noValidate onSubmit={submit} aria-labelledby="database-problem-heading">
        <Stack gap="lg">
          <Stack gap="xs">
            <Title order={1} id="database-problem-heading">
              {problem.kind === 'missing' ? 'The clinic’s data file is missing' : 'The clinic’s data file is damaged'}
            </Title>
            <Text>
              CareDesk cannot open the clinic’s data on this computer. Nothing has been changed or deleted: the {problem.kind === 'missing' ? 'folder' : 'damaged file'} is
              kept as it is, for support.
            </Text>
          </Stack>
          {backup ? (
            <>
              <Text>
                The last verified backup is from <strong>{backupTime(backup.createdAt)}</strong> ({backup.fileName}). Restoring it brings back the
                clinic as it was then; anything entered after that time must be entered again.
              </Text>
              <Text>An administrator restores it with the recovery code that was printed when CareDesk was set up.</Text>
              <FailureAlert failure={failure} />
              <TextInput
                {...form.register('recoveryCode')}
                label="Recovery code"
                description="All 7 groups, as on the paper. Spaces, dashes and small letters are fine."
                error={errors.recoveryCode?.message}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                autoFocus
                withAsterisk
                classNames={{ input: 'recovery-code-input' }}
              />
              <div>
                <Button type="submit" size="md" loading={isSubmitting}>
                  Restore the last verified backup
                </Button>
              </div>
            </>
          ) : (
            <Text role="alert">
              CareDesk knows of no verified backup on this computer. Do not set CareDesk up again: call your support contact, who can restore
              from a backup file.
            </Text>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
