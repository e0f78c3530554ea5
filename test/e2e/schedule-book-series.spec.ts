import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { saveScreenshot } from './support/screenshots';
import {
  block,
  bookThroughBridge,
  chooseBookingPatient,
  clickFreeTime,
  dayThroughBridge,
  expect,
  goToDate,
  patientAppointmentsThroughBridge,
  registerPatientThroughBridge,
  test,
} from './support/schedule';

/**
 * Recurring series at the desk, on Dr. Raman's Tuesdays in October 2030 (clear of the other book stories' days):
 * Beatriz Quillfeather comes every Tuesday at 9:00 for six weeks. On the third Tuesday Dr. Raman already has Tobias
 * Wrenfield at 9:00, and Beatriz herself has a visit with Dr. Okafor then, so the first attempt lists both problems
 * under that date and saves nothing; leaving the date out books the other five. Then the desk cancels the 4th visit
 * "and following", and moves the 2nd on its own.
 */
const SERIES_DATES = ['2030-10-01', '2030-10-08', '2030-10-15', '2030-10-22', '2030-10-29', '2030-11-05'] as const;
const CLASH = '2030-10-15';

/** The week view for a provider, on the week of a date. */
async function showWeek(page: Page, provider: string, date: string): Promise<void> {
  if ((await page.getByRole('combobox', { name: 'Whose week' }).count()) === 0) {
    await page.getByRole('radiogroup', { name: 'View' }).getByText('Week', { exact: true }).click();
  }
  await page.getByRole('combobox', { name: 'Whose week' }).selectOption({ label: provider });
  await goToDate(page, date);
  await expect(page.getByRole('group', { name: `${provider}’s week, appointment book` })).toBeVisible();
}

