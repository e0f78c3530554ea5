import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { APP_PAGE_URL } from './core';

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export interface Sender {
  /** The sending frame's URL, as Electron reports it. */
  url: string | undefined;
  /** The frame was already gone when the call arrived (Electron then gives senderFrame null). */
  frameGone?: boolean;
  /** webContents id of the window. */
  windowId?: number;
}

/**
 * Stands in for Electron's ipcMain: records what registerIpcHandlers registers, and calls a
 * registered handler the way Electron would for an ipcRenderer.invoke from a given frame.
 */
export function createFakeIpcMain() {
  const handlers = new Map<string, InvokeHandler>();
  const ipcMain: Pick<IpcMain, 'handle'> = {
    handle(channel: string, listener: InvokeHandler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
  };
  async function invoke(channel: string, payload: unknown, from: Sender = { url: APP_PAGE_URL }): Promise<unknown> {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const event = {
      senderFrame: from.frameGone ? null : { url: from.url },
      sender: { id: from.windowId ?? 1 },
    } as unknown as IpcMainInvokeEvent;
    return handler(event, payload);
  }
  return { ipcMain, handlers, invoke };
}
