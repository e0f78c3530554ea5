import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { firstAdminSchema, setupCompleteInputSchema } from '../../../../shared/contract/auth';
import { PASSWORDS_DIFFER } from '../../forms/confirm-password';

/**
 * The wizard's three forms, built from the same schemas main uses for setup:complete, so a step that
 * passes here passes there. Only "type the password again" and "type the group" are local rules.
 */
export const clinicStepSchema = z.object({
  clinicName: setupCompleteInputSchema.shape.clinicName,
  timeZone: setupCompleteInputSchema.shape.timeZone,
});
export type ClinicStepValues = z.input<typeof clinicStepSchema>;
export type ClinicStepForm = UseFormReturn<ClinicStepValues, unknown, z.output<typeof clinicStepSchema>>;

export const adminStepSchema = z
  .object({ admin: firstAdminSchema, confirmPassword: z.string() })
  .refine((form) => form.admin.password === form.confirmPassword, { path: ['confirmPassword'], message: PASSWORDS_DIFFER, when: () => true });
export type AdminStepValues = z.input<typeof adminStepSchema>;
export type AdminStepForm = UseFormReturn<AdminStepValues, unknown, z.output<typeof adminStepSchema>>;

const TYPE_THE_GROUP = 'Type this group from your copy of the recovery code.';
export const confirmStepSchema = z.object({
  confirmGroups: setupCompleteInputSchema.shape.confirmGroups.superRefine((groups, ctx) => {
    groups.forEach((group, index) => {
      if (group.length === 0) ctx.addIssue({ code: 'custom', path: [index], message: TYPE_THE_GROUP });
    });
  }),
});
export type ConfirmStepValues = z.input<typeof confirmStepSchema>;
export type ConfirmStepForm = UseFormReturn<ConfirmStepValues, unknown, z.output<typeof confirmStepSchema>>;

export const EMPTY_ADMIN: AdminStepValues = { admin: { fullName: '', username: '', password: '' }, confirmPassword: '' };
export const EMPTY_CONFIRM: ConfirmStepValues = { confirmGroups: ['', ''] };

/** Which step shows a field main complained about (main's issue path → step index and the form's field). */
export type SetupIssueTarget =
  | { step: 0; form: 'clinic'; field: keyof ClinicStepValues }
  | { step: 1; form: 'admin'; field: `admin.${keyof AdminStepValues['admin']}` }
  | { step: 3; form: 'confirm'; field: `confirmGroups.${0 | 1}` };

export function setupIssueTarget(path: string): SetupIssueTarget | null {
  if (path === 'clinicName' || path === 'timeZone') return { step: 0, form: 'clinic', field: path };
  if (path === 'admin.fullName' || path === 'admin.username' || path === 'admin.password') return { step: 1, form: 'admin', field: path };
  if (path === 'confirmGroups.0' || path === 'confirmGroups.1') return { step: 3, form: 'confirm', field: path };
  return null;
}
