import type { ClinicApi } from '../../../../../shared/contract';
import type { Result } from '../../../../../shared/result';
import { adminCall } from '../admin-call';

/** `window.clinic.scheduling`, typed from the contract. */
export type SchedulingApi = ClinicApi['scheduling'];

/** adminCall for the scheduling set-up tabs (a lost or locked session sends the window back to the right screen). */
export function setupCall<T>(call: (api: SchedulingApi) => Promise<Result<T>>): Promise<Result<T>> {
  return adminCall((api) => call(api.scheduling));
}
