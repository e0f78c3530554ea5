import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { SCREENSHOT_DIR, saveScreenshot } from './support/screenshots';
import { addToWaitlistThroughBridge, block, bookGrid, chooseBookingPatient, column, dayThroughBridge, expect, FULL_DAY, goToDate, test, WORK_DAY } from './support/schedule';

/**
 * The booking stories, on the quiet Wednesday (WORK_DAY): Dr. Lee has Maria Gomez-Ruiz 10:00–10:30, Walter Brennan
 * 11:00–11:15 and Nadia Petrova 14:00–14:30; Dr. Okafor has Ingrid Halvorsen at 9:00. The stories build on each other
 * in order, as one morning at the desk would.
 */

/** Where a time's row is: the gutter's label for it (labels sit on the hour and half hour). */
async function rowTop(page: Page, time: string): Promise<number> {
  const label = page.locator('.book-gutter-label').filter({ hasText: new RegExp(`^${time}$`) });
  // In the middle of the grid's box, clear of its sticky column names.
  await label.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await label.boundingBox();
  if (!box) throw new Error(`no row for ${time}`);
  // The label is nudged up a little (transform) so it sits on its line.
  return box.y + 1.6;
}

async function clickFreeTime(page: Page, provider: string, time: string): Promise<void> {
  const top = await rowTop(page, time);
  const box = await column(page, provider).boundingBox();
  if (!box) throw new Error(`no column for ${provider}`);
  await page.mouse.click(box.x + box.width / 2, top + 12);
}

/** Drags a block by a point 8px below its top to a provider's column at a time, the way a hand would (in steps). */
async function dragBlock(page: Page, source: Locator, provider: string, time: string): Promise<void> {
  await source.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const from = await source.boundingBox();
  if (!from) throw new Error('no block to drag');
  await page.mouse.move(from.x + from.width / 2, from.y + 8);
  await page.mouse.down();
  const top = await rowTop(page, time);
  const to = await column(page, provider).boundingBox();
  if (!to) throw new Error(`no column for ${provider}`);
  await page.mouse.move(to.x + to.width / 2, top + 8, { steps: 12 });
  await page.mouse.up();
}

async function openWorkDay(page: Page): Promise<void> {
  await goToDate(page, WORK_DAY);
  await expect(page.getByRole('heading', { level: 2, name: 'Wednesday, September 18, 2030' })).toBeVisible();
  await expect(block(page, /^10:00–10:30 Maria Gomez-Ruiz, /)).toBeVisible();
}

