import { Alert, Button, Group } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import type { SetupView } from '../../../shared/contract/scheduling';
import { ReadingStatus } from './ReadingStatus';

export type SetupState = { kind: 'loading' } | { kind: 'ready'; setup: SetupView } | { kind: 'failed'; message: string };

interface SetupGateProps {
  setup: SetupState;
  load(): Promise<void>;
  /** Said while the set-up is read. */
  reading: string;
  /** The failure's title; main's words and "Try again" follow. */
  failureTitle: string;
  children: (setup: SetupView) => ReactNode;
}

/** Reads the clinic's scheduling set-up when it opens, then shows its children with it (or the failure, with "Try again"). */
export function SetupGate({ setup, load, reading, failureTitle, children }: SetupGateProps) {
  useEffect(() => {
    void load();
  }, [load]);

  if (setup.kind === 'loading') return <ReadingStatus>{reading}</ReadingStatus>;
  if (setup.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title={failureTitle} classNames={{ title: 'alert-title', message: 'alert-message' }}>
        {setup.message}
        <Group mt="sm">
          <Button onClick={() => void load()}>Try again</Button>
        </Group>
      </Alert>
    );
  }
  return <>{children(setup.setup)}</>;
}
