import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import type { SetupView } from '../../../../../shared/contract/scheduling';
import { useSetupStore } from './setup-store';

/** Reads the clinic's scheduling set-up (again each time a set-up tab opens, so another window's changes show). */
export function WithSetup({ children }: { children: (setup: SetupView) => ReactNode }) {
  const setup = useSetupStore((state) => state.setup);
  const load = useSetupStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);

  if (setup.kind === 'loading') {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden="true" />
        <Text>Reading the clinic’s scheduling set-up…</Text>
      </Group>
    );
  }
  if (setup.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title="The scheduling set-up could not be read" classNames={{ title: 'alert-title', message: 'alert-message' }}>
        {setup.message}
        <Group mt="sm">
          <Button onClick={() => void load()}>Try again</Button>
        </Group>
      </Alert>
    );
  }
  return <>{children(setup.setup)}</>;
}
