import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { openEncryptedDatabase, rawKeyHex } from '../../electron/core/db/open';
import { StartupFailure } from '../../electron/core/errors';
import { randomDatabaseKey, openTestDatabase, withDatabase } from '../support/core';
import { filesContaining, onDiskForms, readFolderBytes, sha256OfFile, SQLITE_HEADER } from '../support/files';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

const CANARY = 'CANARY-Zyxwvut-4711';
const WAL_FILE = `${DATABASE_FILE}-wal`;

const folders: TempDataDir[] = [];
function newDataDir(): TempDataDir {
  const dir = createTempDataDir();
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) dir.remove();
});

/** What a thief with a copy of the data folder could read: the SQLite header or the canary, anywhere in any file. */
function readableEvidence(dir: TempDataDir): { headerAtStart: string[]; headerAnywhere: string[]; canary: string[] } {
  const bytes = readFolderBytes(dir.path);
  return {
    headerAtStart: [...bytes].filter(([, b]) => b.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)).map(([name]) => name),
    headerAnywhere: filesContaining(dir.path, [SQLITE_HEADER]),
    canary: filesContaining(dir.path, onDiskForms(CANARY)),
  };
}

async function writeCanary(core: Awaited<ReturnType<typeof openTestDatabase>>): Promise<void> {
  await core.db.insertInto('app_meta').values({ key: 'clinic.name', value: CANARY, updated_at: Date.now() }).execute();
}

async function expectStartupFailure(start: Promise<unknown>): Promise<StartupFailure> {
  const error = await start.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartupFailure);
  return error as StartupFailure;
}

describe('a stolen copy of the clinic data folder shows nothing readable', () => {
  it('control: the same scan finds the header and the canary in an unencrypted database and its WAL', () => {
    const dir = newDataDir();
    const plain = new Sqlite(dir.file(DATABASE_FILE));
    try {
      plain.pragma('journal_mode=WAL');
      plain.exec('CREATE TABLE note (text TEXT)');
      plain.prepare('INSERT INTO note VALUES (?)').run(CANARY);
      const evidence = readableEvidence(dir);
      expect(evidence.headerAtStart).toContain(DATABASE_FILE);
      expect(evidence.headerAnywhere).toContain(WAL_FILE);
      expect(evidence.canary).toContain(WAL_FILE);
    } finally {
      plain.close();
    }
  });

  it('keeps the header and the clinic name unreadable while the WAL holds them, after a checkpoint, and after closing', async () => {
    const dir = newDataDir();
    await withDatabase(
      async (core, clinic) => {
        // Freshly created and migrated: the schema lives in the WAL, encrypted like everything else.
        const walBefore = statSync(dir.file(WAL_FILE)).size;
        expect(walBefore).toBeGreaterThan(0);
        expect(readableEvidence(dir)).toEqual({ headerAtStart: [], headerAnywhere: [], canary: [] });
        await writeCanary(core);
        const stored = await core.db.selectFrom('app_meta').select('value').where('key', '=', 'clinic.name').executeTakeFirstOrThrow();
        expect(stored.value).toBe(CANARY);

        // The new row sits in the WAL, not yet in the main file.
        expect(statSync(dir.file(WAL_FILE)).size).toBeGreaterThan(walBefore);
        expect(readableEvidence(dir)).toEqual({ headerAtStart: [], headerAnywhere: [], canary: [] });

        core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
        expect(statSync(dir.file(WAL_FILE)).size).toBe(0);
        expect(readableEvidence(dir)).toEqual({ headerAtStart: [], headerAnywhere: [], canary: [] });

        await clinic.close();
        expect(dir.list()).toEqual([DATABASE_FILE]);
        expect(readableEvidence(dir)).toEqual({ headerAtStart: [], headerAnywhere: [], canary: [] });
        // The key is not kept beside the database either.
        expect(filesContaining(dir.path, [Buffer.from(clinic.key), Buffer.from(rawKeyHex(clinic.key)), Buffer.from(rawKeyHex(clinic.key).toUpperCase())])).toEqual([]);
      },
      { dataDir: dir },
    );
  });

  it('runs with the settings CareDesk relies on: WAL, full sync, foreign keys, memory temp store, busy wait, 64 MiB page cache, SQLCipher v4', async () => {
    await withDatabase(async (core) => {
      const pragma = (name: string) => core.sqlite.pragma(name, { simple: true });
      expect(String(pragma('journal_mode')).toLowerCase()).toBe('wal');
      expect(Number(pragma('synchronous'))).toBe(2); // FULL
      expect(Number(pragma('foreign_keys'))).toBe(1);
      expect(Number(pragma('temp_store'))).toBe(2); // MEMORY: temp files would not be encrypted
      expect(Number(pragma('busy_timeout'))).toBeGreaterThan(0);
      expect(Number(pragma('cache_size'))).toBe(-64 * 1024); // KiB when negative
      expect(pragma('cipher')).toBe('sqlcipher');
      expect(Number(pragma('legacy'))).toBe(4);
    });
  });
});

