import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../core/ipc/dispatcher';

/**
 * Registers one ipcMain handler per contract channel, all going through the one dispatcher.
 * The sender frame's URL and the webContents id are passed on; the dispatcher checks the origin.
 */
export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, dispatcher: Dispatcher): void {
  for (const channel of dispatcher.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) =>
      dispatcher.dispatch({
        channel,
        senderUrl: event.senderFrame?.url,
        clientId: String(event.sender.id),
        payload,
      }),
    );
  }
}
