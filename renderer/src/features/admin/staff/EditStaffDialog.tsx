import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import type { StaffMember } from '../../../../../shared/contract/staff';
import { ROLE_LABELS } from '../../../../../shared/roles';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { useFormDraft } from '../../../forms/form-drafts';
import { applyServerIssues, sameFieldNames } from '../../../forms/server-issues';
import { adminCall, failureText } from '../admin-call';
import { useClinicTimeZone } from '../admin-store';
import { DraftOffer } from '../../../forms/DraftOffer';
import { RoleSelect } from './RoleSelect';
import { EDIT_STAFF_FIELDS, editStaffSchema, type EditStaffValues } from './staff-forms';

interface EditStaffDialogProps {
  member: StaffMember;
  onClose(): void;
  onSaved(member: StaffMember): void;
}

/** A staff member's name and role. Their username never changes (it is in the audit trail and their key slot). */
export function EditStaffDialog({ member, onClose, onSaved }: EditStaffDialogProps) {
  const timeZone = useClinicTimeZone();
  const [failure, setFailure] = useState<Notice | null>(null);
  const form = useForm<EditStaffValues, unknown, z.output<typeof editStaffSchema>>({
    resolver: zodResolver(editStaffSchema),
    defaultValues: { fullName: member.fullName, role: member.role },
  });
  const draft = useFormDraft<EditStaffValues>(`staff:edit:${member.id.toLowerCase()}`, form);
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: 'role' });

  const submit = form.handleSubmit(async (values) => {
    const changes = {
      ...(values.fullName !== member.fullName ? { fullName: values.fullName } : {}),
      ...(values.role !== member.role ? { role: values.role } : {}),
    };
    if (Object.keys(changes).length === 0) {
      await draft.discard();
      onClose();
      return;
    }
    const result = await adminCall((api) => api.staff.update({ id: member.id, ...changes }));
    if (result.ok) {
      await draft.discard();
      onSaved(result.value);
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, sameFieldNames<EditStaffValues>(EDIT_STAFF_FIELDS));
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: 'Changes not saved', message: failureText(result.error.message, unmatched) }));
  });

  return (
    <Modal opened onClose={onClose} title={`Edit ${member.fullName}`} size="lg" returnFocus={false} closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <DraftOffer draft={draft} timeZone={timeZone} />
          <ActionNotice notice={failure} />
          <TextInput {...form.register('fullName')} label="Full name" error={errors.fullName?.message} autoComplete="off" withAsterisk data-autofocus />
          <TextInput label="Username" value={member.username} readOnly variant="filled" description="A username cannot be changed: the audit trail records it." />
          <RoleSelect control={form.control} name="role" error={errors.role?.message} />
          {role !== member.role && (
            <Text size="sm" role="status">
              Changing the role from {ROLE_LABELS[member.role]} signs {member.fullName} out if they are signed in; the new role applies when they next sign in.
            </Text>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
