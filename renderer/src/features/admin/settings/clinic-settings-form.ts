import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { settingsUpdateSchema, type ClinicSettings } from '../../../../../shared/contract/settings';

const shape = settingsUpdateSchema.shape;

/**
 * Every field required here (the form always shows them all), each with main's own rule and message.
 * An emptied minutes field holds '' (NumberInput), read as "not entered" (main's own message).
 */
export const clinicSettingsFormSchema = z.object({
  clinicName: shape.clinicName.unwrap(),
  timeZone: shape.timeZone.unwrap(),
  lockAfterMinutes: z
    .union([z.number(), z.string()])
    .transform((value) => (value === '' ? undefined : Number(value)))
    .pipe(shape.lockAfterMinutes.unwrap()),
  automaticUpdates: shape.automaticUpdates.unwrap(),
});
export type ClinicSettingsValues = z.input<typeof clinicSettingsFormSchema>;
export type ClinicSettingsForm = UseFormReturn<ClinicSettingsValues, unknown, z.output<typeof clinicSettingsFormSchema>>;
export const CLINIC_SETTINGS_FIELDS = ['clinicName', 'timeZone', 'lockAfterMinutes', 'automaticUpdates'] as const;

export function settingsValues(settings: ClinicSettings): ClinicSettingsValues {
  return { ...settings };
}

/** Only what changed goes to main, so the audit trail names exactly the settings that were changed. */
export function changedSettings(saved: ClinicSettings, values: z.output<typeof clinicSettingsFormSchema>): Partial<ClinicSettings> {
  const changes: Partial<ClinicSettings> = {};
  if (values.clinicName !== saved.clinicName) changes.clinicName = values.clinicName;
  if (values.timeZone !== saved.timeZone) changes.timeZone = values.timeZone;
  if (values.lockAfterMinutes !== saved.lockAfterMinutes) changes.lockAfterMinutes = values.lockAfterMinutes;
  if (values.automaticUpdates !== saved.automaticUpdates) changes.automaticUpdates = values.automaticUpdates;
  return changes;
}
