import { clinicAnswer } from './support/clinic';
import { expect, test } from './support/fixtures';
import { openPatientsScreen, resultFor, searchBox, searchFor } from './support/patients';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '"><script>alert(1)</script>';
const SVG = '<svg onload=alert(2)>';

test.describe('Patients: names that look like code', () => {
  test('script payloads typed as a name, preferred name and caregiver are shown as text everywhere and never run', async ({ app: page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    // Registered through the form, the way a prankster at a kiosk (or a bad import) would put it in.
    await openPatientsScreen(page);
    await page.getByRole('button', { name: 'Register a new patient' }).click();
    await page.getByRole('textbox', { name: 'First name' }).fill(IMG);
    await page.getByRole('textbox', { name: 'Last name' }).fill(SCRIPT);
    await page.getByRole('textbox', { name: 'Preferred name' }).fill(SVG);
    await page.getByLabel('Date of birth').fill('1991-08-19');
    await page.getByRole('combobox', { name: 'Sex assigned at birth' }).selectOption('Unknown');
    await page.getByRole('textbox', { name: 'City' }).fill('<b>Springfield</b>');
    const registered = clinicAnswer(page, 'patients:register');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await registered;

    // The page heading is the name, character for character.
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(`${IMG} ${SCRIPT}`);
    await expect(page.locator('.patient-header')).toContainText(`Goes by “${SVG}”`);
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('<b>Springfield</b>');

    // A caregiver with a payload for a name.
    await page.getByRole('button', { name: 'Add a family member or caregiver' }).click();
    const person = page.getByRole('dialog', { name: 'Add a family member or caregiver' });
    await person.getByRole('textbox', { name: 'Name' }).fill(IMG);
    await person.getByRole('textbox', { name: 'Relationship' }).fill(SCRIPT);
    await person.getByRole('checkbox', { name: 'Appointments' }).check();
    await person.getByLabel('Authorized on').fill('2025-02-01');
    await person.getByRole('button', { name: 'Add person' }).click();
    await expect(person).toBeHidden();
    await expect(page.getByRole('region', { name: 'Contacts' })).toContainText(`About appointments: ${IMG} (${SCRIPT})`);

    // In search results (found by date of birth) and in the duplicate warning.
    await page.keyboard.press('Control+k');
    await searchFor(page, '8/19/91');
    await expect(resultFor(page, IMG)).toContainText(`${SCRIPT}, ${IMG}`);
    await expect(resultFor(page, IMG)).toContainText(`goes by “${SVG}”`);
    await page.keyboard.press('Escape');
    await expect(searchBox(page)).toHaveValue('');
    await page.getByRole('button', { name: 'Register a new patient' }).click();
    await page.getByRole('textbox', { name: 'First name' }).fill(IMG);
    await page.getByRole('textbox', { name: 'Last name' }).fill(SCRIPT);
    await page.getByLabel('Date of birth').fill('1991-08-19');
    await page.getByRole('combobox', { name: 'Sex assigned at birth' }).selectOption('Unknown');
    await page.getByRole('button', { name: 'Register patient' }).click();
    const warning = page.getByRole('dialog', { name: 'This patient may already be registered' });
    await expect(warning).toContainText(`${IMG} ${SCRIPT} looks like a patient already in CareDesk`);
    await expect(warning.getByRole('button', { name: `Open ${SCRIPT}, ${IMG}` })).toBeVisible();
    await warning.getByRole('button', { name: 'Go back to the form' }).click();
    await page.getByRole('button', { name: 'Cancel registration' }).click();

    // Nothing was turned into markup: no such elements exist, nothing ran, nothing complained.
    expect(await page.locator('img[src="x"], svg[onload], script:not([src]), b:text("Springfield")').count()).toBe(0);
    await page.waitForTimeout(300); // an onerror would have fired by now
    expect(dialogs, 'no alert() ever ran').toEqual([]);
    expect(problems, 'no console errors').toEqual([]);
  });
});
