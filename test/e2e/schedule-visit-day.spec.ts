import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { clinicAnswer, CLINIC, signInThroughBridge } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { person, registerThroughBridge } from './support/patients';
import { bookThroughBridge, clinicDate, openScheduleTab, setStatusThroughBridge, setUpScheduleThroughBridge, signInAsNewColleague, type ScheduleFixture } from './support/schedule-setup';
import { saveScreenshot } from './support/screenshots';
import type { ClinicApi } from '../../shared/contract';
import type { AppointmentView } from '../../shared/contract/scheduling';
import { addDays, clockLabel, formatTimeOfDay, localPartsOf, longDate, shortDate } from '../../shared/scheduling/time';

// Each story on its own copy of a set-up clinic, with its own fake clock in the page.
test.use({ clinicStart: 'set-up' });
test.describe.configure({ timeout: 120_000 });

const FIVE_MINUTES = 5 * 60_000;

/** "9:40–10:00", as the book and the rule messages write a visit's times. */
function appointmentTimes(appointment: Pick<AppointmentView, 'startTime' | 'endTime'>): string {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return `${clockLabel(minutes(appointment.startTime))}–${clockLabel(minutes(appointment.endTime))}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface DayPatients {
  gomez: string;
  chen: string;
  haddad: string;
  smith: string;
  novak: string;
  /** Tomorrow's visits, for the reminder calls. */
  tomorrow: string[];
}

/**
 * Today's visit times around now on the clinic's clock, so the board looks like a real day (some due, some to come):
 * `offset` minutes after a start 40 minutes ago (kept within the day whenever the story runs).
 */
function todayAt(offset: number): string {
  const now = localPartsOf(Date.now(), CLINIC.timeZone).minutes;
  const start = Math.floor(Math.min(Math.max(now - 40, 0), 1440 - 200) / 10) * 10;
  return formatTimeOfDay(start + offset);
}

/** Five patients, each with a visit today (two providers, over two hours around now) and four of them again tomorrow, as the desk would have booked them. */
async function bookToday(page: Page, fixture: ScheduleFixture, today: string): Promise<DayPatients> {
  const [lee, okafor] = fixture.providers;
  if (!lee || !okafor) throw new Error('The story needs two providers.');
  const register = (fields: Parameters<typeof person>[0]) => registerThroughBridge(page, person(fields));
  const gomez = await register({ firstName: 'Maria', lastName: 'Gomez', dateOfBirth: '1962-03-14', phoneMobile: '(312) 555-0142', preferredPhone: 'mobile', preferredLanguage: 'Spanish', interpreterNeeded: true, preferredContactMethod: 'phone' });
  const chen = await register({ firstName: 'Wei', lastName: 'Chen', dateOfBirth: '1978-11-02', phoneHome: '(312) 555-0177', preferredPhone: 'home' });
  const haddad = await register({ firstName: 'Fatima', lastName: 'Haddad', dateOfBirth: '1990-06-21', phoneMobile: '(773) 555-0110', preferredPhone: 'mobile', preferredLanguage: 'Arabic', preferredContactMethod: 'phone' });
  const smith = await register({ firstName: 'John', lastName: 'Smith', dateOfBirth: '1955-01-30', phoneHome: '(708) 555-0199', preferredPhone: 'home', preferredLanguage: 'English' });
  const novak = await register({ firstName: 'Olga', lastName: 'Novak', dateOfBirth: '1948-09-09', phoneMobile: '(312) 555-0163', preferredPhone: 'mobile', preferredLanguage: 'Polish', interpreterNeeded: true, preferredContactMethod: 'phone' });
  const book = (patientId: string, providerId: string, time: string) => bookThroughBridge(page, { patientId, providerId, typeId: fixture.typeId, date: today, time });
  const ids = {
    chen: (await book(chen.id, okafor.id, todayAt(0))).id,
    gomez: (await book(gomez.id, lee.id, todayAt(0))).id,
    haddad: (await book(haddad.id, okafor.id, todayAt(20))).id,
    smith: (await book(smith.id, lee.id, todayAt(40))).id,
    novak: (await book(novak.id, lee.id, todayAt(120))).id,
  };
  const tomorrow = addDays(today, 1);
  const later = (patientId: string, providerId: string, time: string) => bookThroughBridge(page, { patientId, providerId, typeId: fixture.typeId, date: tomorrow, time });
  const next = [await later(novak.id, lee.id, '08:40'), await later(gomez.id, lee.id, '09:00'), await later(haddad.id, okafor.id, '10:20'), await later(chen.id, okafor.id, '14:00')];
  return { ...ids, tomorrow: next.map((appointment) => appointment.id) };
}

/** Moves the page's clock on in five-minute steps, with the mouse moving between them as at a busy desk (so the idle lock does not fire). */
async function minutesPass(page: Page, minutes: number): Promise<void> {
  for (let done = 0; done < minutes * 60_000; done += FIVE_MINUTES) {
    await page.mouse.move(200 + (done / FIVE_MINUTES) * 7, 300);
    await page.clock.fastForward(FIVE_MINUTES);
  }
  await page.mouse.move(640, 400);
}

test.describe('Schedule: the visit day', () => {
  test('the desk checks a patient in, sees the wait grow past 20 minutes, rooms them, confirms a reminder call and adds to the waitlist', async ({ page }) => {
    await page.clock.install({ time: Date.now() });
    await page.goto('/');
    await signInThroughBridge(page);
    const fixture = await setUpScheduleThroughBridge(page);
    const today = clinicDate();
    const ids = await bookToday(page, fixture, today);
    // Two patients were checked in at the other desk.
    await setStatusThroughBridge(page, ids.chen, 'arrived');
    await setStatusThroughBridge(page, ids.haddad, 'arrived');
    await page.reload();

    // The check-in board: two waiting, three still to come.
    await openScheduleTab(page, 'Check-in board');
    const here = page.getByRole('table', { name: 'Waiting and in room' });
    const expected = page.getByRole('table', { name: 'Still to arrive today' });
    await expect(here.getByRole('row')).toHaveCount(3);
    await expect(expected.getByRole('row')).toHaveCount(4);

    // Maria Gomez arrives.
    const arrived = clinicAnswer(page, 'scheduling:setStatus');
    await expected.getByRole('button', { name: 'Arrived: Maria Gomez' }).click();
    await arrived;
    await expect(page.getByRole('status').filter({ hasText: 'Maria Gomez has arrived' })).toBeFocused();
    const gomezRow = here.getByRole('row').filter({ hasText: 'Maria Gomez' });
    await expect(gomezRow).toContainText('0 min');
    await expect(expected.getByRole('row')).toHaveCount(3);

    // 25 minutes later, without a reload: the wait counts up and stands out, in words as well as color.
    await page.clock.pauseAt(Date.now() + 1_000);
    await minutesPass(page, 25);
    await expect(gomezRow.locator('.board-wait-minutes')).toHaveText('25 min');
    await expect(gomezRow).toContainText('Long wait');
    await expect(gomezRow).toHaveAttribute('data-long-wait', 'true');
    await expect(here.getByRole('row')).toHaveCount(4);
    // Longest waiting first: the two from the other desk came a moment earlier.
    await expect(here.getByRole('rowheader').nth(2)).toContainText('Maria Gomez');
    await page.clock.resume();
    await expectNoSeriousA11yViolations(page, 'the check-in board');
    await saveScreenshot(page, 'schedule-visit-day-board');

    // Into a room: she stays on the board, now as in room.
    const roomed = clinicAnswer(page, 'scheduling:setStatus');
    await gomezRow.getByRole('button', { name: 'In room: Maria Gomez' }).click();
    await roomed;
    await expect(page.getByRole('status').filter({ hasText: 'Maria Gomez is in a room' })).toBeFocused();
    await expect(gomezRow).toContainText('In room');
    await expect(gomezRow).toContainText('in the room');
    await expect(gomezRow.getByRole('button', { name: 'In room: Maria Gomez' })).toHaveCount(0);
    await expect(gomezRow.getByRole('button', { name: 'Checked out: Maria Gomez' })).toBeVisible();

    // Reminder calls: today's list has the two still to come; tomorrow's is the one to work through. Olga Novak confirms.
    await openScheduleTab(page, 'Reminder calls');
    const calls = page.getByRole('table', { name: /^Reminder calls for / });
    await expect(calls.getByRole('row')).toHaveCount(3);
    await page.getByLabel('Calls for', { exact: true }).fill(addDays(today, 1));
    await expect(page.getByRole('heading', { level: 2 })).toContainText(`Reminder calls: ${longDate(addDays(today, 1))}`);
    await expect(calls.getByRole('row')).toHaveCount(5);
    await expect(calls.getByRole('rowheader').first()).toContainText('Olga Novak');
    const novak = calls.getByRole('row').filter({ hasText: 'Olga Novak' });
    await expect(novak).toContainText('(312) 555-0163');
    await expect(novak).toContainText('Prefers: Phone call');
    await expect(novak).toContainText('Polish');
    await expect(novak).toContainText('Interpreter needed');
    await expect(novak).toContainText('Not called yet');
    await novak.getByRole('button', { name: 'Record call: Olga Novak' }).click();
    const marked = clinicAnswer(page, 'scheduling:markReminder');
    await page.getByRole('menuitem', { name: 'Confirmed' }).click();
    await marked;
    await expect(novak).toContainText('✓ Confirmed');
    await expect(novak).toContainText(/Confirmed \d{1,2}:\d{2} by Maria Lee/);
    await expect(page.getByRole('status').filter({ hasText: 'Olga Novak: confirmed' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the reminder call list');
    await saveScreenshot(page, 'schedule-visit-day-reminders');

    // Print: the browser's print dialog, with only the list on the page.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.body.classList.add('printing-reminder-calls'));
    await expect(page.getByRole('button', { name: 'Record call: Olga Novak' })).toBeHidden();
    await saveScreenshot(page, 'schedule-visit-day-reminders-print');
    await page.evaluate(() => document.body.classList.remove('printing-reminder-calls'));
    await page.emulateMedia({ media: 'screen' });

    // The waitlist: John Smith would come earlier, Tuesday or Thursday mornings with Dr. Lee.
    await openScheduleTab(page, 'Waitlist');
    await expect(page.getByText('Nobody is on the waitlist.')).toBeVisible();
    await page.getByRole('button', { name: 'Add to the waitlist' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to the waitlist' });
    const search = dialog.getByRole('combobox', { name: 'Patient' });
    await expect(search).toBeFocused();
    // Nothing chosen yet: the dialog says what it needs.
    await dialog.getByRole('button', { name: 'Add to the waitlist' }).click();
    await expect(dialog.getByText('Choose a patient from the list.')).toBeVisible();
    await expect(dialog.getByText('Choose an appointment type from the list.')).toBeVisible();
    await search.fill('smith john');
    const results = dialog.getByRole('listbox', { name: 'Patient: results' });
    await expect(results.getByRole('option').filter({ hasText: 'Smith, John' })).toBeVisible();
    await expect(results.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
    await search.press('Enter');
    await expect(dialog).toContainText('Smith, John');
    await expect(dialog.getByRole('combobox', { name: 'Appointment type' })).toBeFocused();
    await dialog.getByRole('combobox', { name: 'Appointment type' }).selectOption({ label: 'Follow-up (20 min)' });
    await dialog.getByRole('checkbox', { name: 'Dr. Ana Lee' }).check();
    await dialog.getByRole('checkbox', { name: 'Tue' }).check();
    await dialog.getByRole('checkbox', { name: 'Thu' }).check();
    await dialog.getByRole('button', { name: 'Add a time window' }).click();
    await dialog.getByRole('textbox', { name: 'Earliest time' }).fill('8:00');
    await dialog.getByRole('textbox', { name: 'Latest time' }).fill('noon');
    const until = addDays(today, 21);
    await dialog.getByLabel('Until').fill(until);
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Can come in at short notice');
    await expectNoSeriousA11yViolations(page, 'the add-to-waitlist dialog');
    await saveScreenshot(page, 'schedule-visit-day-waitlist-add', { fullPage: false });
    const saved = clinicAnswer(page, 'scheduling:saveWaitlistEntry');
    await dialog.getByRole('button', { name: 'Add to the waitlist' }).click();
    await saved;
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'John Smith was added to the waitlist' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'John Smith was added to the waitlist' })).toContainText('Follow-up: Tue, Thu, 8:00–12:00.');
    const entry = page.getByRole('table', { name: 'Waitlist' }).getByRole('row').filter({ hasText: 'John Smith' });
    await expect(entry).toContainText('Follow-up');
    await expect(entry).toContainText('With Dr. Ana Lee');
    await expect(entry).toContainText('Tue, Thu');
    await expect(entry).toContainText('8:00–12:00');
    // "Nov 26 – Dec 17, 2026": the dates the patient could come, as the desk reads them.
    const monthDay = (date: string) => new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric' }).format(new Date(`${date}T12:00:00Z`));
    await expect(entry).toContainText(monthDay(today));
    await expect(entry).toContainText(`${monthDay(until)}, ${until.slice(0, 4)}`);
    await expect(entry).toContainText('Can come in at short notice');
    await expectNoSeriousA11yViolations(page, 'the waitlist');
    await saveScreenshot(page, 'schedule-visit-day-waitlist');

    // The desk takes him off; meanwhile the other desk books him from a second entry. With booked and removed entries
    // shown, the desk reads which happened to each, the day and who, and which visit the booked one got.
    await entry.getByRole('button', { name: 'Remove John Smith from the waitlist' }).click();
    const removing = page.getByRole('dialog', { name: 'Take John Smith off the waitlist?' });
    await removing.getByRole('button', { name: 'Take off the waitlist' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'John Smith was taken off the waitlist' })).toBeFocused();
    await expect(page.getByText('Nobody is on the waitlist.')).toBeVisible();
    const [lee] = fixture.providers;
    if (!lee) throw new Error('The story needs a provider.');
    await page.evaluate(
      async ({ providerId, typeId, date }) => {
        const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
        const listed = await api.listWaitlist({ includeInactive: true });
        const patientId = listed.ok ? listed.value.entries.find((e) => e.patientName === 'John Smith')?.patientId : undefined;
        if (!patientId) throw new Error('John Smith’s removed entry is not listed');
        const added = await api.saveWaitlistEntry({ entry: { patientId, typeId, providerIds: [providerId], weekdays: [], timeWindows: [], fromDate: date, toDate: date, note: null, active: true } });
        if (!added.ok) throw new Error(`scheduling:saveWaitlistEntry failed: ${added.error.message}`);
        const result = await api.book({ patientId, providerId, typeId, start: { date, time: '11:00' }, fromWaitlistEntryId: added.value.id });
        if (!result.ok || result.value.outcome !== 'saved') throw new Error('scheduling:book from the waitlist failed');
      },
      { providerId: lee.id, typeId: fixture.typeId, date: addDays(today, 1) },
    );
    await page.getByRole('switch', { name: 'Show booked and removed entries' }).check();
    const closed = page.getByRole('table', { name: 'Waitlist' }).getByRole('row').filter({ hasText: 'John Smith' });
    await expect(closed).toHaveCount(2);
    const day = `${monthDay(today)}, ${today.slice(0, 4)}`;
    await expect(closed.filter({ hasText: `Removed ${day} by Maria Lee` })).toHaveCount(1);
    const visitDay = shortDate(addDays(today, 1));
    await expect(closed.filter({ hasText: `Booked for ${visitDay}, 11:00 with ${lee.name} — on ${day} by Maria Lee` })).toHaveCount(1);
    await expect(closed.getByRole('button', { name: 'Put back John Smith on the waitlist' })).toHaveCount(2);
    await expectNoSeriousA11yViolations(page, 'the waitlist with booked and removed entries');
    await saveScreenshot(page, 'schedule-visit-day-waitlist-closed');

    // "Did he get it?" — the visit opens in the book on its day, as the grid's cursor.
    await closed.getByRole('button', { name: `Open in the book: John Smith, ${visitDay}, 11:00` }).click();
    await expect(page.getByRole('tab', { name: 'Book' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.book-block').and(page.getByRole('button', { name: /^11:00–\d+:\d{2} John Smith, / }))).toBeFocused();
  });

  test('a no-show who comes after all, when the time was given away: the dialog says so, and overbooking with a reason checks them in', async ({ page }) => {
    await page.goto('/');
    await signInThroughBridge(page);
    const fixture = await setUpScheduleThroughBridge(page);
    const [lee] = fixture.providers;
    if (!lee) throw new Error('The story needs a provider.');
    const today = clinicDate();
    const gomez = await registerThroughBridge(page, person({ firstName: 'Maria', lastName: 'Gomez', dateOfBirth: '1962-03-14' }));
    const chen = await registerThroughBridge(page, person({ firstName: 'Wei', lastName: 'Chen', dateOfBirth: '1978-11-02' }));
    const missed = await bookThroughBridge(page, { patientId: gomez.id, providerId: lee.id, typeId: fixture.typeId, date: today, time: todayAt(0) });
    // Marked a no-show at the other desk, and the time given to a walk-in.
    await page.evaluate(async (id) => {
      const result = await (window as unknown as { clinic: ClinicApi }).clinic.scheduling.setStatus({ id, status: 'no_show' });
      if (!result.ok || result.value.outcome !== 'saved') throw new Error('scheduling:setStatus (no-show) failed');
    }, missed.id);
    const walkIn = await bookThroughBridge(page, { patientId: chen.id, providerId: lee.id, typeId: fixture.typeId, date: today, time: todayAt(10) });
    await page.reload();

    // The walk-in's block lies over the lower part of hers: she is clicked at the top.
    await page.locator('.book-block').and(page.getByRole('button', { name: new RegExp(`^${escapeRegExp(appointmentTimes(missed))} Maria Gomez, `) })).click({ position: { x: 12, y: 4 } });
    const dialog = page.getByRole('dialog', { name: `Maria Gomez, ${appointmentTimes(missed)}` });
    const refused = clinicAnswer(page, 'scheduling:setStatus');
    await dialog.getByRole('button', { name: 'Arrived' }).click();
    await refused;
    await expect(dialog.getByText(/was marked as a no-show, which freed/)).toBeFocused();
    const problems = dialog.getByRole('alert').filter({ hasText: 'Not marked arrived' });
    await expect(problems).toContainText(`${lee.name} already has Wei Chen ${appointmentTimes(walkIn)}.`);
    await expect(problems).toContainText('Nothing was saved.');
    await dialog.getByRole('checkbox', { name: /^Overbook/ }).check();
    await dialog.getByRole('textbox', { name: 'Why overbook?' }).fill('Came late, doctor will fit her in');
    await expectNoSeriousA11yViolations(page, 'restoring a no-show whose time was taken');
    await saveScreenshot(page, 'schedule-visit-day-restore-no-show', { fullPage: false });
    const restored = clinicAnswer(page, 'scheduling:setStatus');
    await dialog.getByRole('button', { name: 'Mark arrived anyway' }).click();
    await restored;
    await expect(dialog).toContainText('Arrived since');
    await expect(dialog).toContainText('Came late, doctor will fit her in');
  });

  test('a read-only colleague sees the board, the call list and the waitlist, with nothing to press that would be refused', async ({ page }) => {
    await page.goto('/');
    await signInThroughBridge(page);
    const fixture = await setUpScheduleThroughBridge(page);
    const ids = await bookToday(page, fixture, clinicDate());
    await setStatusThroughBridge(page, ids.chen, 'arrived');
    await signInAsNewColleague(page, { fullName: 'Rita Moreno', username: 'rmoreno', role: 'read_only' });
    await page.reload();

    await openScheduleTab(page, 'Check-in board');
    await expect(page.getByRole('table', { name: 'Waiting and in room' }).getByRole('row')).toHaveCount(2);
    await expect(page.getByRole('table', { name: 'Still to arrive today' }).getByRole('row')).toHaveCount(5);
    await expect(page.getByRole('button', { name: /^(Arrived|In room|Checked out|No-show):/ })).toHaveCount(0);

    await openScheduleTab(page, 'Reminder calls');
    // Today's visits not yet arrived: Gomez, Haddad, Smith and Novak.
    await expect(page.getByRole('table', { name: /^Reminder calls for / }).getByRole('row')).toHaveCount(5);
    await expect(page.getByRole('button', { name: /^Record call/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Print' })).toBeEnabled();

    await openScheduleTab(page, 'Waitlist');
    await expect(page.getByRole('button', { name: 'Add to the waitlist' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'the waitlist for a read-only colleague');
  });
});
