import type { BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import type { UpdatePrompts } from './updater';

export const RESTART_NOW = 0;
export const LATER = 1;

/** The update dialogs, shown on the main window when there is one. Plain words, no version jargon beyond the number. */
export function createUpdatePrompts(dialog: Pick<Dialog, 'showMessageBox'>, mainWindow: () => BrowserWindow | null): UpdatePrompts {
  const show = (options: MessageBoxOptions) => {
    const window = mainWindow();
    return window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
  };
  return {
    async askToRestart(version) {
      const { response } = await show({
        type: 'info',
        title: 'CareDesk update ready',
        message: `CareDesk ${version} is ready to install.`,
        detail: 'Restart now to install it, or choose Later and it will install the next time you close CareDesk.',
        buttons: ['Restart now', 'Later'],
        defaultId: RESTART_NOW,
        cancelId: LATER,
        noLink: true,
      });
      return response === RESTART_NOW;
    },
    async tellToSaveFirst() {
      await show({
        type: 'warning',
        title: 'Save your work first',
        message: 'A form in CareDesk has unsaved changes, so CareDesk did not restart.',
        detail: 'Save or cancel your changes. The update will install the next time you close CareDesk.',
        buttons: ['OK'],
        noLink: true,
      });
    },
  };
}