describe('opening the clinic database with the wrong key', () => {
  it('says WRONG_KEY, and leaves the file byte-for-byte as it was with no WAL or shared-memory file beside it', async () => {
    const dir = newDataDir();
    await withDatabase(writeCanary, { dataDir: dir });
    const filesBefore = dir.list();
    const hashBefore = sha256OfFile(dir.file(DATABASE_FILE));
    expect(filesBefore).toEqual([DATABASE_FILE]);

    const failure = await expectStartupFailure(openTestDatabase(dir.path, randomDatabaseKey()));
    expect(failure.kind).toBe('WRONG_KEY');
    expect(failure.userMessage).toMatch(/Nothing was changed/);

    expect(sha256OfFile(dir.file(DATABASE_FILE))).toBe(hashBefore);
    expect(dir.list()).toEqual(filesBefore);
  });

  it('the right key still opens it afterwards, with the clinic name intact', async () => {
    const dir = newDataDir();
    const key = randomDatabaseKey();
    await withDatabase(writeCanary, { dataDir: dir, key });
    await expectStartupFailure(openTestDatabase(dir.path, randomDatabaseKey()));
    await withDatabase(
      async (core) => {
        const rows = await core.db.selectFrom('app_meta').select('value').where('key', '=', 'clinic.name').execute();
        expect(rows).toEqual([{ value: CANARY }]);
      },
      { dataDir: dir, key },
    );
  });

  it('a plain SQLite reader without any key cannot read it (SQLITE_NOTADB) and changes nothing', async () => {
    const dir = newDataDir();
    await withDatabase(writeCanary, { dataDir: dir });
    const hashBefore = sha256OfFile(dir.file(DATABASE_FILE));

    const plain = new Sqlite(dir.file(DATABASE_FILE), { fileMustExist: true });
    try {
      expect(() => plain.prepare('SELECT name FROM sqlite_master').all()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    } finally {
      plain.close();
    }
    expect(sha256OfFile(dir.file(DATABASE_FILE))).toBe(hashBefore);
    expect(dir.list()).toEqual([DATABASE_FILE]);
  });
});

describe('database keys', () => {
  it('accepts exactly 32 bytes, as 64 lowercase hex digits', () => {
    const key = randomBytes(32);
    expect(rawKeyHex(key)).toBe(key.toString('hex'));
    expect(rawKeyHex(key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses any key that is not 32 bytes long', () => {
    for (const length of [0, 1, 16, 31, 33, 64]) {
      expect(() => rawKeyHex(new Uint8Array(length)), `${length} bytes`).toThrow(/32 bytes/);
    }
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 96 }).filter((key) => key.length !== 32),
        (key) => {
          expect(() => rawKeyHex(key)).toThrow(/32 bytes/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a key provider handing out a short key never gets a database created', async () => {
    const dir = newDataDir();
    await expect(openTestDatabase(dir.path, new Uint8Array(16))).rejects.toThrow(/32 bytes/);
    expect(dir.list()).toEqual([]);
  });
});

describe('a missing clinic database', () => {
  it('is reported as DATABASE_MISSING when creating is not allowed, and no file is created', () => {
    const dir = newDataDir();
    let thrown: unknown;
    try {
      openEncryptedDatabase(dir.file(DATABASE_FILE), randomDatabaseKey(), { create: false });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StartupFailure);
    expect((thrown as StartupFailure).kind).toBe('DATABASE_MISSING');
    expect((thrown as StartupFailure).userMessage).toMatch(/backup/);
    expect(dir.list()).toEqual([]);
  });
});
