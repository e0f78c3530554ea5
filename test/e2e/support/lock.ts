import { expect, type Locator, type Page } from '@playwright/test';
import type { ClinicApi } from '../../../shared/contract';
import { ADMIN, clinicAnswer, type StaffLogin } from './clinic';

/** Signs in on the sign-in screen, as a person would (so the window knows whose username to show when it locks). */
export async function signInOnScreen(page: Page, login: StaffLogin = ADMIN): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Username' }).fill(login.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(login.password);
  const answered = clinicAnswer(page, 'auth:signIn');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await answered;
}

/** The lock screen's heading for `name`'s session. */
export function lockHeading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 1, name: `Locked — ${name}’s session` });
}

/** The administrator sets the automatic lock (1–30 minutes) through window.clinic, as the Admin screen's form would. */
export async function setLockMinutesThroughBridge(page: Page, minutes: number): Promise<void> {
  await page.evaluate(async (lockAfterMinutes) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic;
    const saved = await api.settings.update({ lockAfterMinutes });
    if (!saved.ok) throw new Error(`settings:update failed: ${saved.error.message}`);
  }, minutes);
}

/**
 * Everywhere a word could still be on the page: visible text, any element's text (hidden or not), the value of
 * every field, and the window title. Returns the places where `text` was found (empty: gone).
 */
export async function placesHolding(page: Page, text: string): Promise<string[]> {
  return page.evaluate((needle) => {
    const found: string[] = [];
    if (document.body.innerText.includes(needle)) found.push('visible text');
    if (document.documentElement.outerHTML.includes(needle)) found.push('page markup');
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (field.value.includes(needle)) found.push(`the value of a field (${field.getAttribute('aria-label') ?? field.name ?? field.type})`);
    }
    if (document.title.includes(needle)) found.push('window title');
    return found;
  }, text);
}

/** How many times the page has asked main to lock (counted from now). */
export function countLockCalls(page: Page): { count: () => number } {
  let calls = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/__caredesk/ipc/lock:now')) calls += 1;
  });
  return { count: () => calls };
}
