import type { Locator, Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, CLINIC, dataFolderFiles } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

// The computer the wizard runs on: its time zone is the wizard's default.
test.use({ timezoneId: 'America/Chicago' });

test.describe('First start: the setup wizard', () => {
  test('the administrator sets up the clinic step by step, a mistyped recovery group is caught and saves nothing, and Finish signs them in', async ({ page, clinicHost }) => {
    const beginCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/__caredesk/ipc/setup:begin')) beginCalls.push(request.url());
    });
    await page.goto('/');

    // Step 1: the clinic.
    await expect(page.getByRole('heading', { level: 1, name: 'Set up CareDesk' })).toBeVisible();
    await expect(currentStep(page)).toHaveText(/Your clinic/);
    const clinicName = page.getByRole('textbox', { name: 'Clinic name' });
    await expect(clinicName).toBeFocused();
    await expect(timeZoneField(page)).toHaveValue(/^America\/Chicago — Central Time$/);
    await expectNoSeriousA11yViolations(page, 'setup step 1 (clinic)');
    await saveScreenshot(page, 'setup-1-clinic');

    await page.keyboard.press('Enter'); // nothing typed yet
    await expect(page.getByText('Enter the clinic name.')).toBeVisible();
    await expect(clinicName).toHaveAttribute('aria-invalid', 'true');

    await clinicName.fill(CLINIC.name);
    // The time zone list is searchable by city, with spaces.
    await timeZoneField(page).click();
    await timeZoneField(page).fill('new york');
    await page.getByRole('option', { name: /^America\/New York/ }).click();
    await expect(timeZoneField(page)).toHaveValue(/^America\/New York — Eastern Time$/);
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 2: the first administrator, with the strength meter and the policy.
    await expect(currentStep(page)).toHaveText(/First administrator/);
    await expect(page.getByRole('textbox', { name: 'Full name' })).toBeFocused();
    await page.getByRole('textbox', { name: 'Full name' }).fill(ADMIN.fullName);
    await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username);
    await expect(page.getByText('At least 12 characters, no other rules.', { exact: false })).toBeVisible();
    await passwordField(page, 'Password').fill('password123456');
    await expect(strength(page)).toContainText('Strength:');
    await expect(strength(page)).toContainText('too common or too easy to guess');
    await passwordField(page, 'Type the password again').fill('something else');
    await page.getByRole('button', { name: 'Next' }).click();
    // Both problems at once, under their fields; nothing asked of main yet.
    await expect(fieldError(page, 'Password')).toHaveText('This password is too common or too easy to guess. Try a few unrelated words.');
    await expect(fieldError(page, 'Type the password again')).toHaveText(/The two passwords are not the same/);
    await expectNoSeriousA11yViolations(page, 'setup step 2 (administrator) with problems shown');
    await saveScreenshot(page, 'setup-2-administrator-problems');
    expect(beginCalls).toHaveLength(0);

    await passwordField(page, 'Password').fill(ADMIN.password);
    await passwordField(page, 'Type the password again').fill(ADMIN.password);
    await expect(strength(page)).toContainText(/Strength: (Strong|Very strong)/);
    await expect(page.getByRole('status').filter({ hasText: /Strength: (Strong|Very strong)/ })).toBeAttached();
    await saveScreenshot(page, 'setup-2-administrator');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: the recovery code, shown once, printable on its own sheet.
    await expect(currentStep(page)).toHaveText(/Recovery code/);
    await expect(page.getByRole('heading', { level: 2, name: /Recovery code/ })).toBeFocused();
    const groups = await recoveryGroups(page);
    expect(groups).toHaveLength(7);
    for (const group of groups) expect(group).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
    await expect(page.getByText('It is shown only this once.', { exact: false })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'setup step 3 (recovery code)');
    await saveScreenshot(page, 'setup-3-recovery-code');

    await page.evaluate(() => {
      (window as unknown as { printCalls: number }).printCalls = 0;
      window.print = () => void ((window as unknown as { printCalls: number }).printCalls += 1);
    });
    await page.getByRole('button', { name: 'Print the code' }).click();
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    // On paper: the sheet with the clinic's name and the date, and nothing else of the screen.
    await expect(page.locator('.recovery-sheet')).toContainText(CLINIC.name);
    await expect(page.locator('.recovery-sheet')).toContainText(/Made on \w+ \d{1,2}, \d{4}/);
    await expect(page.getByRole('button', { name: 'Next' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Set up CareDesk' })).toBeHidden();
    await saveScreenshot(page, 'setup-3-recovery-code-print');
    await page.emulateMedia({ media: 'screen' });

    // Back and Next again: the same code (setup:begin is asked once).
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue(ADMIN.fullName);
    await page.getByRole('button', { name: 'Next' }).click();
    expect(await recoveryGroups(page)).toEqual(groups);
    expect(beginCalls).toHaveLength(1);
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 4: two groups typed back from the paper (the code is off the screen now), then Finish.
    await expect(currentStep(page)).toHaveText(/Check and finish/);
    await expect(page.getByText(groups[0] as string, { exact: true })).toHaveCount(0);
    const [first, second] = await confirmNumbers(page);
    await expect(page.getByText(`type group ${first} and group ${second}`, { exact: false })).toBeVisible();
    await expect(page.getByRole('textbox', { name: `Group ${first}` })).toBeFocused();
    await expect(page.locator('.setup-summary')).toContainText(CLINIC.name);
    await expect(page.locator('.setup-summary')).toContainText('America/New York — Eastern Time');
    await expect(page.locator('.setup-summary')).toContainText(`${ADMIN.fullName} (username ${ADMIN.username})`);
    await expectNoSeriousA11yViolations(page, 'setup step 4 (check and finish)');
    await saveScreenshot(page, 'setup-4-finish');

    // A mistyped group: main says which one, under that field; nothing is written.
    const wrong = mistype(groups[second - 1] as string);
    await page.getByRole('textbox', { name: `Group ${first}` }).fill(groups[first - 1] as string);
    await page.getByRole('textbox', { name: `Group ${second}` }).fill(wrong);
    await page.getByRole('button', { name: 'Finish' }).click();
    await expect(fieldError(page, `Group ${second}`)).toHaveText(`Group ${second} does not match the recovery code. Check the printout and type it again.`);
    await expect(page.getByRole('alert')).toContainText('The recovery code groups do not match.');
    await expect(page.getByRole('textbox', { name: `Group ${second}` })).toBeFocused();
    expect(dataFolderFiles(clinicHost.dataDir), 'a refused setup writes nothing').toEqual([]);
    expect(dataFolderFiles(clinicHost.keychainDir)).toEqual([]);
    await saveScreenshot(page, 'setup-4-finish-mistyped');

    // Typed the way people type: lower case, with a space.
    const typed = (groups[second - 1] as string).toLowerCase();
    await page.getByRole('textbox', { name: `Group ${second}` }).fill(`${typed.slice(0, 2)} ${typed.slice(2)}`);
    await page.getByRole('button', { name: 'Finish' }).click();

    // Signed in, in the app: who, which clinic, and the Schedule.
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused({ timeout: 15_000 });
    const header = page.getByRole('banner');
    await expect(header).toContainText(ADMIN.fullName);
    await expect(header).toContainText('Administrator');
    await expect(header).toContainText(CLINIC.name);
    await expect(page).toHaveTitle('CareDesk');
    expect(dataFolderFiles(clinicHost.dataDir)).toEqual(expect.arrayContaining(['caredesk.keystore', 'machine-secret.sealed']));
    // The code is gone with the wizard: not on the page, not in browser storage.
    const leftovers = await page.evaluate(() => document.body.innerText + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    for (const group of groups) expect(leftovers).not.toContain(group);
    expect(clinicHost.output(), 'the host never logs the password or the code').not.toContain(ADMIN.password);
    expect(clinicHost.output()).not.toContain(groups.join(''));
  });

  test('Cancel asks first, then clears every field, goes back to step 1 and leaves the data folder empty', async ({ page, clinicHost }) => {
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Clinic name' }).fill(CLINIC.name);
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Full name' }).fill(ADMIN.fullName);
    await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username);
    await passwordField(page, 'Password').fill(ADMIN.password);
    await passwordField(page, 'Type the password again').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await expect(currentStep(page)).toHaveText(/Recovery code/);
    const firstCode = await recoveryGroups(page);

    const cancel = page.getByRole('button', { name: 'Cancel setup' });
    await cancel.click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the setup?' });
    await expect(dialog).toContainText('The recovery code shown in this setup will not work.');
    await expectNoSeriousA11yViolations(page, 'the cancel-setup question');
    await saveScreenshot(page, 'setup-cancel-question', { fullPage: false });
    await dialog.getByRole('button', { name: 'Keep setting up' }).click();
    await expect(dialog).toBeHidden();
    await expect(currentStep(page)).toHaveText(/Recovery code/);
    await expect(cancel).toBeFocused();

    await cancel.click();
    await page.getByRole('dialog', { name: 'Cancel the setup?' }).getByRole('button', { name: 'Cancel setup' }).click();
    await expect(currentStep(page)).toHaveText(/Your clinic/);
    await expect(page.getByRole('textbox', { name: 'Clinic name' })).toHaveValue('');
    await expect(page.getByRole('textbox', { name: 'Clinic name' })).toBeFocused();
    await expect(timeZoneField(page)).toHaveValue(/^America\/Chicago/);
    expect(dataFolderFiles(clinicHost.dataDir), 'a cancelled setup leaves the data folder empty').toEqual([]);
    expect(dataFolderFiles(clinicHost.keychainDir)).toEqual([]);

    // Starting again: empty administrator fields, and a new recovery code.
    await page.getByRole('textbox', { name: 'Clinic name' }).fill(CLINIC.name);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Full name' })).toHaveValue('');
    await expect(passwordField(page, 'Password')).toHaveValue('');
    await page.getByRole('textbox', { name: 'Full name' }).fill(ADMIN.fullName);
    await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username);
    await passwordField(page, 'Password').fill(ADMIN.password);
    await passwordField(page, 'Type the password again').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    expect(await recoveryGroups(page)).not.toEqual(firstCode);
    expect(dataFolderFiles(clinicHost.dataDir)).toEqual([]);
  });
});

