import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const repoRoot = resolve(__dirname, '..', '..');

// Browser tests of the built renderer, served by the loopback test host (test/host/serve.ts).
// Build first: `npx electron-vite build` (npm run test:e2e does it).
export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  // CAREDESK_E2E_OUTPUT: a separate results folder, for a second run in the same checkout (Playwright empties its own).
  outputDir: process.env.CAREDESK_E2E_OUTPUT ?? join(repoRoot, 'test-results', 'e2e'),
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: 'list',
  // Long multi-step stories on a 2-core CI machine: key-slot checks cost real time.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    launchOptions: {
      // Debian's chromium; CAREDESK_CHROMIUM overrides it on machines that keep it elsewhere.
      executablePath: process.env.CAREDESK_CHROMIUM ?? '/usr/bin/chromium',
      // Quiet and offline. Never --user-data-dir: Playwright manages the profile.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    // A common front-desk monitor size.
    viewport: { width: 1280, height: 800 },
    // Dialogs open without animation, so screenshots and focus checks do not race a transition.
    reducedMotion: 'reduce',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
