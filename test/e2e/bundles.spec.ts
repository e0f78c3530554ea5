import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { listChannels } from '../../shared/contract/channel-names';

// The built preload (npm run build, before this suite; or the build beside CAREDESK_RENDERER_DIR, as the test host
// serves it): the page gets named functions only, no schemas, no raw IPC.
const outDir = process.env.CAREDESK_RENDERER_DIR ? dirname(process.env.CAREDESK_RENDERER_DIR) : join(process.cwd(), 'out');
const preload = readFileSync(join(outDir, 'preload', 'index.js'), 'utf8');

test('the preload bundle carries no zod and exposes no ipcRenderer or generic invoke', () => {
  expect(preload).not.toMatch(/safeParse|ZodType|z\.object\(/);
  expect(preload).toContain('exposeInMainWorld("clinic"');
  // ipcRenderer is used inside the closure only: never handed to the page as a value.
  expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  expect(preload.length).toBeLessThan(8_000);
});

test('every channel name of the contract is in the preload bundle', () => {
  for (const channel of listChannels()) {
    const [area, action] = channel.split(':');
    expect(preload, channel).toContain(area as string);
    expect(preload, channel).toContain(action as string);
  }
});
