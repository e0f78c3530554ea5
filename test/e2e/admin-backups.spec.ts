import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fieldError, openAdmin, staffRow, openAdminTab } from './support/admin';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, addStaffThroughBridge, clinicAnswer } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test.use({ clinicStart: 'set-up' });
// Whole front-desk stories (several dialogs, axe checks, key-slot work in main): more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

/** Red 9 of the theme: the colour of every "this needs you" sentence on the Backups tab. */
const RED = 'rgb(201, 42, 42)';
const BACKUP_NAME = /caredesk-backup-\d{8}-\d{6}\.cdbak/;

let backupFolder: string;
test.beforeEach(() => {
  // Outside the clinic's data folder, as main insists (a backup beside the database protects against little).
  backupFolder = mkdtempSync(join(tmpdir(), 'caredesk-e2e-backups-'));
});
test.afterEach(() => rmSync(backupFolder, { recursive: true, force: true }));

async function chooseFolderByTyping(page: Page, folder: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Backup folder' }).fill(folder);
  const saved = clinicAnswer(page, 'backup:setSettings');
  await page.getByRole('button', { name: 'Save backup settings' }).click();
  await saved;
}

async function backUpNow(page: Page): Promise<void> {
  const done = clinicAnswer(page, 'backup:runNow');
  await page.getByRole('button', { name: 'Back up now' }).click();
  await done;
  await expect(page.getByRole('status').filter({ hasText: 'Backup made and verified' })).toBeVisible();
}

