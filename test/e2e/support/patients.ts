import { expect, type Locator, type Page } from '@playwright/test';
import type { ClinicApi } from '../../../shared/contract';
import type { PatientFieldsInput } from '../../../shared/patients/schemas';

/** The Patients screen's search box (an ARIA combobox) and its list of results. */
export function searchBox(page: Page): Locator {
  return page.getByRole('combobox', { name: 'Find a patient' });
}
export function searchResults(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Find a patient: results' });
}
/** The result whose text holds `text` (a name, an MRN). */
export function resultFor(page: Page, text: string): Locator {
  return searchResults(page).getByRole('option').filter({ hasText: text });
}

/** Patients with Alt+2, as a receptionist would from anywhere. */
export async function openPatientsScreen(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Patients' })).toBeFocused();
}

/** Types into the search box and waits until the results (or the "no match" sentence) are for exactly this query. */
export async function searchFor(page: Page, query: string): Promise<void> {
  const answered = page.waitForResponse((response) => response.url().endsWith('/__caredesk/ipc/patients:search') && (response.request().postData() ?? '').includes(JSON.stringify(query.trim()).slice(1, -1)));
  await searchBox(page).fill(query);
  await answered;
}

/** The error under a field of the patient form, found by the field's label. */
export function fieldProblem(scope: Page | Locator, label: string, role: 'textbox' | 'combobox' = 'textbox'): Locator {
  // The inner locator of `has` is matched inside each wrapper, so it starts from the page, not from `scope`.
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  return scope.locator('.mantine-InputWrapper-root').filter({ has: page.getByRole(role, { name: label, exact: true }) }).locator('.mantine-InputWrapper-error');
}

type Fields = PatientFieldsInput;

/**
 * Registers a patient through window.clinic (full registration), going past any duplicate warning as "a different
 * person". Returns the new record's id and MRN.
 */
export async function registerThroughBridge(page: Page, fields: Fields): Promise<{ id: string; mrn: string }> {
  return page.evaluate(async (fields) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic;
    let acknowledged: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const result = await api.patients.register({ fields, acknowledgedDuplicateIds: acknowledged });
      if (!result.ok) throw new Error(`patients:register failed: ${result.error.message}`);
      if (result.value.outcome === 'created') return result.value.patient;
      acknowledged = [...acknowledged, ...result.value.candidates.map((candidate) => candidate.id)];
    }
    throw new Error('patients:register kept answering possible-duplicates');
  }, fields);
}

/** The minimum of a full registration; the rest empty. */
export function person(fields: Pick<Fields, 'firstName' | 'lastName' | 'dateOfBirth'> & Partial<Fields>): Fields {
  return { sexAtBirth: 'unknown', status: 'active', ...fields };
}

/**
 * Opens a patient's page the way the desk does: Ctrl+K, type, Enter on the highlighted (first) result.
 * `query` must make the patient the best match.
 */
export async function openPatientBySearch(page: Page, query: string, heading: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
  await searchFor(page, query);
  await expect(searchResults(page).getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeFocused();
}
