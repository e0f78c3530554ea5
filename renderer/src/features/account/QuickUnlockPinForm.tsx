import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { lockChannels } from '../../../../shared/contract/lock';
import { callClinic } from '../../api/clinic';
import { applyServerIssues, nestedFieldNames } from '../../forms/server-issues';
import { useSessionStore } from '../../session/session-store';
import { lockKeys } from '../../shell/keyboard';
import { AccountNotice, type Notice } from './AccountNotice';

export const PINS_DIFFER = 'The two PINs are not the same. Type the PIN again in both fields.';

/** main's own rules for the PIN and the password (under `request`), plus "type it again", checked only here. */
const setPinSchema = z
  .object({ request: lockChannels.setPin.input, confirmPin: z.string() })
  .refine((form) => form.request.pin === form.confirmPin, { path: ['confirmPin'], message: PINS_DIFFER, when: () => true });
type SetPinValues = z.input<typeof setPinSchema>;
const EMPTY: SetPinValues = { request: { password: '', pin: '' }, confirmPin: '' };

/**
 * Sets (with the password, to prove it is them), changes or removes the signed-in person's quick-unlock PIN. Whether
 * they have one comes from main (the session's `hasPin`), and is read again after each change.
 */
export function QuickUnlockPinForm() {
  const hasPin = useSessionStore((state) => (state.view.kind === 'ready' ? (state.view.state.user?.hasPin ?? false) : false));
  const refreshSession = useSessionStore((state) => state.refresh);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [removing, setRemoving] = useState(false);
  const form = useForm<SetPinValues, unknown, z.output<typeof setPinSchema>>({ resolver: zodResolver(setPinSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    const result = await callClinic((api) => api.lock.setPin(values.request));
    form.reset(EMPTY);
    if (result.ok) {
      setNotice((previous) => next(previous, 'success', 'Your PIN is saved. Today, after you lock this window, unlock it with your PIN.'));
      await refreshSession();
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, nestedFieldNames<SetPinValues>('request', ['password', 'pin']));
    setNotice((previous) => next(previous, 'error', [result.error.message, ...unmatched.map((issue) => issue.message)].join(' ')));
  });

  const removePin = async () => {
    setRemoving(true);
    const result = await callClinic((api) => api.lock.clearPin());
    setRemoving(false);
    form.reset(EMPTY);
    setNotice((previous) =>
      result.ok ? next(previous, 'success', 'You have no PIN now. Unlock with your password.') : next(previous, 'error', result.error.message),
    );
    if (!result.ok) return;
    await refreshSession();
    form.setFocus('request.password'); // the Remove button that had focus is gone
  };

  return (
    <Stack gap="md">
      <Text>
        <strong>{hasPin ? 'You have a PIN.' : 'You have no PIN yet.'}</strong> A PIN lets you unlock your own session quickly after you lock the
        screen ({lockKeys().caps.join('+')}). It works only on this window, and only on the day you signed in with your password. The next day, or
        after 5 wrong tries, unlock with your password.
      </Text>
      <AccountNotice notice={notice} failureTitle="PIN not changed" />
      <form noValidate onSubmit={submit} aria-label="Set my PIN">
        <Stack gap="md">
          <PasswordInput
            {...form.register('request.password')}
            label="Your password"
            description="To confirm it is you."
            error={errors.request?.password?.message}
            autoComplete="current-password"
            withAsterisk
            visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the password' }}
          />
          <Group grow align="flex-start">
            <PasswordInput
              {...form.register('request.pin')}
              label="New PIN"
              description="4 to 6 digits, not 1111 or 1234."
              error={errors.request?.pin?.message}
              inputMode="numeric"
              maxLength={6}
              autoComplete="off"
              withAsterisk
              visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the PIN' }}
            />
            <PasswordInput
              {...form.register('confirmPin')}
              label="Type the PIN again"
              description="The same digits."
              error={errors.confirmPin?.message}
              inputMode="numeric"
              maxLength={6}
              autoComplete="off"
              withAsterisk
              visibilityToggleButtonProps={{ 'aria-label': 'Show or hide the PIN' }}
            />
          </Group>
          <Group justify={hasPin ? 'space-between' : 'flex-end'}>
            {hasPin && (
              <Button variant="default" color="red" onClick={() => void removePin()} loading={removing} disabled={isSubmitting}>
                Remove my PIN
              </Button>
            )}
            <Button type="submit" loading={isSubmitting} disabled={removing}>
              {hasPin ? 'Change my PIN' : 'Save my PIN'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function next(previous: Notice | null, tone: Notice['tone'], message: string): Notice {
  return { tone, message, attempt: (previous?.attempt ?? 0) + 1 };
}
