import { z } from 'zod';

export const PASSWORDS_DIFFER = 'The two passwords are not the same. Type the password again in both fields.';

/**
 * A form schema: the channel's own input schema under `request` (so the rules are exactly main's), plus a
 * "type it again" field checked only here. Runs even while other fields have problems, so both show at once.
 */
export function withConfirmedPassword<S extends z.ZodType>(request: S, passwordOf: (request: z.output<S> | z.input<S>) => unknown) {
  return z
    .object({ request, confirmPassword: z.string() })
    .refine((form) => passwordOf((form as { request: z.input<S> }).request) === form.confirmPassword, {
      path: ['confirmPassword'],
      message: PASSWORDS_DIFFER,
      // The form always holds strings, so the comparison is safe to run when other fields are invalid.
      when: () => true,
    });
}