function currentStep(page: Page): Locator {
  return page.getByRole('list', { name: 'Setup steps' }).locator('[aria-current="step"]');
}

function timeZoneField(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Time zone' });
}

function passwordField(page: Page, label: string): Locator {
  return page.getByRole('textbox', { name: label, exact: true });
}

function strength(page: Page): Locator {
  return page.locator('.password-strength-text');
}

/** The error text Mantine shows under a field (linked to it by aria-describedby). */
function fieldError(page: Page, label: string): Locator {
  return page.locator('.mantine-InputWrapper-root').filter({ has: page.getByRole('textbox', { name: label, exact: true }) }).locator('.mantine-InputWrapper-error');
}

async function recoveryGroups(page: Page): Promise<string[]> {
  return page.locator('.recovery-group-code').allTextContents();
}

async function confirmNumbers(page: Page): Promise<[number, number]> {
  const labels = await page.locator('.recovery-group-field label').allTextContents();
  const numbers = labels.map((label) => Number(/Group (\d)/.exec(label)?.[1]));
  return [numbers[0] as number, numbers[1] as number];
}

/** One character changed, still a plausible group. */
function mistype(group: string): string {
  const last = group.at(-1) === 'Z' ? 'Y' : 'Z';
  return group.slice(0, 3) + last;
}