test.describe('Admin: backups', () => {
  test('a clinic never backed up says so in red; a typed folder is saved; Back up now shows its progress, then the time, "verified" and the file', async ({ page }) => {
    await openAdmin(page, 'Backups');
    const last = page.locator('.backup-last');
    await expect(last).toHaveText('Never. CareDesk has not made a backup of this clinic yet.');
    await expect(last).toHaveCSS('color', RED);
    await expect(page.locator('.backup-stale')).toContainText('Choose a backup folder under Backup settings below, then back up now.');
    await expect(page.locator('.backup-stale')).toHaveCSS('color', RED);
    await expect(page.getByRole('button', { name: 'Back up now' })).toBeDisabled();
    await expectNoSeriousA11yViolations(page, 'the Backups tab before any backup');
    await saveScreenshot(page, 'admin-backups-never');

    // The browser host has no folder picker: CareDesk says so and puts the cursor in the field to type the path.
    await page.getByRole('button', { name: 'Choose folder…' }).click();
    await expect(page.getByText('The folder picker is not available here. Type the folder’s full path instead', { exact: false })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Backup folder' })).toBeFocused();
    await page.getByRole('textbox', { name: 'Backup folder' }).fill('Backups');
    await page.getByRole('button', { name: 'Save backup settings' }).click();
    await expect(fieldError(page, 'Backup folder')).toContainText('Choose the folder with its full path');
    await chooseFolderByTyping(page, join(backupFolder, 'not-there'));
    await expect(fieldError(page, 'Backup folder')).toHaveText('That folder was not found. Check that its drive is connected, or choose another folder.');
    await chooseFolderByTyping(page, backupFolder);
    await expect(page.getByRole('status').filter({ hasText: 'Backup settings saved' })).toBeVisible();
    await expect(page.getByText(`There are no CareDesk backups in ${backupFolder} yet.`)).toBeVisible();

    // Held back for a moment on its way to main, so the progress and Cancel can be seen.
    await page.route('**/__caredesk/ipc/backup:runNow', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const done = clinicAnswer(page, 'backup:runNow');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.locator('.backup-progress')).toContainText(/Starting the backup…|Backing up/);
    await expect(page.getByRole('button', { name: 'Cancel backup' })).toBeVisible();
    await saveScreenshot(page, 'admin-backups-running');
    await done;

    await expect(page.getByRole('status').filter({ hasText: 'Backup made and verified' })).toContainText(BACKUP_NAME);
    await expect(last).toContainText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M — [\d.]+ KB — verified$/);
    await expect(last).not.toHaveCSS('color', RED);
    await expect(page.locator('.backup-stale')).toHaveCount(0);
    const row = page.getByRole('table', { name: 'Backups in the folder' }).getByRole('row').filter({ hasText: BACKUP_NAME });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Verified on this computer');
    const fileName = (await row.getByRole('rowheader').textContent()) ?? '';
    expect(existsSync(join(backupFolder, fileName)), 'the .cdbak file is in the folder').toBe(true);
    await expectNoSeriousA11yViolations(page, 'the Backups tab after a backup');
    await saveScreenshot(page, 'admin-backups');
  });

  test('a backup older than 48 hours, and a failed one, are said in red in plain words', async ({ page }) => {
    const threeDaysAgo = Date.now() - 3 * 24 * 60 * 60 * 1000;
    await page.route('**/__caredesk/ipc/backup:status', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
      if (body.ok && body.value) {
        Object.assign(body.value, {
          folder: backupFolder,
          lastVerifiedAt: threeDaysAgo,
          lastVerifiedFile: 'caredesk-backup-20250311-123000.cdbak',
          stale: true,
          lastFailure: { at: threeDaysAgo + 86_400_000, message: 'That folder was not found. Check that its drive is connected, or choose another folder.' },
        });
      }
      await route.fulfill({ response, json: body });
    });
    await openAdmin(page, 'Backups');
    await expect(page.locator('.backup-stale')).toHaveText('The last good backup is more than 2 days old. Back up now, and check that the backup drive is connected.');
    await expect(page.locator('.backup-stale')).toHaveCSS('color', RED);
    await expect(page.locator('.backup-failure')).toContainText('The last backup did not work');
    await expect(page.locator('.backup-failure')).toContainText('Check that its drive is connected');
    await expect(page.locator('.backup-failure')).toHaveCSS('color', RED);
    await saveScreenshot(page, 'admin-backups-stale');
  });

  test('restoring asks for a strong confirmation, shows progress, then everyone signs in again to the data as it was', async ({ page }) => {
    await openAdmin(page, 'Backups');
    await chooseFolderByTyping(page, backupFolder);
    await backUpNow(page);
    // After the backup, Sam is added: the restore takes the clinic back to before that.
    await addStaffThroughBridge(page, { fullName: 'Sam Ortiz', username: 'sortiz', role: 'front_desk', temporaryPassword: 'blue kettle on the stove' });

    // A typed path that is not a backup file is caught before anything happens.
    await page.getByRole('button', { name: 'Restore from a backup file…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
    await dialog.getByRole('button', { name: 'Choose file…' }).click();
    await expect(dialog.getByText('The file picker is not available here.', { exact: false })).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Backup file' }).fill(join(backupFolder, 'notes.txt'));
    await dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(fieldError(dialog, 'Backup file')).toHaveText('Choose a CareDesk backup file (its name ends in .cdbak).');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const row = page.getByRole('table', { name: 'Backups in the folder' }).getByRole('row').filter({ hasText: BACKUP_NAME });
    await row.getByRole('button', { name: /^Restore from caredesk-backup-/ }).click();
    await expect(dialog.getByRole('textbox', { name: 'Backup file' })).toHaveValue(new RegExp(`${BACKUP_NAME.source}$`));
    await dialog.getByRole('button', { name: 'Continue' }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore the clinic database?' });
    await expect(confirm).toContainText('Everyone signed in on this computer is signed out, you included');
    await expect(confirm).toContainText('Everything entered after that backup was made is lost');
    const restoreButton = confirm.getByRole('button', { name: 'Restore and sign everyone out' });
    await expect(restoreButton).toBeDisabled();
    await expectNoSeriousA11yViolations(page, 'the restore confirmation');
    await saveScreenshot(page, 'admin-backups-restore-confirm');
    await confirm.getByRole('checkbox', { name: 'I understand that everything entered since this backup will be lost' }).check();

    // Held back for a moment on its way to main, so the progress can be seen.
    await page.route('**/__caredesk/ipc/backup:restore', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    const restored = clinicAnswer(page, 'backup:restore');
    await restoreButton.click();
    const running = page.getByRole('dialog', { name: 'Restore from a backup' });
    await expect(running.getByRole('status')).toContainText(/Starting the restore…|Verifying|Replacing/);
    await expect(running).toContainText('Do not close CareDesk or turn off the computer until this finishes.');
    await expect(running.getByRole('button', { name: 'Close' })).toHaveCount(0);
    await saveScreenshot(page, 'admin-backups-restore-running');
    await restored;
    const done = page.getByRole('dialog', { name: 'Restore finished' });
    await expect(done).toContainText('Everyone has been signed out.');
    await saveScreenshot(page, 'admin-backups-restore-done');
    await done.getByRole('button', { name: 'Go to sign-in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await page.keyboard.press('Alt+8');
    await openAdminTab(page, 'Staff');
    await expect(staffRow(page, ADMIN.fullName)).toBeVisible();
    await expect(staffRow(page, 'Sam Ortiz')).toHaveCount(0);
  });
});
