import type { ClinicApi } from './index';
import { CHANNEL_NAMES } from './channel-names';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/**
 * Builds `window.clinic`: one named function per channel, each bound to its own channel name.
 * Used by the preload (over ipcRenderer.invoke) and by the browser test host (over fetch).
 * No generic invoke is exposed to the page.
 */
export function buildClinicApi(invoke: Invoke): ClinicApi {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const [area, actions] of Object.entries(CHANNEL_NAMES)) {
    const fns: Record<string, (input?: unknown) => Promise<unknown>> = {};
    for (const action of actions as readonly string[]) {
      const channel = `${area}:${action}`;
      fns[action] = (input?: unknown) => invoke(channel, input);
    }
    api[area] = Object.freeze(fns);
  }
  return Object.freeze(api) as unknown as ClinicApi;
}
