import type { BrowserWindow, Dialog } from 'electron';
import type { FilePickers } from '../core/services';

/**
 * The computer's own folder and file pickers for the backup screens, attached to the CareDesk window.
 * The renderer never browses the disk; it only receives the path the person picked.
 */
export function electronPickers(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BrowserWindow | null): FilePickers {
  async function pick(options: Electron.OpenDialogOptions): Promise<string | null> {
    const parent = window();
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  return {
    chooseFolder: () => pick({ title: 'Choose the backup folder', properties: ['openDirectory', 'createDirectory'] }),
    chooseFile: () => pick({ title: 'Choose a CareDesk backup', properties: ['openFile'], filters: [{ name: 'CareDesk backup', extensions: ['cdbak'] }] }),
  };
}
