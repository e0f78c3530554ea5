import { z } from 'zod';
import { ROLES } from '../roles';
import { defineChannel } from './channel';
import { sessionUserSchema } from './auth';

export const pinSchema = z
  .string({ error: 'Enter a PIN of 4 to 6 digits.' })
  .regex(/^\d{4,6}$/, 'A PIN is 4 to 6 digits.')
  .refine((pin) => !/^(\d)\1+$/.test(pin) && !'0123456789'.includes(pin) && !'9876543210'.includes(pin), 'Avoid a PIN like 1111 or 1234.');

const draftKey = z.string().min(1).max(100).regex(/^[a-z0-9:._-]+$/, 'Unknown form.');

export const lockChannels = {
  now: defineChannel({
    summary: 'Locks this window now (shortcut, button, or the idle timer). Keeps the session for its owner.',
    input: z.undefined(),
    output: z.null(),
    access: ROLES,
  }),
  unlockWithPin: defineChannel({
    summary: 'The owner resumes their own locked session with their PIN, the same clinic day only.',
    input: z.object({ pin: z.string().regex(/^\d{4,6}$/, 'A PIN is 4 to 6 digits.') }).strict(),
    output: sessionUserSchema,
    access: ROLES,
    whileLocked: true,
  }),
  setPin: defineChannel({
    summary: 'Sets (or replaces) the signed-in user’s quick-unlock PIN; asks for their password.',
    input: z.object({ password: z.string().min(1, 'Enter your password.').max(256), pin: pinSchema }).strict(),
    output: z.null(),
    access: ROLES,
  }),
  clearPin: defineChannel({
    summary: 'Removes the signed-in user’s PIN.',
    input: z.undefined(),
    output: z.null(),
    access: ROLES,
  }),
};

export const draftsChannels = {
  save: defineChannel({
    summary: 'Keeps a form’s unsaved values for the signed-in user (before a lock or a switch of user).',
    input: z.object({ formKey: draftKey, data: z.string().max(200_000, 'This draft is too large to keep.') }).strict(),
    output: z.null(),
    access: ROLES,
  }),
  load: defineChannel({
    summary: 'The signed-in user’s own draft of a form, if any.',
    input: z.object({ formKey: draftKey }).strict(),
    output: z.object({ data: z.string(), savedAt: z.number().int() }).nullable(),
    access: ROLES,
  }),
  discard: defineChannel({
    summary: 'Forgets the signed-in user’s draft of a form (saved or abandoned).',
    input: z.object({ formKey: draftKey }).strict(),
    output: z.null(),
    access: ROLES,
  }),
};
