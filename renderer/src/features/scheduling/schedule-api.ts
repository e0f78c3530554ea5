import type { ClinicApi } from '../../../../shared/contract';
import type { Result } from '../../../../shared/result';
import { callClinic } from '../../api/clinic';
import { useSessionStore } from '../../session/session-store';

/** `window.clinic.scheduling`, typed from the contract. */
export type SchedulingApi = ClinicApi['scheduling'];

/**
 * callClinic for the appointment book. When main says the session is gone or the window was locked, the session is
 * read again so the right screen shows (as the Patients and Admin screens do).
 */
export async function schedulingCall<T>(call: (api: SchedulingApi) => Promise<Result<T>>): Promise<Result<T>> {
  const result = await callClinic((api) => call(api.scheduling));
  if (!result.ok && (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'LOCKED')) {
    void useSessionStore.getState().refresh();
  }
  return result;
}
