import type { ClinicApi } from '../../shared/contract';
import type { Page } from '@playwright/test';
import { failSignIns, fieldError, openAdmin, staffRow } from './support/admin';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, addStaffThroughBridge, clinicAnswer, signInThroughBridge, signOutThroughBridge } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

// Each story on its own copy of a set-up clinic: staff changes never leak into another story.
test.use({ clinicStart: 'set-up' });
// Whole front-desk stories (several dialogs, axe checks, key-slot work in main): more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

const SAM = { fullName: 'Sam Ortiz', username: 'sortiz', temporaryPassword: 'blue kettle on the stove' } as const;

async function addStaffInDialog(page: Page, person: { fullName: string; username: string; role: string; temporaryPassword: string }): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Add staff member' });
  await dialog.getByRole('textbox', { name: 'Full name' }).fill(person.fullName);
  await dialog.getByRole('textbox', { name: 'Username' }).fill(person.username);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: person.role, exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Temporary password', exact: true }).fill(person.temporaryPassword);
  const answered = clinicAnswer(page, 'staff:create');
  await dialog.getByRole('button', { name: 'Add staff member' }).click();
  await answered;
}

test.describe('Admin: staff accounts', () => {
  test('an administrator adds a staff member, who is listed with "Must set password"; the same username again is refused under the field', async ({ page }) => {
    await openAdmin(page, 'Staff');
    await expect(staffRow(page, ADMIN.fullName)).toContainText('Administrator');
    await expectNoSeriousA11yViolations(page, 'the Admin Staff tab');
    await saveScreenshot(page, 'admin-staff');

    await page.getByRole('button', { name: 'Add staff member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add staff member' });
    await expect(dialog.getByRole('textbox', { name: 'Full name' })).toBeFocused();
    // Nothing filled in: every field says what it needs.
    await dialog.getByRole('button', { name: 'Add staff member' }).click();
    await expect(fieldError(dialog, 'Full name')).toHaveText('Enter the full name.');
    await expect(fieldError(dialog, 'Role', 'combobox')).toContainText('Choose a role');
    await dialog.getByRole('textbox', { name: 'Full name' }).fill(SAM.fullName);
    await dialog.getByRole('textbox', { name: 'Temporary password', exact: true }).fill('sortiz');
    await expect(dialog.locator('.password-strength-text')).toContainText('Strength');
    await expectNoSeriousA11yViolations(page, 'the add-staff dialog with problems');
    await saveScreenshot(page, 'admin-staff-add-dialog');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await addStaffInDialog(page, { ...SAM, role: 'Front desk' });
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `${SAM.fullName} was added` })).toBeFocused();
    const row = staffRow(page, SAM.fullName);
    await expect(row).toContainText(SAM.username);
    await expect(row).toContainText('Front desk');
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Must set password');

    // The same username (in other capitals) again: main's CONFLICT lands under the Username field.
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await addStaffInDialog(page, { fullName: 'Samuel Other', username: 'SOrtiz', role: 'Read-only', temporaryPassword: 'green kettle in the hall' });
    await expect(fieldError(dialog, 'Username')).toHaveText('This username is already taken.');
    await expect(dialog.getByRole('textbox', { name: 'Username' })).toBeFocused();
    await expect(dialog.getByRole('alert')).toContainText('The username “sortiz” is already taken. Choose another.');
    await saveScreenshot(page, 'admin-staff-add-duplicate');
  });

  test('deactivating asks first and then shows Inactive; re-activating takes a temporary password; deactivating yourself shows main’s refusal', async ({ page }) => {
    await page.goto('/');
    await signInThroughBridge(page);
    await addStaffThroughBridge(page, { ...SAM, role: 'front_desk' });
    await openAdmin(page, 'Staff');

    const row = staffRow(page, SAM.fullName);
    await row.getByRole('button', { name: `Deactivate ${SAM.fullName}` }).click();
    const confirm = page.getByRole('dialog', { name: `Deactivate ${SAM.fullName}?` });
    await expect(confirm).toContainText('their name stays in the audit trail');
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the deactivate dialog');
    await saveScreenshot(page, 'admin-staff-deactivate');
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expect(row.getByRole('button', { name: `Deactivate ${SAM.fullName}` })).toBeFocused(); // focus back where it was
    await expect(row).toContainText('Active');

    await row.getByRole('button', { name: `Deactivate ${SAM.fullName}` }).click();
    await confirm.getByRole('button', { name: `Deactivate ${SAM.fullName}` }).click();
    await expect(confirm).toBeHidden();
    await expect(row).toContainText('Inactive');
    await expect(row).toContainText('Cannot sign in');
    await expect(page.getByRole('status').filter({ hasText: `${SAM.fullName} was deactivated` })).toBeFocused();

    await row.getByRole('button', { name: `Re-activate ${SAM.fullName}` }).click();
    const reactivate = page.getByRole('dialog', { name: `Re-activate ${SAM.fullName}` });
    await reactivate.getByRole('textbox', { name: 'Temporary password', exact: true }).fill('short');
    await reactivate.getByRole('button', { name: 'Re-activate account' }).click();
    await expect(fieldError(reactivate, 'Temporary password')).toContainText('at least 12 characters');
    await reactivate.getByRole('textbox', { name: 'Temporary password', exact: true }).fill('orange lamp by the window');
    await reactivate.getByRole('button', { name: 'Re-activate account' }).click();
    await expect(reactivate).toBeHidden();
    await expect(row).toContainText('Active');
    await expect(row).toContainText('Must set password');

    // Yourself: main refuses, and its words are shown in the dialog.
    await staffRow(page, ADMIN.fullName).getByRole('button', { name: `Deactivate ${ADMIN.fullName}` }).click();
    const self = page.getByRole('dialog', { name: `Deactivate ${ADMIN.fullName}?` });
    await self.getByRole('button', { name: `Deactivate ${ADMIN.fullName}` }).click();
    await expect(self.getByRole('alert')).toContainText('You cannot deactivate your own account. Ask another administrator.');
    await saveScreenshot(page, 'admin-staff-deactivate-self');
    await self.getByRole('button', { name: 'Cancel' }).click();
    await expect(staffRow(page, ADMIN.fullName)).toContainText('Active');
  });

  test('a locked account shows "Locked until", Unlock lifts it, and Reset password explains the new password at next sign-in', async ({ page }) => {
    await page.goto('/');
    await signInThroughBridge(page);
    await addStaffThroughBridge(page, { ...SAM, role: 'front_desk' });
    // Someone guesses Sam's password five times: the fifth locks the account (the administrator stays signed in).
    expect(await failSignIns(page, SAM.username, 5)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'LOCKED']);
    await openAdmin(page, 'Staff');

    const row = staffRow(page, SAM.fullName);
    await expect(row).toContainText(/Locked until \d{1,2}:\d{2} [AP]M/);
    await saveScreenshot(page, 'admin-staff-locked');
    await row.getByRole('button', { name: `Unlock ${SAM.fullName}` }).click();
    await expect(page.getByRole('status').filter({ hasText: `${SAM.fullName} is unlocked` })).toBeFocused();
    await expect(row).not.toContainText('Locked until');
    await expect(row.getByRole('button', { name: `Unlock ${SAM.fullName}` })).toHaveCount(0);

    await row.getByRole('button', { name: `Reset password ${SAM.fullName}` }).click();
    const reset = page.getByRole('dialog', { name: `Reset password for ${SAM.fullName}` });
    await expect(reset).toContainText('must then choose a new password of their own');
    await expect(reset.getByRole('textbox', { name: 'Temporary password', exact: true })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the reset-password dialog');
    await saveScreenshot(page, 'admin-staff-reset-password');
    await reset.getByRole('textbox', { name: 'Temporary password', exact: true }).fill('purple cactus on the sill');
    await page.keyboard.press('Enter');
    await expect(reset).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `Password reset for ${SAM.fullName}` })).toContainText('must choose a new password when they next sign in');
    await expect(row).toContainText('Must set password');

    // The new temporary password works (and leads to "Choose a new password").
    await signOutThroughBridge(page);
    await signInThroughBridge(page, { username: SAM.username, password: 'purple cactus on the sill' });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  });

  test('a front-desk colleague sees that only administrators can use Admin', async ({ page }) => {
    await page.goto('/');
    await signInThroughBridge(page);
    await addStaffThroughBridge(page, { ...SAM, role: 'front_desk' });
    await signOutThroughBridge(page);
    await signInThroughBridge(page, { username: SAM.username, password: SAM.temporaryPassword });
    await page.evaluate(async (current) => {
      const api = (window as unknown as { clinic: ClinicApi }).clinic;
      const changed = await api.auth.changePassword({ currentPassword: current, newPassword: 'seven quiet harbor lights' });
      if (!changed.ok) throw new Error(changed.error.message);
    }, SAM.temporaryPassword);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await page.keyboard.press('Alt+8');
    await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeFocused();
    await expect(page.getByRole('main')).toContainText('Only administrators can use Admin.');
    await expect(page.getByRole('tab')).toHaveCount(0);
    await expect(page.getByRole('table')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page, 'Admin for a front-desk user');
    await saveScreenshot(page, 'admin-not-administrator');
  });

  test('an add-staff form left unsaved at a lock is offered back, without the temporary password', async ({ page }) => {
    await page.goto('/');
    await signInThroughBridge(page);
    // What the form saves when the window locks (drafts:save), as the lock would leave it.
    await page.evaluate(async () => {
      const api = (window as unknown as { clinic: ClinicApi }).clinic;
      const data = JSON.stringify({ fullName: 'Ana Reyes', username: 'areyes', role: 'coordinator', temporaryPassword: 'should never come back' });
      const saved = await api.drafts.save({ formKey: 'staff:create', data });
      if (!saved.ok) throw new Error(saved.error.message);
    });
    await openAdmin(page, 'Staff');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add staff member' });
    await expect(dialog.getByRole('status').filter({ hasText: 'You have unsaved changes from' })).toBeVisible();
    await saveScreenshot(page, 'admin-staff-add-draft');
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog.getByRole('textbox', { name: 'Full name' })).toHaveValue('Ana Reyes');
    await expect(dialog.getByRole('textbox', { name: 'Username' })).toHaveValue('areyes');
    await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('Care coordinator');
    await expect(dialog.getByRole('textbox', { name: 'Temporary password', exact: true })).toHaveValue('');

    // Saving the account forgets the draft: the next "Add staff member" starts empty.
    await dialog.getByRole('textbox', { name: 'Temporary password', exact: true }).fill('lemon tree by the door');
    const answered = clinicAnswer(page, 'staff:create');
    await dialog.getByRole('button', { name: 'Add staff member' }).click();
    await answered;
    await expect(staffRow(page, 'Ana Reyes')).toContainText('Care coordinator');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Full name' })).toHaveValue('');
    await expect(dialog.getByText('You have unsaved changes from')).toHaveCount(0);
  });

  test('editing changes the name and role (the username stays), and says a new role signs the person out', async ({ page }) => {
    await page.goto('/');
    await signInThroughBridge(page);
    await addStaffThroughBridge(page, { ...SAM, role: 'front_desk' });
    await openAdmin(page, 'Staff');

    await staffRow(page, SAM.fullName).getByRole('button', { name: `Edit ${SAM.fullName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${SAM.fullName}` });
    await expect(dialog.getByRole('textbox', { name: 'Username' })).toHaveAttribute('readonly', '');
    await dialog.getByRole('textbox', { name: 'Full name' }).fill('');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(fieldError(dialog, 'Full name')).toHaveText('Enter the full name.');
    await dialog.getByRole('textbox', { name: 'Full name' }).fill('Samuel Ortiz');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Care coordinator', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('signs Sam Ortiz out if they are signed in');
    await expectNoSeriousA11yViolations(page, 'the edit-staff dialog');
    await saveScreenshot(page, 'admin-staff-edit');
    const answered = clinicAnswer(page, 'staff:update');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await answered;
    await expect(dialog).toBeHidden();
    const row = staffRow(page, 'Samuel Ortiz');
    await expect(row).toContainText(SAM.username);
    await expect(row).toContainText('Care coordinator');
  });
});
