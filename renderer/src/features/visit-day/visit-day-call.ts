import type { ClinicApi } from '../../../../shared/contract';
import type { Result } from '../../../../shared/result';
import { callClinic } from '../../api/clinic';
import { useSessionStore } from '../../session/session-store';

export type SchedulingApi = ClinicApi['scheduling'];

/**
 * callClinic for the visit-day panels. When main says the session is gone or the window was locked, the session is
 * read again so the right screen shows (as the other screens do).
 */
export async function visitDayCall<T>(call: (api: SchedulingApi) => Promise<Result<T>>): Promise<Result<T>> {
  const result = await callClinic((api) => call(api.scheduling));
  if (!result.ok && (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'LOCKED')) {
    void useSessionStore.getState().refresh();
  }
  return result;
}

/** Front desk, care coordinators and administrators run the visit day; read-only staff see it but change nothing (main refuses them too). */
export function useCanRunVisitDay(): boolean {
  return useSessionStore((state) => state.view.kind === 'ready' && !!state.view.state.user && state.view.state.user.role !== 'read_only');
}
