import { fieldError, openAdmin } from './support/admin';
import { expectNoSeriousA11yViolations } from './support/axe';
import { CLINIC, clinicAnswer } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test.use({ clinicStart: 'set-up' });
// Whole front-desk stories (several dialogs, axe checks, key-slot work in main): more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

test.describe('Admin: clinic settings and getting around', () => {
  test('the Admin tabs are reached with Tab and moved between with the arrow keys', async ({ page }) => {
    await openAdmin(page, 'Staff');
    await page.getByRole('heading', { level: 1, name: 'Admin' }).focus();
    await page.keyboard.press('Tab'); // from the heading to the selected tab
    await expect(page.getByRole('tab', { name: 'Staff' })).toBeFocused();
    for (const name of ['Providers & hours', 'Rooms', 'Appointment types', 'Closures', 'Audit trail', 'Backups', 'Clinic settings'] as const) {
      await page.keyboard.press('ArrowRight');
      await expect(page.getByRole('tab', { name })).toBeFocused();
      await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tabpanel', { name })).toBeVisible();
    }
    await page.keyboard.press('ArrowRight'); // wraps round to the first
    await expect(page.getByRole('tab', { name: 'Staff' })).toHaveAttribute('aria-selected', 'true');

    // Coming back to Admin returns to the tab last shown.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('tab', { name: 'Clinic settings' })).toHaveAttribute('aria-selected', 'true');
  });

  test('lock minutes of 0 are refused under the field; 5 saves and stays; a new clinic name shows in the header', async ({ page }) => {
    await openAdmin(page, 'Clinic settings');
    const form = page.getByRole('form', { name: 'Clinic settings' });
    await expect(form.getByRole('textbox', { name: 'Clinic name' })).toHaveValue(CLINIC.name);
    await expect(form.getByRole('combobox', { name: 'Time zone' })).toHaveValue(/^America\/New York/);
    const minutes = form.getByRole('textbox', { name: 'Lock automatically after (minutes)' });
    await expect(minutes).toHaveValue('10');
    await expect(form.getByRole('switch', { name: 'Install CareDesk updates automatically' })).toBeChecked();
    await expect(form).toContainText('managed computers');
    await expectNoSeriousA11yViolations(page, 'the Admin Clinic settings tab');
    await saveScreenshot(page, 'admin-settings');

    await minutes.fill('0');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(fieldError(form, 'Lock automatically after (minutes)')).toHaveText('Lock after at least 1 minute.');
    await expect(minutes).toBeFocused();
    await minutes.fill('31');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(fieldError(form, 'Lock automatically after (minutes)')).toHaveText('Lock after at most 30 minutes.');
    await minutes.fill('');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(fieldError(form, 'Lock automatically after (minutes)')).toHaveText('Enter the number of minutes.');
    await expectNoSeriousA11yViolations(page, 'the Clinic settings tab showing a problem');
    await saveScreenshot(page, 'admin-settings-problem');

    await minutes.fill('5');
    await form.getByRole('textbox', { name: 'Clinic name' }).fill('Maple Street Family Clinic');
    const saved = page.waitForRequest((request) => request.url().endsWith('/__caredesk/ipc/settings:update'));
    const answered = clinicAnswer(page, 'settings:update');
    await form.getByRole('button', { name: 'Save settings' }).click();
    // Only what changed goes to main (so the audit trail names exactly those settings).
    expect(((await saved).postDataJSON() as { input: unknown }).input).toEqual({ clinicName: 'Maple Street Family Clinic', lockAfterMinutes: 5 });
    await answered;
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Maple Street Family Clinic');

    await page.reload();
    // Wait for the signed-in shell after the reload: a key pressed while the page is still loading goes nowhere.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('tab', { name: 'Clinic settings' })).toBeVisible();
    await page.getByRole('tab', { name: 'Clinic settings' }).click();
    await expect(page.getByRole('textbox', { name: 'Lock automatically after (minutes)' })).toHaveValue('5');

    // The change is in the audit trail.
    await page.getByRole('tab', { name: 'Audit trail' }).click();
    await expect(page.getByRole('table', { name: 'Audit trail entries' }).locator('tbody tr').first()).toContainText('Clinic settings — changed: clinic name, automatic lock');
  });
});
