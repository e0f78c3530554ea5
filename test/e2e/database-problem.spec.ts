import { mkdtempSync, readdirSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ClinicApi } from '../../shared/contract';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, clinicAnswer, signInThroughBridge } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { person, registerThroughBridge } from './support/patients';
import { saveScreenshot } from './support/screenshots';

test.use({ clinicStart: 'set-up' });
test.describe.configure({ timeout: 90_000 });

const DATABASE_FILE = 'caredesk.db';
const CANARY = { firstName: 'Rosalind', lastName: 'Quennell', dateOfBirth: '1958-07-02' };

let backupFolder: string;
test.beforeEach(() => {
  backupFolder = mkdtempSync(join(tmpdir(), 'caredesk-e2e-damage-'));
});
test.afterEach(() => rmSync(backupFolder, { recursive: true, force: true }));

/** The administrator picks a backup folder and backs up now, through window.clinic (the Backups tab has its own story). */
async function backUpThroughBridge(page: Page, folder: string): Promise<string> {
  return page.evaluate(async (folder) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic;
    const saved = await api.backup.setSettings({ folder, dailyAt: '18:00', onQuit: false });
    if (!saved.ok) throw new Error(`backup:setSettings failed: ${saved.error.message}`);
    const made = await api.backup.runNow();
    if (!made.ok) throw new Error(`backup:runNow failed: ${made.error.message}`);
    return made.value.fileName;
  }, folder);
}

async function patientsNamed(page: Page, query: string): Promise<string[]> {
  return page.evaluate(async (query) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic;
    const found = await api.patients.search({ query });
    if (!found.ok) throw new Error(`patients:search failed: ${found.error.message}`);
    return found.value.results.map((result) => result.displayName);
  }, query);
}

test.describe('A damaged database at start', () => {
  test('the window says the data file is damaged and offers the last verified backup; a wrong code changes nothing; the right code restores it, and the damaged file is kept aside', async ({
    page,
    clinicHost,
    recoveryGroups,
  }) => {
    await page.goto(clinicHost.url);
    await signInThroughBridge(page);
    await registerThroughBridge(page, person(CANARY));
    const backupFile = await backUpThroughBridge(page, backupFolder);

    // A failing disk cuts the end off the database (mid-page) while CareDesk is closed.
    const database = join(clinicHost.dataDir, DATABASE_FILE);
    await clinicHost.restart({ whileStopped: () => truncateSync(database, statSync(database).size - 1000) });
    const damagedSize = statSync(database).size;
    await page.goto(clinicHost.url);

    await expect(page.getByRole('heading', { level: 1, name: 'The clinic’s data file is damaged' })).toBeVisible();
    await expect(page.getByText('Nothing has been changed or deleted', { exact: false })).toBeVisible();
    await expect(page.getByText(backupFile, { exact: false })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Username' }), 'nobody can sign in to a damaged database').toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Recovery code' })).toBeFocused();
    await expectNoSeriousA11yViolations(page, 'the damaged-database screen');
    await saveScreenshot(page, 'database-damaged');

    // A code that does not open this clinic: said plainly, the field emptied, and nothing on disk touched.
    await page.getByRole('textbox', { name: 'Recovery code' }).fill('0000-0000-0000-0000-0000-0000-0000');
    const refused = clinicAnswer(page, 'backup:restoreAfterDamage');
    await page.getByRole('button', { name: 'Restore the last verified backup' }).click();
    await refused;
    await expect(page.getByRole('alert').filter({ hasText: 'Not restored' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Recovery code' })).toHaveValue('');
    expect(statSync(database).size, 'the damaged file is left exactly as it was').toBe(damagedSize);
    await saveScreenshot(page, 'database-damaged-wrong-code');

    // The printed code, typed the way people copy from paper.
    await page.getByRole('textbox', { name: 'Recovery code' }).fill(recoveryGroups.join(' ').toLowerCase());
    const restored = clinicAnswer(page, 'backup:restoreAfterDamage');
    await page.getByRole('button', { name: 'Restore the last verified backup' }).click();
    await restored;
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();

    // The administrator's own password still works on the restored database, and the patient is back.
    await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username);
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeFocused();
    expect(await patientsNamed(page, 'quennell')).toEqual(['Quennell, Rosalind']);
    expect(
      readdirSync(clinicHost.dataDir).filter((name) => name.startsWith(`${DATABASE_FILE}.damaged-`)),
      'the damaged file is kept aside, for support',
    ).toHaveLength(1);
    expect(clinicHost.output(), 'the recovery code never reaches the log').not.toContain(recoveryGroups.join(''));
    expect(clinicHost.output(), 'no patient name in the log').not.toContain(CANARY.lastName);
  });

  test('a file cut at a page boundary looks whole from outside: sign-in finds the damage, says so, and the window switches to the restore screen', async ({ page, clinicHost }) => {
    await page.goto(clinicHost.url);
    await signInThroughBridge(page);
    await registerThroughBridge(page, person(CANARY));
    await backUpThroughBridge(page, backupFolder);

    const database = join(clinicHost.dataDir, DATABASE_FILE);
    await clinicHost.restart({ whileStopped: () => truncateSync(database, Math.floor(statSync(database).size / 8192) * 4096) });
    await page.goto(clinicHost.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to CareDesk' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN.username);
    await page.getByRole('textbox', { name: 'Password' }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'The clinic’s data file is damaged' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Recovery code' })).toBeFocused();
    expect(
      readdirSync(clinicHost.dataDir).filter((name) => name.startsWith(`${DATABASE_FILE}.damaged-`)),
      'nothing is moved or overwritten before the administrator chooses to restore',
    ).toHaveLength(0);
  });
});
