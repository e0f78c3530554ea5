import { openAdmin, openAdminTab } from './support/admin';
import { expectNoSeriousA11yViolations } from './support/axe';
import { clinicAnswer } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { clinicDate, setupRow } from './support/schedule-setup';
import { saveScreenshot } from './support/screenshots';
import { shortDate } from '../../shared/scheduling/time';

// Each story on its own copy of a set-up clinic: providers and rooms never leak into another story.
test.use({ clinicStart: 'set-up' });
test.describe.configure({ timeout: 90_000 });

const LEE = { name: 'Dr. Ana Lee', credentials: 'MD', npi: '1234567893', wrongNpi: '1234567890' } as const;


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

    // A vacation next month, with the reminder that booked appointments stay.
    await openAdminTab(page, 'Closures');
    await expect(page.getByText('Appointments already booked in that time stay booked')).toBeVisible();
    const from = clinicDate(30);
    const to = clinicDate(34);
    await page.getByRole('radio', { name: /^Vacation/ }).check();
    await page.getByRole('combobox', { name: 'Provider' }).selectOption({ label: LEE.name });
    await page.getByLabel('First day').fill(from);
    await page.getByLabel('Last day').fill(to);
    await page.getByRole('textbox', { name: 'Note' }).fill('Conference');
    const closureSaved = clinicAnswer(page, 'scheduling:saveException');
    await page.getByRole('button', { name: 'Add time off' }).click();
    await closureSaved;
    await expect(page.getByRole('status').filter({ hasText: 'Vacation added' })).toContainText('Appointments already booked in that time stay');
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
});