test.describe('Schedule: booking, moving and cancelling in the book', () => {
  // A full-HD desk monitor: most of the working day in view.
  test.use({ viewport: { width: 1280, height: 1000 } });

  test('the desk books from an empty slot: click the free time, find the patient, choose the type, book', async ({ app: page }) => {
    await openWorkDay(page);
    await clickFreeTime(page, 'Dr. Lee', '9:00');
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('combobox', { name: 'Patient' })).toBeFocused();
    await expect(dialog).toContainText('Wednesday, September 18, 2030 · Dr. Lee');
    await expect(dialog.getByRole('textbox', { name: 'Time' })).toHaveValue('09:00');
    await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue(/.+/);

    await chooseBookingPatient(page, 'achterberg', /Achterberg, Rosalind/);
    await dialog.getByRole('combobox', { name: 'Appointment type' }).selectOption({ label: 'Follow-up (15 min)' });
    await expect(dialog.getByRole('spinbutton', { name: 'Length (minutes)' })).toHaveValue('15');
    await dialog.getByRole('textbox', { name: 'Reason for the visit' }).fill('Blood pressure check');
    await expectNoSeriousA11yViolations(page, 'the booking dialog');
    const booked = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:book'));
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await booked;

    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Booked Rosalind Achterberg with Dr. Lee on Wednesday, September 18, 2030, 9:00–9:15.' })).toBeVisible();
    // The new visit is in the book, and focus is on it.
    const created = block(page, '9:00–9:15 Rosalind Achterberg, Follow-up, Dr. Lee, booked');
    await expect(created).toBeFocused();
    const saved = (await dayThroughBridge(page, WORK_DAY)).find((a) => a.patientName === 'Rosalind Achterberg');
    expect(saved).toMatchObject({ providerName: 'Dr. Lee', startTime: '09:00', endTime: '09:15', typeName: 'Follow-up', reason: 'Blood pressure check', status: 'booked' });
  });

  test('a booking on top of another visit is refused with its message and nothing saved; overbooking with a reason books it, flagged', async ({ app: page }) => {
    await openWorkDay(page);
    const before = await dayThroughBridge(page, WORK_DAY);
    // By keyboard: into the grid, over to Dr. Lee, down to 9:30, Enter.
    const grid = bookGrid(page);
    await page.getByRole('switch', { name: 'Whole day' }).focus();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 6 && !/^Dr\. Lee,/.test((await grid.locator(':focus').getAttribute('aria-label')) ?? ''); i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Home');
    for (let i = 0; i < 12 && (await grid.locator(':focus').getAttribute('aria-label')) !== 'Dr. Lee, 9:30, free. Press Enter to book.'; i += 1) await page.keyboard.press('ArrowDown');
    await expect(grid.locator(':focus')).toHaveAccessibleName('Dr. Lee, 9:30, free. Press Enter to book.');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await expect(dialog.getByRole('textbox', { name: 'Time' })).toHaveValue('09:30');

    await chooseBookingPatient(page, 'vanterpool', /Vanterpool, Oskar/);
    await dialog.getByRole('combobox', { name: 'Appointment type' }).selectOption({ label: 'Follow-up (15 min)' });
    await dialog.getByRole('textbox', { name: 'Time' }).fill('10:00');
    const answered = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:book'));
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await answered;

    const problem = dialog.getByRole('alert').filter({ hasText: 'Not booked yet' });
    await expect(problem).toContainText('Dr. Lee already has Maria Gomez-Ruiz 10:00–10:30.');
    await expect(problem).toContainText('Nothing was saved.');
    await expect(dialog.getByRole('checkbox', { name: /^Overbook/ })).toBeVisible();
    expect(await dayThroughBridge(page, WORK_DAY)).toHaveLength(before.length);
    await expectNoSeriousA11yViolations(page, 'the booking dialog with a conflict');
    await saveScreenshot(page, 'schedule-booking-conflict', { fullPage: false });

    // The explicit choice: overbook, with a reason.
    await dialog.getByRole('checkbox', { name: /^Overbook/ }).check();
    await dialog.getByRole('button', { name: 'Book anyway' }).click();
    await expect(dialog.getByText('Say why (at least 3 characters) to overbook.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Why overbook?' }).fill('Needs a refill today');
    const saved = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:book'));
    await dialog.getByRole('button', { name: 'Book anyway' }).click();
    await saved;
    await expect(dialog).toHaveCount(0);
    await expect(block(page, '10:00–10:15 Oskar Vanterpool, Follow-up, Dr. Lee, booked, overbooked')).toBeFocused();
    const oskar = (await dayThroughBridge(page, WORK_DAY)).find((a) => a.patientName === 'Oskar Vanterpool');
    expect(oskar).toMatchObject({ overbooked: true, overbookReason: 'Needs a refill today', startTime: '10:00' });
  });

  test('appointments are moved by dragging: to another provider, refused on top of another visit (it snaps back), and longer by the bottom edge', async ({ app: page }) => {
    await openWorkDay(page);
    // Walter Brennan: Dr. Lee 11:00 → Dr. Okafor 11:30.
    const moved = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await dragBlock(page, block(page, /^11:00–11:15 Walter Brennan, /), 'Dr. Okafor', '11:30');
    await moved;
    await expect(page.getByRole('status').filter({ hasText: 'Moved Walter Brennan to Wed, Sep 18, 11:30–11:45 with Dr. Okafor.' })).toBeVisible();
    await expect(column(page, 'Dr. Okafor').getByRole('button', { name: /^11:30–11:45 Walter Brennan, Follow-up, Dr\. Okafor, booked$/ })).toBeVisible();
    let walter = (await dayThroughBridge(page, WORK_DAY)).find((a) => a.patientName === 'Walter Brennan');
    expect(walter).toMatchObject({ providerName: 'Dr. Okafor', startTime: '11:30', endTime: '11:45' });

    // Nadia Petrova onto Maria Gomez-Ruiz's time: refused, said plainly, and she stays at 14:00.
    const refused = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await dragBlock(page, block(page, /^14:00–14:30 Nadia Petrova, /), 'Dr. Lee', '10:00');
    await refused;
    const alert = page.getByRole('alert').filter({ hasText: 'Not moved' });
    await expect(alert).toContainText('Dr. Lee already has');
    await expect(alert).toContainText('The appointment stays where it was.');
    await expect(block(page, /^14:00–14:30 Nadia Petrova, /)).toBeVisible();
    expect((await dayThroughBridge(page, WORK_DAY)).find((a) => a.patientName === 'Nadia Petrova')).toMatchObject({ startTime: '14:00', providerName: 'Dr. Lee' });
    await alert.getByRole('button', { name: 'Dismiss' }).click();

    // Walter's visit made longer: its bottom edge dragged down one row (11:30–12:00).
    const walterBlock = block(page, /^11:30–11:45 Walter Brennan, /);
    await walterBlock.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const edge = await walterBlock.locator('.book-block-resize').boundingBox();
    if (!edge) throw new Error('no resize edge');
    const resized = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await page.mouse.down();
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2 + 28, { steps: 6 });
    await page.mouse.up();
    await resized;
    await expect(block(page, /^11:30–12:00 Walter Brennan, /)).toBeVisible();
    walter = (await dayThroughBridge(page, WORK_DAY)).find((a) => a.patientName === 'Walter Brennan');
    expect(walter).toMatchObject({ startTime: '11:30', endTime: '12:00', durationMinutes: 30 });
  });

  test('an appointment is moved with the keyboard: M, arrows, Shift+arrow for length, Enter; Escape leaves it where it was', async ({ app: page }) => {
    await openWorkDay(page);
    const nadia = block(page, /^14:00–14:30 Nadia Petrova, /);
    await nadia.focus();
    // Escape: nothing changes.
    await page.keyboard.press('m');
    await expect(page.locator('.book-ghost')).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('.book-ghost')).toContainText('14:15–14:45 Nadia Petrova');
    await page.keyboard.press('Escape');
    await expect(page.locator('.book-ghost')).toHaveCount(0);
    await expect(nadia).toBeFocused();

    // Two rows later, one row longer, put down with Enter.
    await page.keyboard.press('m');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(page.locator('.book-ghost')).toContainText('14:30–15:15 Nadia Petrova');
    await expect(page.getByRole('status').filter({ hasText: 'Nadia Petrova: 14:30–15:15, Dr. Lee.' })).toBeAttached();
    const moved = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await page.keyboard.press('Enter');
    await moved;
    const after = block(page, /^14:30–15:15 Nadia Petrova, Follow-up, Dr\. Lee, booked$/);
    await expect(after).toBeFocused();
    expect((await dayThroughBridge(page, WORK_DAY)).find((a) => a.patientName === 'Nadia Petrova')).toMatchObject({ startTime: '14:30', endTime: '15:15', durationMinutes: 45 });

    // Enter opens it; "Move in the book", then → to Dr. Okafor at the same time.
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /^Nadia Petrova, 14:30–15:15$/ });
    await dialog.getByRole('button', { name: 'Move in the book' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('.book-ghost')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.book-ghost')).toContainText('14:30–15:15 Nadia Petrova');
    await expect(column(page, 'Dr. Okafor').locator('.book-ghost')).toBeVisible();
    const movedAgain = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await page.keyboard.press('Enter');
    await movedAgain;
    await expect(block(page, /^14:30–15:15 Nadia Petrova, Follow-up, Dr\. Okafor, booked$/)).toBeFocused();
  });

  test('from an appointment’s dialog: a visit-day step (confirmed), and a reschedule to another time with the form', async ({ app: page }) => {
    await openWorkDay(page);
    await block(page, /^9:00–9:15 Ingrid Halvorsen, /).click();
    const dialog = page.getByRole('dialog', { name: 'Ingrid Halvorsen, 9:00–9:15' });
    const confirmed = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:setStatus'));
    await dialog.getByRole('button', { name: 'Confirmed' }).click();
    await confirmed;
    await expect(dialog).toContainText('✓ Confirmed since');
    await expect(dialog.getByRole('listitem').filter({ hasText: 'Maria Lee' }).first()).toBeVisible();
    await expect(block(page, '9:00–9:15 Ingrid Halvorsen, Follow-up, Dr. Okafor, confirmed')).toBeAttached();

    await dialog.getByRole('button', { name: 'Reschedule…' }).click();
    await expect(dialog.getByLabel('New date')).toBeFocused();
    await dialog.getByRole('textbox', { name: 'New time' }).fill('1:30 pm');
    const moved = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await dialog.getByRole('button', { name: 'Move the appointment' }).click();
    await moved;
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Moved Ingrid Halvorsen to Wednesday, September 18, 2030, 13:30–13:45 with Dr. Okafor.' })).toBeVisible();
    await expect(block(page, '13:30–13:45 Ingrid Halvorsen, Follow-up, Dr. Okafor, confirmed')).toBeFocused();
  });

  test('in the week view an appointment is dragged to another day, and moved a day with the keyboard', async ({ app: page, book }) => {
    await openWorkDay(page);
    await page.keyboard.press('Escape');
    await page.getByRole('radiogroup', { name: 'View' }).getByText('Week', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Whose week' }).selectOption({ label: 'Dr. Lee' });
    await expect(page.getByRole('heading', { level: 2, name: 'Mon, Sep 16 – Sun, Sep 22, 2030' })).toBeVisible();
    // A half hour Dr. Lee has free on Thursday morning
    // (and on Wednesday, where the keyboard brings it back), from what main holds.
    const lee = [...(await dayThroughBridge(page, '2030-09-19')), ...(await dayThroughBridge(page, WORK_DAY))].filter((a) => a.providerId === book.providers.lee && a.patientName !== 'Rosalind Achterberg');
    const taken = (m: number) => lee.some((a) => {
      const [h, mm] = a.startTime.split(':').map(Number) as [number, number];
      const start = h * 60 + mm;
      return start < m + 15 && start + a.durationMinutes + a.bufferAfterMinutes > m;
    });
    const free = [480, 510, 540, 570, 600, 630, 660, 690].find((m) => !taken(m));
    expect(free, 'Dr. Lee has a free half hour on Thursday morning').toBeDefined();
    const time = `${Math.floor((free ?? 0) / 60)}:${String((free ?? 0) % 60).padStart(2, '0')}`;
    const rosalind = block(page, /^9:00–9:15 Rosalind Achterberg, /);
    const moved = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await dragBlock(page, rosalind, 'Thu, Sep 19', time);
    await moved;
    await expect(column(page, 'Thu, Sep 19').getByRole('button', { name: new RegExp(`^${time}–\\d+:\\d+ Rosalind Achterberg, `) })).toBeVisible();
    expect((await dayThroughBridge(page, '2030-09-19')).find((a) => a.patientName === 'Rosalind Achterberg')).toMatchObject({ providerName: 'Dr. Lee' });

    // Back a day with the keyboard: M, ←, Enter.
    const back = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await column(page, 'Thu, Sep 19').getByRole('button', { name: /Rosalind Achterberg/ }).focus();
    await page.keyboard.press('m');
    await page.keyboard.press('ArrowLeft');
    await expect(column(page, 'Wed, Sep 18').locator('.book-ghost')).toContainText('Rosalind Achterberg');
    await page.keyboard.press('Enter');
    await back;
    await expect(column(page, 'Wed, Sep 18').getByRole('button', { name: /Rosalind Achterberg/ })).toBeFocused();
    expect((await dayThroughBridge(page, WORK_DAY)).find((a) => a.patientName === 'Rosalind Achterberg')).toMatchObject({ startTime: time.padStart(5, '0') });
  });

  test('a cancellation offers the freed time to a waitlisted patient, who is booked into it with one click', async ({ app: page, book }) => {
    await addToWaitlistThroughBridge(page, {
      patientId: book.patients.greta ?? '',
      typeId: book.types.follow,
      providerIds: [book.providers.lee],
      weekdays: [3],
      timeWindows: [{ start: '8:00', end: '12:00' }],
      fromDate: WORK_DAY,
      toDate: '2030-10-31',
      note: 'Wants an earlier visit',
    });
    await openWorkDay(page);
    // Oskar Vanterpool's overbooking is drawn over the top of her visit: click the part of hers that shows.
    await block(page, /^10:00–10:30 Maria Gomez-Ruiz, /).click({ position: { x: 12, y: 44 } });
    const dialog = page.getByRole('dialog', { name: 'Maria Gomez-Ruiz, 10:00–10:30' });
    await expect(dialog.getByRole('heading', { name: 'History' })).toBeVisible();
    await expect(dialog).toContainText('Blood pressure check');

    // The patient's copies: an .ics file and a printed card.
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Calendar file (.ics)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await file.path()) ?? '', 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART:20300918T140000Z');
    await page.evaluate(() => {
      (window as unknown as { printed: string[] }).printed = [];
      window.print = () => (window as unknown as { printed: string[] }).printed.push(document.querySelector('.appointment-card')?.textContent ?? '');
    });
    await dialog.getByRole('button', { name: 'Print appointment card' }).click();
    const printed = await page.evaluate(() => (window as unknown as { printed: string[] }).printed);
    expect(printed[0]).toContain('Appointment for: Maria Gomez-Ruiz');
    expect(printed[0]).toContain('Time: 10:00–10:30');

    await dialog.getByRole('button', { name: 'Cancel appointment…' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Why is it cancelled?' })).toBeFocused();
    await dialog.getByRole('combobox', { name: 'Why is it cancelled?' }).selectOption({ label: 'Patient cancelled' });
    const cancelled = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:cancel'));
    await dialog.getByRole('button', { name: 'Cancel the appointment' }).click();
    await cancelled;

    await expect(dialog.getByRole('status').filter({ hasText: 'Cancelled Maria Gomez-Ruiz’s visit. Offer the time to someone waiting?' })).toBeVisible();
    const suggestions = dialog.getByRole('list', { name: 'Waitlist suggestions' });
    const greta = suggestions.getByRole('listitem').filter({ hasText: 'Greta Sandoval' });
    await expect(greta).toContainText(/Slot: Wed, Sep 18, 10:\d\d–10:\d\d with Dr\. Lee/);
    const slot = /Slot: Wed, Sep 18, (10:\d\d)–(10:\d\d)/.exec((await greta.textContent()) ?? '') ?? [];
    await expect(greta.getByRole('button', { name: 'Open Greta Sandoval’s page' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the waitlist suggestions after a cancellation');
    await saveScreenshot(page, 'schedule-cancel-waitlist-suggestion', { fullPage: false });

    const offered = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:book'));
    await greta.getByRole('button', { name: 'Offer this slot to Greta Sandoval' }).click();
    await offered;
    await expect(greta.getByRole('status')).toContainText(`Booked Greta Sandoval Wed, Sep 18, ${slot[1]}–${slot[2]} with Dr. Lee. They are off the waitlist.`);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toHaveCount(0);

    const day = await dayThroughBridge(page, WORK_DAY);
    expect(day.find((a) => a.patientName === 'Maria Gomez-Ruiz')).toBeUndefined();
    expect(day.find((a) => a.patientName === 'Greta Sandoval')).toMatchObject({ providerName: 'Dr. Lee', startTime: slot[1]?.padStart(5, '0') });
    await expect(block(page, `${slot[1]}–${slot[2]} Greta Sandoval, Follow-up, Dr. Lee, booked`)).toBeVisible();
  });

  test('the day sheet: one page per provider with time, patient, date of birth, phone, type and reason; printed', async ({ app: page }) => {
    await goToDate(page, FULL_DAY);
    await page.getByRole('radiogroup', { name: 'View' }).getByText('Day sheet', { exact: true }).click();
    const sheet = page.getByRole('region', { name: 'Day sheet' });
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole('heading', { level: 2 })).toHaveCount(6);
    const lee = sheet.locator('section').filter({ has: page.getByRole('heading', { name: 'Dr. Lee — Tuesday, September 17, 2030' }) });
    await expect(lee.getByRole('columnheader')).toHaveText(['Time', 'Patient', 'Date of birth', 'Phone', 'Type', 'Reason']);
    const firstRow = lee.getByRole('row').nth(1);
    await expect(firstRow.getByRole('cell').nth(2)).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
    await expect(firstRow.getByRole('cell').nth(3)).toHaveText(/^\(\d{3}\) \d{3}-\d{4}$/);
    await expect(lee).toContainText('Chest pain yesterday');

    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => void ((window as unknown as { printCalls: number }).printCalls += 1);
    });
    await page.getByRole('button', { name: 'Print day sheet' }).click();
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print day sheet' })).toBeHidden();
    await saveScreenshot(page, 'schedule-day-sheet-print');
    await page.pdf({ path: join(SCREENSHOT_DIR, 'day-sheet.pdf'), format: 'Letter', printBackground: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
