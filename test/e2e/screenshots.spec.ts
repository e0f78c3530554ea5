import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { SCREENS } from './support/screens';

// Pictures for people to look at (layout, spacing, readability); not compared pixel by pixel.
const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

test.describe('Screenshots for review', () => {
  test.beforeAll(() => mkdirSync(SCREENSHOT_DIR, { recursive: true }));

  for (const [index, screen] of SCREENS.entries()) {
    test(`${screen.name} screen`, async ({ app }) => {
      await app.keyboard.press(`Alt+${index + 1}`);
      await expect(app.getByRole('heading', { level: 1, name: screen.name })).toBeFocused();
      await app.screenshot({ path: join(SCREENSHOT_DIR, `screen-${screen.slug}.png`) });
    });
  }

  test('keyboard shortcut list', async ({ app }) => {
    await app.keyboard.press('?');
    await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await app.screenshot({ path: join(SCREENSHOT_DIR, 'shortcuts-overlay.png') });
  });

  test('About box', async ({ app }) => {
    await app.getByRole('banner').getByRole('button', { name: 'About CareDesk' }).click();
    await expect(app.getByRole('dialog', { name: 'About CareDesk' }).getByText('Encrypted (sqlcipher)')).toBeVisible();
    await app.screenshot({ path: join(SCREENSHOT_DIR, 'about-box.png') });
  });

  test('skip link, shown on the first Tab', async ({ app }) => {
    await app.keyboard.press('Tab');
    await app.screenshot({ path: join(SCREENSHOT_DIR, 'skip-link.png') });
  });

  test('About box when the status cannot be read', async ({ app }) => {
    await app.route('**/__caredesk/ipc/app:status', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside CareDesk. Your data was not changed. Try again.' } }) }),
    );
    await app.getByRole('banner').getByRole('button', { name: 'About CareDesk' }).click();
    await expect(app.getByRole('dialog', { name: 'About CareDesk' }).getByRole('alert')).toBeVisible();
    await app.screenshot({ path: join(SCREENSHOT_DIR, 'about-box-error.png') });
  });

  test('focus ring on a menu item', async ({ app }) => {
    // What a keyboard user sees while tabbing through the menu.
    for (let i = 0; i < 5; i += 1) await app.keyboard.press('Tab');
    await app.screenshot({ path: join(SCREENSHOT_DIR, 'menu-focus-ring.png') });
  });
});
