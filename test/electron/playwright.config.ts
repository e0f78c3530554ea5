import { defineConfig } from '@playwright/test';

// The Electron smoke suite: the built app (out/) in a real Electron. Skipped, with a message, where no binary exists.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
