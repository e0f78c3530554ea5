import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/**
 * Pictures for people to look at (layout, spacing, readability); not compared pixel by pixel. A run with its own
 * results folder (CAREDESK_E2E_OUTPUT, see playwright.config.ts) keeps its pictures there too.
 */
export const SCREENSHOT_DIR = process.env.CAREDESK_E2E_OUTPUT
  ? join(process.env.CAREDESK_E2E_OUTPUT, 'screenshots')
  : join(process.cwd(), 'test-results', 'screenshots');

export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? true });
}
