import type { ClinicApi } from '../../shared/contract';
import { expectNoSeriousA11yViolations } from './support/axe';
import { clinicAnswer } from './support/clinic';
import { expect, test } from './support/fixtures';
import { openPatientBySearch, person, registerThroughBridge, resultFor, searchFor } from './support/patients';
import { saveScreenshot } from './support/screenshots';

test.describe('Patients: the patient page', () => {
  test('header with name, preferred name, birth date, age, MRN and alerts; honest empty sections; contacts; details; history', async ({ app: page }) => {
    const { mrn } = await registerThroughBridge(
      page,
      person({
        firstName: 'Esperanza',
        middleName: 'Luz',
        lastName: 'Villanueva',
        preferredName: 'Lucha',
        dateOfBirth: '1941-12-03',
        sexAtBirth: 'female',
        pronouns: 'she/her',
        phoneMobile: '(305) 555-0166',
        preferredPhone: 'mobile',
        preferredLanguage: 'Spanish',
        interpreterNeeded: true,
        emergencyContactName: 'Rosa Villanueva',
        emergencyContactRelationship: 'daughter',
        emergencyContactPhone: '(305) 555-0167',
        status: 'deceased',
      }),
    );
    await openPatientBySearch(page, 'esperanza villanueva', 'Esperanza Luz Villanueva');

    const header = page.locator('.patient-header');
    await expect(header).toContainText('Goes by “Lucha”');
    await expect(header).toContainText(/Date of birth\s*12\/03\/1941 \(\d+ years old\)/);
    await expect(header).toContainText(`MRN ${mrn}`);
    await expect(header).toContainText('she/her');
    await expect(page.getByRole('list', { name: 'Alerts' }).getByRole('listitem')).toHaveText(['Deceased', 'Interpreter: Spanish', 'Do not text']);

    // The parts later capabilities fill say plainly that they are empty, and why.
    for (const [section, sentence] of [
      ['Appointments', 'No appointments yet: scheduling is not built yet.'],
      ['Intake', 'No intake forms yet: intake forms are not built yet.'],
      ['Insurance', 'No insurance on file yet: insurance verification is not built yet.'],
      ['Care plan', 'No care plan yet: care plans are not built yet.'],
    ] as const) {
      await expect(page.getByRole('region', { name: section })).toContainText(sentence);
    }
    const contacts = page.getByRole('region', { name: 'Contacts' });
    await expect(contacts).toContainText('About appointments: nobody but the patient');
    await expect(contacts).toContainText('In an emergency, call Rosa Villanueva (daughter) at (305) 555-0167.');
    await expect(contacts).toContainText('No family members or caregivers on file yet.');

    // A daughter who may hear about appointments and billing, but not clinical information.
    await contacts.getByRole('button', { name: 'Add a family member or caregiver' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a family member or caregiver' });
    await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Rosa Villanueva');
    await dialog.getByRole('textbox', { name: 'Relationship' }).fill('daughter');
    await dialog.getByRole('textbox', { name: 'Phone' }).fill('305-555-0167');
    await dialog.getByRole('checkbox', { name: 'Appointments' }).check();
    await dialog.getByRole('checkbox', { name: 'Billing' }).check();
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await expect(dialog.getByText('Enter the date the patient gave this authorization.')).toBeVisible(); // shared schema, under its field
    await dialog.getByLabel('Authorized on').fill('2024-01-15');
    const saved = clinicAnswer(page, 'patients:saveRelatedPerson');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await saved;
    await expect(dialog).toBeHidden();
    // Said where it happened; focus back on the button that opened the dialog.
    await expect(contacts.getByRole('status')).toHaveText('Rosa Villanueva was added to the contacts.');
    await expect(contacts.getByRole('button', { name: 'Add a family member or caregiver' })).toBeFocused();
    await expect(contacts).toContainText('About appointments: Rosa Villanueva (daughter)');
    await expect(contacts).toContainText('About billing: Rosa Villanueva (daughter)');
    await expect(contacts).toContainText('About clinical information: nobody but the patient');
    const row = contacts.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Rosa Villanueva' }) });
    await expect(row).toContainText('(305) 555-0167');
    await expect(row).toContainText('Appointments and billing');
    await expect(row).toContainText('Since Jan 15, 2024 — in effect today');

    // Details: the record as stored, and an edit that goes into History.
    const details = page.getByRole('region', { name: 'Details' });
    await expect(details).toContainText('(305) 555-0166 (preferred)');
    await expect(details).toContainText('Do not text');
    await details.getByRole('button', { name: 'Edit details' }).click();
    await expect(details.getByRole('textbox', { name: 'First name' })).toBeFocused();
    await expect(details.getByRole('textbox', { name: 'Mobile phone' })).toHaveValue('(305) 555-0166');
    await details.getByRole('textbox', { name: 'Preferred language' }).fill('Portuguese');
    const updated = clinicAnswer(page, 'patients:update');
    await details.getByRole('button', { name: 'Save changes' }).click();
    await updated;
    await expect(details.getByRole('status')).toContainText('The changes are saved.');
    await expect(details.getByRole('button', { name: 'Edit details' })).toBeFocused();
    await expect(page.getByRole('list', { name: 'Alerts' })).toContainText('Interpreter: Portuguese');

    const history = page.getByRole('region', { name: 'History' }).getByRole('table');
    const languageRow = history.getByRole('row').filter({ hasText: 'Preferred language' });
    await expect(languageRow).toContainText('Maria Lee');
    await expect(languageRow.getByRole('cell').nth(3)).toHaveText('Spanish');
    await expect(languageRow.getByRole('cell').nth(4)).toHaveText('Portuguese');
    await expect(languageRow.getByRole('cell').nth(0)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M$/);
    await expect(history.getByRole('row').filter({ hasText: 'Family member or caregiver' })).toContainText('Rosa Villanueva (daughter), (305) 555-0167');
    await expect(history.getByRole('row').filter({ hasText: 'Registered' })).toContainText('Full registration');

    await page.keyboard.press('Control+Home');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectNoSeriousA11yViolations(page, 'the patient page');
    await saveScreenshot(page, 'patients-patient-page');
  });

  test('an administrator merges a duplicate into the record: its contacts move, and its MRN still finds the person', async ({ app: page }) => {
    const keep = await registerThroughBridge(page, person({ firstName: 'Ignatius', lastName: 'Pemberton', dateOfBirth: '1955-05-17', phoneHome: '(414) 555-0121' }));
    const twin = await registerThroughBridge(page, person({ firstName: 'Iggy', lastName: 'Pemberton', dateOfBirth: '1955-05-17', phoneMobile: '(414) 555-0122' }));
    await page.evaluate(async (twinId) => {
      const api = (window as unknown as { clinic: ClinicApi }).clinic;
      const saved = await api.patients.saveRelatedPerson({ patientId: twinId, person: { name: 'Olive Pemberton', relationship: 'wife', shareAppointments: true, authorizedFrom: '2023-03-01' } });
      if (!saved.ok) throw new Error(saved.error.message);
    }, twin.id);

    await openPatientBySearch(page, keep.mrn, 'Ignatius Pemberton');
    await page.getByRole('button', { name: 'Merge a duplicate into this record' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge a duplicate into this record' });
    const find = dialog.getByRole('combobox', { name: 'Find the duplicate record' });
    await expect(find).toBeFocused();
    await find.fill(keep.mrn); // this record itself is never offered
    await expect(dialog.getByText(`No patient matches “${keep.mrn}”`)).toBeVisible();
    await find.fill(twin.mrn);
    await expect(dialog.getByRole('option').filter({ hasText: 'Pemberton, Iggy' })).toBeVisible();
    await page.keyboard.press('Enter');

    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expect(dialog).toContainText(`Everything linked to MRN ${twin.mrn}`);
    await expect(dialog).toContainText(`Searching for MRN ${twin.mrn} will find this record.`);
    await expect(dialog.getByRole('row', { name: /^MRN/ })).toContainText(keep.mrn);
    await expectNoSeriousA11yViolations(page, 'the merge confirmation');
    await saveScreenshot(page, 'patients-merge-confirm', { fullPage: false });
    const merged = clinicAnswer(page, 'patients:merge');
    await dialog.getByRole('button', { name: `Merge MRN ${twin.mrn} into this record` }).click();
    await merged;
    await expect(dialog).toBeHidden();
    const notice = page.getByRole('status').filter({ hasText: 'The duplicate record is merged into this one.' });
    await expect(notice).toBeFocused();
    await expect(notice).toContainText('1 family member or caregiver');
    await expect(page.locator('.patient-header')).toContainText(`Also found by MRN ${twin.mrn}`);
    await expect(page.getByRole('region', { name: 'Contacts' })).toContainText('About appointments: Olive Pemberton (wife)');

    await page.keyboard.press('Control+k');
    await searchFor(page, twin.mrn);
    await expect(resultFor(page, 'Pemberton, Ignatius')).toContainText('Found by the MRN of a merged record');
  });
});
