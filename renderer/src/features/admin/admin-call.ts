import type { ClinicApi } from '../../../../shared/contract';
import type { Result } from '../../../../shared/result';
import { callClinic } from '../../api/clinic';
import { useSessionStore } from '../../session/session-store';

/**
 * callClinic for the Admin screen. When main says the session is gone (an administrator changed their own role,
 * another window signed out) or the window was locked, the session is read again so the right screen shows.
 */
export async function adminCall<T>(call: (api: ClinicApi) => Promise<Result<T>>): Promise<Result<T>> {
  const result = await callClinic(call);
  if (!result.ok && (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'LOCKED')) {
    void useSessionStore.getState().refresh();
  }
  return result;
}

/** Main's message plus any issue that has no field of its own on the form, as one sentence for an alert. */
export function failureText(message: string, unmatched: readonly { message: string }[] = []): string {
  const extra = unmatched.map((issue) => issue.message).filter((text) => text !== message);
  return [message, ...extra].join(' ');
}
