import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/db/migrations';
import { StartupFailure } from '../../electron/core/errors';
import { randomDatabaseKey, openTestDatabase, withDatabase } from '../support/core';
import { snapshotAllTables } from '../support/db-snapshot';
import { sha256OfFile } from '../support/files';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../electron/core/db/migrations/', import.meta.url));
const migrationFiles = readdirSync(MIGRATIONS_DIR)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
  .sort();
const migrationNames = migrationFiles.map((name) => basename(name, '.ts'));

const folders: TempDataDir[] = [];
function newDataDir(): TempDataDir {
  const dir = createTempDataDir();
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) dir.remove();
});

describe('the migrations registered in code match the migrations folder', () => {
  it('has at least one migration file', () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
  });

  it('registers every file under its own name, with that file’s up()', async () => {
    for (const file of migrationFiles) {
      const name = basename(file, '.ts');
      expect(Object.hasOwn(MIGRATIONS, name), `${file} is not registered in migrations/index.ts`).toBe(true);
      const module = (await import(pathToFileURL(join(MIGRATIONS_DIR, file)).href)) as { up?: unknown };
      expect(typeof module.up, `${file} exports up()`).toBe('function');
      expect(MIGRATIONS[name]?.up, `${name} is registered with the up() of ${file}`).toBe(module.up);
    }
  });

  it('has a file for every registered name, and nothing else', () => {
    expect(Object.keys(MIGRATIONS).sort()).toEqual(migrationNames);
  });

  it('names sort in the order they apply (NNNN_what_it_does)', () => {
    const names = Object.keys(MIGRATIONS);
    for (const name of names) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
    expect(names).toEqual([...names].sort());
  });

  it('each migration is frozen in time: it imports kysely types only, never app code', () => {
    for (const file of migrationFiles) {
      const source = ts.createSourceFile(file, readFileSync(join(MIGRATIONS_DIR, file), 'utf8'), ts.ScriptTarget.ES2022);
      for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
        const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
        if (from === undefined) continue;
        expect(from === 'kysely' || from.startsWith('kysely/'), `${file} imports ${from}`).toBe(true);
      }
    }
  });

  it('the schema version is the number of migrations', () => {
    expect(SCHEMA_VERSION).toBe(migrationFiles.length);
  });
});

describe('a new clinic database', () => {
  it('ends at user_version = SCHEMA_VERSION with every migration recorded', async () => {
    await withDatabase(async (core) => {
      expect(Number(core.sqlite.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
      const applied = core.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all();
      expect(applied).toEqual(migrationNames);
    });
  });
});

describe('a clinic database written by a newer CareDesk', () => {
  /** Arranges a database a newer version has touched, closes it, and returns the file state to compare against. */
  async function databaseFromTheFuture(touch: (core: Awaited<ReturnType<typeof openTestDatabase>>) => void) {
    const dir = newDataDir();
    const key = randomDatabaseKey();
    await withDatabase(
      async (core) => {
        await core.db.insertInto('app_meta').values({ key: 'clinic.name', value: 'Riverside Family Clinic', updated_at: 1 }).execute();
        touch(core);
      },
      { dataDir: dir, key },
    );
    return { dir, key, files: dir.list(), hash: sha256OfFile(dir.file(DATABASE_FILE)) };
  }

  async function expectRefusedUnchanged(future: Awaited<ReturnType<typeof databaseFromTheFuture>>): Promise<StartupFailure> {
    const error = await openTestDatabase(future.dir.path, future.key).then(
      async (core) => {
        await core.close();
        return undefined;
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartupFailure);
    const failure = error as StartupFailure;
    expect(failure.kind).toBe('DATABASE_TOO_NEW');
    expect(failure.userMessage).toMatch(/written by a newer version of CareDesk/);
    expect(failure.userMessage).toMatch(/Nothing was changed/);
    expect(sha256OfFile(future.dir.file(DATABASE_FILE))).toBe(future.hash);
    expect(future.dir.list()).toEqual(future.files);
    return failure;
  }

  it('is refused when its user_version is higher, and not a byte of the file changes', async () => {
    const future = await databaseFromTheFuture((core) => core.sqlite.pragma(`user_version=${SCHEMA_VERSION + 1}`));
    const failure = await expectRefusedUnchanged(future);
    expect(failure.userMessage).toContain(`schema ${SCHEMA_VERSION + 1}`);
  });

  it('is refused when it records a migration this version does not know, and not a byte changes', async () => {
    const future = await databaseFromTheFuture((core) => {
      core.sqlite.prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)').run('9999_from_a_newer_caredesk', new Date().toISOString());
    });
    await expectRefusedUnchanged(future);
  });

  it('is refused again on a second try (the first refusal did not “repair” it)', async () => {
    const future = await databaseFromTheFuture((core) => core.sqlite.pragma(`user_version=${SCHEMA_VERSION + 1}`));
    await expectRefusedUnchanged(future);
    await expectRefusedUnchanged(future);
  });
});

describe('reopening a current clinic database', () => {
  it('opens without error, migrates nothing, and every row is as it was', async () => {
    const dir = newDataDir();
    const key = randomDatabaseKey();
    const before = await withDatabase(
      async (core) => {
        await core.db
          .insertInto('app_meta')
          .values([
            { key: 'clinic.name', value: 'Riverside Family Clinic', updated_at: 1 },
            { key: 'clinic.timeZone', value: 'America/Chicago', updated_at: 2 },
          ])
          .execute();
        return snapshotAllTables(core.sqlite);
      },
      { dataDir: dir, key },
    );
    for (let reopen = 0; reopen < 2; reopen += 1) {
      await withDatabase(
        async (core) => {
          expect(Number(core.sqlite.pragma('user_version', { simple: true }))).toBe(SCHEMA_VERSION);
          expect(snapshotAllTables(core.sqlite)).toEqual(before);
        },
        { dataDir: dir, key },
      );
    }
    expect(before['app_meta']).toHaveLength(2);
  });
});
