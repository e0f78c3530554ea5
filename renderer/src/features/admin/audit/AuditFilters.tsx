import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { StaffMember } from '../../../../../shared/contract/staff';
import type { FieldIssue } from '../../../../../shared/result';
import { applyServerIssues } from '../../../forms/server-issues';
import { ACTION_OPTIONS } from './audit-labels';
import { auditFilterField, auditFilterSchema, EMPTY_AUDIT_FILTER, type AuditFilter, type AuditFilterValues } from './audit-filter';

interface AuditFiltersProps {
  staff: readonly StaffMember[];
  timeZone: string;
  /** Issues main raised about the applied filter (shown under the fields), with a counter so the same ones show again. */
  serverIssues: { issues: readonly FieldIssue[]; serial: number } | null;
  onApply(filter: AuditFilter): void;
}

const ANY_ACTION_OPTIONS = [{ value: '', label: 'Any action' }, ...ACTION_OPTIONS];

/** Who, which patient, what and which days (clinic calendar days, both included). Applied with "Show entries". */
export function AuditFilters({ staff, timeZone, serverIssues, onApply }: AuditFiltersProps) {
  const schema = useMemo(() => auditFilterSchema(timeZone), [timeZone]);
  const form = useForm<AuditFilterValues, unknown, AuditFilter>({ resolver: zodResolver(schema), defaultValues: EMPTY_AUDIT_FILTER });
  const { errors } = form.formState;
  const staffOptions = useMemo(
    () => [
      { value: '', label: 'Everyone' },
      ...staff.map((member) => ({ value: member.id, label: member.status === 'active' ? member.fullName : `${member.fullName} (inactive)` })),
    ],
    [staff],
  );

  useEffect(() => {
    if (serverIssues) applyServerIssues(serverIssues.issues, form.setError, auditFilterField);
    // A new serial is a new answer from main; the issues arrive with it.
  }, [serverIssues?.serial]);

  const submit = form.handleSubmit(onApply);
  const clear = () => {
    form.reset(EMPTY_AUDIT_FILTER);
    onApply({});
  };

  return (
    <Paper withBorder radius="md" p="md">
      <form noValidate onSubmit={submit} aria-label="Filter the audit trail">
        <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
          <Controller
            control={form.control}
            name="userId"
            render={({ field }) => (
              <Select
                ref={field.ref}
                value={field.value}
                onChange={(value) => field.onChange(value ?? '')}
                data={staffOptions}
                label="Staff member"
                allowDeselect={false}
                searchable
                nothingFoundMessage="No staff member has that name."
                error={errors.userId?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="action"
            render={({ field }) => (
              <Select
                ref={field.ref}
                value={field.value}
                onChange={(value) => field.onChange(value ?? '')}
                data={ANY_ACTION_OPTIONS}
                label="Action"
                allowDeselect={false}
                error={errors.action?.message}
              />
            )}
          />
          <TextInput {...form.register('patientId')} label="Patient ID" placeholder="Any patient" error={errors.patientId?.message} autoComplete="off" spellCheck={false} />
          <TextInput {...form.register('fromDate')} type="date" label="From (date)" error={errors.fromDate?.message} />
          <TextInput {...form.register('toDate')} type="date" label="To (date, included)" error={errors.toDate?.message} />
          <Group align="flex-end" gap="sm">
            <Button type="submit">Show entries</Button>
            <Button variant="default" onClick={clear}>
              Clear filters
            </Button>
          </Group>
        </SimpleGrid>
      </form>
    </Paper>
  );
}
