import { Table, VisuallyHidden } from '@mantine/core';

/** A table's header row: one column heading each, then (with `actions`) the row buttons' column, named for screen readers only. */
export function TableHeader({ columns, actions }: { columns: readonly string[]; actions: boolean }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column} scope="col">
            {column}
          </Table.Th>
        ))}
        {actions && (
          <Table.Th scope="col">
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        )}
      </Table.Tr>
    </Table.Thead>
  );
}
