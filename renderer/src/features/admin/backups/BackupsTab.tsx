import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupListEntry, BackupSettings } from '../../../../../shared/contract/backup';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { ReadingStatus } from '../../../components/ReadingStatus';
import { formatBytes } from '../../about/format-bytes';
import { adminCall } from '../admin-call';
import { useClinicTimeZone } from '../admin-store';
import { useAdminDialog } from '../use-admin-dialog';
import { BackupList } from './BackupList';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupStatusCard } from './BackupStatusCard';
import { RestoreDialog } from './RestoreDialog';
import { useBackupStatus } from './use-backup-status';

interface BackupFolder {
  folder: string | null;
  backups: BackupListEntry[];
  problem: string | null;
}

/** Backups: how recent the last good one is, back up now, the files in the folder, settings, and restore. */
export function BackupsTab() {
  const timeZone = useClinicTimeZone();
  const { status, problem, refresh, setWatching } = useBackupStatus();
  const [listing, setListing] = useState<BackupFolder>({ folder: null, backups: [], problem: null });
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [backingUp, setBackingUp] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const restoreDialog = useAdminDialog<{ file: string; createdAt: number | null }>();

  const loadList = useCallback(async () => {
    const result = await adminCall((api) => api.backup.list());
    setListing(result.ok ? { ...result.value, problem: null } : { folder: null, backups: [], problem: result.error.message });
  }, []);

  useEffect(() => {
    void loadList();
    void adminCall((api) => api.backup.getSettings()).then((result) => {
      if (result.ok) setSettings(result.value);
    });
  }, [loadList]);

  // A backup that was running when the tab opened (the daily one) adds a file when it ends.
  const wasRunning = useRef(false);
  const runningNow = status?.running !== null && status?.running !== undefined;
  useEffect(() => {
    if (wasRunning.current && !runningNow) void loadList();
    wasRunning.current = runningNow;
  }, [runningNow, loadList]);

  async function backUpNow() {
    setBackingUp(true);
    setWatching(true);
    const result = await adminCall((api) => api.backup.runNow());
    setWatching(false);
    setBackingUp(false);
    setCancelling(false);
    await Promise.all([refresh(), loadList()]);
    setNotice((previous) =>
      nextNotice(
        previous,
        result.ok
          ? { tone: 'success', title: 'Backup made and verified', message: `${result.value.fileName} (${formatBytes(result.value.bytes)}) is in the backup folder.` }
          : { tone: 'error', title: 'No backup was made', message: result.error.message },
      ),
    );
  }

  async function cancelBackup() {
    setCancelling(true);
    await adminCall((api) => api.backup.cancel());
  }

  async function settingsSaved(saved: BackupSettings) {
    setSettings(saved);
    await Promise.all([refresh(), loadList()]);
  }

  const lastBytes = listing.backups.find((backup) => backup.fileName === status?.lastVerifiedFile)?.bytes ?? null;
  return (
    <Stack gap="lg">
      <ActionNotice notice={notice} onClose={() => setNotice(null)} />
      {problem && (
        <Text c="red.9" role="alert">
          {problem}
        </Text>
      )}
      {status ? (
        <BackupStatusCard
          status={status}
          timeZone={timeZone}
          lastBytes={lastBytes}
          backingUp={backingUp}
          cancelling={cancelling}
          onBackUpNow={() => void backUpNow()}
          onCancel={() => void cancelBackup()}
        />
      ) : (
        !problem && (
          <ReadingStatus>Reading the backup status…</ReadingStatus>
        )
      )}
      <BackupList folder={listing.folder} backups={listing.backups} timeZone={timeZone} problem={listing.problem} onRestore={(backup) => restoreDialog.open({ file: backup.path, createdAt: backup.createdAt })} />
      {settings && <BackupSettingsForm settings={settings} onSaved={(saved) => void settingsSaved(saved)} />}
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h3">
            Restore from a backup
          </Title>
          <Text>
            Brings the clinic’s data back as it was when a backup was made: after a broken or replaced computer, or a serious mistake. Everyone is
            signed out while it runs.
          </Text>
          <Button variant="default" onClick={() => restoreDialog.open({ file: '', createdAt: null })} disabled={backingUp}>
            Restore from a backup file…
          </Button>
        </Stack>
      </Paper>
      {restoreDialog.dialog && (
        <RestoreDialog
          initialFile={restoreDialog.dialog.file}
          createdAt={restoreDialog.dialog.createdAt}
          timeZone={timeZone}
          running={status?.running ?? null}
          setWatching={setWatching}
          onClose={restoreDialog.close}
        />
      )}
    </Stack>
  );
}
