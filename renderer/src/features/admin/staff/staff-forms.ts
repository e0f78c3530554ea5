import type { UseFormReturn } from 'react-hook-form';
import { z } from 'zod';
import { staffChannels } from '../../../../../shared/contract/staff';
import { PASSWORD_MIN_LENGTH } from '../../../../../shared/auth/password-policy';
import { ROLE_LABELS, ROLES, type Role } from '../../../../../shared/roles';

/**
 * The staff dialogs validate with main's own input schemas (the temporary-password policy included), so what
 * passes here passes in main; main's VALIDATION and CONFLICT issues land under the same field names.
 */
export const addStaffSchema = staffChannels.create.input;
export type AddStaffValues = z.input<typeof addStaffSchema>;
export type AddStaffForm = UseFormReturn<AddStaffValues, unknown, z.output<typeof addStaffSchema>>;
export const ADD_STAFF_FIELDS = ['fullName', 'username', 'role', 'temporaryPassword'] as const;

const updateShape = staffChannels.update.input.shape;
export const editStaffSchema = z.object({ fullName: updateShape.fullName.unwrap(), role: updateShape.role.unwrap() });
export type EditStaffValues = z.input<typeof editStaffSchema>;
export const EDIT_STAFF_FIELDS = ['fullName', 'role'] as const;

/** Reset and re-activate take the same input: the account's id and a temporary password. */
export const temporaryPasswordSchema = staffChannels.resetPassword.input;
export type TemporaryPasswordValues = z.input<typeof temporaryPasswordSchema>;

/** What each role may do, in a sentence, beside the role list. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages staff accounts, backups, the audit trail and clinic settings, and can do everything else.',
  coordinator: 'Care plans, referrals and follow-ups, as well as scheduling and intake.',
  front_desk: 'Scheduling, check-in, registration and insurance at the desk.',
  read_only: 'Can look things up, but cannot change anything.',
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

/** Under the temporary-password field of a new account. */
export const TEMPORARY_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. Give it to them in person: they must choose their own password when they next sign in.`;

/** Under the field in the reset and re-activate dialogs, whose text above already explains the rest. */
export const TEMPORARY_PASSWORD_SHORT_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. Give it to them in person.`;
