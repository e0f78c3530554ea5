import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { AUDIT_CSV_HEADER } from '../../electron/core/audit/query';
import { fieldError, openAdmin } from './support/admin';
import { expectNoSeriousA11yViolations } from './support/axe';
import { ADMIN, addStaffThroughBridge, clinicAnswer, signInThroughBridge, signOutThroughBridge } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { saveScreenshot } from './support/screenshots';

test.use({ clinicStart: 'set-up' });
// Whole front-desk stories (several dialogs, axe checks, key-slot work in main): more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 60_000 });

const SAM = { fullName: 'Sam Ortiz', username: 'sortiz', role: 'front_desk', temporaryPassword: 'blue kettle on the stove' } as const;

/** A clinic with a little history: Maria adds Sam, Sam signs in once, Maria signs back in. */
async function clinicWithHistory(page: Page): Promise<void> {
  await page.goto('/');
  await signInThroughBridge(page);
  await addStaffThroughBridge(page, SAM);
  await signOutThroughBridge(page);
  await signInThroughBridge(page, { username: SAM.username, password: SAM.temporaryPassword });
  await signOutThroughBridge(page);
  await openAdmin(page, 'Audit trail');
  await expect(entries(page).first()).toBeVisible();
}

function entries(page: Page): Locator {
  return page.getByRole('table', { name: 'Audit trail entries' }).locator('tbody tr');
}

/** The text of one column (1-based, as the table shows it) in every row of the page. */
async function column(page: Page, index: number): Promise<string[]> {
  return entries(page).locator(`td:nth-child(${index})`).allTextContents();
}

async function applyFilters(page: Page): Promise<unknown> {
  const request = page.waitForRequest((r) => r.url().endsWith('/__caredesk/ipc/audit:list'));
  await page.getByRole('button', { name: 'Show entries' }).click();
  return ((await request).postDataJSON() as { input: unknown }).input;
}

