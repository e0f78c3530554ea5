import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NumberInput, Paper, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { LOCK_MINUTES, type ClinicSettings } from '../../../../../shared/contract/settings';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { applyServerIssues, sameFieldNames } from '../../../forms/server-issues';
import { useSessionStore } from '../../../session/session-store';
import { timeZoneOptions } from '../../setup/time-zones';
import { adminCall, failureText } from '../admin-call';
import { useAdminStore } from '../admin-store';
import { CLINIC_SETTINGS_FIELDS, changedSettings, clinicSettingsFormSchema, settingsValues, type ClinicSettingsForm, type ClinicSettingsValues } from './clinic-settings-form';

/** Clinic name, time zone, automatic lock and updates (settings:update; main records each change in the audit trail). */
export function ClinicSettingsTab() {
  const saved = useAdminStore((state) => (state.clinic.kind === 'ready' ? state.clinic.settings : null));
  // The tab opens only once the settings are read (AdminScreen waits for them).
  return saved ? <ClinicSettingsEditor saved={saved} /> : null;
}

function ClinicSettingsEditor({ saved }: { saved: ClinicSettings }) {
  const clinicSaved = useAdminStore((state) => state.clinicSaved);
  const options = useMemo(() => timeZoneOptions(), []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form: ClinicSettingsForm = useForm({ resolver: zodResolver(clinicSettingsFormSchema), defaultValues: settingsValues(saved) });
  const { errors, isSubmitting, isDirty } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const changes = changedSettings(saved, values);
    if (Object.keys(changes).length === 0) {
      form.reset(settingsValues(saved));
      return;
    }
    const result = await adminCall((api) => api.settings.update(changes));
    if (!result.ok) {
      const unmatched = applyServerIssues(result.error.issues, form.setError, sameFieldNames<ClinicSettingsValues>(CLINIC_SETTINGS_FIELDS));
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'Settings not saved', message: failureText(result.error.message, unmatched) }));
      return;
    }
    clinicSaved(result.value);
    form.reset(settingsValues(result.value));
    // The header's clinic name and this window's idle timer follow at once.
    useSessionStore.getState().settingsChanged(result.value);
    setNotice((previous) => nextNotice(previous, { tone: 'success', title: 'Settings saved', message: 'The new clinic settings apply from now on.' }));
  });

  return (
    <Paper withBorder radius="md" p="xl" maw={760}>
      <form noValidate onSubmit={submit} aria-label="Clinic settings">
        <Stack gap="lg">
          <ActionNotice notice={notice} />
          <TextInput
            {...form.register('clinicName')}
            label="Clinic name"
            description="As patients know it. It appears at the top of CareDesk and on printouts."
            error={errors.clinicName?.message}
            autoComplete="organization"
            withAsterisk
          />
          <Controller
            control={form.control}
            name="timeZone"
            render={({ field }) => (
              <Select
                ref={field.ref}
                name={field.name}
                value={field.value}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                data={options}
                searchable
                allowDeselect={false}
                nothingFoundMessage="No time zone matches. Try a city name, such as Chicago."
                maxDropdownHeight={280}
                label="Time zone"
                description="Appointment times, backups and the audit trail use this time zone. Type a city to search, for example Denver."
                error={errors.timeZone?.message}
                withAsterisk
              />
            )}
          />
          <Controller
            control={form.control}
            name="lockAfterMinutes"
            render={({ field }) => (
              <NumberInput
                ref={field.ref}
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                label="Lock automatically after (minutes)"
                description={`When nobody touches the keyboard or mouse for this long, CareDesk locks and hides the screen. From ${LOCK_MINUTES.min} to ${LOCK_MINUTES.max} minutes.`}
                error={errors.lockAfterMinutes?.message}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                min={LOCK_MINUTES.min}
                max={LOCK_MINUTES.max}
                classNames={{ wrapper: 'admin-short-input' }}
                withAsterisk
              />
            )}
          />
          <Stack gap={6}>
            <Controller
              control={form.control}
              name="automaticUpdates"
              render={({ field }) => (
                <Switch
                  ref={field.ref}
                  name={field.name}
                  checked={field.value}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                  onBlur={field.onBlur}
                  label="Install CareDesk updates automatically"
                  description="Recommended. CareDesk downloads updates in the background and installs them when it is closed. Turn this off only if your IT provider installs software updates on your computers for you (managed computers)."
                  error={errors.automaticUpdates?.message}
                  size="md"
                />
              )}
            />
          </Stack>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" disabled={!isDirty || isSubmitting} onClick={() => form.reset(settingsValues(saved))}>
              Undo changes
            </Button>
            <Button type="submit" loading={isSubmitting}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
