import type { Page } from '@playwright/test';
import type { ClinicApi } from '../../shared/contract';
import { openAdmin, openAdminTab } from './support/admin';
import { expectNoSeriousA11yViolations } from './support/axe';
import { clinicAnswer } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { person, registerThroughBridge } from './support/patients';
import { clinicDate, setupRow } from './support/schedule-setup';
import { saveScreenshot } from './support/screenshots';
import { addDays, isoWeekday, shortDate } from '../../shared/scheduling/time';

// Each story on its own copy of a set-up clinic: providers and rooms never leak into another story.
test.use({ clinicStart: 'set-up' });
test.describe.configure({ timeout: 90_000 });

const LEE = { name: 'Dr. Ana Lee', credentials: 'MD', npi: '1234567893', wrongNpi: '1234567890' } as const;

/** The weekdays (Monday to Friday) from one date to another. */
function weekdaysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) if (isoWeekday(day) <= 5) days.push(day);
  return days;
}

/** Dr. Lee (Mon–Fri 8–12 and 13–17), Exam 1 and a 40-minute new patient visit that needs a room, as the first story sets them up. */
async function setUpLeeThroughBridge(page: Page): Promise<string> {
  await page.evaluate(async (name) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const provider = await api.saveProvider({ provider: { name, credentials: 'MD', color: '#0f766e', active: true } });
    if (!provider.ok) throw new Error(provider.error.message);
    const blocks = [{ start: '8:00', end: '12:00' }, { start: '13:00', end: '17:00' }];
    await api.setWorkingHours({ providerId: provider.value.id, week: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, blocks })) });
    await api.saveRoom({ room: { name: 'Exam 1', active: true } });
    await api.saveAppointmentType({ type: { name: 'New patient visit', durationMinutes: 40, color: '#7e22ce', mode: 'in_person', needsRoom: true, bufferAfterMinutes: 10, providerIds: [provider.value.id], active: true } });
  }, LEE.name);
  // Read again by the Closures tab (its provider list comes from the set-up).
  await openAdmin(page, 'Closures');
  return LEE.name;
}

/** Registers each patient and books them a new patient visit with Dr. Lee in Exam 1, through window.clinic (as the desk had done). */
async function bookWithLee(page: Page, visits: { firstName: string; lastName: string; dateOfBirth: string; date: string; time: string }[]): Promise<void> {
  for (const visit of visits) {
    const patient = await registerThroughBridge(page, person({ firstName: visit.firstName, lastName: visit.lastName, dateOfBirth: visit.dateOfBirth }));
    await page.evaluate(
      async ({ patientId, name, date, time }) => {
        const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
        const setup = await api.getSetup();
        if (!setup.ok) throw new Error(setup.error.message);
        const providerId = setup.value.providers.find((p) => p.name === name)?.id ?? '';
        const typeId = setup.value.types.find((t) => t.name === 'New patient visit')?.id ?? '';
        const roomId = setup.value.rooms.find((r) => r.name === 'Exam 1')?.id ?? null;
        const result = await api.book({ patientId, providerId, typeId, roomId, start: { date, time } });
        if (!result.ok || result.value.outcome !== 'saved') throw new Error(`not booked: ${JSON.stringify(result)}`);
      },
      { patientId: patient.id, name: LEE.name, date: visit.date, time: visit.time },
    );
  }
}


