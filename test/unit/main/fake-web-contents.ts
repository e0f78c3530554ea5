import type { WebContents } from 'electron';

type Listener = (event: { preventDefault(): void }, ...args: unknown[]) => void;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;

/**
 * Stands in for an Electron webContents and its session: records what hardenWebContents installs and lets a
 * test fire events the way Electron would.
 */
export function createFakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  const session = {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as ((...args: unknown[]) => boolean) | null,
    devicePermissionHandler: null as ((...args: unknown[]) => boolean) | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler) {
      session.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
      session.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: (...args: unknown[]) => boolean) {
      session.devicePermissionHandler = handler;
    },
  };
  const contents = {
    id: 7,
    session,
    on(name: string, listener: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      windowOpenHandler = handler;
    },
  };

  /** Fires an event the page can cause; returns whether a listener called preventDefault. */
  function emit(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => void (prevented = true) };
    for (const listener of listeners.get(name) ?? []) listener(event, ...args);
    return prevented;
  }

  /** What Electron does for window.open / target=_blank: asks the handler. */
  function openWindow(url: string): unknown {
    if (!windowOpenHandler) throw new Error('no window open handler installed');
    return windowOpenHandler({ url });
  }

  /** A page asks for a permission; resolves with what the handler granted. */
  function requestPermission(permission: string): Promise<boolean> {
    const handler = session.permissionRequestHandler;
    if (!handler) throw new Error('no permission request handler installed');
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: 'app://caredesk/index.html' }));
  }

  return { contents: contents as unknown as WebContents, session, listeners, emit, openWindow, requestPermission };
}
