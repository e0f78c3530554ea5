import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, CLINIC, clinicAnswer } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

// Each story starts on a copy of a clinic that is already set up, with nobody signed in.
test.use({ clinicStart: 'set-up' });

const WRONG_CREDENTIALS = 'That username and password do not match. Check both and try again.';

test.describe('Signing in and out', () => {
  test('a wrong password and an unknown username get the same words, the password is cleared each time, and the right one opens the app', async ({ page, clinicHost }) => {
    await openSignInOnSetUpClinic(page);
    await expect(page).toHaveTitle('CareDesk');
    await expect(username(page)).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the sign-in screen');
    await saveScreenshot(page, 'sign-in');

    // Keyboard only: type, Tab, type, Enter.
    await page.keyboard.type(ADMIN.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('maple syrup on monday');
    const answered = clinicAnswer(page, 'auth:signIn');
    await page.keyboard.press('Enter');
    await answered;
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(WRONG_CREDENTIALS);
    await expect(password(page)).toHaveValue('');
    await expect(password(page)).toBeFocused();
    await expect(username(page)).toHaveValue(ADMIN.username);
    await expectNoSeriousA11yViolations(page, 'the sign-in screen showing a failed sign-in');
    await saveScreenshot(page, 'sign-in-error');
    const wrongPasswordWords = await alert.locator('.mantine-Alert-message').textContent();

    await username(page).fill('nobody-here');
    await password(page).fill('maple syrup on tuesday');
    const answeredAgain = clinicAnswer(page, 'auth:signIn');
    await page.keyboard.press('Enter');
    await answeredAgain;
    await expect(password(page)).toHaveValue('');
    await expect(alert.locator('.mantine-Alert-message')).toHaveText(wrongPasswordWords ?? '');

    // The way to the recovery screen, and back.
    await page.getByRole('button', { name: 'Forgot password / new computer' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Use the recovery code' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Recovery code' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the recovery screen');
    await saveScreenshot(page, 'recovery');
    await page.getByRole('button', { name: 'Back to sign-in' }).click();

    await username(page).fill(ADMIN.username);
    await password(page).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    const header = page.getByRole('banner');
    await expect(header).toContainText(ADMIN.fullName);
    await expect(header).toContainText('Administrator');
    await expect(header).toContainText(CLINIC.name);
    await expect(page).toHaveTitle('CareDesk');
    expect(clinicHost.output(), 'passwords never reach the log').not.toContain('maple syrup');
  });

  test('five wrong passwords lock the account, and the message says until when', async ({ page }) => {
    await openSignInOnSetUpClinic(page);
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await username(page).fill(ADMIN.username);
      await password(page).fill(`not my password ${attempt}`);
      const answered = clinicAnswer(page, 'auth:signIn');
      await page.keyboard.press('Enter');
      await answered;
      await expect(password(page)).toHaveValue('');
      if (attempt < 5) await expect(page.getByRole('alert')).toContainText(WRONG_CREDENTIALS);
    }
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This account is locked for now');
    await expect(alert).toContainText(/locked until \d{1,2}:\d{2}\s?[AP]M/);
    await saveScreenshot(page, 'sign-in-locked');

    // Even the right password waits for the lock to end.
    await username(page).fill(ADMIN.username);
    await password(page).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(alert).toContainText(/locked until/);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  });

  test('signing out, by button or Ctrl+Shift+L, clears everything the last person had open: the next one starts on the Schedule', async ({ page }) => {
    await openSignInOnSetUpClinic(page);
    await signInThroughForm(page);
    await page.keyboard.press('Alt+4');
    await expect(page.getByRole('heading', { level: 1, name: 'Insurance' })).toBeFocused();

    // The shortcut is listed, and works even with a dialog open.
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts.getByRole('row', { name: /Ctrl\s*\+?\s*Shift\s*\+?\s*L\s+Sign out/ })).toBeVisible();
    await page.keyboard.press('Control+Shift+L');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();
    await expect(username(page)).toBeFocused();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await signInThroughForm(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Schedule' })).toHaveAttribute('aria-current', 'page');

    await page.keyboard.press('Alt+8');
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();
    // Main closed the database with the last session: the About box can no longer read its schema version.
    await page.getByRole('banner').getByRole('button', { name: 'About CareDesk' }).click();
    await expect(fact(page.getByRole('dialog', { name: 'About CareDesk' }), 'Database schema version')).toHaveText('Shown after sign-in');
    await page.keyboard.press('Escape');

    await signInThroughForm(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
  });

  test('after CareDesk restarts on the same data folder, the administrator signs in again to the same clinic and database', async ({ page, clinicHost }) => {
    await openSignInOnSetUpClinic(page);
    await signInThroughForm(page);
    const before = await schemaVersionFromAbout(page);
    expect(before).toMatch(/^[1-9]\d*$/);

    await clinicHost.restart();
    await page.goto(clinicHost.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();
    await signInThroughForm(page);
    await expect(page.getByRole('banner')).toContainText(CLINIC.name);
    await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);
    expect(await schemaVersionFromAbout(page)).toBe(before);
  });
});

async function openSignInOnSetUpClinic(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();
}

async function signInThroughForm(page: Page, login: { username: string; password: string } = ADMIN): Promise<void> {
  await username(page).fill(login.username);
  await password(page).fill(login.password);
  const answered = clinicAnswer(page, 'auth:signIn');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await answered;
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

async function schemaVersionFromAbout(page: Page): Promise<string> {
  await page.getByRole('banner').getByRole('button', { name: 'About CareDesk' }).click();
  const about = page.getByRole('dialog', { name: 'About CareDesk' });
  const version = fact(about, 'Database schema version');
  await expect(version).toHaveText(/^\d+$/);
  const text = (await version.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
  return text;
}

function username(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Username' });
}

function password(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Password', exact: true });
}

function fact(dialog: Locator, label: string): Locator {
  return dialog.locator(`xpath=.//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);
}