test.describe('Admin: scheduling set-up', () => {
  test('an administrator adds a provider with hours, a room, a type and a vacation; after a reload all of it is still there', async ({ page }) => {
    await openAdmin(page, 'Providers & hours');
    await expect(page.getByText('No providers yet')).toBeVisible();

    // A provider, with an NPI whose check digit is wrong: refused under the field, before anything is sent.
    await page.getByRole('button', { name: 'Add provider' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add provider' });
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Name' }).fill(LEE.name);
    await dialog.getByRole('textbox', { name: 'Credentials' }).fill(LEE.credentials);
    await dialog.getByRole('textbox', { name: 'NPI' }).fill(LEE.wrongNpi);
    await dialog.getByRole('radio', { name: 'Teal' }).check();
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    const npiError = dialog.locator('.mantine-InputWrapper-root').filter({ has: page.getByRole('textbox', { name: 'NPI' }) }).locator('.mantine-InputWrapper-error');
    await expect(npiError).toHaveText('This NPI’s check digit does not match. Check the number on the provider’s NPI record.');
    await expect(dialog.getByRole('textbox', { name: 'NPI' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the add-provider dialog with an NPI problem');
    await saveScreenshot(page, 'schedule-setup-provider-npi-error');
    await dialog.getByRole('textbox', { name: 'NPI' }).fill(LEE.npi);
    const saved = clinicAnswer(page, 'scheduling:saveProvider');
    await dialog.getByRole('button', { name: 'Add provider' }).click();
    await saved;
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `${LEE.name} was added` })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add provider' })).toBeFocused();
    const row = setupRow(page, 'Providers', LEE.name);
    await expect(row).toContainText(LEE.npi);
    await expect(row).toContainText('MD · Teal');
    await expect(row).toContainText('No hours set');

    // Working hours: Monday 8–12 and 13–17, with an overlap shown once, then copied to the weekdays.
    await row.getByRole('button', { name: `Working hours of ${LEE.name}` }).click();
    const hours = page.getByRole('dialog', { name: `Working hours: ${LEE.name}` });
    await hours.getByRole('button', { name: 'Add hours on Monday' }).click();
    await expect(hours.getByRole('textbox', { name: 'Monday start', exact: true })).toBeFocused();
    await expect(hours.getByRole('textbox', { name: 'Monday start', exact: true })).toHaveValue('08:00');
    await expect(hours.getByRole('textbox', { name: 'Monday end', exact: true })).toHaveValue('12:00');
    await hours.getByRole('button', { name: 'Add block on Monday' }).click();
    await expect(hours.getByRole('textbox', { name: 'Monday start (block 2)' })).toBeFocused();
    await page.keyboard.type('11:00');
    await hours.getByRole('textbox', { name: 'Monday end (block 2)' }).fill('5 pm');
    await hours.getByRole('button', { name: 'Save hours' }).click();
    const overlap = 'Block 2: This block overlaps 8:00–12:00 on Monday. Start it at 12:00 or later, or remove one of them.';
    await expect(hours.getByRole('region', { name: 'Monday' }).locator('.hours-problem')).toHaveText(overlap);
    await expect(hours.getByRole('textbox', { name: 'Monday start (block 2)' })).toHaveAccessibleDescription(overlap);
    await expect(hours.getByRole('textbox', { name: 'Monday start (block 2)' })).toBeFocused();
    await expect(hours.getByRole('textbox', { name: 'Monday start (block 2)' })).toHaveAttribute('aria-invalid', 'true');
    await expect(hours.getByRole('alert')).toContainText('Fix the problem shown under the times');
    await expectNoSeriousA11yViolations(page, 'the working hours dialog with an overlap');
    await saveScreenshot(page, 'schedule-setup-hours-overlap', { fullPage: false });
    await hours.getByRole('textbox', { name: 'Monday start (block 2)' }).fill('13:00');
    await expect(hours.locator('.hours-problem')).toHaveCount(0);
    await expect(hours.getByRole('alert')).toHaveCount(0);
    await hours.getByRole('button', { name: 'Copy Monday to Tuesday–Friday' }).click();
    await expect(hours.getByText('Monday’s hours were copied to Tuesday, Wednesday, Thursday and Friday.')).toBeVisible();
    await expect(hours.getByRole('textbox', { name: 'Friday start (block 2)' })).toHaveValue('13:00');
    // "5 pm" was tidied to 17:00 when the field was left.
    await expect(hours.getByRole('textbox', { name: 'Friday end (block 2)' })).toHaveValue('17:00');
    await expect(hours.getByRole('region', { name: 'Saturday' })).toContainText('Day off');
    await saveScreenshot(page, 'schedule-setup-hours', { fullPage: false });
    const hoursSaved = clinicAnswer(page, 'scheduling:setWorkingHours');
    await hours.getByRole('button', { name: 'Save hours' }).click();
    await hoursSaved;
    await expect(hours).toBeHidden();
    await expect(row.getByRole('button', { name: `Working hours of ${LEE.name}` })).toBeFocused();
    await expect(row).toContainText('Mon–Fri 8:00–12:00, 13:00–17:00');
    await expectNoSeriousA11yViolations(page, 'the Providers & hours tab');

    // A room.
    await openAdminTab(page, 'Rooms');
    await page.getByRole('textbox', { name: 'New room' }).fill('Exam 1');
    await page.getByRole('button', { name: 'Add room' }).click();
    await expect(setupRow(page, 'Rooms', 'Exam 1')).toContainText('In use');
    await expect(page.getByRole('textbox', { name: 'New room' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the Rooms tab');
    await saveScreenshot(page, 'schedule-setup-rooms');

    // An appointment type Dr. Lee offers.
    await openAdminTab(page, 'Appointment types');
    await page.getByRole('button', { name: 'Add appointment type' }).click();
    const typeDialog = page.getByRole('dialog', { name: 'Add appointment type' });
    await typeDialog.getByRole('textbox', { name: 'Name' }).fill('New patient visit');
    await typeDialog.getByRole('textbox', { name: 'Length (minutes)' }).fill('40');
    await typeDialog.getByRole('textbox', { name: 'Buffer after (minutes)' }).fill('10');
    await typeDialog.getByRole('radio', { name: 'Purple' }).check();
    await typeDialog.getByRole('checkbox', { name: LEE.name }).check();
    await expectNoSeriousA11yViolations(page, 'the add-type dialog');
    const typeSaved = clinicAnswer(page, 'scheduling:saveAppointmentType');
    await typeDialog.getByRole('button', { name: 'Add appointment type' }).click();
    await typeSaved;
    await expect(typeDialog).toBeHidden();
    const typeRow = setupRow(page, 'Appointment types', 'New patient visit');
    await expect(typeRow).toContainText('40 min');
    await expect(typeRow).toContainText('10 min');
    await expect(typeRow).toContainText('In person, needs a room');
    await expect(typeRow).toContainText(LEE.name);
    await expectNoSeriousA11yViolations(page, 'the Appointment types tab');
    await saveScreenshot(page, 'schedule-setup-types');

    // A vacation next month, over three visits the desk had already booked with Dr. Lee.
    const from = clinicDate(30);
    const to = clinicDate(34);
    const [firstDay, secondDay] = weekdaysFrom(from, to);
    if (!firstDay || !secondDay) throw new Error('five days in a row have weekdays');
    await bookWithLee(page, [
      { firstName: 'Maria', lastName: 'Gomez', dateOfBirth: '1962-03-14', date: firstDay, time: '9:00' },
      { firstName: 'Wei', lastName: 'Chen', dateOfBirth: '1978-11-02', date: firstDay, time: '10:00' },
      { firstName: 'Olga', lastName: 'Novak', dateOfBirth: '1948-09-09', date: secondDay, time: '14:00' },
    ]);
    await openAdminTab(page, 'Closures');
    await expect(page.getByText('Appointments already booked in that time stay booked')).toBeVisible();
    await page.getByRole('radio', { name: /^Vacation/ }).check();
    await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: LEE.name });
    await page.getByLabel('First day').fill(from);
    await page.getByLabel('Last day').fill(to);
    await page.getByRole('textbox', { name: 'Note' }).fill('Conference');
    const closureSaved = clinicAnswer(page, 'scheduling:saveException');
    await page.getByRole('button', { name: 'Add time off' }).click();
    await closureSaved;
    // Saved all the same; the three visits are listed to move, and the list takes focus.
    await expect(page.getByRole('status').filter({ hasText: 'Vacation added' })).toContainText('The visits booked in that time are listed below, to move.');
    const booked = page.getByRole('region', { name: '3 visits are booked in this time — reschedule them' });
    await expect(booked).toBeFocused();
    const visits = booked.getByRole('table', { name: 'Visits booked in the time off' });
    await expect(visits.getByRole('rowheader')).toHaveText([`${shortDate(firstDay)}, 9:00–9:40`, `${shortDate(firstDay)}, 10:00–10:40`, `${shortDate(secondDay)}, 14:00–14:40`]);
    await expect(visits.getByRole('row').filter({ hasText: 'Wei Chen' })).toContainText(LEE.name);
    await expect(visits.getByRole('button', { name: `Open in the book: Olga Novak, ${shortDate(secondDay)} 14:00–14:40` })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the visits booked in new time off');
    await saveScreenshot(page, 'schedule-setup-closures-booked');
    const closureRow = page.getByRole('table', { name: 'Time off coming up' }).getByRole('row').filter({ hasText: 'Conference' });
    await expect(closureRow).toContainText(`${shortDate(from)} – ${shortDate(to)}`);
    await expect(closureRow).toContainText(LEE.name);
    await expect(closureRow).toContainText('Vacation');
    await expectNoSeriousA11yViolations(page, 'the Closures tab');
    await saveScreenshot(page, 'schedule-setup-closures');

    // Everything is in the clinic's database, not only on the screen.
    await page.reload();
    await openAdmin(page, 'Providers & hours');
    await expect(setupRow(page, 'Providers', LEE.name)).toContainText(LEE.npi);
    await expect(setupRow(page, 'Providers', LEE.name)).toContainText('Mon–Fri 8:00–12:00, 13:00–17:00');
    await expect(setupRow(page, 'Providers', LEE.name)).toContainText('New patient visit');
    await saveScreenshot(page, 'schedule-setup-providers');
    await openAdminTab(page, 'Rooms');
    await expect(setupRow(page, 'Rooms', 'Exam 1')).toBeVisible();
    await openAdminTab(page, 'Appointment types');
    await expect(setupRow(page, 'Appointment types', 'New patient visit')).toContainText('40 min');
    await openAdminTab(page, 'Closures');
    await expect(page.getByRole('table', { name: 'Time off coming up' }).getByRole('row').filter({ hasText: 'Conference' })).toContainText(LEE.name);
  });

  test('time off over booked visits: each listed visit opens in the book on its day, to be moved', async ({ page }) => {
    await openAdmin(page, 'Closures');
    const lee = await setUpLeeThroughBridge(page);
    const day = weekdaysFrom(clinicDate(8), clinicDate(14))[0] as string;
    await bookWithLee(page, [{ firstName: 'Maria', lastName: 'Gomez', dateOfBirth: '1962-03-14', date: day, time: '13:30' }]);
    await page.getByRole('radio', { name: /^Blocked time/ }).check();
    await page.getByRole('combobox', { name: 'For' }).selectOption({ label: lee });
    await page.getByLabel('First day').fill(day);
    await page.getByRole('textbox', { name: 'From (time)' }).fill('13:00');
    await page.getByRole('textbox', { name: 'To (time)' }).fill('17:00');
    await page.getByRole('textbox', { name: 'Note' }).fill('Training');
    const saved = clinicAnswer(page, 'scheduling:saveException');
    await page.getByRole('button', { name: 'Add time off' }).click();
    await saved;
    const booked = page.getByRole('region', { name: '1 visit is booked in this time — reschedule it' });
    await expect(booked).toBeFocused();
    await booked.getByRole('button', { name: /^Open in the book: Maria Gomez/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    // In the book the visit says it is in time off, in words and with ⚠ and a dotted edge, until it is moved.
    const visit = page.locator('.book-block').and(page.getByRole('button', { name: /^13:30–14:10 Maria Gomez, .*, in time off: move this visit$/ }));
    await expect(visit).toBeVisible();
    await expect(visit).toHaveAttribute('data-time-off', 'true');
    await expect(visit).toContainText('⚠');
    await expect(page.getByRole('tab', { name: 'Book' })).toHaveAttribute('aria-selected', 'true');
    await saveScreenshot(page, 'schedule-book-visit-in-time-off', { fullPage: false });
  });
});
