import type { Page } from '@playwright/test';
import type { ClinicApi } from '../../shared/contract';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, addStaffThroughBridge, clinicAnswer, signInThroughBridge } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { lockHeading, placesHolding, signInOnScreen } from './support/lock';
import { saveScreenshot } from './support/screenshots';

// Each story starts on a copy of a clinic that is already set up, with nobody signed in.
test.use({ clinicStart: 'set-up' });

const JAMAL = { fullName: 'Jamal Ortiz', username: 'jortiz', role: 'front_desk', temporaryPassword: 'blue heron at dawn' } as const;
const JAMALS_OWN = 'ferns grow by the creek';
/** The colleague Maria is half-way through adding when she leaves the desk. */
const PRIYA = { fullName: 'Priya Natarajan', username: 'pnatarajan', temporaryPassword: 'river stones in june' } as const;

test.describe('Another staff member at the locked desk', () => {
  test('signs in from the lock screen; the first person’s unsaved form is kept for them alone and offered back to them', async ({ page }) => {
    test.slow(); // five sign-ins and a password change, each a real key-slot derivation
    await page.goto('/');
    await signInOnScreen(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await addStaffThroughBridge(page, JAMAL);
    const calls = channelsCalled(page);

    // Maria is half-way through adding a colleague when she has to leave the desk: she locks from inside the dialog.
    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeFocused();
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const addStaff = page.getByRole('dialog', { name: 'Add staff member' });
    await addStaff.getByRole('textbox', { name: 'Full name' }).fill(PRIYA.fullName);
    await addStaff.getByRole('textbox', { name: 'Username', exact: true }).fill(PRIYA.username);
    await addStaff.getByRole('textbox', { name: 'Temporary password' }).fill(PRIYA.temporaryPassword);
    const draftSaved = page.waitForRequest((request) => request.url().endsWith('/__caredesk/ipc/drafts:save'));
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();

    // The form was kept (without the password) before main locked, and nothing of it is left on the page.
    const kept = ((await draftSaved).postDataJSON() as { input: { formKey: string; data: string } }).input;
    expect(kept.formKey).toBe('staff:create');
    expect(JSON.parse(kept.data)).toMatchObject({ fullName: PRIYA.fullName, username: PRIYA.username });
    expect(kept.data).not.toContain(PRIYA.temporaryPassword);
    expect(calls).toEqual(expect.arrayContaining(['drafts:save', 'lock:now']));
    expect(calls.indexOf('drafts:save'), 'the draft is saved before the window locks').toBeLessThan(calls.indexOf('lock:now'));
    expect(await placesHolding(page, 'Priya')).toEqual([]);
    expect(await placesHolding(page, PRIYA.username)).toEqual([]);

    await page.getByRole('button', { name: 'Sign in as someone else' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Sign in as someone else' })).toBeVisible();
    await expect(page.getByText(`Signing in ends ${ADMIN.fullName}’s session.`)).toBeVisible();
    const username = page.getByRole('textbox', { name: 'Your username' });
    await expect(username).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the lock screen, signing in as someone else');
    await saveScreenshot(page, 'lock-screen-someone-else');

    // Back goes back to the owner's unlock; nothing typed is kept.
    await page.keyboard.type('jortiz');
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toBeFocused();
    await page.getByRole('button', { name: 'Sign in as someone else' }).click();
    await expect(username).toHaveValue('');

    // Keyboard only: Jamal types his username, Tab, his temporary password, Enter.
    await page.keyboard.type(JAMAL.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(JAMAL.temporaryPassword);
    const answered = clinicAnswer(page, 'auth:signIn');
    await page.keyboard.press('Enter');
    await answered;

    // His first sign-in: he chooses his own password before anything else.
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Current password', exact: true }).fill(JAMAL.temporaryPassword);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(JAMALS_OWN);
    await page.getByRole('textbox', { name: 'Type the new password again', exact: true }).fill(JAMALS_OWN);
    await page.getByRole('button', { name: 'Save new password' }).click();

    // Jamal starts on the Schedule (not on Maria's Admin screen), and Maria's draft is not his to read, even by asking main.
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await expect(page.getByRole('banner')).toContainText(JAMAL.fullName);
    await expect(page.getByRole('banner')).not.toContainText(ADMIN.fullName);
    expect(await loadDraftThroughBridge(page, 'staff:create')).toEqual({ ok: true, value: null });

    // Jamal locks with the keyboard; Maria takes the desk back with her own sign-in.
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, JAMAL.fullName)).toBeVisible();
    await page.getByRole('button', { name: 'Sign in as someone else' }).click();
    await page.keyboard.type(ADMIN.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await expect(page.getByRole('banner')).toContainText(ADMIN.fullName);

    // Her form is offered back where she left it; the password was never kept.
    await page.keyboard.press('Alt+8');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const offer = addStaff.getByRole('status').filter({ hasText: 'You have unsaved changes from' });
    await expect(offer).toContainText(/You have unsaved changes from \d{1,2}:\d{2}\s?[AP]M\. Restore them\?/);
    await expectNoSeriousA11yViolations(page, 'the Add staff member dialog offering a draft');
    await saveScreenshot(page, 'draft-offer');
    await offer.getByRole('button', { name: 'Restore' }).click();
    await expect(offer).toHaveCount(0);
    await expect(addStaff.getByRole('textbox', { name: 'Full name' })).toHaveValue(PRIYA.fullName);
    await expect(addStaff.getByRole('textbox', { name: 'Username', exact: true })).toHaveValue(PRIYA.username);
    await expect(addStaff.getByRole('textbox', { name: 'Temporary password' })).toHaveValue('');

    // And Jamal's own lock screen, next time, shows his username.
    await page.keyboard.press('Control+Shift+L');
    await signInOnScreen(page, { username: JAMAL.username, password: JAMALS_OWN });
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, JAMAL.fullName)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Username' })).toHaveValue(JAMAL.username);
  });

  test('a form that could not be kept at the lock is named to its owner when she is back, and never to the colleague in between', async ({ page }) => {
    test.slow(); // three sign-ins and a password change, each a real key-slot derivation
    await page.goto('/');
    await signInOnScreen(page);
    await addStaffThroughBridge(page, JAMAL);
    await page.keyboard.press('Alt+8');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await page.getByRole('dialog', { name: 'Add staff member' }).getByRole('textbox', { name: 'Full name' }).fill(PRIYA.fullName);
    await page.route('**/__caredesk/ipc/drafts:save', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside CareDesk.' } }) }),
    );
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    await page.unroute('**/__caredesk/ipc/drafts:save');

    // Jamal takes the desk: Maria's lost form is none of his business.
    await page.getByRole('button', { name: 'Sign in as someone else' }).click();
    await page.getByRole('textbox', { name: 'Your username' }).fill(JAMAL.username);
    await page.getByRole('textbox', { name: 'Your password' }).fill(JAMAL.temporaryPassword);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Current password', exact: true }).fill(JAMAL.temporaryPassword);
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill(JAMALS_OWN);
    await page.getByRole('textbox', { name: 'Type the new password again', exact: true }).fill(JAMALS_OWN);
    await page.getByRole('button', { name: 'Save new password' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await expect(page.getByText('Some unsaved changes were lost')).toHaveCount(0);

    // Maria comes back (her session ended when Jamal signed in, so she signs in): now she is told.
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, JAMAL.fullName)).toBeVisible();
    await page.getByRole('button', { name: 'Sign in as someone else' }).click();
    await page.getByRole('textbox', { name: 'Your username' }).fill(ADMIN.username);
    await page.getByRole('textbox', { name: 'Your password' }).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await expect(page.getByRole('alert').filter({ hasText: 'Some unsaved changes were lost' })).toContainText('the “Add staff member” form could not be kept');
  });

  test('after the window is reloaded while locked, the lock screen still shows the owner’s username (main says whose session it is)', async ({ page }) => {
    await page.goto('/');
    await signInThroughBridge(page); // not on the screen: the window never saw the username typed
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await page.keyboard.press('Control+Shift+K');
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();

    await page.reload();
    await expect(lockHeading(page, ADMIN.fullName)).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Username' })).toHaveValue(ADMIN.username);
    await expect(page.getByRole('textbox', { name: 'Username' })).toHaveAttribute('readonly', '');
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toBeFocused();
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
  });
});

async function loadDraftThroughBridge(page: Page, formKey: string): Promise<unknown> {
  return page.evaluate((formKey) => (window as unknown as { clinic: ClinicApi }).clinic.drafts.load({ formKey }), formKey);
}

/** The channels the page calls, in order (from now on). */
function channelsCalled(page: Page): string[] {
  const channels: string[] = [];
  page.on('request', (request) => {
    const match = /\/__caredesk\/ipc\/([^/?]+)$/.exec(request.url());
    if (match?.[1]) channels.push(decodeURIComponent(match[1]));
  });
  return channels;
}
