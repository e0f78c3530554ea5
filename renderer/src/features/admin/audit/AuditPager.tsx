import { Button, Group, Text } from '@mantine/core';

interface AuditPagerProps {
  total: number;
  offset: number;
  pageSize: number;
  onPage(offset: number): void;
}

/** "Entries 51–100 of 230", with Previous and Next pages. */
export function AuditPager({ total, offset, pageSize, onPage }: AuditPagerProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + pageSize, total);
  return (
    <Group justify="space-between" aria-label="Pages of the audit trail" role="group">
      <Text role="status" aria-live="polite" className="audit-range">
        {total === 0 ? 'No entries' : `Entries ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`}
      </Text>
      <Group gap="sm">
        <Button variant="default" size="compact-md" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - pageSize))}>
          Previous page
        </Button>
        <Button variant="default" size="compact-md" disabled={last >= total} onClick={() => onPage(offset + pageSize)}>
          Next page
        </Button>
      </Group>
    </Group>
  );
}
