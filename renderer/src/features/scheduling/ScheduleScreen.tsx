import './schedule.css';
import { Stack, Tabs } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import type { SetupView } from '../../../../shared/contract/scheduling';
import { ScreenHeading } from '../../components/ScreenHeading';
import { CheckInBoard, ReminderCallList, WaitlistPanel } from '../visit-day';
import { BookTab } from './BookTab';
import { ReadState } from './book/ReadState';
import { SCHEDULE_TABS, useScheduleStore, type ScheduleTab } from './schedule-store';
import type { BookQuery } from './use-book-query';

const TAB_LABELS: Record<ScheduleTab, string> = { book: 'Book', 'check-in': 'Check-in board', reminders: 'Reminder calls', waitlist: 'Waitlist' };

/** The appointment book, and the visit day around it: the check-in board, reminder calls and the waitlist. */
export function ScheduleScreen() {
  const tab = useScheduleStore((state) => state.tab);
  const setTab = useScheduleStore((state) => state.setTab);
  const date = useScheduleStore((state) => state.date);
  const setupState = useScheduleStore((state) => state.setup);
  const loadSetup = useScheduleStore((state) => state.loadSetup);
  // The set-up as the book's views read theirs, so it says "Reading…", fails and is tried again the same way.
  const setupRead = useMemo<BookQuery<SetupView>>(
    () => (setupState.kind === 'ready' ? { kind: 'ready', value: setupState.setup } : setupState.kind === 'failed' ? { ...setupState, value: null } : { kind: 'loading', value: null }),
    [setupState],
  );

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
          <ReadState query={setupRead} what="the book" onRetry={() => void loadSetup()}>
            {(setup) => date && <BookTab setup={setup} />}
          </ReadState>
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
