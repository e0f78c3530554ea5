import { test as base, expect, type Page } from '@playwright/test';
import { startTestHost, type RunningHost } from './test-host';

/**
 * `host`: one test host per worker (a fresh encrypted database in a temp folder), stopped with SIGTERM
 * at the end, and the clean exit is asserted. `baseURL` points the browser at it.
 */
export const test = base.extend<{ app: Page }, { host: RunningHost }>({
  host: [
    // Playwright requires the destructuring pattern even when no other fixture is used.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startTestHost();
      await use(host);
      expect(await host.stop(), 'the test host should exit cleanly (code 0) on SIGTERM').toBe(0);
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
  /** The app, loaded and showing its first screen. */
  app: async ({ page }, use) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await use(page);
  },
});

export { expect };
