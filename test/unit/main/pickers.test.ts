import { describe, expect, it, vi } from 'vitest';
import { electronPickers } from '../../../electron/main/pickers';

vi.mock('electron', () => ({}));

describe('native pickers for the backup screens', () => {
  it('returns the folder the administrator picked, attached to the CareDesk window', async () => {
    const window = { id: 1 };
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: ['D:\\CareDesk Backups'] }));
    const pickers = electronPickers({ showOpenDialog } as never, () => window as never);
    expect(await pickers.chooseFolder('backup-folder')).toBe('D:\\CareDesk Backups');
    expect(showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
  });

  it('offers only CareDesk backups when restoring, and answers null when cancelled', async () => {
    const showOpenDialog = vi.fn(async () => ({ canceled: true, filePaths: [] }));
    const pickers = electronPickers({ showOpenDialog } as never, () => null);
    expect(await pickers.chooseFile('backup-file')).toBeNull();
    expect(showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: 'CareDesk backup', extensions: ['cdbak'] }] }));
  });
});
