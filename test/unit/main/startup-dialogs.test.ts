import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../../electron/core';
import { KEYSTORE_FILE } from '../../../electron/core/keys/keystore-file';
import { startTestCore } from '../../support/core';
import { StartupFailure, type StartupFailureKind } from '../../../electron/core/errors';
import { createMemoryLogger } from '../../../electron/core/log';
import { CLOSING_NOTE, UNKNOWN_FAILURE_DIALOG, showStartupFailure, startupDialogFor } from '../../../electron/main/startup-dialogs';

vi.mock('electron', () => ({}));

const KINDS: Record<StartupFailureKind, string> = {
  WRONG_KEY: 'The clinic database could not be unlocked',
  DATABASE_TOO_NEW: 'CareDesk needs to be updated',
  KEY_UNAVAILABLE: 'The database key is not available',
  DATABASE_MISSING: 'The clinic database was not found',
  PRAGMA_NOT_APPLIED: 'CareDesk could not secure the clinic database',
  CORRUPT: 'The clinic database is damaged',
  DATABASE_BUSY: 'The clinic database is in use',
  KEYSTORE_DAMAGED: 'The clinic key store is damaged',
};

describe('startupDialogFor', () => {
  it.each(Object.entries(KINDS))('gives %s its own title and shows the core message, then says CareDesk will close', (kind, title) => {
    const failure = new StartupFailure(kind as StartupFailureKind, 'What happened. What to do next.');
    expect(startupDialogFor(failure)).toStrictEqual({ title, message: `What happened. What to do next.\n\n${CLOSING_NOTE}` });
  });

  it('uses a different title for every kind (the user can tell them apart)', () => {
    expect(new Set(Object.values(KINDS)).size).toBe(Object.keys(KINDS).length);
  });

  it("shows a generic dialog for an unexpected error, never the error's own text", () => {
    const error = new Error('SQLITE_CONSTRAINT: patients.last_name = "Doe" at C:\\Users\\jdoe\\AppData');
    const dialog = startupDialogFor(error);
    expect(dialog).toStrictEqual(UNKNOWN_FAILURE_DIALOG);
    expect(dialog.message).not.toMatch(/Doe|jdoe|SQLITE/);
    expect(startupDialogFor('a thrown string')).toStrictEqual(UNKNOWN_FAILURE_DIALOG);
    expect(startupDialogFor(undefined)).toStrictEqual(UNKNOWN_FAILURE_DIALOG);
  });
});

describe('showStartupFailure', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('shows exactly one error box and logs the kind only', () => {
    const showErrorBox = vi.fn();
    const log = createMemoryLogger();
    showStartupFailure(new StartupFailure('DATABASE_TOO_NEW', 'Written by a newer CareDesk.'), showErrorBox, log);
    expect(showErrorBox).toHaveBeenCalledExactlyOnceWith('CareDesk needs to be updated', `Written by a newer CareDesk.\n\n${CLOSING_NOTE}`);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toContain('"kind":"DATABASE_TOO_NEW"');
    expect(log.lines[0]).not.toContain('Written by');
  });

  it('explains a real start on a damaged keystore and leaves the data folder untouched', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'caredesk-startup-'));
    dirs.push(dataDir, `${dataDir}-keychain`);
    const log = createMemoryLogger();
    const first = await startTestCore(dataDir, { keychainDir: `${dataDir}-keychain` });
    await first.close();
    const keystore = join(dataDir, KEYSTORE_FILE);
    const damaged = readFileSync(keystore);
    damaged[damaged.length - 5] = (damaged[damaged.length - 5] as number) ^ 0x01;
    writeFileSync(keystore, damaged);
    const before = [readFileSync(join(dataDir, DATABASE_FILE)), readFileSync(keystore)];

    const error = await startTestCore(dataDir, { keychainDir: `${dataDir}-keychain`, setUp: false }).catch((e: unknown) => e);
    const showErrorBox = vi.fn();
    showStartupFailure(error, showErrorBox, log);

    expect(showErrorBox).toHaveBeenCalledWith(expect.any(String), expect.stringContaining('altered or damaged'));
    expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(before[0] as Buffer)).toBe(true);
    expect(readFileSync(keystore).equals(before[1] as Buffer)).toBe(true);
  });
});
