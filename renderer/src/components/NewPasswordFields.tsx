import { PasswordInput, Stack } from '@mantine/core';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { PASSWORD_MIN_LENGTH } from '../../../shared/auth/password-policy';
import { PasswordStrength } from './PasswordStrength';

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, no other rules. A short sentence you will remember works well.`;

interface NewPasswordFieldsProps {
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  /** The password as typed so far, for the strength meter. */
  value: string;
  passwordError: string | undefined;
  confirmError: string | undefined;
  /** Words the password must not be built from (username, name). */
  userInputs?: readonly string[];
  passwordLabel?: string;
  confirmLabel?: string;
}

/** A new password, its strength, and the same password again. Used by setup, recovery and "choose a new password". */
export function NewPasswordFields({
  password,
  confirm,
  value,
  passwordError,
  confirmError,
  userInputs,
  passwordLabel = 'New password',
  confirmLabel = 'Type the new password again',
}: NewPasswordFieldsProps) {
  return (
    <Stack gap="md">
      <Stack gap={8}>
        <PasswordInput
          {...password}
          label={passwordLabel}
          description={PASSWORD_HINT}
          error={passwordError}
          autoComplete="new-password"
          withAsterisk
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
        />
        <PasswordStrength password={value} userInputs={userInputs} fieldShowsProblem={passwordError !== undefined} />
      </Stack>
      <PasswordInput
        {...confirm}
        label={confirmLabel}
        error={confirmError}
        autoComplete="new-password"
        withAsterisk
        visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
      />
    </Stack>
  );
}
