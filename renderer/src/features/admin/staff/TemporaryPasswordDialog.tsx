import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { StaffMember } from '../../../../../shared/contract/staff';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { PasswordStrength } from '../../../components/PasswordStrength';
import { applyServerIssues, sameFieldNames } from '../../../forms/server-issues';
import { adminCall, failureText } from '../admin-call';
import { TEMPORARY_PASSWORD_SHORT_HINT, temporaryPasswordSchema, type TemporaryPasswordValues } from './staff-forms';

interface TemporaryPasswordDialogProps {
  /** Reset a forgotten password, or re-activate a deactivated account: both hand over a temporary password. */
  purpose: 'reset' | 'reactivate';
  member: StaffMember;
  onClose(): void;
  onDone(member: StaffMember): void;
}

const WORDS = {
  reset: { title: 'Reset password for', action: 'Reset password', failed: 'Password not reset' },
  reactivate: { title: 'Re-activate', action: 'Re-activate account', failed: 'Account not re-activated' },
} as const;

export function TemporaryPasswordDialog({ purpose, member, onClose, onDone }: TemporaryPasswordDialogProps) {
  const words = WORDS[purpose];
  const [failure, setFailure] = useState<Notice | null>(null);
  const form = useForm<TemporaryPasswordValues, unknown, z.output<typeof temporaryPasswordSchema>>({
    resolver: zodResolver(temporaryPasswordSchema),
    defaultValues: { id: member.id, temporaryPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const password = useWatch({ control: form.control, name: 'temporaryPassword' });

  const submit = form.handleSubmit(async (values) => {
    const result = await adminCall((api) => (purpose === 'reset' ? api.staff.resetPassword(values) : api.staff.reactivate(values)));
    if (result.ok) {
      onDone(result.value);
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, sameFieldNames<TemporaryPasswordValues>(['temporaryPassword']));
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: words.failed, message: failureText(result.error.message, unmatched) }));
  });

  return (
    <Modal opened onClose={onClose} title={`${words.title} ${member.fullName}`} size="lg" returnFocus={false} closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          {purpose === 'reset' ? (
            <Text>
              {member.fullName} signs in with this temporary password once, and must then choose a new password of their own before
              they can do anything else. If they are signed in now, they are signed out.
            </Text>
          ) : (
            <Text>
              {member.fullName} can sign in again with this temporary password, and must then choose a new password of their own. Their
              earlier entries in the audit trail are unchanged.
            </Text>
          )}
          <ActionNotice notice={failure} />
          <Stack gap={8}>
            <PasswordInput
              {...form.register('temporaryPassword')}
              label="Temporary password"
              description={TEMPORARY_PASSWORD_SHORT_HINT}
              error={errors.temporaryPassword?.message}
              autoComplete="new-password"
              withAsterisk
              data-autofocus
              visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the temporary password' }}
            />
            <PasswordStrength password={password} fieldShowsProblem={errors.temporaryPassword !== undefined} />
          </Stack>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {words.action}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
