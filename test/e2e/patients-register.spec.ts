import type { Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { clinicAnswer } from './support/clinic';
import { expect, test } from './support/fixtures';
import { fieldProblem, openPatientsScreen, person, registerThroughBridge, resultFor, searchBox, searchFor, searchResults } from './support/patients';
import { saveScreenshot } from './support/screenshots';

const HARRIET = {
  first: 'Harriet',
  middle: 'June',
  last: 'Lindqvist',
  preferred: 'Hattie',
  dob: '1962-03-14',
  mobile: '(312) 555-0142',
  email: 'harriet.lindqvist@example.com',
} as const;

async function openRegistrationForm(page: Page): Promise<void> {
  await openPatientsScreen(page);
  await page.getByRole('button', { name: 'Register a new patient' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Register a new patient' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'First name' })).toBeFocused();
}

test.describe('Patients: registration', () => {
  test('the desk registers a patient with the full form, then finds her by a typo, by phone (formatted and last four), by date of birth and by MRN', async ({ app: page }) => {
    await openRegistrationForm(page);
    for (const legend of ['Name', 'Birth & identity', 'Phones & consent', 'Email', 'Address', 'Language & contact', 'Emergency contact', 'Status']) {
      await expect(page.getByRole('group', { name: legend })).toBeVisible();
    }
    await page.getByRole('textbox', { name: 'First name' }).fill(HARRIET.first);
    await page.getByRole('textbox', { name: 'Middle name' }).fill(HARRIET.middle);
    await page.getByRole('textbox', { name: 'Last name' }).fill(HARRIET.last);
    await page.getByRole('textbox', { name: 'Preferred name' }).fill(HARRIET.preferred);
    await page.getByLabel('Date of birth').fill(HARRIET.dob);
    await page.getByRole('combobox', { name: 'Sex assigned at birth' }).selectOption('Female');
    await page.getByRole('textbox', { name: 'Mobile phone' }).fill(HARRIET.mobile);
    await page.getByRole('combobox', { name: 'Preferred phone' }).selectOption('Mobile');
    await page.getByRole('checkbox', { name: 'The patient agrees to text messages on the mobile phone' }).check();
    await page.getByRole('textbox', { name: 'Email address' }).fill(HARRIET.email);
    await page.getByRole('textbox', { name: 'Street address' }).fill('1200 N Halsted St');
    await page.getByRole('textbox', { name: 'City' }).fill('Chicago');
    await page.getByRole('textbox', { name: 'State' }).fill('IL');
    await page.getByRole('textbox', { name: 'ZIP code' }).fill('60614');
    await page.getByRole('textbox', { name: 'Preferred language' }).fill('Swedish');
    await page.getByRole('checkbox', { name: 'Needs an interpreter' }).check();
    await page.getByRole('textbox', { name: 'Emergency contact’s name' }).fill('Nils Lindqvist');
    await page.getByRole('textbox', { name: 'Relationship' }).fill('husband');
    await page.getByRole('textbox', { name: 'Emergency contact’s phone' }).fill('312-555-0199');

    const answered = clinicAnswer(page, 'patients:register');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await answered;

    // Her page opens, its heading focused, with the MRN main gave her.
    const heading = page.getByRole('heading', { level: 2, name: 'Harriet June Lindqvist' });
    await expect(heading).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Harriet Lindqvist is registered, with MRN' })).toBeVisible();
    const header = page.locator('.patient-header');
    await expect(header).toContainText('Goes by “Hattie”');
    await expect(header).toContainText('03/14/1962');
    await expect(header.getByRole('listitem')).toHaveText(['Interpreter: Swedish']);
    const mrn = ((await header.textContent()) ?? '').match(/MRN\s*(\S+?)(?=Pronouns|Also|Interpreter|$)/)?.[1];
    expect(mrn, 'the header shows an MRN').toBeTruthy();

    // A misheard name: two typos.
    await page.keyboard.press('Control+k');
    await expect(searchBox(page)).toBeFocused();
    for (const query of ['hariet lindqvst', 'lindqvist, har', '(312) 555-0142', '312.555.0142', '0142', '3/14/62', '03/14/1962', '1962-03-14', 'hattie lindqvist', mrn as string]) {
      await searchFor(page, query);
      await expect(resultFor(page, 'Lindqvist, Harriet June'), `"${query}" finds Harriet`).toBeVisible();
    }
    // MRN: the only result, shown with everything the desk reads back on the phone.
    const result = resultFor(page, 'Lindqvist, Harriet June');
    await expect(searchResults(page).getByRole('option')).toHaveCount(1);
    await expect(result).toContainText('goes by “Hattie”');
    await expect(result).toContainText(/Born 03\/14\/1962 \(\d+ years old\)/);
    await expect(result).toContainText(`MRN ${mrn}`);
    await expect(result).toContainText('(312) 555-0142');
  });

  test('a future date of birth, a bad phone and a bad email are refused under their fields, in words that say what to fix', async ({ app: page }) => {
    await openRegistrationForm(page);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByRole('textbox', { name: 'First name' }).fill('Oskar');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Brandvold');
    await page.getByLabel('Date of birth').fill(tomorrow);
    await page.getByRole('textbox', { name: 'Mobile phone' }).fill('555-01');
    await page.getByRole('textbox', { name: 'Email address' }).fill('oskar at example');
    await page.getByRole('button', { name: 'Register patient' }).click();

    await expect(fieldProblem(page, 'Date of birth')).toHaveText('The date of birth cannot be in the future.');
    await expect(fieldProblem(page, 'Mobile phone')).toHaveText('Enter the mobile number with its area code, such as (312) 555-0142.');
    await expect(fieldProblem(page, 'Email address')).toHaveText('Enter an email address such as name@example.com, or leave it empty.');
    await expect(fieldProblem(page, 'Sex assigned at birth', 'combobox')).toHaveText('Choose the sex assigned at birth (or Unknown).');
    await expect(page.getByRole('alert').filter({ hasText: 'Check the 4 fields marked in red' })).toBeVisible();
    await expect(page.getByLabel('Date of birth')).toBeFocused(); // the first problem, in form order
    await expect(page.getByLabel('Date of birth')).toHaveAttribute('aria-invalid', 'true');
    await expectNoSeriousA11yViolations(page, 'the registration form with problems');
    await page.evaluate(() => window.scrollTo(0, 0)); // the whole form, from its top, with the header where it belongs
    await saveScreenshot(page, 'patients-register-validation');

    // What main refuses lands under the same fields (here a refusal the form could not foresee).
    await page.route('**/__caredesk/ipc/patients:register', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Some details need fixing.', issues: [{ path: 'fields.email', message: 'This email address is refused by the clinic.' }] } }),
      }),
    );
    await page.getByLabel('Date of birth').fill('1979-11-02');
    await page.getByRole('textbox', { name: 'Mobile phone' }).fill('(773) 555-0110');
    await page.getByRole('textbox', { name: 'Email address' }).fill('oskar@example.com');
    await page.getByRole('combobox', { name: 'Sex assigned at birth' }).selectOption('Male');
    await page.getByRole('button', { name: 'Register patient' }).click();
    await expect(fieldProblem(page, 'Email address')).toHaveText('This email address is refused by the clinic.');
    await expect(page.getByRole('textbox', { name: 'Email address' })).toBeFocused();
    await expect(page.getByRole('alert').filter({ hasText: 'Some details need fixing.' })).toBeVisible();
  });

  test('the same person again raises the duplicate warning with its reasons; "Open" goes to the record; "register anyway" makes a second one', async ({ app: page }) => {
    const original = await registerThroughBridge(page, person({ firstName: 'Robert', lastName: 'Castellano', dateOfBirth: '1958-07-09', sexAtBirth: 'male', phoneMobile: '(646) 555-0187' }));

    async function registerBob(): Promise<void> {
      await openRegistrationForm(page);
      await page.getByRole('textbox', { name: 'First name' }).fill('Bob');
      await page.getByRole('textbox', { name: 'Last name' }).fill('Castellano');
      await page.getByLabel('Date of birth').fill('1958-07-09');
      await page.getByRole('combobox', { name: 'Sex assigned at birth' }).selectOption('Male');
      await page.getByRole('textbox', { name: 'Mobile phone' }).fill('646 555 0187');
      const answered = clinicAnswer(page, 'patients:register');
      await page.getByRole('button', { name: 'Register patient' }).click();
      await answered;
    }

    await registerBob();
    const warning = page.getByRole('dialog', { name: 'This patient may already be registered' });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('Bob Castellano looks like a patient already in CareDesk');
    await expect(warning).toContainText('Nothing has been saved yet');
    const candidate = warning.getByRole('listitem').filter({ hasText: `MRN ${original.mrn}` }).first();
    await expect(candidate).toContainText('Castellano, Robert');
    await expect(candidate).toContainText('Born 07/09/1958');
    await expect(candidate).toContainText('Likely the same person');
    const reasons = candidate.locator('.duplicate-reasons li');
    expect(await reasons.count(), 'the warning says why').toBeGreaterThanOrEqual(2);
    await expect(candidate.locator('.duplicate-reasons')).toContainText(/birth/i);
    await expect(candidate.locator('.duplicate-reasons')).toContainText(/Bob|Robert|nickname/i);
    await expect(warning.getByRole('button', { name: 'Open Castellano, Robert' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the duplicate warning');
    await saveScreenshot(page, 'patients-duplicate-warning', { fullPage: false });

    // Back to the form: nothing lost.
    await warning.getByRole('button', { name: 'Go back to the form' }).click();
    await expect(warning).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Bob');

    // It is him: open his record instead (the half-typed registration is dropped).
    await page.getByRole('button', { name: 'Register patient' }).click();
    await warning.getByRole('button', { name: 'Open Castellano, Robert' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Robert Castellano' })).toBeFocused();
    await expect(page.locator('.patient-header')).toContainText(original.mrn);

    // A different person after all (a cousin with the same name and birthday): register anyway.
    await registerBob();
    await expect(warning).toBeVisible();
    const registered = clinicAnswer(page, 'patients:register');
    await warning.getByRole('button', { name: 'This is a different person — register anyway' }).click();
    await registered;
    await expect(page.getByRole('heading', { level: 2, name: 'Bob Castellano' })).toBeFocused();
    await expect(page.locator('.patient-header')).not.toContainText(original.mrn);

    // Both are on file now.
    await page.keyboard.press('Control+k');
    await searchFor(page, '7/9/58');
    await expect(resultFor(page, 'Castellano')).toHaveCount(2);
  });

  test('quick registration for a phone booking: name, date of birth and a number, checked by the same shared rules', async ({ app: page }) => {
    await openPatientsScreen(page);
    const opener = page.getByRole('button', { name: 'Quick registration' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Quick registration' });
    await expect(dialog.getByRole('textbox', { name: 'First name' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused(); // back where the desk was

    await opener.click();
    await dialog.getByRole('textbox', { name: 'First name' }).fill('Desmond');
    await dialog.getByRole('textbox', { name: 'Last name' }).fill('Achterberg');
    await dialog.getByLabel('Date of birth').fill('1987-01-23');
    await dialog.getByRole('button', { name: 'Register patient' }).click();
    await expect(fieldProblem(dialog, 'Phone number')).toHaveText('Enter a phone number to call the patient back.');
    await dialog.getByRole('textbox', { name: 'Phone number' }).fill('2025550143');
    const answered = clinicAnswer(page, 'patients:quickRegister');
    await dialog.getByRole('button', { name: 'Register patient' }).click();
    await answered;
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: 'Desmond Achterberg' })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Desmond Achterberg is registered, with MRN' })).toContainText('Add the rest of their details when you can.');
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('(202) 555-0143 (preferred)');
  });
});
