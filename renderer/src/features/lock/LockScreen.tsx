import { Anchor, Button, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { SessionState } from '../../../../shared/contract/auth';
import { PasswordUnlockForm } from './PasswordUnlockForm';
import { PIN_DAY_OVER, PinUnlockForm } from './PinUnlockForm';
import { draftsWereLost } from '../../session/session-store';
import { SwitchUserForm } from './SwitchUserForm';
import './lock.css';

type Way = { kind: 'pin' } | { kind: 'password'; note: string | null } | { kind: 'someone-else' };

/**
 * The locked window: whose session it is (a staff name, nothing of their work), and the ways back in: the owner's
 * PIN (same clinic day, if they set one), the owner's password, or another staff member signing in, which ends
 * the owner's session and keeps their unsaved forms for them.
 */
export function LockScreen({ state }: { state: SessionState }) {
  const name = state.user?.displayName ?? 'Someone';
  // The owner's own way back: the PIN while main takes it; the password otherwise, saying why when they do have a PIN.
  const ownerWay = (): Way =>
    state.pinUnlockAvailable ? { kind: 'pin' } : { kind: 'password', note: state.user?.hasPin ? PIN_DAY_OVER : null };
  const [way, setWay] = useState<Way>(ownerWay);
  const usePassword = (note: string | null = null) => setWay({ kind: 'password', note });

  return (
    <Paper withBorder radius="lg" p="xl" className="entry-card lock-card">
      <Stack gap="lg">
        <Stack gap={6}>
          <Title order={1} id="lock-heading">
            Locked — {name}’s session
          </Title>
          <Text>
            {name}’s work is hidden while CareDesk is locked.{' '}
            {draftsWereLost(state.user?.username)
              ? 'Some forms they left unsaved could not be kept; they are told which when they are back.'
              : 'Forms they left unsaved are kept for them.'}
          </Text>
        </Stack>

        {way.kind === 'pin' && <PinUnlockForm ownerName={name} onUsePassword={usePassword} />}
        {way.kind === 'password' && <PasswordUnlockForm ownerName={name} username={state.user?.username ?? null} note={way.note} />}
        {way.kind === 'pin' && (
          <Anchor component="button" type="button" className="entry-link lock-other-way" onClick={() => usePassword()}>
            Unlock with password instead
          </Anchor>
        )}
        {way.kind === 'password' && state.pinUnlockAvailable && way.note === null && (
          <Anchor component="button" type="button" className="entry-link lock-other-way" onClick={() => setWay({ kind: 'pin' })}>
            Unlock with PIN instead
          </Anchor>
        )}

        {way.kind === 'someone-else' ? (
          <SwitchUserForm ownerName={name} onBack={() => setWay(ownerWay())} />
        ) : (
          <>
            <Divider label={`Not ${name}?`} labelPosition="center" classNames={{ label: 'lock-divider-label' }} />
            <Button variant="default" size="md" onClick={() => setWay({ kind: 'someone-else' })}>
              Sign in as someone else
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
