import { z } from 'zod';
import { ROLES } from '../roles';
import { defineChannel } from './channel';
import { timeZoneSchema } from './auth';

export const LOCK_MINUTES = { min: 1, max: 30, default: 10 } as const;

export const clinicSettingsSchema = z.object({
  clinicName: z.string(),
  timeZone: z.string(),
  /** Automatic lock after this many idle minutes (1–30). */
  lockAfterMinutes: z.number().int().min(LOCK_MINUTES.min).max(LOCK_MINUTES.max),
  automaticUpdates: z.boolean(),
});
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

export const settingsUpdateSchema = z
  .object({
    clinicName: z.string().trim().min(1, 'Enter the clinic name.').max(120, 'Keep the clinic name under 120 characters.').optional(),
    timeZone: timeZoneSchema.optional(),
    lockAfterMinutes: z
      .number({ error: 'Enter the number of minutes.' })
      .int('Use whole minutes.')
      .min(LOCK_MINUTES.min, `Lock after at least ${LOCK_MINUTES.min} minute.`)
      .max(LOCK_MINUTES.max, `Lock after at most ${LOCK_MINUTES.max} minutes.`)
      .optional(),
    automaticUpdates: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Change at least one setting.');

export const settingsChannels = {
  get: defineChannel({
    summary: 'Clinic name, time zone, automatic-lock minutes and the update setting, for every signed-in user.',
    input: z.undefined(),
    output: clinicSettingsSchema,
    access: ROLES,
  }),
  update: defineChannel({
    summary: 'An administrator changes clinic settings (audited).',
    input: settingsUpdateSchema,
    output: clinicSettingsSchema,
    access: ['admin'],
  }),
};
