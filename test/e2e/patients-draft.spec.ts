import { ADMIN, clinicAnswer } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { lockHeading, placesHolding, signInOnScreen } from './support/lock';
import { openPatientsScreen } from './support/patients';

// Its own copy of a set-up clinic, signed in on the screen, so the lock screen knows whose session it holds.
test.use({ clinicStart: 'set-up' });

test.describe('Patients: a registration interrupted by the lock', () => {
  test('locking keeps the half-typed registration as a draft for its owner; nothing of it stays on the page meanwhile', async ({ page }) => {
    await page.goto('/');
    await signInOnScreen(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await openPatientsScreen(page);
    await page.getByRole('button', { name: 'Register a new patient' }).click();
    await page.getByRole('textbox', { name: 'First name' }).fill('Philippa');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Marchetti-Oyelaran');
    await page.getByRole('textbox', { name: 'Mobile phone' }).fill('(718) 555-0190');

    // Called away from the desk.
    const drafted = clinicAnswer(page, 'drafts:save');
    await page.keyboard.press('Control+Shift+K');
    await drafted;
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    expect(await placesHolding(page, 'Marchetti-Oyelaran'), 'the typed name is gone from the locked window').toEqual([]);

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeFocused(); // back where she was

    // The form starts empty (nothing was kept in the window) and offers the draft from main.
    await page.getByRole('button', { name: 'Register a new patient' }).click();
    await expect(page.getByRole('textbox', { name: 'Last name' })).toHaveValue('');
    const offer = page.getByRole('status').filter({ hasText: 'You have unsaved changes from' });
    await expect(offer).toContainText('Restore them?');
    await offer.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Philippa');
    await expect(page.getByRole('textbox', { name: 'Last name' })).toHaveValue('Marchetti-Oyelaran');
    await expect(page.getByRole('textbox', { name: 'Mobile phone' })).toHaveValue('(718) 555-0190');
  });
});
