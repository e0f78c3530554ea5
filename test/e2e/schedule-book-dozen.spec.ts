import type { Page } from '@playwright/test';
import { bookGrid, dayThroughBridge, expect, FULL_DAY, test } from './support/schedule';

/** Long tasks (over 50 ms) the page ran since the last call: what makes a desk feel stuck. */
async function longTasksSince(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
}

// A clinic of its own with twelve providers (a worker, and so a test host, of its own).
test.use({ bookProviders: 12 });

test.describe('Schedule: a dozen providers with a full day each', () => {
  test('the day draws every visit of twelve providers, and walking, moving and paging through it never stalls the page', async ({ app: page }) => {
    await expect(page.locator('.book-col-heading')).toHaveCount(12);
    const saved = await dayThroughBridge(page, FULL_DAY);
    expect(saved.length).toBeGreaterThan(150);
    await expect(page.locator('.book-block')).toHaveCount(saved.length);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push(Math.round(entry.duration)))).observe({ type: 'longtask' });
    });

    // Thirty rows down and across all twelve columns: only the cursor's columns are drawn again.
    await page.getByRole('switch', { name: 'Whole day' }).focus();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 30; i += 1) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 11; i += 1) await page.keyboard.press('ArrowRight');
    await expect(bookGrid(page).locator(':focus')).toHaveAccessibleName(/Sam Khan|^Dr\. /);
    expect((await longTasksSince(page)).filter((ms) => ms > 100), 'no key press takes the page over 100 ms').toEqual([]);

    // A keyboard move across the columns: only the ghost's column is redrawn per step.
    const appointment = bookGrid(page).locator('.book-block[data-status="confirmed"]').first();
    await appointment.focus();
    await page.keyboard.press('m');
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
    await expect(page.locator('.book-ghost')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.locator('.book-ghost')).toHaveCount(0);
    expect((await longTasksSince(page)).filter((ms) => ms > 100), 'moving by keyboard never takes the page over 100 ms').toEqual([]);

    // The next day and back: the whole book drawn again, each time well under a quarter of a second of work.
    for (const key of ['n', 'p', 'n', 'p']) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:day'));
      await page.keyboard.press(key);
      await answered;
      await expect(bookGrid(page)).toHaveAttribute('aria-busy', 'false');
    }
    expect((await longTasksSince(page)).filter((ms) => ms > 250), 'drawing a day of twelve providers').toEqual([]);
  });
});
