import { expect, test } from './support/fixtures';
import { expectNoSeriousA11yViolations } from './support/axe';
import { SCREENS } from './support/screens';

test.describe('Accessibility (axe, WCAG 2 A and AA)', () => {
  for (const [index, screen] of SCREENS.entries()) {
    test(`the ${screen.name} screen has no serious or critical problems`, async ({ app }) => {
      await app.keyboard.press(`Alt+${index + 1}`);
      await expect(app.getByRole('heading', { level: 1, name: screen.name })).toBeFocused();
      await expectNoSeriousA11yViolations(app, `the ${screen.name} screen`);
    });
  }

  test('the keyboard shortcut list has no serious or critical problems', async ({ app }) => {
    await app.keyboard.press('?');
    await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expectNoSeriousA11yViolations(app, 'the keyboard shortcut list');
  });

  test('the About box has no serious or critical problems', async ({ app }) => {
    await app.getByRole('banner').getByRole('button', { name: 'About CareDesk' }).click();
    await expect(app.getByRole('dialog', { name: 'About CareDesk' }).getByText('Encrypted (sqlcipher)')).toBeVisible();
    await expectNoSeriousA11yViolations(app, 'the About box');
  });

  test('the About box, when its details cannot be read, has no serious or critical problems', async ({ app }) => {
    await app.route('**/__caredesk/ipc/app:status', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside CareDesk. Try again.' } }) }),
    );
    await app.getByRole('banner').getByRole('button', { name: 'About CareDesk' }).click();
    await expect(app.getByRole('dialog', { name: 'About CareDesk' }).getByRole('alert')).toBeVisible();
    await expectNoSeriousA11yViolations(app, 'the About box showing an error');
  });
});
