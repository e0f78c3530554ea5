import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { tabUntilFocused } from './support/keyboard';
import { REPO_ROOT } from './support/test-host';
import { ADMIN, signOutThroughBridge } from './support/clinic';

const appVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test.describe('The About box', () => {
  test('opened from the sign-in screen, before anyone has signed in, it shows the version and encryption, and says when the schema version appears', async ({ page, clinic: _setUp }) => {
    // (`clinic`: the clinic must be set up, so the app opens on sign-in rather than on the setup wizard.)
    await page.goto('/');
    await signOutThroughBridge(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();

    const aboutButton = page.getByRole('banner').getByRole('button', { name: 'About CareDesk' });
    await tabUntilFocused(page, aboutButton);
    await page.keyboard.press('Enter');

    const about = page.getByRole('dialog', { name: 'About CareDesk' });
    await expect(about).toBeVisible();
    await expect(fact(about, 'App version')).toHaveText(appVersion);
    // The database opens only at sign-in (and closes at the last sign-out); until then the About box says so.
    await expect(fact(about, 'Database schema version')).toHaveText('Shown after sign-in');
    await expect(fact(about, 'Patient data')).toHaveText('Encrypted (sqlcipher)');
    await expect(fact(about, 'Data folder size')).toHaveText(/^\d+(\.\d)? (KB|MB)$/);

    await page.keyboard.press('Escape');
    await expect(about).toBeHidden();
    await expect(aboutButton).toBeFocused();
  });

  test('once signed in, it shows the schema version of the open encrypted database', async ({ app, host }) => {
    await app.getByRole('banner').getByRole('button', { name: 'About CareDesk' }).click();
    const about = app.getByRole('dialog', { name: 'About CareDesk' });
    await expect(fact(about, 'Database schema version')).toHaveText(/^[1-9]\d*$/);
    await expect(fact(about, 'Patient data')).toHaveText('Encrypted (sqlcipher)');
    // The new database, its WAL and the keystore: some kilobytes, in human units rather than raw bytes.
    await expect(fact(about, 'Data folder size')).toHaveText(/^\d+(\.\d)? (KB|MB)$/);
    expect(host.output(), 'the host never logs a password').not.toContain(ADMIN.password);
    await app.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'about-box-signed-in.png') });
  });

  test('opened from the shortcut list, it closes back to where the user was', async ({ app }) => {
    await app.keyboard.press('Alt+4');
    await app.keyboard.press('?');
    await app.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'About CareDesk' }).click();

    const about = app.getByRole('dialog', { name: 'About CareDesk' });
    await expect(fact(about, 'Patient data')).toHaveText('Encrypted (sqlcipher)');
    await expect(app.getByRole('dialog')).toHaveCount(1);

    await app.keyboard.press('Escape');
    await expect(app.getByRole('dialog')).toHaveCount(0);
    // The shortcut list was opened from the Insurance heading; that is where the user is put back.
    await expect(app.getByRole('heading', { level: 1, name: 'Insurance' })).toBeFocused();
  });

  test('when the status cannot be read, it says so in plain words instead of showing blanks', async ({ app }) => {
    await app.route('**/__caredesk/ipc/app:status', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside CareDesk. Your data was not changed. Try again.' } }),
      }),
    );
    await app.getByRole('banner').getByRole('button', { name: 'About CareDesk' }).click();

    const about = app.getByRole('dialog', { name: 'About CareDesk' });
    await expect(about.getByRole('alert')).toContainText('Something went wrong inside CareDesk. Your data was not changed. Try again.');
    await expect(about.getByText('Encrypted')).toHaveCount(0);
  });
});

/** The value beside a label in the About box's description list. */
function fact(dialog: Locator, label: string): Locator {
  return dialog.locator(`xpath=.//dt[normalize-space()="${label}"]/following-sibling::dd[1]`);
}
