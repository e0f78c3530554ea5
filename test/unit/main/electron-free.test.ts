import { describe, expect, it, vi } from 'vitest';

// If any of these modules imported 'electron' at run time, loading it would hit this factory and fail.
// Keeping them Electron-free is what lets plain Node test them with hostile input.
vi.mock('electron', () => {
  throw new Error('electron was imported at run time');
});
vi.mock('electron-updater', () => {
  throw new Error('electron-updater was imported at run time');
});

describe('modules that must run without Electron', () => {
  it.each([
    'security',
    'protocol',
    'external-links',
    'csp',
    'app-origin',
    'update-policy',
    'updater',
    'update-prompts',
    'startup-dialogs',
    'menu',
    'paths',
    'run-mode',
    'control-characters',
    'ipc',
    'downloads',
  ])('electron/main/%s.ts loads under plain Node', async (name) => {
    await expect(import(`../../../electron/main/${name}`)).resolves.toBeTypeOf('object');
  });

  it('and the shell itself does need Electron (so the check above can fail)', async () => {
    await expect(import('../../../electron/main/window')).rejects.toThrow(/error when mocking a module/);
  });
});
