import type { Locator, Page } from '@playwright/test';
import type { ClinicApi } from '../../shared/contract';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, clinicAnswer } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { lockHeading, signInOnScreen } from './support/lock';
import { saveScreenshot } from './support/screenshots';

// Each story starts on a copy of a clinic that is already set up, with nobody signed in.
test.use({ clinicStart: 'set-up' });

const PIN = '4821';
/** Main's words when a PIN no longer works (electron/core/lock/handlers.ts), and what the lock screen then says. */
const MAIN_REFUSES_PIN = 'Unlock with your password: a PIN works only on the day you signed in, if you have set one.';
const PIN_DAY_OVER = 'A PIN works only on the day you signed in with your password. Unlock with your password now.';

test.describe('Locking the screen and coming back', () => {
  test('the Lock button and Ctrl+Shift+K lock from anywhere, even from a dialog; the password brings the owner back to the screen they left', async ({ page }) => {
    await page.goto('/');
    await signInOnScreen(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await page.keyboard.press('Alt+4');
    await expect(page.getByRole('heading', { level: 1, name: 'Insurance' })).toBeFocused();

    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    await expect(page).toHaveTitle('CareDesk');
    await expect(password(page)).toBeFocused();

    // A wrong password: said plainly, the field emptied, focus kept there.
    await page.keyboard.type('maple syrup on monday');
    const answered = clinicAnswer(page, 'auth:signIn');
    await page.keyboard.press('Enter');
    await answered;
    await expect(page.getByRole('alert')).toContainText('That username and password do not match.');
    await expect(password(page)).toHaveValue('');
    await expect(password(page)).toBeFocused();

    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Insurance' })).toBeFocused();

    // Listed among the shortcuts, and it works with that list open.
    await page.keyboard.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(shortcuts.getByRole('row', { name: /Ctrl\s*\+?\s*Shift\s*\+?\s*K\s+Lock the screen/ })).toBeVisible();
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await unlockWithPassword(page);

    const lockButton = page.getByRole('banner').getByRole('button', { name: 'Lock', exact: true });
    await expect(lockButton).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+K');
    await lockButton.click();
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
  });

  test('a PIN set in My account unlocks the same day; a wrong one says how many tries are left', async ({ page }) => {
    await page.goto('/');
    await signInOnScreen(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await page.getByRole('banner').getByRole('button', { name: 'My account' }).click();
    const account = page.getByRole('dialog', { name: 'My account' });
    await account.getByRole('tab', { name: 'Quick-unlock PIN' }).click();
    await expect(account).toContainText('It works only on this window, and only on the day you signed in with your password.');
    // Main says she has no PIN yet: the tab offers to set one up, and there is nothing to remove.
    await expect(account).toContainText('You have no PIN yet. A PIN lets you unlock');
    await expect(account.getByRole('button', { name: 'Remove my PIN' })).toHaveCount(0);

    // The password proves it is them; the PIN follows main's rules; both PIN fields must agree.
    await pinForm(account, { password: 'not my password', pin: PIN, again: PIN });
    await expect(fieldError(account, 'Your password')).toHaveText('This is not your current password.');
    await pinForm(account, { password: ADMIN.password, pin: '1234', again: '1234' });
    await expect(fieldError(account, 'New PIN')).toHaveText('Avoid a PIN like 1111 or 1234.');
    await pinForm(account, { password: ADMIN.password, pin: PIN, again: '4812' });
    await expect(fieldError(account, 'Type the PIN again')).toHaveText('The two PINs are not the same. Type the PIN again in both fields.');
    await expectNoSeriousA11yViolations(page, 'My account, PIN tab with problems');

    await pinForm(account, { password: ADMIN.password, pin: PIN, again: PIN });
    await expect(account.getByRole('status').filter({ hasText: 'Your PIN is saved.' })).toBeVisible();
    await expect(account.getByRole('textbox', { name: 'Your password' })).toHaveValue('');
    await expect(account).toContainText('You have a PIN. A PIN lets you unlock');
    await expect(account.getByRole('button', { name: 'Change my PIN' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'My account, PIN tab');
    await saveScreenshot(page, 'my-account-pin');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('banner').getByRole('button', { name: 'My account' })).toBeFocused();

    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    const pin = page.getByRole('textbox', { name: 'PIN', exact: true });
    await expect(pin).toBeFocused();
    await expect(pin).toHaveAttribute('inputmode', 'numeric');
    await expectNoSeriousA11yViolations(page, 'the lock screen (PIN)');
    await saveScreenshot(page, 'lock-screen-pin');

    await page.keyboard.type('9999');
    const answered = clinicAnswer(page, 'lock:unlockWithPin');
    await page.keyboard.press('Enter');
    await answered;
    await expect(page.getByRole('alert')).toContainText('That PIN is not right. 4 tries left before a full sign-in is needed.');
    await expect(pin).toHaveValue('');
    await expect(pin).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the lock screen after a wrong PIN');
    await saveScreenshot(page, 'lock-screen-wrong-pin');

    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);

    // Removed again: the lock screen asks for the password only.
    await page.getByRole('banner').getByRole('button', { name: 'My account' }).click();
    await account.getByRole('tab', { name: 'Quick-unlock PIN' }).click();
    await account.getByRole('button', { name: 'Remove my PIN' }).click();
    await expect(account.getByRole('status').filter({ hasText: 'You have no PIN now.' })).toBeVisible();
    await expect(account.getByRole('button', { name: 'Remove my PIN' })).toHaveCount(0);
    await expect(account.getByRole('textbox', { name: 'Your password' })).toBeFocused();
    await expect(account).toContainText('You have no PIN yet. A PIN lets you unlock');
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'PIN', exact: true })).toHaveCount(0);
    await expect(password(page)).toBeFocused();
  });

  test('five wrong PINs end the session: the sign-in screen says why', async ({ page }) => {
    await page.goto('/');
    await signInOnScreen(page);
    await setPinThroughBridge(page, PIN);
    await page.getByRole('banner').getByRole('button', { name: 'Lock', exact: true }).click();
    const pin = page.getByRole('textbox', { name: 'PIN', exact: true });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await pin.fill('9999');
      const answered = clinicAnswer(page, 'lock:unlockWithPin');
      await page.keyboard.press('Enter');
      await answered;
      if (attempt < 5) await expect(page.getByRole('alert')).toContainText(`${5 - attempt} tries left`);
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Too many wrong PINs. Sign in with your username and password.');
    await expect(page.getByRole('textbox', { name: 'Username' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'sign-in after too many wrong PINs');
    await saveScreenshot(page, 'sign-in-after-wrong-pins');

    await signInOnScreen(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await expect(page.getByText('Too many wrong PINs')).toHaveCount(0);
  });

  test('the next clinic day the PIN is not offered, and a lock screen left up overnight switches to the password', async ({ page }) => {
    // Main decides with its own clock (the host's real one), so the page's clock cannot make it "tomorrow". What is
    // checked here is that the screen follows main: pinUnlockAvailable=false, and the answer to a PIN tried too late.
    await page.clock.install();
    await page.goto('/');
    await signInOnScreen(page);
    await setPinThroughBridge(page, PIN);

    await page.route('**/__caredesk/ipc/session:state', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value?: { phase: string; pinUnlockAvailable: boolean } };
      if (body.ok && body.value?.phase === 'locked') body.value.pinUnlockAvailable = false;
      await route.fulfill({ response, json: body });
    });
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'PIN', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Unlock with PIN instead' })).toHaveCount(0);
    // She does have a PIN (main says so), so the screen says why it is not on offer.
    await expect(page.getByRole('status').filter({ hasText: PIN_DAY_OVER })).toBeVisible();
    await expect(password(page)).toBeFocused();
    await unlockWithPassword(page);
    await page.unroute('**/__caredesk/ipc/session:state');

    // Locked at the end of the day with the PIN on offer; tried the next morning, main refuses it.
    await page.keyboard.press('Control+Shift+K');
    const pin = page.getByRole('textbox', { name: 'PIN', exact: true });
    await expect(pin).toBeFocused();
    await page.clock.fastForward('14:00:00');
    await page.route('**/__caredesk/ipc/lock:unlockWithPin', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'LOCKED', message: MAIN_REFUSES_PIN } }) }),
    );
    await pin.fill(PIN);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: PIN_DAY_OVER })).toBeVisible();
    await expect(pin).toHaveCount(0);
    await expect(password(page)).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the lock screen after the PIN’s day is over');
    await saveScreenshot(page, 'lock-screen-pin-day-over');
    await unlockWithPassword(page);
  });
});

