import { expectNoSeriousA11yViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { openPatientsScreen, person, registerThroughBridge, resultFor, searchBox, searchFor, searchResults } from './support/patients';
import { saveScreenshot } from './support/screenshots';

test.describe('Patients: the search box', () => {
  test('Ctrl+K and "/" reach the search from any screen; arrows, Enter and Escape work it without the mouse', async ({ app: page }) => {
    await registerThroughBridge(page, person({ firstName: 'Theodora', lastName: 'Abernathy', preferredName: 'Teddy', dateOfBirth: '1948-02-29', phoneHome: '(608) 555-0131', preferredPhone: 'home' }));
    await registerThroughBridge(page, person({ firstName: 'Calvin', lastName: 'Abernathy', dateOfBirth: '1979-10-05', phoneMobile: '(608) 555-0177' }));
    await registerThroughBridge(page, person({ firstName: 'Mirela', lastName: 'Abernathy', dateOfBirth: '2016-06-21' }));

    // From the Schedule, with Ctrl+K: the Patients screen, the cursor in the box.
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await page.keyboard.press('Control+k');
    await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeVisible();
    const box = searchBox(page);
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute('aria-expanded', 'false');

    await searchFor(page, 'abernathy');
    const options = searchResults(page).getByRole('option');
    await expect(options).toHaveCount(3);
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    // The best match is highlighted, so Enter straight away opens it; arrows move the highlight and the box says which.
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(0).getAttribute('id')) as string);
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
    await expect(box).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id')) as string);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp'); // wraps to the last
    await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(box).toBeFocused();

    const teddy = resultFor(page, 'Abernathy, Theodora');
    await expect(teddy).toContainText('goes by “Teddy”');
    await expect(teddy).toContainText(/Born 02\/29\/1948 \(\d+ years old\)/);
    await expect(teddy).toContainText('(608) 555-0131');
    await expect(teddy).toContainText(/MRN \S+/);
    await expect(resultFor(page, 'Abernathy, Mirela')).toContainText('No phone on file');
    await expectNoSeriousA11yViolations(page, 'the search results');
    await saveScreenshot(page, 'patients-search-results', { fullPage: false });

    // Enter opens the highlighted patient; the box empties.
    await page.keyboard.press('ArrowDown'); // back to the first
    const first = ((await options.nth(0).locator('.search-result-name').textContent()) ?? '').trim();
    await page.keyboard.press('Enter');
    const [last, given] = first.split(', ');
    await expect(page.getByRole('heading', { level: 2, name: `${given} ${last}` })).toBeFocused();
    await expect(box).toHaveValue('');

    // "/" from another screen, when not typing in a field.
    await page.keyboard.press('Alt+1');
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    await page.keyboard.press('/');
    await expect(box).toBeFocused();
    await expect(box).toHaveValue(''); // the "/" itself is not typed into the box

    // "/" inside the box is just a character (dates are typed with it).
    await page.keyboard.type('2/29/48');
    await expect(box).toHaveValue('2/29/48');
    await expect(resultFor(page, 'Abernathy, Theodora')).toBeVisible();

    // Escape clears the box and closes the list.
    await page.keyboard.press('Escape');
    await expect(box).toHaveValue('');
    await expect(searchResults(page)).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  test('nobody matches: the box says so plainly and offers to register the person, with the name carried over', async ({ app: page }) => {
    await openPatientsScreen(page);
    await searchBox(page).focus();
    await searchFor(page, 'Winifred Quarrington');
    const empty = page.locator('.patient-search-empty');
    await expect(empty).toContainText('No patient matches “Winifred Quarrington”. Check the spelling, or try the date of birth or phone number.');
    await expect(searchResults(page)).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'No patient matches Winifred Quarrington.' })).toBeAttached();

    // Tab reaches the action without closing the list.
    await page.keyboard.press('Tab');
    const register = empty.getByRole('button', { name: 'Register a new patient' });
    await expect(register).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Register a new patient' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Winifred');
    await expect(page.getByRole('textbox', { name: 'Last name' })).toHaveValue('Quarrington');
    await expect(page.getByRole('textbox', { name: 'First name' })).toBeFocused();
  });

  test('Ctrl+K from the middle of the registration form keeps what was typed', async ({ app: page }) => {
    await openPatientsScreen(page);
    await page.getByRole('button', { name: 'Register a new patient' }).click();
    await page.getByRole('textbox', { name: 'First name' }).fill('Ingeborg');
    await page.getByRole('textbox', { name: 'Last name' }).fill('Halvorsen');
    await page.keyboard.press('Control+k'); // works from inside a field
    await expect(searchBox(page)).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: 'Register a new patient' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'First name' })).toHaveValue('Ingeborg');

    // Away to another screen and back: still there.
    await page.keyboard.press('Alt+3');
    await openPatientsScreen(page);
    await expect(page.getByRole('textbox', { name: 'Last name' })).toHaveValue('Halvorsen');
    await page.getByRole('button', { name: 'Cancel registration' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Register a new patient' })).toBeHidden();
  });
});
