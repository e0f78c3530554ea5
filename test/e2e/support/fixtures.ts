import { cpSync, rmSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { ADMIN, CLINIC, setUpThroughBridge, signInThroughBridge } from './clinic';
import { makeClinicFolder, startTestHost, type ClinicFolder, type RunningHost } from './test-host';

/** The clinic the shell tests work in: set up once per worker, with its administrator. */
export interface SetUpClinic {
  name: string;
  admin: typeof ADMIN;
}

/**
 * `host`: one test host per worker (a fresh encrypted database in a temp folder), stopped with SIGTERM
 * at the end, and the clean exit is asserted. `baseURL` points the browser at it.
 * `clinic`: that host's clinic, set up once (through window.clinic, as the wizard would) the first time a test asks.
 * `app`: the app, signed in as the administrator and showing the Schedule screen.
 */
export const test = base.extend<{ app: Page }, { host: RunningHost; clinic: SetUpClinic }>({
  host: [
    // Playwright requires the destructuring pattern even when no other fixture is used.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startTestHost();
      await use(host);
      expect(await host.stop(), 'the test host should exit cleanly (code 0) on SIGTERM').toBe(0);
    },
    { scope: 'worker' },
  ],
  clinic: [
    async ({ host, browser }, use) => {
      const page = await browser.newPage({ baseURL: host.url });
      await page.goto('/');
      await setUpThroughBridge(page);
      await page.close();
      await use({ name: CLINIC.name, admin: ADMIN });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
  app: async ({ page, clinic }, use) => {
    await page.goto('/');
    // A test before may have signed out (the host keeps one session for all its pages).
    if (await signInThroughBridge(page, clinic.admin)) await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
    await use(page);
  },
});

/**
 * For the first-run, sign-in and recovery stories: every test gets its own host on its own empty clinic folder,
 * which it can stop and start again (same data, new port), or move to a "new computer" (keychain deleted).
 */
export interface ClinicHost {
  /** The running host's address (changes at each restart). */
  readonly url: string;
  readonly dataDir: string;
  readonly keychainDir: string;
  output(): string;
  /**
   * Stops the host (it must exit 0) and starts it again on the same data folder; `whileStopped` runs in between
   * (e.g. to damage the database file, as a failing disk would).
   */
  restart(options?: { newComputer?: boolean; whileStopped?: () => void }): Promise<void>;
}

/** A clinic set up once per worker and then left alone: its folders are copied for each story that starts "already set up". */
export interface ClinicTemplate {
  folder: ClinicFolder;
  /** Its recovery code, as the administrator would have it on paper. */
  recoveryGroups: readonly string[];
}

export interface FreshClinicOptions {
  /** 'empty': first start (the setup wizard). 'set-up': the clinic and its administrator exist, nobody is signed in. */
  clinicStart: 'empty' | 'set-up';
}

export const freshClinicTest = base.extend<{ clinicHost: ClinicHost; recoveryGroups: readonly string[] } & FreshClinicOptions, { clinicTemplate: () => Promise<ClinicTemplate> }>({
  clinicStart: ['empty', { option: true }],
  clinicTemplate: [
    async ({ browser }, use) => {
      // Setting up costs two key-slot derivations (production scrypt): done once per worker, on first use; each
      // story then starts from a copy. The host is stopped first, so the database is closed and checkpointed.
      const made: { template: Promise<ClinicTemplate> | null } = { template: null };
      const make = async (): Promise<ClinicTemplate> => {
        const folder = makeClinicFolder();
        const host = await startTestHost({ folder });
        const page = await browser.newPage({ baseURL: host.url });
        await page.goto('/');
        const recoveryGroups = await setUpThroughBridge(page);
        await page.close();
        expect(await host.stop(), 'the template host should exit cleanly (code 0) on SIGTERM').toBe(0);
        return { folder, recoveryGroups };
      };
      await use(() => (made.template ??= make()));
      if (made.template) (await made.template).folder.remove();
    },
    { scope: 'worker' },
  ],
  clinicHost: async ({ clinicStart, clinicTemplate }, use) => {
    const folder: ClinicFolder = makeClinicFolder();
    if (clinicStart === 'set-up') {
      const template = await clinicTemplate();
      cpSync(template.folder.dataDir, folder.dataDir, { recursive: true });
      cpSync(template.folder.keychainDir, folder.keychainDir, { recursive: true });
    }
    let host = await startTestHost({ folder });
    let output = '';
    const clinicHost: ClinicHost = {
      get url() {
        return host.url;
      },
      dataDir: folder.dataDir,
      keychainDir: folder.keychainDir,
      output: () => output + host.output(),
      async restart(options = {}) {
        output += host.output();
        expect(await host.stop(), 'the test host should exit cleanly (code 0) on SIGTERM').toBe(0);
        // The OS keychain lives outside the data folder; losing it is what a new computer (or a keychain reset) looks like.
        if (options.newComputer) rmSync(folder.keychainDir, { recursive: true, force: true });
        options.whileStopped?.();
        host = await startTestHost({ folder });
      },
    };
    try {
      await use(clinicHost);
      expect(await host.stop(), 'the test host should exit cleanly (code 0) on SIGTERM').toBe(0);
    } finally {
      folder.remove();
    }
  },
  recoveryGroups: async ({ clinicStart, clinicTemplate }, use) => {
    await use(clinicStart === 'set-up' ? (await clinicTemplate()).recoveryGroups : []);
  },
  baseURL: async ({ clinicHost }, use) => {
    await use(clinicHost.url);
  },
});

export { expect };
