import { expect, test } from './support/fixtures';
import { expectVisibleFocusRing, tabUntilFocused } from './support/keyboard';
import { SCREENS } from './support/screens';

test.describe('Getting around with the keyboard', () => {
  for (const screen of SCREENS) {
    test(`Tab to "${screen.name}" in the menu and press Enter: the screen opens with focus on its heading`, async ({ app }) => {
      const menuItem = app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen.name });

      await tabUntilFocused(app, menuItem);
      await expectVisibleFocusRing(menuItem);
      await app.keyboard.press('Enter');

      await expect(app.getByRole('heading', { level: 1, name: screen.name })).toBeFocused();
      await expect(menuItem).toHaveAttribute('aria-current', 'page');
      await expect(app).toHaveTitle('CareDesk');
    });
  }

  test('Alt+1 … Alt+8 open each screen, in any order, with focus on its heading', async ({ app }) => {
    const order = [...SCREENS.keys(), ...[...SCREENS.keys()].reverse()];
    for (const index of order) {
      const screen = SCREENS[index]!;
      await app.keyboard.press(`Alt+${index + 1}`);
      await expect(app.getByRole('heading', { level: 1, name: screen.name })).toBeFocused();
      await expect(app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: screen.name })).toHaveAttribute('aria-current', 'page');
    }
  });

  test('each menu item shows its shortcut and announces it to screen readers', async ({ app }) => {
    const menu = app.getByRole('navigation', { name: 'Main' });
    for (const [index, screen] of SCREENS.entries()) {
      const item = menu.getByRole('button', { name: screen.name, exact: true });
      await expect(item).toHaveAttribute('aria-keyshortcuts', `Alt+${index + 1}`);
      await expect(item).toContainText(new RegExp(`Alt\\s*\\+\\s*${index + 1}`));
    }
  });

  test('the first Tab offers "Skip to the current screen", which lands on the heading', async ({ app }) => {
    await app.keyboard.press('Tab');
    const skip = app.getByRole('link', { name: 'Skip to the current screen' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
  });
});
