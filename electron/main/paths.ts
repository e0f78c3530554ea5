import { isAbsolute, join } from 'node:path';
import { isTestRun } from './run-mode';

/** The clinic's database folder inside Electron's per-user data folder. */
export function clinicDataDir(userDataPath: string): string {
  return join(userDataPath, 'clinic-data');
}

/**
 * Tests (the Electron smoke suite) run the app against a throwaway profile folder.
 * Honoured only in an unpackaged test run, so an installed CareDesk cannot be pointed at another folder by
 * an environment variable.
 */
export function testUserDataOverride(runtime: { isPackaged: boolean; env: Readonly<Record<string, string | undefined>> }): string | undefined {
  if (runtime.isPackaged || !isTestRun(runtime.env)) return undefined;
  const folder = runtime.env.CAREDESK_TEST_USER_DATA;
  return folder && isAbsolute(folder) ? folder : undefined;
}