function password(page: Page): Locator {
  return page.getByRole('textbox', { name: 'Password', exact: true });
}

async function unlockWithPassword(page: Page): Promise<void> {
  await password(page).fill(ADMIN.password);
  const answered = clinicAnswer(page, 'auth:signIn');
  await page.keyboard.press('Enter');
  await answered;
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

async function pinForm(account: Locator, values: { password: string; pin: string; again: string }): Promise<void> {
  await account.getByRole('textbox', { name: 'Your password' }).fill(values.password);
  await account.getByRole('textbox', { name: 'New PIN' }).fill(values.pin);
  await account.getByRole('textbox', { name: 'Type the PIN again' }).fill(values.again);
  await account.getByRole('button', { name: 'Save my PIN' }).click();
}

/** The message under a field. */
function fieldError(scope: Locator, label: string): Locator {
  return scope.locator('.mantine-InputWrapper-root').filter({ has: scope.page().getByRole('textbox', { name: label, exact: true }) }).locator('.mantine-InputWrapper-error');
}

async function setPinThroughBridge(page: Page, pin: string): Promise<void> {
  await page.evaluate(
    async ({ password, pin }) => {
      const set = await (window as unknown as { clinic: ClinicApi }).clinic.lock.setPin({ password, pin });
      if (!set.ok) throw new Error(`lock:setPin failed: ${set.error.message}`);
    },
    { password: ADMIN.password, pin },
  );
}
