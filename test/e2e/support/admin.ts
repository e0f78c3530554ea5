import { expect, type Locator, type Page } from '@playwright/test';
import type { ClinicApi } from '../../../shared/contract';
import { ADMIN, signInThroughBridge, type StaffLogin } from './clinic';

export type AdminTabName = 'Staff' | 'Providers & hours' | 'Rooms' | 'Appointment types' | 'Closures' | 'Audit trail' | 'Backups' | 'Clinic settings';

/** Signs in (through window.clinic) on a page showing the app, opens Admin with Alt+8 and the given tab. */
export async function openAdmin(page: Page, tab: AdminTabName = 'Staff', login: StaffLogin = ADMIN): Promise<void> {
  await page.goto('/');
  if (await signInThroughBridge(page, login)) await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  await page.keyboard.press('Alt+8');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeFocused();
  await openAdminTab(page, tab);
}

export async function openAdminTab(page: Page, tab: AdminTabName): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

/** The staff table's row for a person (its row header is their name). */
export function staffRow(page: Page, fullName: string): Locator {
  return page.getByRole('table', { name: 'Staff accounts' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: fullName, exact: true }) });
}

/** The error text under a field, found by its accessible name (Mantine's InputWrapper). */
export function fieldError(scope: Page | Locator, label: string, role: 'textbox' | 'combobox' | 'spinbutton' = 'textbox'): Locator {
  // The inner locator of `has` is matched inside each wrapper, so it starts from the page, not from `scope`.
  const page = 'page' in scope && typeof scope.page === 'function' ? (scope as Locator).page() : (scope as Page);
  return scope
    .locator('.mantine-InputWrapper-root')
    .filter({ has: page.getByRole(role, { name: label, exact: true }) })
    .locator('.mantine-InputWrapper-error');
}

/** Wrong passwords for `username` through window.clinic, as someone guessing at the sign-in screen would. */
export async function failSignIns(page: Page, username: string, times: number): Promise<string[]> {
  return page.evaluate(
    async ({ username, times }) => {
      const api = (window as unknown as { clinic: ClinicApi }).clinic;
      const codes: string[] = [];
      for (let attempt = 0; attempt < times; attempt += 1) {
        const result = await api.auth.signIn({ username, password: `not the password ${attempt}` });
        codes.push(result.ok ? 'OK' : result.error.code);
      }
      return codes;
    },
    { username, times },
  );
}
