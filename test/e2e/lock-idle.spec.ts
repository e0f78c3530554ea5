import type { Page } from '@playwright/test';
import type { ClinicApi } from '../../shared/contract';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, addStaffThroughBridge, signInThroughBridge, signOutThroughBridge } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { countLockCalls, lockHeading, placesHolding, setLockMinutesThroughBridge, signInOnScreen } from './support/lock';
import { saveScreenshot } from './support/screenshots';

// Each story has its own clinic (already set up, nobody signed in) and its own fake clock in the page.
test.use({ clinicStart: 'set-up' });

const TWO_MINUTES = 2 * 60_000;
/** A patient's name, as it would be on screen when the receptionist walks away. */
const PATIENT = 'Maria Canary-Gomez';

/**
 * The administrator has set the automatic lock to 2 minutes; the receptionist signs in on the screen. The page's
 * clock is then paused, so only the test moves time on: the idle timer fires when the test says, not when CI is slow.
 */
async function signedInWithTwoMinuteLock(page: Page): Promise<void> {
  await page.clock.install();
  await page.goto('/');
  await signInThroughBridge(page);
  await setLockMinutesThroughBridge(page, 2);
  await signOutThroughBridge(page);
  await page.reload();
  await signInOnScreen(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
}

async function pauseClock(page: Page): Promise<void> {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
}

async function mainSaysPhase(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const state = await (window as unknown as { clinic: ClinicApi }).clinic.session.state();
    return state.ok ? state.value.phase : `error ${state.error.code}`;
  });
}

async function expectStillUnlocked(page: Page, lockCalls: { count: () => number }): Promise<void> {
  expect(await mainSaysPhase(page)).toBe('signed-in');
  expect(lockCalls.count(), 'the window should not have asked main to lock yet').toBe(0);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(lockHeading(page, ADMIN.fullName)).toHaveCount(0);
}

