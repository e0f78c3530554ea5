import { Button, Stack, Table, Text, Title } from '@mantine/core';
import type { BackupListEntry } from '../../../../../shared/contract/backup';
import { TableHeader } from '../../../components/TableHeader';
import { formatBytes } from '../../about/format-bytes';
import { formatDateTime } from '../clinic-time';

interface BackupListProps {
  folder: string | null;
  backups: readonly BackupListEntry[];
  timeZone: string;
  problem: string | null;
  onRestore(backup: BackupListEntry): void;
}

/** The backups in the backup folder, newest first, each with "Restore…" unless it cannot be restored. */
export function BackupList({ folder, backups, timeZone, problem, onRestore }: BackupListProps) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h3" id="backup-list-heading">
        Backups in the folder
      </Title>
      {problem && (
        <Text c="red.9" role="alert">
          {problem}
        </Text>
      )}
      {!problem && folder === null && <Text>No backup folder is chosen yet.</Text>}
      {!problem && folder !== null && backups.length === 0 && <Text>There are no CareDesk backups in {folder} yet.</Text>}
      {backups.length > 0 && (
        <Table striped verticalSpacing="xs" className="backup-list" aria-labelledby="backup-list-heading">
          <TableHeader columns={['File', 'Made', 'Size', 'State']} actions />
          <Table.Tbody>
            {backups.map((backup) => (
              <Table.Tr key={backup.path}>
                <Table.Th scope="row" fw={500}>
                  {backup.fileName}
                </Table.Th>
                <Table.Td>{backup.createdAt !== null ? formatDateTime(backup.createdAt, timeZone) : 'Unknown'}</Table.Td>
                <Table.Td>{formatBytes(backup.bytes)}</Table.Td>
                <Table.Td>
                  {backup.problem ? (
                    <Text size="sm" c="red.9">
                      {backup.problem}
                    </Text>
                  ) : backup.verifiedHere ? (
                    'Verified on this computer'
                  ) : (
                    'Not checked yet (checked before a restore)'
                  )}
                </Table.Td>
                <Table.Td>
                  {!backup.problem && (
                    <Button size="compact-sm" variant="default" onClick={() => onRestore(backup)} aria-label={`Restore from ${backup.fileName}`}>
                      Restore…
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