test.describe('Admin: audit trail', () => {
  test('lists sign-ins and staff changes in clinic time; the action filter narrows it; sorting by staff member works', async ({ page }) => {
    await clinicWithHistory(page);
    const table = page.getByRole('table', { name: 'Audit trail entries' });
    await expect(table.getByRole('columnheader', { name: /^Time/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(table).toContainText('Times are the clinic’s time (America/New York).');
    await expect(entries(page).filter({ hasText: 'Added a staff account' })).toContainText(`${SAM.fullName} — role: Front desk`);
    await expect(entries(page).filter({ hasText: 'Signed in' }).filter({ hasText: SAM.fullName })).toHaveCount(1);
    await expect(entries(page).filter({ hasText: 'Signed in' }).filter({ hasText: ADMIN.fullName }).first()).toBeVisible();
    // Times read like the clinic's clock: "Mar 14, 2025, 9:05:32 AM".
    expect((await column(page, 2))[0]).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}:\d{2}\s[AP]M$/);
    const everything = await entries(page).count();
    await expectNoSeriousA11yViolations(page, 'the Admin Audit trail tab');
    await saveScreenshot(page, 'admin-audit');

    // Filter by action: only sign-ins.
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Signed in', exact: true }).click();
    expect(await applyFilters(page)).toMatchObject({ action: 'auth.signIn' });
    await expect(page.getByText(/^Entries 1–\d+ of \d+$/)).toBeVisible();
    await expect.poll(async () => (await column(page, 4)).every((action) => action === 'Signed in')).toBe(true);
    expect(await entries(page).count()).toBeLessThan(everything);
    expect(await entries(page).count()).toBeGreaterThanOrEqual(3);

    // Sort by staff member (A to Z, then Z to A), with the keyboard.
    const staffHeader = table.getByRole('button', { name: 'Staff member' });
    await staffHeader.focus();
    await page.keyboard.press('Enter');
    await expect(table.getByRole('columnheader', { name: /^Staff member/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => column(page, 3)).toEqual([...(await column(page, 3))].sort());
    expect((await column(page, 3))[0]).toBe(ADMIN.fullName);
    await page.keyboard.press('Enter');
    await expect(table.getByRole('columnheader', { name: /^Staff member/ })).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(async () => (await column(page, 3))[0]).toBe(SAM.fullName);
    await saveScreenshot(page, 'admin-audit-filtered-sorted');

    // One staff member, any action: everything Sam did, and only that.
    await page.getByRole('combobox', { name: 'Staff member' }).click();
    await page.getByRole('option', { name: SAM.fullName, exact: true }).click();
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Any action', exact: true }).click();
    const input = await applyFilters(page);
    expect(input).not.toHaveProperty('action');
    expect(input).toHaveProperty('userId');
    await expect.poll(() => column(page, 4)).toEqual(expect.arrayContaining(['Signed in', 'Signed out']));
    expect(new Set(await column(page, 3))).toEqual(new Set([SAM.fullName]));
  });

  test('a date range is whole clinic days in the clinic’s time zone; an end before the start is said under the field', async ({ page }) => {
    await clinicWithHistory(page);
    // 9 March 2025 is the day New York's clocks go forward: a 23-hour day, 05:00 UTC to 04:00 UTC the next day.
    await page.getByLabel('From (date)').fill('2025-03-09');
    await page.getByLabel('To (date, included)').fill('2025-03-09');
    const input = await applyFilters(page);
    expect(input).toMatchObject({ from: Date.UTC(2025, 2, 9, 5, 0), to: Date.UTC(2025, 2, 10, 4, 0) - 1 });
    await expect(page.getByText('No entries match these filters.')).toBeVisible();

    // 2 November 2025 is the day they go back: 25 hours, 04:00 UTC to 05:00 UTC the next day.
    await page.getByLabel('From (date)').fill('2025-11-02');
    await page.getByLabel('To (date, included)').fill('2025-11-02');
    expect(await applyFilters(page)).toMatchObject({ from: Date.UTC(2025, 10, 2, 4, 0), to: Date.UTC(2025, 10, 3, 5, 0) - 1 });

    await page.getByLabel('From (date)').fill('2025-11-03');
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(fieldError(page, 'To (date, included)')).toHaveText('The end of the date range is before its start. Choose an end on or after the start.');

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(entries(page).first()).toBeVisible();
  });

  test('"Verify audit trail" says it checks out; "Export CSV" downloads the entries with the right header, and the export is itself recorded', async ({ page }) => {
    await clinicWithHistory(page);
    await page.getByRole('button', { name: 'Verify audit trail' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The audit trail checks out' })).toContainText(/All \d+ entries are exactly as they were written/);
    await expectNoSeriousA11yViolations(page, 'the audit trail after verification');
    await saveScreenshot(page, 'admin-audit-verified');

    const shown = Number(/of (\d+)/.exec((await page.getByText(/^Entries 1–\d+ of \d+$/).textContent()) ?? '')?.[1]);
    const download = page.waitForEvent('download');
    const exported = clinicAnswer(page, 'audit:exportCsv');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await exported;
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^caredesk-audit-trail-\d{8}-\d{4}\.csv$/);
    const text = readFileSync(await file.path(), 'utf8');
    expect(text.charCodeAt(0), 'a byte-order mark, for Excel').toBe(0xfeff);
    const lines = text.slice(1).split('\r\n').filter((line) => line.length > 0);
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(','));
    expect(lines).toHaveLength(shown + 1);
    const samSignIn = lines.find((line) => line.includes(',auth.signIn,') && line.includes(`,${SAM.fullName},`));
    expect(samSignIn?.split(',')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/), SAM.fullName, 'auth.signIn', 'success']),
    );
    await expect(page.getByRole('status').filter({ hasText: 'Audit trail exported' })).toContainText(`${shown} entries exported as ${file.suggestedFilename()}; your computer asks where to save it`);

    // The export is now the newest entry.
    await expect(entries(page).first()).toContainText('Exported');
    await expect(entries(page).first()).toContainText(`Audit trail — ${shown} entries as CSV`);
    await expect(entries(page).first()).toContainText(ADMIN.fullName);
  });
});
