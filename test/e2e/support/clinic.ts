import { existsSync, readdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { ClinicApi } from '../../../shared/contract';

/** The clinic every story sets up, and its first administrator. */
export const CLINIC = { name: 'Maple Street Clinic', timeZone: 'America/New_York' } as const;
export const ADMIN = { fullName: 'Maria Lee', username: 'mlee', password: 'maple syrup on tuesday' } as const;

export interface StaffLogin {
  username: string;
  password: string;
}

/**
 * First-run setup straight through window.clinic (what the wizard does, minus the typing), on a page already
 * showing the app. Leaves the administrator signed in. Returns the recovery code's groups.
 */
export async function setUpThroughBridge(page: Page, clinic: { name: string; timeZone: string } = CLINIC, admin = ADMIN): Promise<string[]> {
  return page.evaluate(
    async ({ clinic, admin }) => {
      const api = (window as unknown as { clinic: ClinicApi }).clinic;
      const begun = await api.setup.begin();
      if (!begun.ok) throw new Error(`setup:begin failed: ${begun.error.message}`);
      const groups = begun.value.recoveryCodeGroups;
      const [first, second] = begun.value.confirmGroupNumbers;
      const done = await api.setup.complete({
        clinicName: clinic.name,
        timeZone: clinic.timeZone,
        admin: { fullName: admin.fullName, username: admin.username, password: admin.password },
        confirmGroups: [groups[first - 1] ?? '', groups[second - 1] ?? ''],
      });
      if (!done.ok) throw new Error(`setup:complete failed: ${done.error.message}`);
      return groups;
    },
    { clinic, admin },
  );
}

/** Signs in through window.clinic unless someone already is. Returns true when it signed in (the page must reload to show it). */
export async function signInThroughBridge(page: Page, login: StaffLogin = ADMIN): Promise<boolean> {
  return page.evaluate(async (login) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic;
    const state = await api.session.state();
    if (!state.ok) throw new Error(`session:state failed: ${state.error.message}`);
    if (state.value.phase === 'signed-in') return false;
    const signedIn = await api.auth.signIn({ username: login.username, password: login.password });
    if (!signedIn.ok) throw new Error(`auth:signIn failed: ${signedIn.error.message}`);
    return true;
  }, login);
}

export async function signOutThroughBridge(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic;
    const done = await api.auth.signOut();
    if (!done.ok && done.error.code !== 'UNAUTHENTICATED') throw new Error(`auth:signOut failed: ${done.error.message}`);
  });
}

/** The signed-in administrator adds a staff member with a temporary password (they must choose their own at sign-in). */
export async function addStaffThroughBridge(page: Page, person: { fullName: string; username: string; role: 'front_desk' | 'coordinator'; temporaryPassword: string }): Promise<void> {
  await page.evaluate(async (person) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic;
    const created = await api.staff.create(person);
    if (!created.ok) throw new Error(`staff:create failed: ${created.error.message}`);
  }, person);
}

/** What is in the clinic's data folder (sorted; empty when the folder does not exist). */
export function dataFolderFiles(dataDir: string): string[] {
  return existsSync(dataDir) ? readdirSync(dataDir).sort() : [];
}

/**
 * Resolves when main has answered a call on `channel` (e.g. "auth:signIn"). Start it before the click or Enter
 * that makes the call: assertions after it then need no polling round trips for a slow key-slot check.
 */
export function clinicAnswer(page: Page, channel: string): Promise<unknown> {
  return page.waitForResponse((response) => response.url().endsWith(`/__caredesk/ipc/${channel}`));
}
