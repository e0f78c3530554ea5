import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Dialog } from 'electron';
import { createUpdatePrompts } from '../../../electron/main/update-prompts';

vi.mock('electron', () => ({}));

function fakeDialog(response: number) {
  const showMessageBox = vi.fn(async (..._args: unknown[]) => ({ response, checkboxChecked: false }));
  return { dialog: { showMessageBox } as unknown as Pick<Dialog, 'showMessageBox'>, showMessageBox };
}

describe('update prompts', () => {
  it('offers Restart now / Later on the main window and reports Restart now as true', async () => {
    const window = { id: 1 } as unknown as BrowserWindow;
    const { dialog, showMessageBox } = fakeDialog(0);
    await expect(createUpdatePrompts(dialog, () => window).askToRestart('0.2.0')).resolves.toBe(true);
    const [parent, options] = showMessageBox.mock.calls[0] as [BrowserWindow, Electron.MessageBoxOptions];
    expect(parent).toBe(window);
    expect(options.buttons).toStrictEqual(['Restart now', 'Later']);
    expect(options.message).toContain('0.2.0');
    expect(options.cancelId).toBe(1);
  });

  it('reports Later (or closing the box) as false', async () => {
    const { dialog } = fakeDialog(1);
    await expect(createUpdatePrompts(dialog, () => null).askToRestart('0.2.0')).resolves.toBe(false);
  });

  it('tells the user to save first and that the update installs on close', async () => {
    const { dialog, showMessageBox } = fakeDialog(0);
    await createUpdatePrompts(dialog, () => null).tellToSaveFirst();
    const [options] = showMessageBox.mock.calls[0] as [Electron.MessageBoxOptions];
    expect(options.title).toBe('Save your work first');
    expect(options.detail).toContain('install the next time you close CareDesk');
  });
});
