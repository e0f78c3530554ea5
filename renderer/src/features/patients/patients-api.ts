import type { ClinicApi } from '../../../../shared/contract';
import type { Result } from '../../../../shared/result';
import { callClinic } from '../../api/clinic';
import { useSessionStore } from '../../session/session-store';

/** `window.clinic.patients`, typed from the contract. */
export type PatientsApi = ClinicApi['patients'];

/**
 * callClinic for the Patients screen. When main says the session is gone or the window was locked, the session is
 * read again so the right screen shows (as the Admin screen does).
 */
export async function patientsCall<T>(call: (api: PatientsApi) => Promise<Result<T>>): Promise<Result<T>> {
  const result = await callClinic((api) => call(api.patients));
  if (!result.ok && (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'LOCKED')) {
    void useSessionStore.getState().refresh();
  }
  return result;
}
