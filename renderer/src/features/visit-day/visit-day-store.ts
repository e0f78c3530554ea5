import type { SetupState } from '../../components/SetupGate';
import { createResettableStore } from '../../store/reset-registry';
import { visitDayCall } from './visit-day-call';

interface VisitDayState {
  /** The clinic's time zone, providers and types: what "today" means and the names the waitlist shows. */
  setup: SetupState;
  load(): Promise<void>;
}

export const useVisitDayStore = createResettableStore<VisitDayState>((set) => ({
  setup: { kind: 'loading' },
  async load() {
    const result = await visitDayCall((api) => api.getSetup());
    set({ setup: result.ok ? { kind: 'ready', setup: result.value } : { kind: 'failed', message: result.error.message } });
  },
}));
