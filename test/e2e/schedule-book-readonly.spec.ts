import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, signInThroughBridge, signOutThroughBridge } from './support/clinic';
import { findTimeResultLines, searchFindTime } from './support/find-time';
import { saveScreenshot } from './support/screenshots';
import { block, bookGrid, bookingAnswerThroughBridge, bookThroughBridge, clickFreeTime, dayThroughBridge, expect, goToDate, test } from './support/schedule';
import { signInAsNewColleague } from './support/schedule-setup';

/**
 * A read-only colleague (the contract's `read_only` role: everyone reads the book, only admin, coordinators and front
 * desk may call scheduling:book). On a Thursday of its own (READ_DAY, clear of the other book stories' days): Dr. Lee
 * has Walter Brennan 9:00–9:15, and is free the rest of the morning.
 */
const READ_DAY = '2031-01-09';

test.describe('Schedule: the book for a read-only colleague', () => {
  test.use({ viewport: { width: 1280, height: 1000 } });

  // The book's clinic is shared by the stories of this worker, and has one session: leave its administrator signed in.
  test.afterEach(async ({ page }) => {
    await signOutThroughBridge(page);
    await signInThroughBridge(page, ADMIN);
  });

  test('sees the book and its visits, but no way to book: an empty slot opens nothing, Find a time has no Book, and main refuses a forced booking', async ({ app: page, book }) => {
    const lee = book.providers.lee;
    if (!(await dayThroughBridge(page, READ_DAY)).some((a) => a.providerId === lee)) {
      await bookThroughBridge(page, { patientId: book.patients.walter ?? '', providerId: lee, typeId: book.types.follow, start: { date: READ_DAY, time: '9:00' }, reason: 'Medication review' });
    }
    await signInAsNewColleague(page, { fullName: 'Priya Castillo', username: 'pcastillo', role: 'read_only' });
    await page.reload();
    await expect(page.getByRole('banner')).toContainText('Priya Castillo');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();

    // The book, as everyone sees it.
    await goToDate(page, READ_DAY);
    await expect(page.getByRole('heading', { level: 2, name: 'Thursday, January 9, 2031' })).toBeVisible();
    const walter = block(page, '9:00–9:15 Walter Brennan, Follow-up, Dr. Lee, booked');
    await expect(walter).toBeVisible();

    // A click on Dr. Lee's free 10:00 opens no booking. (Opening Walter's visit afterwards shows the click was handled.)
    await clickFreeTime(page, 'Dr. Lee', '10:00');
    await walter.click();
    const visit = page.getByRole('dialog', { name: 'Walter Brennan, 9:00–9:15' });
    await expect(visit).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(1);
    await expect(page.getByRole('dialog', { name: 'Book an appointment' })).toHaveCount(0);
    // His visit is there to read, with nothing to change it.
    await expect(visit).toContainText('Medication review');
    await expect(visit.getByRole('button', { name: 'Reschedule…' })).toHaveCount(0);
    await expect(visit.getByRole('button', { name: 'Cancel appointment…' })).toHaveCount(0);
    await expect(visit.getByRole('button', { name: 'Confirmed' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(visit).toHaveCount(0);

    // By keyboard: a free row says it is free, not "Press Enter to book", and Enter opens nothing.
    const grid = bookGrid(page);
    // Into the grid at its one tab stop (roving tabindex), wherever the cursor was left.
    await grid.locator('[tabindex="0"]').first().focus();
    // To the first column, then right to Dr. Lee's (the cursor may be anywhere: a free row or a visit).
    for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 6 && !/(^|, )Dr\. Lee,/.test((await grid.locator(':focus').getAttribute('aria-label')) ?? ''); i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Home');
    for (let i = 0; i < 12 && (await grid.locator(':focus').getAttribute('aria-label')) !== 'Dr. Lee, 10:00, free.'; i += 1) await page.keyboard.press('ArrowDown');
    await expect(grid.locator(':focus')).toHaveAccessibleName('Dr. Lee, 10:00, free.');
    await expect(grid.locator(':focus')).not.toContainText('Book');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    // Still in the grid: the next arrow moves its cursor.
    await page.keyboard.press('ArrowDown');
    await expect(grid.locator(':focus')).toHaveAccessibleName('Dr. Lee, 10:15, free.');
    await expectNoSeriousA11yViolations(page, 'the book for a read-only colleague');
    await saveScreenshot(page, 'schedule-book-read-only', { fullPage: false });

    // Find a time lists open times to read out, without Book; and no waitlist offer when nothing is open.
    await page.getByRole('button', { name: 'Find a time' }).click();
    const finder = page.getByRole('dialog', { name: 'Find a time' });
    await searchFindTime(page, { provider: 'Dr. Lee, MD', from: READ_DAY, to: READ_DAY });
    expect((await findTimeResultLines(page))[0]).toBe('8:00–8:30 · Dr. Lee · Exam 1');
    await expect(finder.getByRole('button', { name: /^Book / })).toHaveCount(0);
    await searchFindTime(page, { provider: 'Dr. Lee, MD', from: READ_DAY, to: READ_DAY, between: ['9:00', '9:30'] });
    await expect(finder.getByRole('heading', { name: 'No open time' })).toBeFocused();
    await expect(finder.getByRole('button', { name: 'Add to the waitlist…' })).toHaveCount(0);
    await finder.getByRole('button', { name: 'Close' }).first().click();

    // Forced through the bridge, main refuses it by role, names no patient, and nothing is booked.
    const before = await dayThroughBridge(page, READ_DAY);
    const answer = await bookingAnswerThroughBridge(page, { patientId: book.patients.nadia ?? '', providerId: lee, typeId: book.types.follow, start: { date: READ_DAY, time: '10:00' } });
    expect(answer).toEqual({ ok: false, code: 'FORBIDDEN', message: 'Your role does not allow this. Ask an administrator if you need it.' });
    expect(await dayThroughBridge(page, READ_DAY)).toEqual(before);
  });
});
