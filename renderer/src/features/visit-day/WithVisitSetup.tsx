import type { ReactNode } from 'react';
import type { SetupView } from '../../../../shared/contract/scheduling';
import { SetupGate } from '../../components/SetupGate';
import { useVisitDayStore } from './visit-day-store';

/** Waits for the clinic's time zone and set-up (read once per panel opening), then shows the panel. */
export function WithVisitSetup({ children }: { children: (setup: SetupView) => ReactNode }) {
  const setup = useVisitDayStore((state) => state.setup);
  const load = useVisitDayStore((state) => state.load);
  return (
    <SetupGate setup={setup} load={load} reading="Reading the clinic’s schedule set-up…" failureTitle="This list could not open">
      {children}
    </SetupGate>
  );
}
