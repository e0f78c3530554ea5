import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { StaffMember } from '../../../../../shared/contract/staff';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { PasswordStrength } from '../../../components/PasswordStrength';
import { useFormDraft } from '../../../forms/form-drafts';
import { applyServerIssues, sameFieldNames } from '../../../forms/server-issues';
import { adminCall, failureText } from '../admin-call';
import { useClinicTimeZone } from '../admin-store';
import { DraftOffer } from '../../../forms/DraftOffer';
import { RoleSelect } from './RoleSelect';
import { ADD_STAFF_FIELDS, addStaffSchema, TEMPORARY_PASSWORD_HINT, type AddStaffForm, type AddStaffValues } from './staff-forms';

interface AddStaffDialogProps {
  onClose(): void;
  onAdded(member: StaffMember): void;
}

/** A new staff account: name, username, role and a temporary password the person replaces at first sign-in. */
export function AddStaffDialog({ onClose, onAdded }: AddStaffDialogProps) {
  const timeZone = useClinicTimeZone();
  const [failure, setFailure] = useState<Notice | null>(null);
  const form: AddStaffForm = useForm({
    resolver: zodResolver(addStaffSchema),
    defaultValues: { fullName: '', username: '', temporaryPassword: '' },
  });
  const draft = useFormDraft<AddStaffValues>('staff:create', form, { exclude: ['temporaryPassword'] });
  const { errors, isSubmitting } = form.formState;
  const [fullName, username, password] = useWatch({ control: form.control, name: ['fullName', 'username', 'temporaryPassword'] });

  const submit = form.handleSubmit(async (values) => {
    const result = await adminCall((api) => api.staff.create(values));
    if (result.ok) {
      await draft.discard();
      onAdded(result.value);
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, sameFieldNames<AddStaffValues>(ADD_STAFF_FIELDS));
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: 'Staff member not added', message: failureText(result.error.message, unmatched) }));
  });

  return (
    <Modal opened onClose={onClose} title="Add staff member" size="lg" returnFocus={false} closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <DraftOffer draft={draft} timeZone={timeZone} />
          <Text>Each person at the clinic gets their own sign-in, so the audit trail shows who did what.</Text>
          <ActionNotice notice={failure} />
          <TextInput {...form.register('fullName')} label="Full name" error={errors.fullName?.message} autoComplete="off" withAsterisk data-autofocus />
          <TextInput
            {...form.register('username')}
            label="Username"
            description="What they type to sign in, for example sortiz. Letters, digits, dots, dashes and underscores; no spaces."
            error={errors.username?.message}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            withAsterisk
          />
          <RoleSelect control={form.control} name="role" error={errors.role?.message} />
          <Stack gap={8}>
            <PasswordInput
              {...form.register('temporaryPassword')}
              label="Temporary password"
              description={TEMPORARY_PASSWORD_HINT}
              error={errors.temporaryPassword?.message}
              autoComplete="new-password"
              withAsterisk
              visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the temporary password' }}
            />
            <PasswordStrength password={password} userInputs={[username, ...fullName.split(/\s+/)]} fieldShowsProblem={errors.temporaryPassword !== undefined} />
          </Stack>
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Add staff member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
