import type { ClinicApi } from '../../shared/contract';
import { signInThroughBridge } from './support/clinic';
import { expect, freshClinicTest as test } from './support/fixtures';
import { resultFor, searchBox, searchResults } from './support/patients';

// Its own copy of a set-up clinic: a few hundred patients here must not crowd the other stories' searches.
test.use({ clinicStart: 'set-up' });

const PATIENTS = 300;

test.describe('Patients: typing into search never blocks the page', () => {
  test(`with ${PATIENTS} patients registered, no long task (over 50 ms) happens while a query is typed one key at a time`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await signInThroughBridge(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();

    // A clinic's worth of look-alike names, registered the way a busy week at the desk would (quick registration).
    const registered = await page.evaluate(async (count) => {
      const api = (window as unknown as { clinic: ClinicApi }).clinic;
      const firsts = ['Margaret', 'Maria', 'Marcus', 'Mark', 'Martha', 'Jon', 'John', 'Johanna', 'Joan', 'Smitty', 'Ana', 'Anthony', 'Grace', 'Greg', 'Li', 'Luis', 'Priya', 'Sam', 'Sarah', 'Tom'];
      const lasts = ['Smith', 'Smyth', 'Smithson', 'Schmidt', 'Martin', 'Martinez', 'Johnson', 'Jones', 'Garcia', 'Nguyen', 'Patel', 'Kim', 'Lee', 'Brown', 'Baker'];
      const areas = ['312', '773', '630', '708', '847'];
      let created = 0;
      for (let i = 0; i < count; i += 1) {
        const fields = {
          firstName: firsts[i % firsts.length] as string,
          lastName: lasts[(i * 7) % lasts.length] as string,
          dateOfBirth: `${1940 + (i % 60)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          phone: `(${areas[Math.floor(i / 100) % areas.length]}) 555-01${String(i % 100).padStart(2, '0')}`,
        };
        let acknowledgedDuplicateIds: string[] = [];
        for (let round = 0; round < 3; round += 1) {
          const result = await api.patients.quickRegister({ fields, acknowledgedDuplicateIds });
          if (!result.ok) throw new Error(`patients:quickRegister failed: ${result.error.message}`);
          if (result.value.outcome === 'created') {
            created += 1;
            break;
          }
          acknowledgedDuplicateIds = [...acknowledgedDuplicateIds, ...result.value.candidates.map((c) => c.id)];
        }
      }
      return created;
    }, PATIENTS);
    expect(registered).toBe(PATIENTS);

    await page.keyboard.press('Control+k');
    const box = searchBox(page);
    await expect(box).toBeFocused();

    // Watch the main thread from here on: any task over 50 ms is a long task.
    await page.evaluate(() => {
      const seen: { duration: number; name: string }[] = [];
      (window as unknown as { longTasks: typeof seen }).longTasks = seen;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.push({ duration: Math.round(entry.duration), name: entry.name });
      }).observe({ type: 'longtask', buffered: false });
    });

    // The observer does see a long task when there is one (a deliberate 80 ms busy task), so silence below means something.
    await page.evaluate(() => {
      window.setTimeout(() => {
        const end = performance.now() + 80;
        while (performance.now() < end) {
          // busy on purpose
        }
      }, 0);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { longTasks: unknown[] }).longTasks.length)).toBeGreaterThan(0);
    await page.evaluate(() => ((window as unknown as { longTasks: unknown[] }).longTasks.length = 0));

    let searches = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/__caredesk/ipc/patients:search')) searches += 1;
    });
    // Slower than the 120 ms pause, so results arrive and are drawn between keys, as for someone typing carefully.
    const query = 'marg smth';
    for (const key of query) {
      await page.keyboard.type(key);
      await page.waitForTimeout(170);
    }
    await expect(box).toHaveValue(query);
    await expect(resultFor(page, 'Smith, Margaret').first()).toBeVisible();
    // Then a fast typist: every key inside the pause, so only the last query is asked.
    await page.keyboard.press('Escape');
    await page.keyboard.type('schmidt', { delay: 40 });
    await expect(searchResults(page).getByRole('option').first()).toContainText('Schmidt');
    await page.waitForTimeout(300);

    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: { duration: number; name: string }[] }).longTasks);
    expect(searches, 'results were asked for as the query grew').toBeGreaterThanOrEqual(query.length - 2);
    expect(longTasks, 'no task over 50 ms on the page while typing and drawing results').toEqual([]);
  });
});
