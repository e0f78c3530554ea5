import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { addStaffThroughBridge, clinicAnswer, signInThroughBridge, signOutThroughBridge } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test.use({ clinicStart: 'set-up' });

const SAM = { fullName: 'Sam Ortiz', username: 'sortiz', role: 'front_desk', temporaryPassword: 'blue kettle on the stove' } as const;
const SAMS_OWN = 'seven quiet harbor lights';

test.describe('Choosing a new password', () => {
  test('a staff member with a temporary password chooses their own before seeing anything else, and it works from then on', async ({ page }) => {
    await page.goto('/');
    await signInThroughBridge(page); // the administrator adds Sam, with a temporary password
    await addStaffThroughBridge(page, SAM);
    await signOutThroughBridge(page);
    await page.reload();

    await signIn(page, SAM.temporaryPassword);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await expect(page.getByText(`Welcome, ${SAM.fullName}.`, { exact: false })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0); // no screens until the password is chosen
    await expect(currentPassword(page)).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the choose-a-new-password screen');
    await saveScreenshot(page, 'change-password');

    // The wrong current password: said under that field, and every password field is emptied.
    await currentPassword(page).fill('not the temporary one');
    await newPassword(page).fill(SAMS_OWN);
    await confirmPassword(page).fill(SAMS_OWN);
    await save(page);
    await expect(fieldError(page, 'Current password')).toHaveText('This is not your current password.');
    await expect(page.getByRole('alert')).toContainText('The current password is not right.');
    await expect(currentPassword(page)).toBeFocused();
    await expect(newPassword(page)).toHaveValue('');
    await expectNoSeriousA11yViolations(page, 'the choose-a-new-password screen showing a problem');
    await saveScreenshot(page, 'change-password-error');

    await currentPassword(page).fill(SAM.temporaryPassword);
    await newPassword(page).fill(SAMS_OWN);
    await confirmPassword(page).fill(SAMS_OWN);
    await save(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await expect(page.getByRole('banner')).toContainText(SAM.fullName);
    await expect(page.getByRole('banner')).toContainText('Front desk');

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, SAMS_OWN);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  });
});

function currentPassword(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Current password', exact: true });
}

function newPassword(page: Page): Locator {
  return page.getByRole('textbox', { name: 'New password', exact: true });
}

function confirmPassword(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Type the new password again', exact: true });
}

function fieldError(page: Page, label: string): Locator {
  return page.locator('.mantine-InputWrapper-root').filter({ has: page.getByRole('textbox', { name: label, exact: true }) }).locator('.mantine-InputWrapper-error');
}

async function save(page: Page): Promise<void> {
  const answered = clinicAnswer(page, 'auth:changePassword');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await answered;
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Username' }).fill(SAM.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  const answered = clinicAnswer(page, 'auth:signIn');
  await page.keyboard.press('Enter');
  await answered;
}
