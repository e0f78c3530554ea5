import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { lockChannels } from '../../../../shared/contract/lock';
import { callClinic } from '../../api/clinic';
import { enterSignedIn, sessionEnded } from '../../session/session-store';
import { FailureAlert, type Failure } from '../sign-in/FailureAlert';

export const PIN_DAY_OVER = 'A PIN works only on the day you signed in with your password. Unlock with your password now.';

const pinUnlockSchema = lockChannels.unlockWithPin.input;
type PinUnlockValues = z.input<typeof pinUnlockSchema>;

interface PinUnlockFormProps {
  ownerName: string;
  /** Main no longer takes the PIN (a new clinic day): the lock screen asks for the password, saying why. */
  onUsePassword: (why: string) => void;
}

/**
 * The owner's quick-unlock PIN. A wrong PIN says how many tries are left (main counts them); after the last one
 * main ends the session and the sign-in screen says why.
 */
export function PinUnlockForm({ ownerName, onUsePassword }: PinUnlockFormProps) {
  const [failure, setFailure] = useState<Failure | null>(null);
  const form = useForm<PinUnlockValues, unknown, z.output<typeof pinUnlockSchema>>({ resolver: zodResolver(pinUnlockSchema), defaultValues: { pin: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const result = await callClinic((api) => api.lock.unlockWithPin(values));
    if (result.ok) {
      await enterSignedIn();
      return;
    }
    form.setValue('pin', '');
    const { error } = result;
    if (error.code === 'UNAUTHENTICATED') {
      await sessionEnded(error.message);
      return;
    }
    if (error.code === 'LOCKED') {
      // Main's refusal covers "no PIN" too; the person who just typed one needs only the day rule.
      onUsePassword(PIN_DAY_OVER);
      return;
    }
    const message = error.issues?.find((issue) => issue.path === 'pin')?.message ?? error.message;
    form.setError('pin', { type: 'server' });
    setFailure((previous) => ({ title: 'Not unlocked', message, attempt: (previous?.attempt ?? 0) + 1 }));
    form.setFocus('pin');
  });

  return (
    <form noValidate onSubmit={submit} aria-label={`Unlock ${ownerName}’s session with a PIN`}>
      <Stack gap="md">
        <FailureAlert failure={failure} />
        <PasswordInput
          {...form.register('pin')}
          label="PIN"
          description={`${ownerName}’s quick-unlock PIN: 4 to 6 digits.`}
          error={errors.pin?.message ?? (errors.pin ? true : undefined)}
          inputMode="numeric"
          maxLength={6}
          autoComplete="off"
          autoFocus
          classNames={{ innerInput: 'pin-inner-input' }}
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the PIN' }}
        />
        <Button type="submit" size="md" loading={isSubmitting}>
          Unlock
        </Button>
      </Stack>
    </form>
  );
}
