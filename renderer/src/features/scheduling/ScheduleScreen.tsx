import './schedule.css';
import { Alert, Button, Group, Loader, Stack, Tabs, Text } from '@mantine/core';
import { useEffect } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { CheckInBoard, ReminderCallList, WaitlistPanel } from '../visit-day';
import { BookTab } from './BookTab';
import { SCHEDULE_TABS, useReadySetup, useScheduleStore, type ScheduleTab } from './schedule-store';

const TAB_LABELS: Record<ScheduleTab, string> = { book: 'Book', 'check-in': 'Check-in board', reminders: 'Reminder calls', waitlist: 'Waitlist' };

/** The appointment book, and the visit day around it: the check-in board, reminder calls and the waitlist. */
export function ScheduleScreen() {
  const tab = useScheduleStore((state) => state.tab);
  const setTab = useScheduleStore((state) => state.setTab);
  const date = useScheduleStore((state) => state.date);
  const setupState = useScheduleStore((state) => state.setup);
  const loadSetup = useScheduleStore((state) => state.loadSetup);
  const setup = useReadySetup();

  // Read each time the screen opens: an administrator may have changed providers, hours or types since.
  useEffect(() => {
    void loadSetup();
  }, [loadSetup]);

  return (
    <Stack gap="md" className="schedule-screen">
      <ScreenHeading>Schedule</ScreenHeading>
      <Tabs value={tab} onChange={(value) => value && setTab(value as ScheduleTab)} keepMounted={false} className="schedule-tabs">
        <Tabs.List aria-label="Schedule sections" className="no-print">
          {SCHEDULE_TABS.map((id) => (
            <Tabs.Tab key={id} value={id}>
              {TAB_LABELS[id]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="book" pt="md">
          {setup && date ? <BookTab setup={setup} /> : <SetupProblem state={setupState} onRetry={() => void loadSetup()} />}
        </Tabs.Panel>
        <Tabs.Panel value="check-in" pt="md">
          <CheckInBoard />
        </Tabs.Panel>
        <Tabs.Panel value="reminders" pt="md">
          <ReminderCallList {...(date ? { date } : {})} />
        </Tabs.Panel>
        <Tabs.Panel value="waitlist" pt="md">
          <WaitlistPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function SetupProblem({ state, onRetry }: { state: ReturnType<typeof useScheduleStore.getState>['setup']; onRetry(): void }) {
  if (state.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title="The book could not open" classNames={{ title: 'alert-title', message: 'alert-message' }}>
        {state.message}
        <Group mt="sm">
          <Button onClick={onRetry}>Try again</Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" aria-hidden="true" />
      <Text>Opening the book…</Text>
    </Group>
  );
}
