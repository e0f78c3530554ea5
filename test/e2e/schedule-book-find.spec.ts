import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { saveScreenshot } from './support/screenshots';
import { blockTimeThroughBridge, bookThroughBridge, dayThroughBridge, expect, test, type ClinicBook } from './support/schedule';

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

interface Search {
  provider: string;
  from: string;
  to: string;
  weekdays?: string[];
  between?: [string, string];
}

/** Fills the form (type Annual physical) and searches; waits for main's answer. */
async function search(page: Page, s: Search): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Find a time' });
  await dialog.getByRole('combobox', { name: 'Appointment type' }).selectOption({ label: 'Annual physical (30 min)' });
  await dialog.getByRole('combobox', { name: 'Provider' }).selectOption({ label: s.provider });
  await dialog.getByRole('textbox', { name: 'From' }).fill(s.from);
  await dialog.getByRole('textbox', { name: 'To', exact: true }).fill(s.to);
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
    await dialog.getByRole('checkbox', { name: day }).setChecked(s.weekdays?.includes(day) ?? false);
  }
  if (s.between) {
    await dialog.getByRole('radio', { name: 'Between…' }).check();
    await dialog.getByRole('textbox', { name: 'Earliest start' }).fill(s.between[0]);
    await dialog.getByRole('textbox', { name: 'Latest end' }).fill(s.between[1]);
  } else {
    await dialog.getByRole('radio', { name: 'Any time' }).check();
  }
  const answered = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:findSlots'));
  await dialog.getByRole('button', { name: 'Find open times' }).click();
  await answered;
}

/** The results' lines, in order ("10:00–10:30 · Dr. Lee · Exam 1"). */
async function resultLines(page: Page): Promise<string[]> {
  return page.getByRole('dialog', { name: 'Find a time' }).locator('.find-slot-words').allTextContents();
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
    await search(page, { provider: 'Dr. Lee, MD', from: FIND_DAY, to: FIND_DAY });
    await expect(dialog.getByRole('heading', { name: 'The next 10 open times' })).toBeFocused();
    await expect(dialog.getByRole('heading', { level: 4 })).toHaveText(['Tuesday, December 17, 2030']);
    expect(await resultLines(page)).toEqual(
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
    await search(page, { provider: 'Any provider who offers it', from: FIND_DAY, to: FIND_DAY });
    const anyLines = await resultLines(page);
    expect(anyLines[0]).toBe('8:00–8:30 · Dr. Chen · Exam 1');
    expect(anyLines).toContain('8:00–8:30 · Dr. Okafor · Exam 1');
    expect(anyLines.filter((line) => line.includes('Dr. Lee'))).toEqual([]);

    // Wednesdays only, over a week: every slot is on the Wednesday (Dr. Lee's day is free from 8:00).
    await search(page, { provider: 'Dr. Lee, MD', from: FIND_DAY, to: '2030-12-23', weekdays: ['Wednesday'] });
    await expect(dialog.getByRole('heading', { level: 4 })).toHaveText(['Wednesday, December 18, 2030']);
    expect((await resultLines(page))[0]).toBe('8:00–8:30 · Dr. Lee · Exam 1');
    expect(await dayThroughBridge(page, FIND_WEDNESDAY)).toEqual([]);

    // Nothing fits between 9:00 and 10:00 (blocked, then the physical): said plainly, with what to try.
    await search(page, { provider: 'Dr. Lee, MD', from: FIND_DAY, to: FIND_DAY, between: ['9:00', '10:00'] });
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
    await search(page, { provider: 'Dr. Lee, MD', from: FIND_DAY, to: FIND_DAY });
    expect((await resultLines(page))[0]).toBe('10:00–10:30 · Dr. Lee · Exam 1');
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
    const lines = await resultLines(page);
    expect(lines[0]).toBe('10:30–11:00 · Dr. Lee · Exam 1');
    expect(lines.filter((line) => line.startsWith('10:00') || line.startsWith('10:15'))).toEqual([]);
    await finder.getByRole('button', { name: 'Close' }).first().click();
    await expect(findButton).toBeFocused();
  });
});
