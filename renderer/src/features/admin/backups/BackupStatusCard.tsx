import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { BackupStatus } from '../../../../../shared/contract/backup';
import { formatBytes } from '../../about/format-bytes';
import { formatDateTime } from '../clinic-time';
import { PHASE_LABELS } from './backup-words';

interface BackupStatusCardProps {
  status: BackupStatus;
  timeZone: string;
  /** Size of the last verified backup, when it is still in the folder. */
  lastBytes: number | null;
  /** Our own "Back up now" is waiting for main's answer. */
  backingUp: boolean;
  cancelling: boolean;
  onBackUpNow(): void;
  onCancel(): void;
}

/** The last verified backup, whether it is too old, the next one, and "Back up now" with its progress. */
export function BackupStatusCard({ status, timeZone, lastBytes, backingUp, cancelling, onBackUpNow, onCancel }: BackupStatusCardProps) {
  const run = status.running;
  const busy = backingUp || run !== null;
  const red = status.stale || status.lastFailure !== null;
  return (
    <Paper withBorder radius="md" p="lg" className="backup-status" data-stale={status.stale} style={red ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 } : undefined}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          Last verified backup
        </Title>
        {status.lastVerifiedAt !== null ? (
          <Text size="lg" fw={600} className="backup-last">
            {formatDateTime(status.lastVerifiedAt, timeZone)}
            {lastBytes !== null ? ` — ${formatBytes(lastBytes)}` : ''} — verified
          </Text>
        ) : (
          <Text size="lg" fw={600} c="red.9" className="backup-last">
            Never. CareDesk has not made a backup of this clinic yet.
          </Text>
        )}
        {status.stale && (
          <Text c="red.9" fw={600} className="backup-stale">
            {status.lastVerifiedAt === null
              ? 'If this computer breaks or is stolen, the clinic’s data cannot be brought back. Choose a backup folder under Backup settings below, then back up now.'
              : 'The last good backup is more than 2 days old. Back up now, and check that the backup drive is connected.'}
          </Text>
        )}
        {status.lastFailure && (
          <Text c="red.9" className="backup-failure">
            The last backup did not work ({formatDateTime(status.lastFailure.at, timeZone)}): {status.lastFailure.message}
          </Text>
        )}
        <Text size="sm">{nextBackupText(status, timeZone)}</Text>
        {busy ? (
          <Stack gap={6} className="backup-progress">
            <Text role="status">
              {run ? `${run.job === 'backup' ? 'Backing up' : 'Restoring'}: ${PHASE_LABELS[run.phase]} (${run.percent}%)` : 'Starting the backup…'}
            </Text>
            <Progress value={run?.percent ?? 0} size="lg" radius="xl" aria-label="Backup progress" animated />
            {(run === null || run.job === 'backup') && (
              <Group>
                <Button variant="default" onClick={onCancel} loading={cancelling}>
                  Cancel backup
                </Button>
              </Group>
            )}
          </Stack>
        ) : (
          <Group>
            <Button onClick={onBackUpNow} disabled={status.folder === null}>
              Back up now
            </Button>
            {status.folder === null && <Text size="sm">Choose a backup folder under Backup settings first.</Text>}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function nextBackupText(status: BackupStatus, timeZone: string): string {
  if (status.folder === null || status.nextDueAt === null) return 'No automatic backups until a backup folder is chosen.';
  if (status.nextDueAt <= Date.now()) return 'Next automatic backup: due now. CareDesk makes it shortly, while someone is signed in.';
  return `Next automatic backup: ${formatDateTime(status.nextDueAt, timeZone)}.`;
}
