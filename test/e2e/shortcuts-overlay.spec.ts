import { expect, test } from './support/fixtures';
import { tabUntilFocused } from './support/keyboard';
import { SCREENS } from './support/screens';

test.describe('The keyboard shortcut list', () => {
  test('"?" opens it, it lists every shortcut, and Escape closes it with focus back where it was', async ({ app }) => {
    const patients = app.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Patients' });
    await tabUntilFocused(app, patients);

    await app.keyboard.press('?');

    const overlay = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(overlay).toBeVisible();
    for (const [index, screen] of SCREENS.entries()) {
      await expect(overlay.getByRole('row', { name: new RegExp(`Alt\\s*\\+?\\s*${index + 1}\\s+Go to ${screen.name}$`) })).toBeVisible();
    }
    await expect(overlay.getByRole('row', { name: /Esc/ })).toBeVisible();
    await expect(overlay.getByRole('row', { name: /^Ctrl\s*\+?\s*K\s+Find a patient/ })).toBeVisible();
    await expect(overlay.getByRole('row', { name: /^\/\s+Find a patient \(not in a text field\)$/ })).toBeVisible();
    await expect(overlay.getByRole('button', { name: 'About CareDesk' })).toBeVisible();

    await app.keyboard.press('Escape');
    await expect(overlay).toBeHidden();
    await expect(patients).toBeFocused();
  });

  test('the "Keyboard shortcuts" button in the header opens the same list', async ({ app }) => {
    await app.getByRole('banner').getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  });

  test('typing "?" into a field types a question mark and does not open the list', async ({ app }) => {
    // No screen has a field yet, so the test adds one, as a form will.
    await app.getByRole('main').evaluate((main) => {
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'Note');
      main.append(input);
    });
    const note = app.getByRole('textbox', { name: 'Note' });
    await note.focus();
    await app.keyboard.type('Is the copay due today?');
    await expect(note).toHaveValue('Is the copay due today?');
    await expect(app.getByRole('dialog')).toHaveCount(0);
  });

  test('while the list is open, Alt+N does not change the screen behind it', async ({ app }) => {
    await app.keyboard.press('?');
    await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await app.keyboard.press('Alt+3');
    await app.keyboard.press('Escape');
    await expect(app.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  });
});