test.describe('Automatic lock after idle time', () => {
  test('locks exactly at the configured time, not a second early', async ({ page }) => {
    await signedInWithTwoMinuteLock(page);
    const lockCalls = countLockCalls(page);
    await pauseClock(page);
    await page.mouse.move(300, 400); // the receptionist's last touch of the mouse: the quiet starts here

    await page.clock.runFor(TWO_MINUTES - 1000);
    await expectStillUnlocked(page, lockCalls);

    await page.clock.runFor(1000);
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    expect(lockCalls.count()).toBe(1);
    expect(await mainSaysPhase(page)).toBe('locked');
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  });

  test('moving the mouse or pressing a key starts the quiet time again', async ({ page }) => {
    await signedInWithTwoMinuteLock(page);
    const lockCalls = countLockCalls(page);
    await pauseClock(page);
    await page.mouse.move(300, 400);

    await page.clock.runFor(90_000);
    await page.mouse.move(420, 380); // still at the desk
    await page.clock.runFor(90_000); // three minutes since the start, ninety seconds since the mouse moved
    await expectStillUnlocked(page, lockCalls);

    await page.keyboard.press('Shift'); // a key, on its own, counts too
    await page.clock.runFor(TWO_MINUTES - 1000);
    await expectStillUnlocked(page, lockCalls);
    // (The wheel and touch count as well; Chromium does not deliver a wheel event while the page's clock is paused.)

    await page.clock.runFor(1000);
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
  });

  test('locks with a dialog open, and afterwards the page holds nothing that was on the screen', async ({ page }) => {
    await signedInWithTwoMinuteLock(page);
    // No screen holds patient data yet, so the test puts a patient's name where a screen would: in the page text,
    // in a field of the current screen, and typed into a field of an open dialog.
    await page.getByRole('main').evaluate((main, name) => {
      const line = document.createElement('p');
      line.textContent = `Next: ${name}, 10:40, annual physical`;
      const field = document.createElement('input');
      field.setAttribute('aria-label', 'Patient');
      field.value = name;
      main.append(line, field);
    }, PATIENT);
    await page.getByRole('banner').getByRole('button', { name: 'My account' }).click();
    const account = page.getByRole('dialog', { name: 'My account' });
    await account.getByRole('textbox', { name: 'Current password' }).fill(PATIENT);
    expect(await placesHolding(page, 'Canary')).not.toEqual([]); // the check sees it while it is there

    await pauseClock(page);
    await page.clock.runFor(TWO_MINUTES);

    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
    expect(await placesHolding(page, 'Canary'), 'nothing of the patient’s name may stay on the locked page').toEqual([]);
    await expect(page).toHaveTitle('CareDesk');

    // The owner's way back in: their username shown (not editable), the password asked for.
    await page.clock.resume();
    await expect(page.getByRole('textbox', { name: 'Username' })).toHaveValue(ADMIN.username);
    await expect(page.getByRole('textbox', { name: 'Username' })).toHaveAttribute('readonly', '');
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the lock screen (password)');
    await saveScreenshot(page, 'lock-screen-password');

    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    // Everything was unmounted and put back to its first state: the name does not come back either.
    expect(await placesHolding(page, 'Canary')).toEqual([]);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('a form that could not be kept at the automatic lock is named to its owner after unlocking: what was lost, and to type it again', async ({ page }) => {
    await signedInWithTwoMinuteLock(page);
    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeFocused();
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const addStaff = page.getByRole('dialog', { name: 'Add staff member' });
    await addStaff.getByRole('textbox', { name: 'Full name' }).fill('Priya Natarajan');
    await addStaff.getByRole('textbox', { name: 'Username', exact: true }).fill('pnatarajan');

    // Main cannot keep the draft this time (as if its data service had stopped answering).
    await page.route('**/__caredesk/ipc/drafts:save', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside CareDesk.' } }) }),
    );
    const triedToKeep = page.waitForRequest((request) => request.url().endsWith('/__caredesk/ipc/drafts:save'));
    await pauseClock(page);
    await page.clock.runFor(TWO_MINUTES);
    await triedToKeep;
    // The lock happens all the same: the screen must not stay up because a draft failed.
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    // The lock screen does not promise that the form was kept.
    await expect(page.getByText('Some forms they left unsaved could not be kept; they are told which when they are back.')).toBeVisible();
    await expect(page.getByText('Forms they left unsaved are kept for them.')).toHaveCount(0);
    expect(await placesHolding(page, 'Natarajan')).toEqual([]);
    await page.unroute('**/__caredesk/ipc/drafts:save');

    await page.clock.resume();
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeFocused();
    const lost = page.getByRole('alert').filter({ hasText: 'Some unsaved changes were lost' });
    await expect(lost).toContainText(
      'Your unsaved changes in the “Add staff member” form could not be kept when the screen locked, so they are gone. Open it again and re-enter what you had typed.',
    );
    expect(await placesHolding(page, 'Natarajan'), 'the message names the form, not what was typed').toEqual([]);
    await expectNoSeriousA11yViolations(page, 'the Admin screen with the note of a form not kept');
    await saveScreenshot(page, 'lock-draft-not-kept');

    // The form offers no draft (there is none); the note stays until she dismisses it, and focus goes to the heading.
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await expect(addStaff.getByRole('textbox', { name: 'Full name' })).toHaveValue('');
    await expect(addStaff.getByText('You have unsaved changes from')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(lost).toBeVisible();
    await lost.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(lost).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeFocused();

    // Locked again with the draft kept this time: nothing to report afterwards.
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeFocused();
    await expect(page.getByText('Some unsaved changes were lost')).toHaveCount(0);
  });

  test('a new colleague left on "Choose a new password" is signed out after the default 10 minutes', async ({ page }) => {
    // Before their own password is chosen main lets them read no settings, so the clinic default applies.
    await page.clock.install();
    await page.goto('/');
    await signInThroughBridge(page);
    await addStaffThroughBridge(page, { fullName: 'Jamal Ortiz', username: 'jortiz', role: 'front_desk', temporaryPassword: 'blue heron at dawn' });
    await signOutThroughBridge(page);
    await page.reload();
    await signInOnScreen(page, { username: 'jortiz', password: 'blue heron at dawn' });
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await pauseClock(page);
    await page.mouse.move(300, 400);

    await page.clock.runFor(10 * 60_000 - 1000);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await page.clock.runFor(1000);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();
    expect(await mainSaysPhase(page)).toBe('signed-out');
  });
});
