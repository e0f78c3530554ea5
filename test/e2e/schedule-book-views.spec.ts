import { expectNoSeriousA11yViolations } from './support/axe';
import { saveScreenshot } from './support/screenshots';
import { bookGrid, block, column, dayThroughBridge, expect, FULL_DAY, goToDate, PROVIDERS, test } from './support/schedule';

test.describe('Schedule: the appointment book’s views', () => {
  test('the desk opens a busy Tuesday: six providers side by side, hours, blocked time, statuses, the overbooked visit and the current time', async ({ app: page }) => {
    await page.setViewportSize({ width: 1280, height: 1600 });
    // "Today" is the busy Tuesday (the browser's clock is fixed at 10:40 that morning).
    await expect(page.getByRole('heading', { level: 2, name: 'Tuesday, September 17, 2030' })).toBeVisible();
    const grid = bookGrid(page);
    await expect(grid).toBeVisible();
    for (const provider of PROVIDERS) await expect(column(page, provider.name)).toBeVisible();
    await expect(page.locator('.book-col-heading')).toHaveCount(6);

    // Every visit of the day is drawn, each named in full for a screen reader.
    const saved = await dayThroughBridge(page, FULL_DAY);
    expect(saved.length).toBeGreaterThan(70);
    await expect(page.locator('.book-block')).toHaveCount(saved.length);
    const overbooked = saved.find((a) => a.overbooked);
    expect(overbooked).toBeDefined();
    await expect(block(page, new RegExp(`^11:00–11:15 ${overbooked?.patientName}, Follow-up, Dr. Lee, confirmed, overbooked$`))).toBeVisible();
    await expect(block(page, /Dr\. Okafor(, Exam \d)?, no-show$/)).toHaveCount(1);
    await expect(column(page, 'Dr. Chen').locator('.book-blocked')).toContainText('Blocked: Staff meeting');
    await expect(column(page, 'Jordan Ellis')).toHaveAttribute('aria-label', 'Jordan Ellis, 8:00–12:00');
    // The current-time line on every column of today, at 10:40.
    await expect(page.locator('.book-col .book-now')).toHaveCount(6);
    await expect(page.locator('.book-now-label').first()).toHaveText('10:40');

    await expectNoSeriousA11yViolations(page, 'the day view');
    await saveScreenshot(page, 'schedule-day-six-providers');

    // By room: a column per exam room, with the visits that use it.
    await page.getByRole('radiogroup', { name: 'Columns' }).getByText('By room', { exact: true }).click();
    await expect(bookGrid(page)).toHaveAccessibleName('Appointment book, Tuesday, September 17, 2030, by room');
    await expect(page.locator('.book-col-heading')).toHaveCount(6);
    await expect(column(page, 'Exam 1').locator('.book-block').first()).toBeVisible();
    expect(await column(page, 'Exam 1').locator('.book-block').count()).toBe(saved.filter((a) => a.roomName === 'Exam 1').length);
  });

  test('the grid is walked with the keyboard: free times and appointments, the next provider, and an appointment opened and closed', async ({ app: page }) => {
    const grid = bookGrid(page);
    await expect(grid).toBeVisible();
    // One tab stop into the grid: the first provider (Dr. Chen, by name) at the start of the day.
    await page.getByRole('switch', { name: 'Whole day' }).focus();
    await page.keyboard.press('Tab');
    await expect(grid.locator(':focus')).toHaveAccessibleName('Dr. Chen, 8:00, free. Press Enter to book.');
    await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
    await page.keyboard.press('ArrowDown');
    const first = grid.locator(':focus');
    await expect(first).toHaveAccessibleName(/^8:15–\d+:\d+ .+, Dr\. Chen, .+$/);
    const firstName = (await first.getAttribute('aria-label')) ?? '';
    // Right: the next provider at the same time (Dr. Herrera starts at 10:00: a free time outside his hours).
    await page.keyboard.press('ArrowRight');
    await expect(grid.locator(':focus')).toHaveAccessibleName('Dr. Herrera, 8:15, free. Press Enter to book.');
    await page.keyboard.press('ArrowLeft');
    await expect(grid.locator(':focus')).toHaveAccessibleName(firstName);
    // Enter opens the appointment; Escape closes it and focus is back on it.
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'History' })).toBeVisible();
    await expect(dialog.getByText('Checked out since')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(grid.locator(':focus')).toHaveAccessibleName(firstName);
    // An hour later, then the bottom of the column.
    await page.keyboard.press('PageDown');
    await expect(grid.locator(':focus')).toHaveAccessibleName(/Dr\. Chen/);
    await page.keyboard.press('End');
    await expect(grid.locator(':focus')).toHaveAccessibleName(/^Dr\. Chen, 17:45, free\./);

    // The book's keys are listed on the screen itself.
    const keysButton = page.getByRole('button', { name: 'Book shortcuts' });
    await keysButton.click();
    const keys = page.getByRole('dialog', { name: 'Keys for the appointment book' });
    await expect(keys.getByRole('row', { name: /Move the appointment/ })).toBeVisible();
    await expect(keys.getByRole('row', { name: /Today/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(keys).toHaveCount(0);
    await expect(keysButton).toBeFocused();
  });

  test('week, month and list views of the same week', async ({ app: page }) => {
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.keyboard.press('w');
    await expect(page.getByRole('heading', { level: 2, name: 'Mon, Sep 16 – Sun, Sep 22, 2030' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Whose week' }).selectOption({ label: 'Dr. Lee' });
    await expect(page.locator('.book-col-heading')).toHaveCount(7);
    await expect(column(page, 'Tue, Sep 17')).toBeVisible();
    await expect(column(page, 'Tue, Sep 17').locator('.book-block').first()).toBeVisible();
    await expect(column(page, 'Mon, Sep 16').locator('.book-block').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the week view');
    await saveScreenshot(page, 'schedule-week');

    await page.keyboard.press('3');
    await expect(page.getByRole('heading', { level: 2, name: 'September 2030' })).toBeVisible();
    const tuesday = page.getByRole('button', { name: /^Tuesday, September 17, 2030 \(today\): \d+ booked, 1 overbooked$/ });
    await expect(tuesday).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the month view');
    await saveScreenshot(page, 'schedule-month');
    // A day of the month opens in the day view: by keyboard, ← from today then Enter; focus lands in the grid.
    await tuesday.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('button', { name: /^Monday, September 16, 2030: / })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Monday, September 16, 2030' })).toBeVisible();
    await expect(bookGrid(page).locator(':focus')).toHaveAccessibleName(/^(Dr\. Chen, 8:00, free\.|8:00–)/);

    await goToDate(page, FULL_DAY);
    await page.getByRole('radiogroup', { name: 'View' }).getByText('List', { exact: true }).click();
    const list = page.getByRole('table', { name: 'Appointments on Tuesday, September 17, 2030' });
    await expect(list).toBeVisible();
    const saved = await dayThroughBridge(page, FULL_DAY);
    await expect(list.getByRole('row')).toHaveCount(saved.length + 1);
    await expectNoSeriousA11yViolations(page, 'the list view');
    await saveScreenshot(page, 'schedule-list');
  });

  test('on the days the clocks change, the whole-day grid has an hour fewer (spring) or more (autumn) rows', async ({ app: page }) => {
    await page.getByRole('switch', { name: 'Whole day' }).check();
    const rows = async () => Math.round(((await page.locator('.book-col').first().boundingBox())?.height ?? 0) / 28);
    await expect.poll(rows).toBe(96);
    // Sunday, March 9, 2031: 2:00 does not exist in New York.
    await goToDate(page, '2031-03-09');
    await expect(page.getByRole('heading', { level: 2, name: 'Sunday, March 9, 2031' })).toBeVisible();
    await expect.poll(rows).toBe(92);
    await expect(page.locator('.book-gutter-label', { hasText: /^2:00$/ })).toHaveCount(0);
    await expect(page.locator('.book-gutter-label', { hasText: /^3:00$/ })).toHaveCount(1);
    // Sunday, November 3, 2030: 1:00–2:00 happens twice.
    await goToDate(page, '2030-11-03');
    await expect.poll(rows).toBe(100);
    await expect(page.locator('.book-gutter-label', { hasText: /^1:00 \(2nd\)$/ })).toHaveCount(1);
    await page.getByRole('switch', { name: 'Whole day' }).uncheck();
  });
});
