import type { ReactNode } from 'react';
import type { SetupView } from '../../../../../shared/contract/scheduling';
import { SetupGate } from '../../../components/SetupGate';
import { useSetupStore } from './setup-store';

/** Reads the clinic's scheduling set-up (again each time a set-up tab opens, so another window's changes show). */
export function WithSetup({ children }: { children: (setup: SetupView) => ReactNode }) {
  const setup = useSetupStore((state) => state.setup);
  const load = useSetupStore((state) => state.load);
  return (
    <SetupGate setup={setup} load={load} reading="Reading the clinic’s scheduling set-up…" failureTitle="The scheduling set-up could not be read">
      {children}
    </SetupGate>
  );
}
