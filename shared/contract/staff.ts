import { z } from 'zod';
import { ROLES } from '../roles';
import { assessPassword } from '../auth/password-policy';
import { defineChannel } from './channel';
import { fullNameSchema, usernameSchema } from './auth';

export const staffMemberSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  status: z.enum(['active', 'inactive']),
  /** Set after an administrator's reset (or a recovery on a new computer) until the person chooses a password. */
  passwordResetRequired: z.boolean(),
  /** Sign-in lockout end (epoch ms), or null when not locked. */
  lockedUntil: z.number().int().nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

const staffId = z.string({ error: 'Choose a staff member.' }).min(1, 'Choose a staff member.').max(64);
const roleSchema = z.enum(ROLES, { error: 'Choose a role: Administrator, Care coordinator, Front desk or Read-only.' });

/** A temporary password an administrator hands over; the person must choose their own at next sign-in. */
function temporaryPasswordIssue(password: string, words: string[]): string | null {
  return assessPassword(password, words).problem;
}

const ADMIN_ONLY = ['admin'] as const;

export const staffChannels = {
  list: defineChannel({
    summary: 'Every staff account, active and inactive, with role and lockout state.',
    input: z.undefined(),
    output: z.array(staffMemberSchema),
    access: ADMIN_ONLY,
  }),
  create: defineChannel({
    summary: 'A new staff account with a temporary password (the person chooses their own at first sign-in).',
    input: z
      .object({
        fullName: fullNameSchema,
        username: usernameSchema,
        role: roleSchema,
        temporaryPassword: z.string({ error: 'Enter a temporary password.' }),
      })
      .strict()
      .superRefine((v, ctx) => {
        const problem = temporaryPasswordIssue(v.temporaryPassword, [v.username, ...v.fullName.split(/\s+/)]);
        if (problem) ctx.addIssue({ code: 'custom', path: ['temporaryPassword'], message: problem });
      }),
    output: staffMemberSchema,
    access: ADMIN_ONLY,
  }),
  update: defineChannel({
    summary: 'Changes a staff member’s name or role.',
    input: z.object({ id: staffId, fullName: fullNameSchema.optional(), role: roleSchema.optional() }).strict(),
    output: staffMemberSchema,
    access: ADMIN_ONLY,
  }),
  deactivate: defineChannel({
    summary: 'Deactivates an account (never deleted, so the audit trail keeps the name); its key slot is removed.',
    input: z.object({ id: staffId }).strict(),
    output: staffMemberSchema,
    access: ADMIN_ONLY,
  }),
  reactivate: defineChannel({
    summary: 'Re-activates an account with a temporary password.',
    input: z
      .object({ id: staffId, temporaryPassword: z.string({ error: 'Enter a temporary password.' }) })
      .strict()
      .superRefine((v, ctx) => {
        const problem = temporaryPasswordIssue(v.temporaryPassword, []);
        if (problem) ctx.addIssue({ code: 'custom', path: ['temporaryPassword'], message: problem });
      }),
    output: staffMemberSchema,
    access: ADMIN_ONLY,
  }),
  resetPassword: defineChannel({
    summary: 'Sets a temporary password; the person must choose a new one at next sign-in.',
    input: z
      .object({ id: staffId, temporaryPassword: z.string({ error: 'Enter a temporary password.' }) })
      .strict()
      .superRefine((v, ctx) => {
        const problem = temporaryPasswordIssue(v.temporaryPassword, []);
        if (problem) ctx.addIssue({ code: 'custom', path: ['temporaryPassword'], message: problem });
      }),
    output: staffMemberSchema,
    access: ADMIN_ONLY,
  }),
  unlock: defineChannel({
    summary: 'Lifts a sign-in lockout.',
    input: z.object({ id: staffId }).strict(),
    output: staffMemberSchema,
    access: ADMIN_ONLY,
  }),
};
