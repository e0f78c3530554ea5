import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { backupFolderSchema, dailyAtSchema, type BackupSettings } from '../../../../../shared/contract/backup';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { applyServerIssues, sameFieldNames } from '../../../forms/server-issues';
import { adminCall, failureText } from '../admin-call';

/** main's own rules; an emptied folder field means "no folder" (no automatic backups). */
const backupSettingsFormSchema = z.object({
  folder: z
    .string()
    .transform((value) => (value.trim() === '' ? null : value))
    .pipe(backupFolderSchema.nullable()),
  dailyAt: dailyAtSchema,
  onQuit: z.boolean(),
});
type BackupSettingsValues = { folder: string; dailyAt: string; onQuit: boolean };
const FIELDS = ['folder', 'dailyAt', 'onQuit'] as const;

const NO_PICKER = 'The folder picker is not available here. Type the folder’s full path instead, such as D:\\CareDesk Backups or /Volumes/Backup/CareDesk.';

interface BackupSettingsFormProps {
  settings: BackupSettings;
  onSaved(settings: BackupSettings): void;
}

/** Where backups go (ideally another drive), when the daily one runs, and whether to back up on quit. */
export function BackupSettingsForm({ settings, onSaved }: BackupSettingsFormProps) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pickerNote, setPickerNote] = useState<string | null>(null);
  const form = useForm<BackupSettingsValues, unknown, BackupSettings>({
    resolver: zodResolver(backupSettingsFormSchema),
    defaultValues: { folder: settings.folder ?? '', dailyAt: settings.dailyAt, onQuit: settings.onQuit },
  });
  const { errors, isSubmitting } = form.formState;

  async function chooseFolder() {
    const result = await adminCall((api) => api.backup.chooseFolder());
    if (result.ok && result.value.path !== null) {
      form.setValue('folder', result.value.path, { shouldDirty: true, shouldValidate: true });
      setPickerNote(null);
      return;
    }
    setPickerNote(result.ok ? NO_PICKER : result.error.message);
    form.setFocus('folder');
  }

  const submit = form.handleSubmit(async (values) => {
    const result = await adminCall((api) => api.backup.setSettings(values));
    if (!result.ok) {
      const unmatched = applyServerIssues(result.error.issues, form.setError, sameFieldNames<BackupSettingsValues>(FIELDS));
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'Backup settings not saved', message: failureText(result.error.message, unmatched) }));
      return;
    }
    form.reset({ folder: result.value.folder ?? '', dailyAt: result.value.dailyAt, onQuit: result.value.onQuit });
    setNotice((previous) => nextNotice(previous, { tone: 'success', title: 'Backup settings saved', message: 'CareDesk backs up to this folder from now on.' }));
    onSaved(result.value);
  });

  return (
    <Paper withBorder radius="md" p="lg">
      <form noValidate onSubmit={submit} aria-labelledby="backup-settings-heading">
        <Stack gap="md">
          <Title order={2} size="h3" id="backup-settings-heading">
            Backup settings
          </Title>
          <ActionNotice notice={notice} />
          <Stack gap={6}>
            <TextInput
              {...form.register('folder')}
              label="Backup folder"
              description="Best on another drive: a USB disk or a network folder, not this computer’s own disk. Each backup is encrypted."
              placeholder="D:\CareDesk Backups"
              error={errors.folder?.message}
              autoComplete="off"
              spellCheck={false}
              inputContainer={(input) => (
                <Group gap="sm" wrap="nowrap">
                  <div style={{ flex: 1 }}>{input}</div>
                  <Button variant="default" onClick={() => void chooseFolder()}>
                    Choose folder…
                  </Button>
                </Group>
              )}
            />
            {pickerNote && (
              <Text size="sm" role="status">
                {pickerNote}
              </Text>
            )}
          </Stack>
          <TextInput
            {...form.register('dailyAt')}
            label="Daily backup time"
            description="24-hour clock in the clinic’s time zone, such as 12:30 or 18:45. Someone must be signed in; otherwise it runs at the next sign-in."
            error={errors.dailyAt?.message}
            autoComplete="off"
            classNames={{ wrapper: 'admin-short-input' }}
          />
          <Checkbox {...form.register('onQuit')} label="Also back up when CareDesk is closed" size="md" />
          <Group justify="flex-end">
            <Button type="submit" loading={isSubmitting}>
              Save backup settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
