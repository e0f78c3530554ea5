import { KEYCHAIN_WARNINGS } from '../../electron/core/keys/machine-secret';
import type { ClinicApi } from '../../shared/contract';
import { expectNoSeriousA11yViolations } from './support/axe';
import { addStaffThroughBridge, setUpThroughBridge, signInThroughBridge, signOutThroughBridge } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

const WARNING = KEYCHAIN_WARNINGS.insecure;

test.describe('A keychain that does not protect secrets', () => {
  test('is said plainly on the setup wizard and on every screen an administrator sees, and not to front-desk staff', async ({ page }) => {
    // The test host's stand-in keychain is always secure; main's answer is changed on its way to the page instead,
    // exactly as main words it for a Linux "basic_text" keychain.
    await page.route('**/__caredesk/ipc/session:state', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value?: { keychain: unknown } };
      if (body.ok && body.value) body.value.keychain = { status: 'insecure', warning: WARNING };
      await route.fulfill({ response, json: body });
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Set up CareDesk' })).toBeVisible();
    await expect(page.getByText(WARNING)).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the setup wizard with the keychain warning');
    await saveScreenshot(page, 'setup-keychain-warning');

    await setUpThroughBridge(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await expect(page.getByRole('main').getByText(WARNING)).toBeVisible();
    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeFocused();
    await expect(page.getByRole('main').getByText(WARNING)).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the Admin screen with the keychain warning');
    await saveScreenshot(page, 'admin-keychain-warning');

    // A front-desk colleague (past their first password change) does not get the administrator's warning.
    await addStaffThroughBridge(page, { fullName: 'Sam Ortiz', username: 'sortiz', role: 'front_desk', temporaryPassword: 'blue kettle on the stove' });
    await signOutThroughBridge(page);
    await signInThroughBridge(page, { username: 'sortiz', password: 'blue kettle on the stove' });
    await page.evaluate(async () => {
      const api = (window as unknown as { clinic: ClinicApi }).clinic;
      const changed = await api.auth.changePassword({ currentPassword: 'blue kettle on the stove', newPassword: 'seven quiet harbor lights' });
      if (!changed.ok) throw new Error(changed.error.message);
    });
    await page.reload();
    await expect(page.getByRole('banner')).toContainText('Sam Ortiz');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await expect(page.getByText(WARNING)).toHaveCount(0);
  });
});
