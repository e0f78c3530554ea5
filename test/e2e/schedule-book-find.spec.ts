import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { findTimeResultLines, searchFindTime } from './support/find-time';
import { saveScreenshot } from './support/screenshots';
import { blockTimeThroughBridge, bookThroughBridge, dayThroughBridge, expect, test, waitlistThroughBridge, type ClinicBook } from './support/schedule';

/**
 * "Find a time", on a Tuesday of its own (FIND_DAY, weeks after every other story's dates). Dr. Lee (8–12, 13–17)
 * has Follow-ups 8:00, 8:15 and 8:30 (to 8:45), blocked time 9:00–9:30 and an Annual physical (30 min, needs a room)
 * 9:30–10:00 in Exam 1. So the first time a 30-minute Annual physical fits is 10:00: 8:45 would run into the blocked
 * half hour, 9:45 into the physical. Nobody else has anything that day.
 */
const FIND_DAY = '2030-12-17';
const FIND_WEDNESDAY = '2030-12-18';

/** The day above, made once per clinic (the stories may run again in the same worker). */
async function setUpFindDay(page: Page, book: ClinicBook): Promise<void> {
  const lee = book.providers.lee;
  if ((await dayThroughBridge(page, FIND_DAY)).some((a) => a.providerId === lee && a.startTime === '08:00')) return;
  for (const [patient, time] of [
    ['walter', '8:00'],
    ['nadia', '8:15'],
    ['ingrid', '8:30'],
  ] as const) {
    await bookThroughBridge(page, { patientId: book.patients[patient] ?? '', providerId: lee, typeId: book.types.follow, start: { date: FIND_DAY, time } });
  }
  await blockTimeThroughBridge(page, { providerId: lee, date: FIND_DAY, startTime: '9:00', endTime: '9:30', note: 'Team huddle' });
  await bookThroughBridge(page, { patientId: book.patients.greta ?? '', providerId: lee, typeId: book.types.physical, roomId: book.rooms[0] ?? null, start: { date: FIND_DAY, time: '9:30' } });
}

