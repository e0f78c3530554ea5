import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { tabUntilFocused } from './support/keyboard';
import { REPO_ROOT, startTestHost } from './support/test-host';
import type { ClinicApi } from '../../shared/contract';

const SETUP_ADMIN = { fullName: 'Maria Lee', username: 'mlee', password: 'maple syrup on tuesday' };
const appVersion = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test.describe('The About box', () => {
  test('opened from the header before anyone has signed in, it shows the version and encryption, and says when the schema version appears', async ({ app }) => {
    const aboutButton = app.getByRole('banner').getByRole('button', { name: 'About CareDesk' });
    await tabUntilFocused(app, aboutButton);
    await app.keyboard.press('Enter');

    const about = app.getByRole('dialog', { name: 'About CareDesk' });
    await expect(about).toBeVisible();
    await expect(fact(about, 'App version')).toHaveText(appVersion);
    // The database opens only at sign-in; until then the About box says so rather than showing a blank.
    await expect(fact(about, 'Database schema version')).toHaveText('Shown after sign-in');
    await expect(fact(about, 'Patient data')).toHaveText('Encrypted (sqlcipher)');
    await expect(fact(about, 'Data folder size')).toHaveText(/^(Empty|\d+(\.\d)? (bytes|KB|MB))$/);

    await app.keyboard.press('Escape');
    await expect(about).toBeHidden();
    await expect(aboutButton).toBeFocused();
  });

  test('once the clinic is set up and signed in, it shows the schema version of the open encrypted database', async ({ browser }) => {
    // Its own host: setting up the clinic signs the "web" client in, which must not leak into other tests.
    const host = await startTestHost();
    const context = await browser.newContext({ baseURL: host.url });
    try {
      const page = await context.newPage();
      await page.goto('/');
      // No setup wizard yet: drive first-run setup through window.clinic, exactly as the wizard will.
      await page.evaluate(async (admin) => {
        const clinic = (window as unknown as { clinic: ClinicApi }).clinic;
        const begun = await clinic.setup.begin();
        if (!begun.ok) throw new Error(begun.error.message);
        const groups = begun.value.recoveryCodeGroups;
        const [first, second] = begun.value.confirmGroupNumbers;
        const done = await clinic.setup.complete({
          clinicName: 'Maple Street Clinic',
          timeZone: 'America/New_York',
          admin,
          confirmGroups: [groups[first - 1] ?? '', groups[second - 1] ?? ''],
        });
        if (!done.ok) throw new Error(done.error.message);
      }, SETUP_ADMIN);

      await page.getByRole('banner').getByRole('button', { name: 'About CareDesk' }).click();
      const about = page.getByRole('dialog', { name: 'About CareDesk' });
      await expect(fact(about, 'Database schema version')).toHaveText(/^[1-9]\d*$/);
      await expect(fact(about, 'Patient data')).toHaveText('Encrypted (sqlcipher)');
      // The new database, its WAL and the keystore: some kilobytes, in human units rather than raw bytes.
      await expect(fact(about, 'Data folder size')).toHaveText(/^\d+(\.\d)? (KB|MB)$/);
      expect(host.output(), 'the host never logs a password').not.toContain('maple syrup');
      await page.screenshot({ path: join(process.cwd(), 'test-results', 'screenshots', 'about-box-signed-in.png') });
    } finally {
      await context.close();
      expect(await host.stop()).toBe(0);
    }
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
