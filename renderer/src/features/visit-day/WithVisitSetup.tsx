import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import type { SetupView } from '../../../../shared/contract/scheduling';
import { useVisitDayStore } from './visit-day-store';

/** Waits for the clinic's time zone and set-up (read once per panel opening), then shows the panel. */
export function WithVisitSetup({ children }: { children: (setup: SetupView) => ReactNode }) {
  const setup = useVisitDayStore((state) => state.setup);
  const load = useVisitDayStore((state) => state.load);
  useEffect(() => {
    void load();
  }, [load]);
  if (setup.kind === 'loading') {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden="true" />
        <Text>Reading the clinic’s schedule set-up…</Text>
      </Group>
    );
  }
  if (setup.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title="This list could not open" classNames={{ title: 'alert-title', message: 'alert-message' }}>
        {setup.message}
        <Group mt="sm">
          <Button onClick={() => void load()}>Try again</Button>
        </Group>
      </Alert>
    );
  }
  return <>{children(setup.setup)}</>;
}
