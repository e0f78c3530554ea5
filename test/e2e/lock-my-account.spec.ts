import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, clinicAnswer } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { tabUntilFocused } from './support/keyboard';
import { lockHeading, signInOnScreen } from './support/lock';
import { saveScreenshot } from './support/screenshots';

test.use({ clinicStart: 'set-up' });

const NEW_PASSWORD = 'tulips along the fence';

test.describe('My account', () => {
  test('reached by keyboard; the password is changed there, and the lock screen takes the new one', async ({ page }) => {
    await page.goto('/');
    await signInOnScreen(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();

    const opener = page.getByRole('banner').getByRole('button', { name: 'My account' });
    await tabUntilFocused(page, opener);
    await page.keyboard.press('Enter');
    const account = page.getByRole('dialog', { name: 'My account' });
    await expect(account).toContainText(`Signed in as ${ADMIN.fullName} (Administrator), with the username ${ADMIN.username}.`);
    const current = account.getByRole('textbox', { name: 'Current password', exact: true });
    await expect(current).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'My account, password tab');
    await saveScreenshot(page, 'my-account-password');

    // Wrong current password: said, and no password stays in a field.
    await current.fill('not my password');
    await account.getByRole('textbox', { name: 'New password', exact: true }).fill(NEW_PASSWORD);
    await account.getByRole('textbox', { name: 'Type the new password again', exact: true }).fill(NEW_PASSWORD);
    let answered = clinicAnswer(page, 'auth:changePassword');
    await page.keyboard.press('Enter');
    await answered;
    await expect(account.getByRole('alert')).toContainText('Password not changed');
    await expect(account.getByRole('textbox', { name: 'New password', exact: true })).toHaveValue('');

    // The same strength meter and rules as everywhere else.
    await current.fill(ADMIN.password);
    await account.getByRole('textbox', { name: 'New password', exact: true }).fill(NEW_PASSWORD);
    await expect(account.locator('.password-strength-text')).toContainText('Strength:');
    await account.getByRole('textbox', { name: 'Type the new password again', exact: true }).fill(NEW_PASSWORD);
    answered = clinicAnswer(page, 'auth:changePassword');
    await account.getByRole('button', { name: 'Change my password' }).click();
    await answered;
    await expect(account.getByRole('status').filter({ hasText: 'Your password is changed.' })).toBeVisible();
    await expect(current).toHaveValue('');
    await saveScreenshot(page, 'my-account-password-changed');

    await page.keyboard.press('Escape');
    await expect(account).toBeHidden();
    await expect(opener).toBeFocused();

    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    await page.keyboard.type(ADMIN.password); // the old one no longer works
    let unlock = clinicAnswer(page, 'auth:signIn');
    await page.keyboard.press('Enter');
    await unlock;
    await expect(page.getByRole('alert')).toContainText('That username and password do not match.');
    await page.keyboard.type(NEW_PASSWORD);
    unlock = clinicAnswer(page, 'auth:signIn');
    await page.keyboard.press('Enter');
    await unlock;
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
  });
});
