import { Button, Group, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { StaffMember } from '../../../../../shared/contract/staff';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { ReadingStatus } from '../../../components/ReadingStatus';
import { adminCall } from '../admin-call';
import { useClinicTimeZone } from '../admin-store';
import { useAdminDialog } from '../use-admin-dialog';
import { AddStaffDialog } from './AddStaffDialog';
import { DeactivateDialog } from './DeactivateDialog';
import { EditStaffDialog } from './EditStaffDialog';
import { StaffTable, type StaffAction } from './StaffTable';
import { TemporaryPasswordDialog } from './TemporaryPasswordDialog';

type StaffDialog = { kind: 'add' } | { kind: Exclude<StaffAction, 'unlock'>; member: StaffMember };

/** Staff accounts: add, edit, reset a password, lift a lockout, deactivate and re-activate. */
export function StaffTab() {
  const timeZone = useClinicTimeZone();
  const [staff, setStaff] = useState<StaffMember[] | null>(null);
  const [loadedAt, setLoadedAt] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyUnlock, setBusyUnlock] = useState<string | null>(null);
  const { dialog, open, close } = useAdminDialog<StaffDialog>();

  const load = useCallback(async () => {
    const result = await adminCall((api) => api.staff.list());
    if (result.ok) {
      setStaff(result.value);
      setLoadedAt(Date.now());
    } else {
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'The staff list could not be read', message: result.error.message }));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** After a change: the dialog closes, the list is read again, and the message takes focus (the row's buttons may have changed). */
  async function changed(title: string, message: string) {
    close({ focusElsewhere: true });
    await load();
    setNotice((previous) => nextNotice(previous, { tone: 'success', title, message, focus: true }));
  }

  async function unlock(member: StaffMember) {
    setBusyUnlock(member.id);
    const result = await adminCall((api) => api.staff.unlock({ id: member.id }));
    setBusyUnlock(null);
    if (!result.ok) {
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: `${member.fullName} was not unlocked`, message: result.error.message, focus: true }));
      return;
    }
    await load();
    setNotice((previous) =>
      nextNotice(previous, { tone: 'success', title: `${member.fullName} is unlocked`, message: `${member.fullName} can sign in again now.`, focus: true }),
    );
  }

  function onAction(action: StaffAction, member: StaffMember) {
    if (action === 'unlock') void unlock(member);
    else open({ kind: action, member });
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Text maw={640}>Everyone who signs in to CareDesk on this computer. Accounts are never deleted, only deactivated, so the audit trail keeps every name.</Text>
        <Button onClick={() => open({ kind: 'add' })}>Add staff member</Button>
      </Group>
      <ActionNotice notice={notice} onClose={() => setNotice(null)} />
      {staff === null ? (
        notice?.tone !== 'error' && (
          <ReadingStatus>Reading the staff list…</ReadingStatus>
        )
      ) : (
        <StaffTable staff={staff} timeZone={timeZone} now={loadedAt} busyUnlock={busyUnlock} onAction={onAction} />
      )}
      {dialog?.kind === 'add' && (
        <AddStaffDialog
          onClose={close}
          onAdded={(member) =>
            void changed(`${member.fullName} was added`, `Give ${member.fullName} their username (${member.username}) and the temporary password. They choose their own password when they first sign in.`)
          }
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditStaffDialog member={dialog.member} onClose={close} onSaved={(member) => void changed('Changes saved', `${member.fullName}’s account was updated.`)} />
      )}
      {(dialog?.kind === 'reset' || dialog?.kind === 'reactivate') && (
        <TemporaryPasswordDialog
          purpose={dialog.kind}
          member={dialog.member}
          onClose={close}
          onDone={(member) =>
            void changed(
              dialog.kind === 'reset' ? `Password reset for ${member.fullName}` : `${member.fullName} is active again`,
              `Give ${member.fullName} the temporary password in person. They must choose a new password when they next sign in.`,
            )
          }
        />
      )}
      {dialog?.kind === 'deactivate' && (
        <DeactivateDialog
          member={dialog.member}
          onClose={close}
          onDeactivated={(member) => void changed(`${member.fullName} was deactivated`, `${member.fullName} can no longer sign in. Their name stays in the audit trail.`)}
        />
      )}
    </Stack>
  );
}
