import { z } from 'zod';
import { defineChannel } from './channel';

export const appStatusSchema = z.object({
  appVersion: z.string(),
  /** Null until someone signs in and the database is open. */
  schemaVersion: z.number().int().nonnegative().nullable(),
  encryption: z.object({ enabled: z.boolean(), cipher: z.string() }),
  dataFolderBytes: z.number().int().nonnegative(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const appChannels = {
  status: defineChannel({
    summary: 'Version, schema version, encryption and data folder size, for the About box. No patient data.',
    input: z.undefined(),
    output: appStatusSchema,
    access: 'public',
  }),
  setUnsavedWork: defineChannel({
    summary: 'The window tells main whether a form has unsaved changes, so an update restart can ask first.',
    input: z.object({ unsaved: z.boolean() }).strict(),
    output: z.null(),
    access: 'public',
  }),
};
