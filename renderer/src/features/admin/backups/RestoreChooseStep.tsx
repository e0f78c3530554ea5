import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { backupChannels } from '../../../../../shared/contract/backup';
import type { FieldIssue } from '../../../../../shared/result';
import { applyServerIssues, sameFieldNames } from '../../../forms/server-issues';
import { adminCall } from '../admin-call';

const restoreShape = backupChannels.restore.input.shape;
/** main's own rules; an empty recovery code means "this clinic's own backup". */
const restoreChoiceSchema = z.object({
  file: restoreShape.file,
  recoveryCode: z
    .string()
    .transform((value) => (value.trim() === '' ? undefined : value))
    .pipe(restoreShape.recoveryCode),
});
export type RestoreChoice = z.output<typeof restoreChoiceSchema>;
type RestoreChoiceValues = { file: string; recoveryCode: string };

const NO_PICKER = 'The file picker is not available here. Type the backup file’s full path instead, such as E:\\caredesk-backup-20250314-123000.cdbak.';

interface RestoreChooseStepProps {
  initial: RestoreChoiceValues;
  /** Problems main found with the last choice (wrong file, wrong recovery code), shown under their fields. */
  issues: readonly FieldIssue[];
  onCancel(): void;
  onNext(choice: RestoreChoice): void;
}

/** Step 1: which backup file, and the recovery code when it comes from another computer. */
export function RestoreChooseStep({ initial, issues, onCancel, onNext }: RestoreChooseStepProps) {
  const [pickerNote, setPickerNote] = useState<string | null>(null);
  const form = useForm<RestoreChoiceValues, unknown, RestoreChoice>({ resolver: zodResolver(restoreChoiceSchema), defaultValues: initial });
  const { errors } = form.formState;

  useEffect(() => {
    applyServerIssues(issues, form.setError, sameFieldNames<RestoreChoiceValues>(['file', 'recoveryCode']));
  }, [issues, form]);

  async function chooseFile() {
    const result = await adminCall((api) => api.backup.chooseFile());
    if (result.ok && result.value.path !== null) {
      form.setValue('file', result.value.path, { shouldDirty: true, shouldValidate: true });
      setPickerNote(null);
      return;
    }
    setPickerNote(result.ok ? NO_PICKER : result.error.message);
    form.setFocus('file');
  }

  return (
    <form noValidate onSubmit={form.handleSubmit(onNext)}>
      <Stack gap="md">
        <Text>Choose the backup to bring back. CareDesk checks it completely before anything on this computer changes.</Text>
        <Stack gap={6}>
          <TextInput
            {...form.register('file')}
            label="Backup file"
            description="A CareDesk backup, whose name ends in .cdbak."
            error={errors.file?.message}
            autoComplete="off"
            spellCheck={false}
            withAsterisk
            data-autofocus
            inputContainer={(input) => (
              <Group gap="sm" wrap="nowrap">
                <div style={{ flex: 1 }}>{input}</div>
                <Button variant="default" onClick={() => void chooseFile()}>
                  Choose file…
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
          {...form.register('recoveryCode')}
          label="Recovery code (only for a backup from another computer)"
          description="Leave this empty for this clinic’s own backups. For a backup made with another clinic database, enter that clinic’s recovery code (7 groups of 4)."
          error={errors.recoveryCode?.message}
          autoComplete="off"
          spellCheck={false}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit">Continue</Button>
        </Group>
      </Stack>
    </form>
  );
}