test.describe('Schedule: recurring series', () => {
  test.use({ viewport: { width: 1280, height: 1000 } });

  test('a weekly series: every conflict listed by date with nothing saved, a date left out, then cancel "this and following" and move one visit', async ({ app: page, book }) => {
    test.setTimeout(120_000);
    const raman = book.providers.raman ?? '';
    const beatriz = await registerPatientThroughBridge(page, { firstName: 'Beatriz', lastName: 'Quillfeather', dateOfBirth: '1964-06-21', phone: '(312) 555-0190' });
    const tobias = await registerPatientThroughBridge(page, { firstName: 'Tobias', lastName: 'Wrenfield', dateOfBirth: '1988-01-09', phone: '(312) 555-0191' });
    // In the way on the third Tuesday: Dr. Raman's 9:00, and Beatriz's own visit with Dr. Okafor at that time.
    await bookThroughBridge(page, { patientId: tobias, providerId: raman, typeId: book.types.follow, start: { date: CLASH, time: '9:00' }, reason: 'Knee pain' });
    await bookThroughBridge(page, { patientId: beatriz, providerId: book.providers.okafor, typeId: book.types.follow, start: { date: CLASH, time: '9:00' }, reason: 'Ear check' });

    // ── The booking dialog: repeat options, summary and the visits ──
    await goToDate(page, SERIES_DATES[0]);
    await expect(page.getByRole('heading', { level: 2, name: 'Tuesday, October 1, 2030' })).toBeVisible();
    await clickFreeTime(page, 'Dr. Raman', '9:00');
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await expect(dialog.getByRole('textbox', { name: 'Time' })).toHaveValue('09:00');
    await chooseBookingPatient(page, 'quillfeather', /Quillfeather, Beatriz/);
    await dialog.getByRole('combobox', { name: 'Appointment type' }).selectOption({ label: 'Follow-up (15 min)' });
    await dialog.getByRole('textbox', { name: 'Reason for the visit' }).fill('Physiotherapy review');

    const repeat = dialog.getByRole('combobox', { name: 'Repeat' });
    await expect(repeat).toHaveValue('none');
    await expect(repeat.locator('option')).toHaveText(['Does not repeat', 'Every week on Tuesday', 'Every few weeks on Tuesday', 'Monthly on the 1st Tuesday']);
    await expect(dialog.getByRole('button', { name: 'Book appointment' })).toBeVisible();

    // Every few weeks: how many, and the summary follows.
    await repeat.selectOption({ label: 'Every few weeks on Tuesday' });
    const everyWeeks = dialog.getByRole('spinbutton', { name: 'Every how many weeks?' });
    await expect(everyWeeks).toHaveValue('2');
    await expect(dialog.locator('.series-summary')).toHaveText('↻Every 2 weeks on Tuesday at 9:00, 6 visits, until Dec 10, 2030.');
    // Monthly on the same weekday.
    await repeat.selectOption({ label: 'Monthly on the 1st Tuesday' });
    await expect(dialog.locator('.series-summary')).toHaveText('↻Monthly on the 1st Tuesday at 9:00, 6 visits, until Mar 4, 2031.');
    // Weekly, ending on a date: the last date starts where six visits would end.
    await repeat.selectOption({ label: 'Every week on Tuesday' });
    await dialog.getByRole('radio', { name: 'On a date' }).check();
    await expect(dialog.getByLabel('Last date')).toHaveValue('2030-11-05');
    await dialog.getByRole('radio', { name: 'After a number of visits' }).check();

    // A count the contract does not take: the message is under the field and describes it; nothing is sent.
    const count = dialog.getByRole('spinbutton', { name: 'Number of visits' });
    await count.fill('1');
    await dialog.getByRole('button', { name: /^Book/ }).click();
    await expect(count).toHaveAttribute('aria-invalid', 'true');
    await expect(count).toHaveAccessibleDescription(/A series has at least 2 visits\./);
    await count.fill('6');

    const summary = 'Every week on Tuesday at 9:00, 6 visits, until Nov 5, 2030.';
    await expect(dialog.locator('.series-summary')).toHaveText(`↻${summary}`);
    // The summary describes the Repeat box, so a screen reader hears it there.
    await expect(repeat).toHaveAccessibleDescription(summary);
    const visits = dialog.getByRole('group', { name: 'The 6 visits' });
    await expect(visits.getByRole('checkbox')).toHaveCount(6);
    await expect(visits.getByRole('checkbox', { checked: true })).toHaveCount(6);
    await expect(dialog.getByRole('button', { name: 'Book 6 visits' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the booking dialog with a weekly series');
    await repeat.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'schedule-series-repeat', { fullPage: false });

    // ── First attempt: every problem, by date; nothing saved ──
    const before = await patientAppointmentsThroughBridge(page, beatriz);
    const ramanBefore = await Promise.all(SERIES_DATES.map((d) => dayThroughBridge(page, d)));
    const refused = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:bookSeries'));
    await dialog.getByRole('button', { name: 'Book 6 visits' }).click();
    await refused;
    const problems = dialog.getByRole('alert').filter({ hasText: 'Not booked yet' });
    await expect(problems).toContainText('Nothing was saved. 1 of the 6 dates has a problem:');
    await expect(problems.getByRole('heading', { name: 'Tue, Oct 15, 2030' })).toBeVisible();
    await expect(problems.getByRole('listitem')).toHaveText(['Dr. Raman already has Tobias Wrenfield 9:00–9:15.', 'Beatriz Quillfeather already has a visit with Dr. Okafor 9:00–9:15.']);
    // The date is marked in the list of visits too, and the ways on are offered.
    await expect(visits.getByRole('checkbox', { name: 'Tue, Oct 15, 2030 (has a problem)' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: 'Leave out Tue, Oct 15, 2030' })).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: /^Overbook: book those visits/ })).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: /^I have seen the patient’s other visits/ })).toBeVisible();
    // Nothing was written: no series, no visit.
    expect(await patientAppointmentsThroughBridge(page, beatriz)).toEqual(before);
    expect(await Promise.all(SERIES_DATES.map((d) => dayThroughBridge(page, d)))).toEqual(ramanBefore);
    await expectNoSeriousA11yViolations(page, 'the booking dialog listing the series’ conflicts');
    await problems.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await saveScreenshot(page, 'schedule-series-conflicts', { fullPage: false });

    // ── Leave the date out and book the other five ──
    await dialog.getByRole('checkbox', { name: 'Leave out Tue, Oct 15, 2030' }).check();
    await expect(visits.getByRole('checkbox', { name: /Tue, Oct 15, 2030/ })).not.toBeChecked();
    await expect(dialog.locator('.series-summary')).toHaveText('↻Every week on Tuesday at 9:00, 5 visits (Oct 15 left out), until Nov 5, 2030.');
    const saved = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:bookSeries'));
    await dialog.getByRole('button', { name: 'Book 5 visits' }).click();
    await saved;
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Booked 5 visits for Beatriz Quillfeather with Dr. Raman: every week on Tuesday at 9:00, Oct 1, 2030 to Nov 5, 2030 (Oct 15 left out).' })).toBeVisible();
    const first = block(page, '9:00–9:15 Beatriz Quillfeather, Follow-up, Dr. Raman, booked, part of a weekly series');
    await expect(first).toBeFocused();
    await expect(first).toContainText('↻');

    const series = (await patientAppointmentsThroughBridge(page, beatriz)).filter((a) => a.seriesId !== null);
    expect(series.map((a) => [a.date, a.startTime, a.seriesIndex, a.status])).toEqual([
      ['2030-10-01', '09:00', 0, 'booked'],
      ['2030-10-08', '09:00', 1, 'booked'],
      ['2030-10-22', '09:00', 3, 'booked'],
      ['2030-10-29', '09:00', 4, 'booked'],
      ['2030-11-05', '09:00', 5, 'booked'],
    ]);
    expect(new Set(series.map((a) => a.seriesId)).size).toBe(1);

    // Across the weeks in Dr. Raman's week view: every Tuesday but the 15th, each marked as part of the series.
    await showWeek(page, 'Dr. Raman', SERIES_DATES[0]);
    for (const date of SERIES_DATES) {
      await goToDate(page, date);
      const visit = block(page, /^9:00–9:15 Beatriz Quillfeather, Follow-up, Dr\. Raman, booked, part of a weekly series$/);
      if (date === CLASH) {
        await expect(block(page, /^9:00–9:15 Tobias Wrenfield, /)).toBeVisible();
        await expect(visit).toHaveCount(0);
      } else await expect(visit).toBeVisible();
    }
    await expect(page.locator('.book-legend')).toContainText('↻ Part of a series');

    // ── Cancel the 4th visit (Oct 29) "and following" ──
    await goToDate(page, '2030-10-29');
    await block(page, /^9:00–9:15 Beatriz Quillfeather, /).click();
    const visitDialog = page.getByRole('dialog', { name: 'Beatriz Quillfeather, 9:00–9:15' });
    await expect(visitDialog).toContainText('Visit 4 of 5, every week on Tuesday, until Nov 5, 2030');
    await visitDialog.getByRole('button', { name: 'Cancel appointment…' }).click();
    const scope = visitDialog.getByRole('radiogroup', { name: 'Part of a weekly series: which visits do you want to cancel?' });
    await expect(scope.getByRole('radio', { name: 'This visit only' })).toBeFocused();
    await expect(scope.getByRole('radio', { name: 'This visit only' })).toBeChecked();
    await expect(scope.getByRole('radio', { name: 'This and following' })).toHaveAccessibleDescription('2 visits: Tue, Oct 29, 2030; Tue, Nov 5, 2030');
    await expect(scope.getByRole('radio', { name: 'All visits in the series' })).toHaveAccessibleDescription(
      '5 visits: Tue, Oct 1, 2030; Tue, Oct 8, 2030; Tue, Oct 22, 2030; Tue, Oct 29, 2030; Tue, Nov 5, 2030',
    );
    // By keyboard: Down arrow picks "This and following".
    await page.keyboard.press('ArrowDown');
    await expect(scope.getByRole('radio', { name: 'This and following' })).toBeChecked();
    await expect(visitDialog.getByRole('button', { name: 'Cancel 2 visits' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the scope question when cancelling a visit of a series');
    await saveScreenshot(page, 'schedule-series-scope', { fullPage: false });
    const cancelled = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:cancel'));
    await visitDialog.getByRole('button', { name: 'Cancel 2 visits' }).click();
    await cancelled;
    await expect(visitDialog.getByText('Cancelled 2 visits of Beatriz Quillfeather’s series. Offer the time to someone waiting?')).toBeVisible();
    await visitDialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Cancelled 2 visits of Beatriz Quillfeather’s series: Tue, Oct 29; Tue, Nov 5.' })).toBeVisible();
    await expect(block(page, /^9:00–9:15 Beatriz Quillfeather, /)).toHaveCount(0);
    const afterCancel = (await patientAppointmentsThroughBridge(page, beatriz)).filter((a) => a.seriesId !== null);
    expect(afterCancel.map((a) => [a.date, a.status])).toEqual([
      ['2030-10-01', 'booked'],
      ['2030-10-08', 'booked'],
      ['2030-10-22', 'booked'],
      ['2030-10-29', 'cancelled'],
      ['2030-11-05', 'cancelled'],
    ]);

    // ── Move only the 2nd visit (Oct 8) to 10:30 ──
    await goToDate(page, '2030-10-08');
    await block(page, /^9:00–9:15 Beatriz Quillfeather, /).click();
    const second = page.getByRole('dialog', { name: 'Beatriz Quillfeather, 9:00–9:15' });
    await expect(second).toContainText('Visit 2 of 5, every week on Tuesday, until Nov 5, 2030; 2 of them cancelled');
    await second.getByRole('button', { name: 'Reschedule…' }).click();
    const moveScope = second.getByRole('radiogroup', { name: 'Part of a weekly series: which visits do you want to move?' });
    await expect(moveScope.getByRole('radio', { name: 'This visit only' })).toBeFocused();
    await expect(moveScope.getByRole('radio', { name: 'This and following' })).toHaveAccessibleDescription('2 visits: Tue, Oct 8, 2030; Tue, Oct 22, 2030');
    await second.getByRole('textbox', { name: 'New time' }).fill('10:30');
    const moved = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await second.getByRole('button', { name: 'Move the appointment' }).click();
    await moved;
    await expect(second).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Moved Beatriz Quillfeather to Tuesday, October 8, 2030, 10:30–10:45 with Dr. Raman. The other visits of the series stay.' })).toBeVisible();
    await expect(block(page, '10:30–10:45 Beatriz Quillfeather, Follow-up, Dr. Raman, booked, part of a weekly series')).toBeFocused();
    const afterMove = (await patientAppointmentsThroughBridge(page, beatriz)).filter((a) => a.seriesId !== null);
    expect(afterMove.map((a) => [a.date, a.startTime, a.status, a.seriesException])).toEqual([
      ['2030-10-01', '09:00', 'booked', false],
      ['2030-10-08', '10:30', 'booked', true],
      ['2030-10-22', '09:00', 'booked', false],
      ['2030-10-29', '09:00', 'cancelled', false],
      ['2030-11-05', '09:00', 'cancelled', false],
    ]);
    await saveScreenshot(page, 'schedule-series-week', { fullPage: false });
    // The book agrees: the 1st and 3rd visits are still at 9:00.
    await goToDate(page, '2030-10-22');
    await expect(block(page, '9:00–9:15 Beatriz Quillfeather, Follow-up, Dr. Raman, booked, part of a weekly series')).toBeVisible();

    // Another session at the desk (nothing remembered from the booking): every appointment carries its series' rule, so
    // the book says the kind of series, the list view says it in words, and the visit says the series as booked.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await goToDate(page, '2030-10-22');
    await expect(block(page, '9:00–9:15 Beatriz Quillfeather, Follow-up, Dr. Raman, booked, part of a weekly series')).toBeVisible();
    await page.getByRole('radiogroup', { name: 'View' }).getByText('List', { exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'Beatriz Quillfeather' });
    await expect(row).toContainText('↻ Weekly series');
    await expect(row.getByRole('button', { name: 'Open 9:00–9:15 Beatriz Quillfeather, Follow-up, Dr. Raman, booked, part of a weekly series' })).toBeVisible();
    await row.getByRole('button', { name: 'Open 9:00–9:15 Beatriz Quillfeather, Follow-up, Dr. Raman, booked, part of a weekly series' }).click();
    const third = page.getByRole('dialog', { name: 'Beatriz Quillfeather, 9:00–9:15' });
    await expect(third.getByRole('definition').filter({ hasText: /^Visit 3/ })).toHaveText('Visit 3 of 5, every week on Tuesday, until Nov 5, 2030; 2 of them cancelled');
    await expectNoSeriousA11yViolations(page, 'a visit of a series, with the series as booked');
    await saveScreenshot(page, 'schedule-series-visit', { fullPage: false });

    // ── From the 3rd visit on, Thursdays: "this and following" splits the series, and each part says its own rule ──
    await third.getByRole('button', { name: 'Reschedule…' }).click();
    const splitScope = third.getByRole('radiogroup', { name: 'Part of a weekly series: which visits do you want to move?' });
    await splitScope.getByRole('radio', { name: 'This and following' }).check();
    await expect(third).toContainText('From this visit on they become a series of their own; the earlier visits keep the series, ending before this one.');
    await third.getByRole('textbox', { name: 'New date' }).fill('2030-10-24');
    const split = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:reschedule'));
    await third.getByRole('button', { name: 'Move 1 visit' }).click();
    await split;
    await expect(third).toHaveCount(0);
    const afterSplit = (await patientAppointmentsThroughBridge(page, beatriz)).filter((a) => a.seriesId !== null);
    expect(afterSplit.map((a) => [a.date, a.startTime, a.status, a.seriesIndex, a.seriesId === afterSplit[0]?.seriesId])).toEqual([
      ['2030-10-01', '09:00', 'booked', 0, true],
      ['2030-10-08', '10:30', 'booked', 1, true],
      ['2030-10-24', '09:00', 'booked', 0, false],
      ['2030-10-29', '09:00', 'cancelled', 1, false],
      ['2030-11-05', '09:00', 'cancelled', 2, false],
    ]);
    await goToDate(page, '2030-10-24');
    await page.getByRole('row').filter({ hasText: 'Beatriz Quillfeather' }).getByRole('button', { name: /^Open 9:00–9:15 Beatriz Quillfeather/ }).click();
    const thursday = page.getByRole('dialog', { name: 'Beatriz Quillfeather, 9:00–9:15' });
    await expect(thursday.getByRole('definition').filter({ hasText: /^Visit 1/ })).toHaveText('Visit 1 of 3, every week on Thursday, until Nov 7, 2030; 2 of them cancelled');
    await saveScreenshot(page, 'schedule-series-split', { fullPage: false });
    await page.keyboard.press('Escape');
    await expect(thursday).toHaveCount(0);
    await goToDate(page, SERIES_DATES[0]);
    await page.getByRole('row').filter({ hasText: 'Beatriz Quillfeather' }).getByRole('button', { name: /^Open 9:00–9:15 Beatriz Quillfeather/ }).click();
    const firstVisit = page.getByRole('dialog', { name: 'Beatriz Quillfeather, 9:00–9:15' });
    await expect(firstVisit.getByRole('definition').filter({ hasText: /^Visit 1/ })).toHaveText('Visit 1 of 2, every week on Tuesday, until Oct 8, 2030');
  });
});
