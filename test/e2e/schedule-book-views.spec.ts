import { expectNoSeriousA11yViolations } from './support/axe';
import { saveScreenshot } from './support/screenshots';
import { bookGrid, block, clickFreeTime, column, dayThroughBridge, expect, FULL_DAY, goToDate, PROVIDERS, test, WORK_DAY } from './support/schedule';

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

  test('a day that cannot be read says so under its own title, and "Try again" keeps focus until the grid is back', async ({ app: page }) => {
    await expect(bookGrid(page)).toBeVisible();
    const failure = 'Something went wrong inside CareDesk. Your data was not changed. Try again.';
    let failing = true;
    await page.route('**/__caredesk/ipc/scheduling:day', async (route) => {
      if (!failing) return route.fallback();
      // Slow enough to see the button say it is trying.
      await new Promise((resolve) => setTimeout(resolve, 400));
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: failure } }) });
    });

    // Wednesday cannot be read: the failure, and not Tuesday's appointments left under Wednesday's title.
    await goToDate(page, WORK_DAY);
    await expect(page.getByRole('heading', { level: 2, name: 'Wednesday, September 18, 2030' })).toBeVisible();
    const problem = page.getByRole('alert').filter({ hasText: 'The day could not be read' });
    await expect(problem).toContainText(failure);
    await expect(bookGrid(page)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'the day that could not be read');
    await saveScreenshot(page, 'schedule-day-could-not-be-read');

    // Still failing: the button stays (and keeps focus) while it tries, then main's words are back.
    const tryAgain = problem.getByRole('button', { name: 'Try again' });
    await tryAgain.focus();
    await page.keyboard.press('Enter');
    await expect(problem).toContainText('Trying again…');
    await expect(tryAgain).toHaveAttribute('aria-disabled', 'true');
    await expect(tryAgain).toBeFocused();
    await expect(problem).toContainText(failure);
    await expect(tryAgain).not.toHaveAttribute('aria-disabled');
    await expect(tryAgain).toBeFocused();

    // Main answers again: Wednesday is drawn and focus goes to the grid's cursor, not to the page.
    failing = false;
    await page.keyboard.press('Enter');
    await expect(bookGrid(page)).toHaveAccessibleName('Appointment book, Wednesday, September 18, 2030, by provider');
    await expect(problem).toHaveCount(0);
    await expect(bookGrid(page).locator('[data-cursor]')).toBeFocused();
  });

  test('while the next day is being read, the previous day on screen cannot be booked into (no visit lands on the wrong day)', async ({ app: page }) => {
    await goToDate(page, WORK_DAY);
    await expect(bookGrid(page)).toHaveAccessibleName('Appointment book, Wednesday, September 18, 2030, by provider');
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    await page.route('**/__caredesk/ipc/scheduling:day', async (route) => {
      await held;
      return route.fallback();
    });

    // Thursday is asked for; until it is read, Wednesday's grid stays drawn (no flash) but refuses a booking.
    await page.getByRole('textbox', { name: 'Go to date' }).fill('2030-09-19');
    await expect(page.getByRole('heading', { level: 2, name: 'Thursday, September 19, 2030' })).toBeVisible();
    await expect(bookGrid(page)).toHaveAttribute('aria-busy', 'true');
    await expect(bookGrid(page)).toHaveAccessibleName('Appointment book, Wednesday, September 18, 2030, by provider');
    await clickFreeTime(page, 'Dr. Lee', '9:00');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Book an appointment' })).toHaveCount(0);

    // Thursday arrives: the same place now acts on Thursday (Dr. Lee has a visit there at 9:00, which opens).
    answer();
    await expect(bookGrid(page)).toHaveAccessibleName('Appointment book, Thursday, September 19, 2030, by provider');
    await expect(bookGrid(page)).not.toHaveAttribute('aria-busy', 'true');
    await clickFreeTime(page, 'Dr. Lee', '9:00');
    await expect(page.getByRole('dialog')).toContainText('Thursday, September 19, 2030, 9:00');
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
