import { Table, Text, UnstyledButton } from '@mantine/core';
import type { AuditEntryView } from '../../../../../shared/contract/audit';
import { formatDateTimeSeconds } from '../clinic-time';
import { actionLabel, describeEntry, OUTCOME_LABELS } from './audit-labels';

export type AuditSort = 'at' | 'actor' | 'action';
export type SortDirection = 'asc' | 'desc';

interface AuditTableProps {
  entries: readonly AuditEntryView[];
  staffNames: ReadonlyMap<string, string>;
  timeZone: string;
  sort: AuditSort;
  direction: SortDirection;
  onSort(sort: AuditSort): void;
}

/** One page of the trail. Time, staff member and action sort with a button in their heading (aria-sort says how). */
export function AuditTable({ entries, staffNames, timeZone, sort, direction, onSort }: AuditTableProps) {
  const header = (column: AuditSort, label: string) => (
    <Table.Th scope="col" aria-sort={sort === column ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton onClick={() => onSort(column)} className="sort-button">
        {label}
        <span aria-hidden="true">{sort === column ? (direction === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </UnstyledButton>
    </Table.Th>
  );
  return (
    <Table striped verticalSpacing="xs" className="audit-table" aria-label="Audit trail entries" fz="sm">
      <Table.Caption className="audit-caption">Times are the clinic’s time ({timeZone.replaceAll('_', ' ')}).</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Entry</Table.Th>
          {header('at', 'Time')}
          {header('actor', 'Staff member')}
          {header('action', 'Action')}
          <Table.Th scope="col">Details</Table.Th>
          <Table.Th scope="col">Patient ID</Table.Th>
          <Table.Th scope="col">Computer</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id} data-seq={entry.seq}>
            <Table.Td>{entry.seq}</Table.Td>
            <Table.Td className="audit-time">{formatDateTimeSeconds(entry.at, timeZone)}</Table.Td>
            <Table.Td>{entry.actorName}</Table.Td>
            <Table.Td>
              {actionLabel(entry.action, entry.entityType)}
              {entry.outcome !== 'success' && (
                <Text span size="sm" c="red.9" fw={600} display="block">
                  {OUTCOME_LABELS[entry.outcome]}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{describeEntry(entry, staffNames, timeZone)}</Table.Td>
            <Table.Td>{entry.patientId ?? ''}</Table.Td>
            <Table.Td>{entry.workstation}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
