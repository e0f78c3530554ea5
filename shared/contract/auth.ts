import { z } from 'zod';
import { ROLES } from '../roles';
import { assessPassword } from '../auth/password-policy';
import { defineChannel } from './channel';

/**
 * What the renderer may know about the signed-in user: who they are (name and username), their role, whether they must
 * choose a new password first, and whether they have a quick-unlock PIN. Nothing secret: no hash, salt or key.
 */
export const sessionUserSchema = z.object({
  displayName: z.string(),
  /** The username they sign in with (lower-case): the lock screen shows it, "signed in as" names it. */
  username: z.string(),
  role: z.enum(ROLES),
  mustChangePassword: z.boolean(),
  /** Whether they have set a quick-unlock PIN (My account offers to set one up, or to change or remove it). */
  hasPin: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const usernameSchema = z
  .string({ error: 'Enter a username.' })
  .trim()
  .min(3, 'A username has at least 3 characters.')
  .max(32, 'A username has at most 32 characters.')
  .regex(/^[A-Za-z0-9._-]+$/, 'Use only letters, digits, dots, dashes and underscores in a username (no spaces).');

export const fullNameSchema = z
  .string({ error: 'Enter the full name.' })
  .trim()
  .min(1, 'Enter the full name.')
  .max(100, 'Keep the name under 100 characters.');

/** Sign-in takes any non-empty password: the policy applies when a password is chosen, not when it is typed. */
const typedPasswordSchema = z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(256, 'That password is too long.');

export const timeZoneSchema = z
  .string({ error: 'Choose the clinic time zone.' })
  .min(1, 'Choose the clinic time zone.')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Choose a time zone from the list.');

const recoveryCodeInputSchema = z
  .string({ error: 'Enter the recovery code.' })
  .trim()
  .min(1, 'Enter the recovery code.')
  .max(64, 'A recovery code has 28 characters (7 groups of 4).');

/** The first administrator, as the setup wizard collects them (password policy included). */
export const firstAdminSchema = z
  .object({
    fullName: fullNameSchema,
    username: usernameSchema,
    password: z.string({ error: 'Choose a password.' }),
  })
  .strict()
  .superRefine((admin, ctx) => {
    const problem = assessPassword(admin.password, [admin.username, ...admin.fullName.split(/\s+/)]).problem;
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export const setupCompleteInputSchema = z
  .object({
    clinicName: z.string({ error: 'Enter the clinic name.' }).trim().min(1, 'Enter the clinic name.').max(120, 'Keep the clinic name under 120 characters.'),
    timeZone: timeZoneSchema,
    admin: firstAdminSchema,
    /** The two groups of the recovery code the administrator was asked to retype. */
    confirmGroups: z.tuple([z.string().trim(), z.string().trim()], { error: 'Retype the two groups of the recovery code.' }),
  })
  .strict();
export type SetupCompleteInput = z.infer<typeof setupCompleteInputSchema>;

export const keychainSchema = z.object({
  status: z.enum(['secure', 'insecure', 'unavailable']),
  /** Plain-words warning while the keychain does not protect secrets; null when it does. */
  warning: z.string().nullable(),
});

export const sessionStateSchema = z.object({
  /** 'locked': this window's session is kept but hidden behind the lock screen (user shows whose it is). */
  phase: z.enum(['needs-setup', 'signed-out', 'signed-in', 'locked']),
  user: sessionUserSchema.nullable(),
  keychain: keychainSchema,
  /** True when this computer cannot open staff key slots (new computer, keychain reset): use the recovery code. */
  recoveryRequired: z.boolean(),
  /**
   * The clinic's database is missing or damaged (truncated, or failed to open with the right key): the screen offers
   * to restore the last verified backup with the recovery code. Null when the database is fine (or not set up).
   */
  databaseProblem: z
    .object({
      kind: z.enum(['missing', 'damaged']),
      lastVerifiedBackup: z.object({ fileName: z.string(), createdAt: z.number().int() }).nullable(),
    })
    .nullable(),
  /** On the lock screen: whether the owner may unlock with their PIN (they set one, and it is still the same clinic day). */
  pinUnlockAvailable: z.boolean(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

const ANY_STAFF = ROLES;

export const sessionChannels = {
  state: defineChannel({
    summary: 'Whether the clinic needs setting up, who is signed in (name, username, role, PIN set or not), and the keychain status.',
    input: z.undefined(),
    output: sessionStateSchema,
    access: 'public',
  }),
};

export const setupChannels = {
  begin: defineChannel({
    summary: 'Starts the first-run wizard: makes the recovery code (kept in main until completion) and says which two groups to retype.',
    input: z.undefined(),
    output: z.object({ recoveryCodeGroups: z.array(z.string()), confirmGroupNumbers: z.tuple([z.number().int(), z.number().int()]) }),
    access: 'public',
  }),
  cancel: defineChannel({
    summary: 'Abandons the wizard; nothing was written.',
    input: z.undefined(),
    output: z.null(),
    access: 'public',
  }),
  complete: defineChannel({
    summary: 'Creates the clinic: database, first administrator, key slots. Signs the administrator in.',
    input: setupCompleteInputSchema,
    output: sessionUserSchema,
    access: 'public',
  }),
};

export const authChannels = {
  signIn: defineChannel({
    summary: 'Username and password. Wrong username and wrong password get the same answer.',
    input: z.object({ username: z.string({ error: 'Enter your username.' }).trim().min(1, 'Enter your username.').max(64), password: typedPasswordSchema }).strict(),
    output: sessionUserSchema,
    access: 'public',
  }),
  signOut: defineChannel({
    summary: 'Ends this window’s session.',
    input: z.undefined(),
    output: z.null(),
    access: ANY_STAFF,
    whileLocked: true,
    beforePasswordChange: true,
  }),
  recover: defineChannel({
    summary: 'Forgot password / new computer: the recovery code opens the database and an administrator sets a new password.',
    input: z
      .object({ recoveryCode: recoveryCodeInputSchema, username: usernameSchema, newPassword: z.string({ error: 'Choose a new password.' }) })
      .strict()
      .superRefine((v, ctx) => {
        const problem = assessPassword(v.newPassword, [v.username]).problem;
        if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
      }),
    output: sessionUserSchema,
    access: 'public',
  }),
  changePassword: defineChannel({
    summary: 'The signed-in user changes their own password (re-wraps only their key slot).',
    input: z
      .object({ currentPassword: typedPasswordSchema, newPassword: z.string({ error: 'Choose a new password.' }) })
      .strict()
      .superRefine((v, ctx) => {
        const problem = assessPassword(v.newPassword).problem;
        if (problem) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problem });
      }),
    output: z.null(),
    access: ANY_STAFF,
    beforePasswordChange: true,
  }),
};