test.describe('Schedule: finding a time', () => {
  test.use({ viewport: { width: 1280, height: 1000 } });

  test('finds the first truly free time for a type, never booked or blocked time; any provider; a weekday filter; plain messages', async ({ app: page, book }) => {
    await setUpFindDay(page, book);
    const findButton = page.getByRole('button', { name: 'Find a time' });
    await expect(findButton).toHaveAttribute('aria-keyshortcuts', 'F');
    // F opens it (the book's letter, listed with the others).
    await findButton.focus();
    await page.keyboard.press('f');
    const dialog = page.getByRole('dialog', { name: 'Find a time' });
    await expect(dialog).toBeVisible();
    // Defaults: today (the desk's clock) to four weeks on.
    await expect(dialog.getByRole('textbox', { name: 'From' })).toHaveValue('2030-09-17');
    await expect(dialog.getByRole('textbox', { name: 'To', exact: true })).toHaveValue('2030-10-15');
    await dialog.getByRole('combobox', { name: 'Appointment type' }).selectOption({ label: 'Annual physical (30 min)' });
    await expect(dialog.getByRole('combobox', { name: 'Appointment type' })).toHaveAccessibleDescription('30 minutes · needs a room');

    // One provider: the first free half hour is 10:00, then every quarter hour that fits before lunch, then after it.
    await searchFindTime(page, { provider: 'Dr. Lee, MD', from: FIND_DAY, to: FIND_DAY });
    await expect(dialog.getByRole('heading', { name: 'The next 10 open times' })).toBeFocused();
    await expect(dialog.getByRole('heading', { level: 4 })).toHaveText(['Tuesday, December 17, 2030']);
    expect(await findTimeResultLines(page)).toEqual(
      ['10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30', '13:00', '13:15', '13:30'].map((t) => {
        const [h, m] = t.split(':').map(Number) as [number, number];
        const end = h * 60 + m + 30;
        return `${t}–${Math.floor(end / 60)}:${String(end % 60).padStart(2, '0')} · Dr. Lee · Exam 1`;
      }),
    );
    const first = dialog.getByRole('list', { name: 'Tuesday, December 17, 2030' }).getByRole('button').first();
    await expect(first).toHaveAccessibleName('Book Tue, Dec 17, 10:00–10:30 · Dr. Lee · Exam 1');
    await expectNoSeriousA11yViolations(page, 'the find-a-time dialog with results');
    await saveScreenshot(page, 'schedule-find-results', { fullPage: false });

    // Any provider who offers it: others' free 8:00 comes first, Dr. Lee's booked morning still never offered.
    await searchFindTime(page, { provider: 'Any provider who offers it', from: FIND_DAY, to: FIND_DAY });
    const anyLines = await findTimeResultLines(page);
    expect(anyLines[0]).toBe('8:00–8:30 · Dr. Chen · Exam 1');
    expect(anyLines).toContain('8:00–8:30 · Dr. Okafor · Exam 1');
    expect(anyLines.filter((line) => line.includes('Dr. Lee'))).toEqual([]);

    // Wednesdays only, over a week: every slot is on the Wednesday (Dr. Lee's day is free from 8:00).
    await searchFindTime(page, { provider: 'Dr. Lee, MD', from: FIND_DAY, to: '2030-12-23', weekdays: ['Wednesday'] });
    await expect(dialog.getByRole('heading', { level: 4 })).toHaveText(['Wednesday, December 18, 2030']);
    expect((await findTimeResultLines(page))[0]).toBe('8:00–8:30 · Dr. Lee · Exam 1');
    expect(await dayThroughBridge(page, FIND_WEDNESDAY)).toEqual([]);

    // Nothing fits between 9:00 and 10:00 (blocked, then the physical): said plainly, with what to try.
    await searchFindTime(page, { provider: 'Dr. Lee, MD', from: FIND_DAY, to: FIND_DAY, between: ['9:00', '10:00'] });
    await expect(dialog.getByRole('heading', { name: 'No open time' })).toBeFocused();
    await expect(dialog.getByRole('status')).toHaveText(
      'No open time for a 30-minute Annual physical with Dr. Lee on Tue, Dec 17 between 9:00 and 10:00 — try more days, any provider or other times.',
    );
    await expectNoSeriousA11yViolations(page, 'the find-a-time dialog with no results');
    await saveScreenshot(page, 'schedule-find-none', { fullPage: false });

    // The shared schema's messages (and main's 90-day limit) under their fields.
    await dialog.getByRole('radio', { name: 'Any time' }).check();
    await dialog.getByRole('textbox', { name: 'To', exact: true }).fill('2030-12-01');
    await dialog.getByRole('button', { name: 'Find open times' }).click();
    await expect(dialog.getByText('The last day is on or after the first day.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'To', exact: true }).fill('2031-03-31');
    const answered = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:findSlots'));
    await dialog.getByRole('button', { name: 'Find open times' }).click();
    await answered;
    await expect(dialog.getByText('Search at most 90 days at a time. Choose an earlier last day.')).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: 'To', exact: true })).toBeFocused();

    // Closed: focus is back on the button that opened it.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(findButton).toBeFocused();
  });

  test('Book on a result opens the booking dialog with the slot filled in; once booked, the slot is no longer offered', async ({ app: page, book }) => {
    await setUpFindDay(page, book);
    const findButton = page.getByRole('button', { name: 'Find a time' });
    await findButton.click();
    const finder = page.getByRole('dialog', { name: 'Find a time' });
    await searchFindTime(page, { provider: 'Dr. Lee, MD', from: FIND_DAY, to: FIND_DAY });
    expect((await findTimeResultLines(page))[0]).toBe('10:00–10:30 · Dr. Lee · Exam 1');
    await finder.getByRole('button', { name: 'Book Tue, Dec 17, 10:00–10:30 · Dr. Lee · Exam 1' }).click();

    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await expect(dialog).toBeVisible();
    await expect(finder).toHaveCount(0);
    await expect(dialog).toContainText('Tuesday, December 17, 2030 · Dr. Lee');
    await expect(dialog.getByRole('textbox', { name: 'Date' })).toHaveValue(FIND_DAY);
    await expect(dialog.getByRole('textbox', { name: 'Time' })).toHaveValue('10:00');
    await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue(book.providers.lee);
    await expect(dialog.getByRole('combobox', { name: 'Appointment type' })).toHaveValue(book.types.physical);
    await expect(dialog.getByRole('combobox', { name: /^Room/ })).toHaveValue(book.rooms[0] ?? '');
    await expect(dialog.getByRole('spinbutton', { name: 'Length (minutes)' })).toHaveValue('30');

    // The patient is the one thing left to choose.
    const found = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/patients:search'));
    await dialog.getByRole('combobox', { name: 'Patient' }).fill('vanterpool');
    await found;
    await expect(dialog.getByRole('option').filter({ hasText: /Vanterpool, Oskar/ }).first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(dialog.locator('.booking-patient')).toContainText(/Vanterpool, Oskar/);
    const booked = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:book'));
    await dialog.getByRole('button', { name: 'Book appointment' }).click();
    await booked;
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Booked Oskar Vanterpool with Dr. Lee on Tuesday, December 17, 2030, 10:00–10:30.' })).toBeVisible();
    expect((await dayThroughBridge(page, FIND_DAY)).find((a) => a.patientName === 'Oskar Vanterpool')).toMatchObject({ startTime: '10:00', endTime: '10:30', typeName: 'Annual physical', roomName: 'Exam 1' });

    // Opened again, the same search runs again: 10:00 is gone, 10:30 is the first free time now.
    const again = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:findSlots'));
    await findButton.click();
    await again;
    await expect(finder.getByRole('heading', { name: 'The next 10 open times' })).toBeFocused();
    const lines = await findTimeResultLines(page);
    expect(lines[0]).toBe('10:30–11:00 · Dr. Lee · Exam 1');
    expect(lines.filter((line) => line.startsWith('10:00') || line.startsWith('10:15'))).toEqual([]);
    await finder.getByRole('button', { name: 'Close' }).first().click();
    await expect(findButton).toBeFocused();
  });

  test('nothing open: the search goes on the waitlist for a patient, the waitlist dialog filled in with it', async ({ app: page, book }) => {
    await setUpFindDay(page, book);
    await page.getByRole('button', { name: 'Find a time' }).click();
    const finder = page.getByRole('dialog', { name: 'Find a time' });
    await searchFindTime(page, { provider: 'Dr. Lee, MD', from: FIND_DAY, to: FIND_DAY, weekdays: ['Tuesday'], between: ['9:00', '10:00'] });
    await expect(finder.getByRole('heading', { name: 'No open time' })).toBeFocused();
    // The one day searched is a Tuesday: "on Tuesdays" would say nothing more.
    await expect(finder.getByRole('status')).toHaveText('No open time for a 30-minute Annual physical with Dr. Lee on Tue, Dec 17 between 9:00 and 10:00 — try more days, any provider or other times.');
    const offer = finder.getByRole('button', { name: 'Add to the waitlist…' });

    // Opened and left: back to the search as it was, on the same button.
    await offer.click();
    const waitlist = page.getByRole('dialog', { name: 'Add to the waitlist' });
    await expect(waitlist).toBeVisible();
    await expect(finder).toHaveCount(0);
    await waitlist.getByRole('button', { name: 'Cancel' }).click();
    await expect(waitlist).toHaveCount(0);
    await expect(finder.getByRole('heading', { name: 'No open time' })).toBeVisible();
    await expect(offer).toBeFocused();

    // The search is the entry: type, provider, day, times and dates; the patient is the one thing to choose.
    await offer.press('Enter');
    await expect(waitlist.getByRole('combobox', { name: 'Patient' })).toBeFocused();
    await expect(waitlist.getByRole('combobox', { name: 'Appointment type' })).toHaveValue(book.types.physical);
    await expect(waitlist.getByRole('checkbox', { name: 'Dr. Lee' })).toBeChecked();
    await expect(waitlist.getByRole('checkbox', { name: 'Dr. Okafor' })).not.toBeChecked();
    await expect(waitlist.getByRole('checkbox', { name: 'Tue' })).toBeChecked();
    await expect(waitlist.getByRole('checkbox', { name: 'Wed' })).not.toBeChecked();
    await expect(waitlist.getByRole('textbox', { name: 'Earliest time' })).toHaveValue('9:00');
    await expect(waitlist.getByRole('textbox', { name: 'Latest time' })).toHaveValue('10:00');
    await expect(waitlist.getByRole('textbox', { name: 'From' })).toHaveValue(FIND_DAY);
    await expect(waitlist.getByRole('textbox', { name: 'Until' })).toHaveValue(FIND_DAY);
    await saveScreenshot(page, 'schedule-find-waitlist-filled-in', { fullPage: false });
    const before = await waitlistThroughBridge(page, true);

    // No patient yet: said under the search box, and nothing is saved.
    await waitlist.getByRole('button', { name: 'Add to the waitlist' }).click();
    await expect(waitlist.getByRole('alert').filter({ hasText: 'Choose a patient from the list.' })).toBeVisible();
    expect(await waitlistThroughBridge(page, true)).toEqual(before);

    const found = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/patients:search'));
    await waitlist.getByRole('combobox', { name: 'Patient' }).fill('petrova');
    await found;
    await expect(waitlist.getByRole('option').filter({ hasText: /Petrova, Nadia/ }).first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(waitlist.locator('.waitlist-patient')).toContainText('Petrova, Nadia');
    await waitlist.getByRole('textbox', { name: 'Note' }).fill('Can come in at short notice');
    const saved = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:saveWaitlistEntry'));
    await waitlist.getByRole('button', { name: 'Add to the waitlist' }).click();
    await saved;

    // Back in the search, which says so (and takes focus); the entry is what was searched for.
    await expect(waitlist).toHaveCount(0);
    const notice = finder.getByRole('status').filter({ hasText: 'Nadia Petrova was added to the waitlist' });
    await expect(notice).toBeFocused();
    await expect(notice).toContainText('Annual physical: Tue, 9:00–10:00.');
    await expect(offer).toHaveCount(0);
    const added = (await waitlistThroughBridge(page)).filter((e) => !before.some((b) => b.id === e.id));
    expect(added).toMatchObject([
      {
        patientId: book.patients.nadia,
        typeId: book.types.physical,
        providerIds: [book.providers.lee],
        weekdays: [2],
        timeWindows: [{ start: 9 * 60, end: 10 * 60 }],
        fromDate: FIND_DAY,
        toDate: FIND_DAY,
        note: 'Can come in at short notice',
        active: true,
      },
    ]);
    await expectNoSeriousA11yViolations(page, 'the find-a-time dialog after adding to the waitlist');
    await saveScreenshot(page, 'schedule-find-none-waitlisted', { fullPage: false });
  });
});
