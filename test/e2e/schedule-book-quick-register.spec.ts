import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { fieldProblem, openPatientsScreen, resultFor, searchFor, searchResults } from './support/patients';
import { saveScreenshot } from './support/screenshots';
import { block, clickFreeTime, dayThroughBridge, expect, goToDate, test } from './support/schedule';

/**
 * A caller who has never been to the clinic, booked from an empty slot: registered in the booking dialog (the
 * patients' quick registration: name, date of birth, a number to call back) and booked in the same sitting. On a
 * Wednesday of its own (QUICK_DAY, clear of the other book stories' days), Dr. Lee at 9:00.
 */
const QUICK_DAY = '2031-01-08';

const HENRIETTA = { firstName: 'Henrietta', lastName: 'Quarshie', dateOfBirth: '1988-04-12', phone: '(312) 555-0177' };

/** Fills in the quick registration dialog and sends it; resolves when main has answered. */
async function quickRegister(page: Page, person: { firstName: string; lastName: string; dateOfBirth: string; phone: string }): Promise<void> {
  const quick = page.getByRole('dialog', { name: 'Quick registration' });
  await quick.getByRole('textbox', { name: 'First name' }).fill(person.firstName);
  await quick.getByRole('textbox', { name: 'Last name' }).fill(person.lastName);
  await quick.getByRole('textbox', { name: 'Date of birth' }).fill(person.dateOfBirth);
  await quick.getByRole('textbox', { name: 'Phone number' }).fill(person.phone);
  const registered = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/patients:quickRegister'));
  await quick.getByRole('button', { name: 'Register patient' }).click();
  await registered;
}

