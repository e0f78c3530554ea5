import { CHANNEL_NAMES } from '../../shared/contract/channel-names';

export const BRIDGE_PATH = '/__caredesk/bridge.js';
export const IPC_PATH_PREFIX = '/__caredesk/ipc/';
export const TOKEN_HEADER = 'x-caredesk-token';

/**
 * The browser stand-in for the Electron preload: `window.clinic.<area>.<action>(input)` for every channel
 * in CHANNEL_NAMES, each a POST to the host with this run's token. Like the preload, it exposes named
 * functions only: no generic invoke, and the token stays inside the closure.
 */
export function buildBridgeScript(token: string): string {
  return `// CareDesk test host bridge (generated at start-up; never packaged).
(() => {
  'use strict';
  const TOKEN = ${JSON.stringify(token)};
  const CHANNELS = ${JSON.stringify(CHANNEL_NAMES)};
  const UNREACHABLE = { ok: false, error: { code: 'INTERNAL', message: 'CareDesk could not reach its data service. Try again; if it keeps happening, restart CareDesk.' } };
  async function call(channel, input) {
    let response;
    try {
      response = await fetch(${JSON.stringify(IPC_PATH_PREFIX)} + channel, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: TOKEN },
        body: JSON.stringify({ input }),
      });
      return await response.json();
    } catch {
      return UNREACHABLE;
    }
  }
  const clinic = {};
  for (const [area, actions] of Object.entries(CHANNELS)) {
    const functions = {};
    for (const action of actions) {
      const channel = area + ':' + action;
      functions[action] = (input) => call(channel, input);
    }
    clinic[area] = Object.freeze(functions);
  }
  Object.defineProperty(window, 'clinic', { value: Object.freeze(clinic), enumerable: true });
})();
`;
}

/** Adds the bridge before the first script of the built index.html, so window.clinic exists before the app runs. */
export function injectBridgeTag(html: string): string {
  const tag = `<script src="${BRIDGE_PATH}"></script>`;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0) return `${html.slice(0, firstScript)}${tag}\n    ${html.slice(firstScript)}`;
  const headEnd = html.search(/<\/head>/i);
  if (headEnd >= 0) return `${html.slice(0, headEnd)}${tag}\n${html.slice(headEnd)}`;
  throw new Error('The built index.html has neither a <script> nor a </head>; rebuild the renderer.');
}
