import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, clinicAnswer } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test.use({ clinicStart: 'set-up' });

const NEW_PASSWORD = 'copper kettle by the window';

test.describe('Recovery with the printed code', () => {
  test('on a new computer, sign-in says plainly that staff cannot sign in here; the recovery code gets the administrator in, and their new password works from then on', async ({
    page,
    clinicHost,
    recoveryGroups: groups,
  }) => {
    // The data folder stays; the computer's keychain does not (a new computer, or a keychain reset).
    await clinicHost.restart({ newComputer: true });
    await page.goto(clinicHost.url);

    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();
    await expect(page.getByText('Staff cannot sign in on this computer yet')).toBeVisible();
    await expect(page.getByText('recovery code that was printed or written down', { exact: false })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Username' })).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'the sign-in screen on a new computer');
    await saveScreenshot(page, 'sign-in-new-computer');

    await page.getByRole('button', { name: 'Use the recovery code' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Use the recovery code' })).toBeVisible();
    await expect(recoveryCode(page)).toBeFocused();
    await expect(page.getByText('the other staff members need an administrator to set their passwords again', { exact: false })).toBeVisible();

    // A code that does not open this clinic: main's words, and the new password fields are emptied.
    await recoveryCode(page).fill('0000-0000-0000-0000-0000-0000-0000');
    await page.getByRole('textbox', { name: 'Administrator’s username' }).fill(ADMIN.username);
    await fillNewPassword(page, NEW_PASSWORD);
    await submitRecovery(page);
    await expect(page.getByRole('alert')).toContainText('That recovery code does not open this clinic database. Check it against the printout.');
    await expect(newPassword(page)).toHaveValue('');
    await expect(confirmPassword(page)).toHaveValue('');
    await expectNoSeriousA11yViolations(page, 'the recovery screen showing a problem');
    await saveScreenshot(page, 'recovery-error');

    // Typed the way people copy from paper: small letters, dashes.
    await recoveryCode(page).fill(groups.join('-').toLowerCase());
    await fillNewPassword(page, NEW_PASSWORD);
    await submitRecovery(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);

    // From now on: the new password, not the old one.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByText('Staff cannot sign in on this computer yet')).toHaveCount(0);
    await signIn(page, ADMIN.password);
    await expect(page.getByRole('alert')).toContainText('That username and password do not match.');
    await signIn(page, NEW_PASSWORD);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    expect(clinicHost.output(), 'neither the code nor the password reaches the log').not.toContain(groups.join(''));
    expect(clinicHost.output()).not.toContain(NEW_PASSWORD);
  });
});

function recoveryCode(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Recovery code' });
}

function newPassword(page: Page): Locator {
  return page.getByRole('textbox', { name: 'New password', exact: true });
}

function confirmPassword(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Type the new password again', exact: true });
}

async function fillNewPassword(page: Page, password: string): Promise<void> {
  await newPassword(page).fill(password);
  await confirmPassword(page).fill(password);
}

async function submitRecovery(page: Page): Promise<void> {
  const answered = clinicAnswer(page, 'auth:recover');
  await page.getByRole('button', { name: 'Recover and sign in' }).click();
  await answered;
}

async function signIn(page: Page, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  const answered = clinicAnswer(page, 'auth:signIn');
  await page.keyboard.press('Enter');
  await answered;
}