test.describe('Schedule: booking a patient who is not registered yet', () => {
  test.use({ viewport: { width: 1280, height: 1000 } });

  test('quick registration inside the booking dialog: bad input is named and nothing saved; then registered, booked and found in patient search', async ({ app: page }) => {
    const registrations: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/__caredesk/ipc/patients:quickRegister')) registrations.push(request.postData() ?? '');
    });
    await goToDate(page, QUICK_DAY);
    await expect(page.getByRole('heading', { level: 2, name: 'Wednesday, January 8, 2031' })).toBeVisible();
    const dayBefore = await dayThroughBridge(page, QUICK_DAY);
    await clickFreeTime(page, 'Dr. Lee', '9:00');
    const booking = page.getByRole('dialog', { name: 'Book an appointment' });
    await expect(booking.getByRole('textbox', { name: 'Time' })).toHaveValue('09:00');

    // Nobody by that name: the search says so, and quick registration is one button away.
    const searched = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/patients:search'));
    await booking.getByRole('combobox', { name: 'Patient' }).fill('quarshie');
    await searched;
    await expect(booking.getByRole('option').filter({ hasText: /Quarshie/ })).toHaveCount(0);
    // By keyboard, from the search box (see the next story for the mouse).
    await page.keyboard.press('Tab');
    await expect(booking.getByRole('button', { name: 'Quick registration' })).toBeFocused();
    await page.keyboard.press('Enter');
    const quick = page.getByRole('dialog', { name: 'Quick registration' });
    await expect(quick.getByRole('textbox', { name: 'First name' })).toBeFocused();
    await expect(booking).toHaveCount(0);

    // Bad input: a birthday still to come and a number without its area code. Each is named under its field; nothing is sent.
    await quick.getByRole('textbox', { name: 'First name' }).fill(HENRIETTA.firstName);
    await quick.getByRole('textbox', { name: 'Last name' }).fill(HENRIETTA.lastName);
    await quick.getByRole('textbox', { name: 'Date of birth' }).fill('2031-03-01');
    await quick.getByRole('textbox', { name: 'Phone number' }).fill('555-0177');
    await quick.getByRole('button', { name: 'Register patient' }).click();
    await expect(fieldProblem(quick, 'Date of birth')).toHaveText('The date of birth cannot be in the future.');
    await expect(fieldProblem(quick, 'Phone number')).toHaveText('Enter the phone number with its area code, such as (312) 555-0142.');
    await expect(quick.getByRole('textbox', { name: 'Date of birth' })).toBeFocused();
    await expect(quick.getByRole('textbox', { name: 'Phone number' })).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page, 'the quick registration with problems');
    await saveScreenshot(page, 'schedule-quick-register-problems', { fullPage: false });
    expect(registrations).toEqual([]);
    expect(await dayThroughBridge(page, QUICK_DAY)).toEqual(dayBefore);

    // Put right: registered, and back in the booking, the slot as it was clicked.
    await quickRegister(page, HENRIETTA);
    await expect(quick).toHaveCount(0);
    await expect(booking).toBeVisible();
    await expect(booking).toContainText('Wednesday, January 8, 2031 · Dr. Lee');
    await expect(booking.getByRole('textbox', { name: 'Time' })).toHaveValue('09:00');
    // She is the booking's patient now, without searching again.
    await expect(booking.locator('.booking-patient')).toContainText('Quarshie, Henrietta');
    await expect(booking.locator('.booking-patient')).toContainText('Born 04/12/1988');

    await booking.getByRole('combobox', { name: 'Appointment type' }).selectOption({ label: 'New patient (30 min)' });
    await booking.getByRole('textbox', { name: 'Reason for the visit' }).fill('First visit: annual check');
    const booked = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:book'));
    await booking.getByRole('button', { name: 'Book appointment' }).click();
    await booked;
    await expect(booking).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Booked Henrietta Quarshie with Dr. Lee on Wednesday, January 8, 2031, 9:00–9:30.' })).toBeVisible();
    await expect(block(page, '9:00–9:30 Henrietta Quarshie, New patient, Dr. Lee, Exam 1, booked')).toBeFocused();
    expect(registrations).toHaveLength(1);
    const day = await dayThroughBridge(page, QUICK_DAY);
    expect(day).toHaveLength(dayBefore.length + 1);
    expect(day.find((a) => a.patientName === 'Henrietta Quarshie')).toMatchObject({ providerName: 'Dr. Lee', startTime: '09:00', endTime: '09:30', typeName: 'New patient', reason: 'First visit: annual check', status: 'booked' });

    // On the Patients screen she is found by name (once: the refused attempt made no record), with her visit.
    await openPatientsScreen(page);
    await searchFor(page, 'quarshie');
    await expect(searchResults(page).getByRole('option')).toHaveCount(1);
    await expect(resultFor(page, 'Quarshie, Henrietta')).toContainText('(312) 555-0177');
    await expect(resultFor(page, 'Quarshie, Henrietta')).toContainText(/Next visit Jan 8, 2031, 9:00\sAM/);
  });

  // The dialog hands the new patient to the booking (it does not go through the Patients screen's state).
  test('once registered in the booking dialog, the new patient is the one chosen', async ({ app: page }) => {
    await goToDate(page, QUICK_DAY);
    await clickFreeTime(page, 'Dr. Okafor', '9:00');
    const booking = page.getByRole('dialog', { name: 'Book an appointment' });
    await booking.getByRole('button', { name: 'Quick registration' }).click();
    await quickRegister(page, { firstName: 'Ottoline', lastName: 'Brackenbury', dateOfBirth: '1979-10-03', phone: '(312) 555-0178' });
    await expect(booking.locator('.booking-patient')).toContainText('Brackenbury, Ottoline', { timeout: 3_000 });
  });

  // The inline "No patient matches" panel stays while the box holds a query, so the button below does not move
  // between the mouse button going down (the box loses focus) and coming up.
  test('after a search that found no one, one click on Quick registration opens it', async ({ app: page }) => {
    await goToDate(page, QUICK_DAY);
    await clickFreeTime(page, 'Dr. Okafor', '10:00');
    const booking = page.getByRole('dialog', { name: 'Book an appointment' });
    const searched = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/patients:search'));
    await booking.getByRole('combobox', { name: 'Patient' }).fill('zebulon nobody');
    await searched;
    await expect(booking.getByText('Check the spelling, or try the date of birth or phone number.')).toBeVisible();
    await booking.getByRole('button', { name: 'Quick registration' }).click();
    await expect(page.getByRole('dialog', { name: 'Quick registration' })).toBeVisible({ timeout: 2_000 });
  });
});
