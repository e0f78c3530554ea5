import type { ClinicApi } from '../../../shared/contract';
import { failure, type Result } from '../../../shared/result';

declare global {
  interface Window {
    /** Set by the Electron preload, or by the test host's bridge script. The only way to the clinic's data. */
    clinic: ClinicApi;
  }
}

/**
 * The backend, as the screens see it. Throws (rather than returning undefined) when the page was opened
 * without a preload or bridge, so callers turn it into a readable error instead of a blank screen.
 */
export function clinicApi(): ClinicApi {
  if (typeof window.clinic !== 'object' || window.clinic === null) {
    throw new Error('CareDesk is not connected to its data service.');
  }
  return window.clinic;
}

const UNREACHABLE = 'CareDesk could not reach its data service. Try again; if this keeps happening, restart CareDesk.';

/** Calls window.clinic and always answers with a Result: a missing or broken bridge becomes a readable INTERNAL failure. */
export async function callClinic<T>(call: (api: ClinicApi) => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call(clinicApi());
  } catch {
    return failure('INTERNAL', UNREACHABLE);
  }
}
