import { expect, test } from './support/fixtures';
import { BUILT_SCREENS, SCREENS } from './support/screens';

test.describe('The app shell', () => {
  test('opens on the Schedule screen with the menu, who is signed in, header buttons and a plain "CareDesk" title', async ({ app: page, clinic }) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text()); // CSP violations land here too
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });

    await page.reload(); // signed in already: the load goes straight to the app

    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await expect(page).toHaveTitle('CareDesk');
    const menu = page.getByRole('navigation', { name: 'Main' });
    await expect(menu.getByRole('button')).toHaveText(SCREENS.map((screen) => new RegExp(`^${screen.name}`)));
    await expect(menu.getByRole('button', { name: 'Schedule' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('banner').getByRole('button', { name: 'About CareDesk' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('button', { name: 'Keyboard shortcuts' })).toBeVisible();
    const header = page.getByRole('banner');
    await expect(header).toContainText(clinic.admin.fullName);
    await expect(header).toContainText('Administrator');
    await expect(header).toContainText(clinic.name);
    await expect(header.getByRole('button', { name: 'Sign out' })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+L');
    expect(problems, 'no script errors or CSP violations while loading').toEqual([]);
  });

  test('every screen not built yet is an honest placeholder: its name, what it will hold, and "not built yet"', async ({ app }) => {
    for (const [index, screen] of SCREENS.entries()) {
      if (BUILT_SCREENS.has(screen.slug)) continue;
      await app.keyboard.press(`Alt+${index + 1}`);
      const main = app.getByRole('main');
      await expect(main.getByRole('heading', { level: 1, name: screen.name })).toBeVisible();
      await expect(main).toContainText('not built yet');
      await expect(main.getByRole('table')).toHaveCount(0); // no made-up rows of patients or appointments
      await expect(app).toHaveTitle('CareDesk');
    }
  });
});
