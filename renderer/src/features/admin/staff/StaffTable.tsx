import { Button, Group, Stack, Table, Text } from '@mantine/core';
import type { StaffMember } from '../../../../../shared/contract/staff';
import { ROLE_LABELS } from '../../../../../shared/roles';
import { TableHeader } from '../../../components/TableHeader';
import { formatTimeOfDay } from '../clinic-time';

export type StaffAction = 'edit' | 'reset' | 'deactivate' | 'reactivate' | 'unlock';

interface StaffTableProps {
  staff: readonly StaffMember[];
  timeZone: string;
  /** Now, for telling whether a lockout has ended (the list does not refresh itself every minute). */
  now: number;
  busyUnlock: string | null;
  onAction(action: StaffAction, member: StaffMember): void;
}

/** Every account, active first. Each row's buttons name the person, so a screen reader hears "Edit Sam Ortiz". */
export function StaffTable({ staff, timeZone, now, busyUnlock, onAction }: StaffTableProps) {
  return (
    <Table striped highlightOnHover verticalSpacing="sm" className="staff-table" aria-label="Staff accounts">
      <TableHeader columns={['Name', 'Username', 'Role', 'Status', 'Sign-in']} actions />
      <Table.Tbody>
        {staff.map((member) => {
          const locked = member.lockedUntil !== null && member.lockedUntil > now;
          const active = member.status === 'active';
          return (
            <Table.Tr key={member.id} data-staff-id={member.id}>
              <Table.Th scope="row" fw={600}>
                {member.fullName}
              </Table.Th>
              <Table.Td>{member.username}</Table.Td>
              <Table.Td>{ROLE_LABELS[member.role]}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600} c={active ? undefined : 'dimmed'} className="staff-status" data-active={active}>
                  {active ? 'Active' : 'Inactive'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {!active && <Text size="sm">Cannot sign in</Text>}
                  {active && member.passwordResetRequired && <Text size="sm">Must set password</Text>}
                  {active && locked && member.lockedUntil !== null && (
                    <Text size="sm" c="red.9" fw={600}>
                      Locked until {formatTimeOfDay(member.lockedUntil, timeZone)}
                    </Text>
                  )}
                  {active && !locked && !member.passwordResetRequired && <Text size="sm">Can sign in</Text>}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" justify="flex-end">
                  <RowButton label="Edit" member={member} onClick={() => onAction('edit', member)} />
                  {active && locked && (
                    <RowButton label="Unlock" member={member} loading={busyUnlock === member.id} onClick={() => onAction('unlock', member)} />
                  )}
                  {active && <RowButton label="Reset password" member={member} onClick={() => onAction('reset', member)} />}
                  {active ? (
                    <RowButton label="Deactivate" member={member} danger onClick={() => onAction('deactivate', member)} />
                  ) : (
                    <RowButton label="Re-activate" member={member} onClick={() => onAction('reactivate', member)} />
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

interface RowButtonProps {
  label: string;
  member: StaffMember;
  danger?: boolean;
  loading?: boolean;
  onClick(): void;
}

function RowButton({ label, member, danger = false, loading = false, onClick }: RowButtonProps) {
  return (
    <Button size="compact-sm" variant={danger ? 'outline' : 'default'} color={danger ? 'red.9' : undefined} loading={loading} aria-label={`${label} ${member.fullName}`} onClick={onClick}>
      {label}
    </Button>
  );
}
