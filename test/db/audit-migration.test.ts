import { existsSync } from 'node:fs';
import { Migrator, type MigrationProvider } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../electron/core/audit/verify';
import { DATABASE_FILE } from '../../electron/core/db/clinic-database';
import { createKysely } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openEncryptedDatabase } from '../../electron/core/db/open';
import { openTestDatabase, randomDatabaseKey } from '../support/core';
import { snapshotAllTables } from '../support/db-snapshot';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

const folders: TempDataDir[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) dir.remove();
});

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

describe('migration 0003_audit_trail', () => {
  it('adds an empty, append-only audit trail to a clinic database of schema 0002 and leaves its rows alone', async () => {
    const dir = createTempDataDir();
    folders.push(dir);
    const key = randomDatabaseKey();
    const file = dir.file(DATABASE_FILE);
    expect(existsSync(file)).toBe(false);

    // A clinic as the previous version left it.
    const sqlite = openEncryptedDatabase(file, key, { create: true });
    const db = createKysely(sqlite);
    const result = await new Migrator({ db, provider }).migrateTo('0002_staff_users');
    expect(result.error).toBeUndefined();
    await db.insertInto('app_meta').values({ key: 'clinic.name', value: 'Riverside Family Clinic', updated_at: 1 }).execute();
    await db
      .insertInto('staff_user')
      .values({ id: '0192f0c4-0000-7000-8000-0000000000a1', username: 'mlee', full_name: 'Maria Lee', role: 'admin', created_at: 1, created_by: null, updated_at: 1, updated_by: null })
      .execute();
    const before = snapshotAllTables(sqlite);
    await db.destroy();
    sqlite.close();

    const database = await openTestDatabase(dir.path, key);
    try {
      const after = snapshotAllTables(database.sqlite);
      expect(after['app_meta']).toEqual(before['app_meta']);
      expect(after['staff_user']).toEqual(before['staff_user']);
      expect(after['audit_event']).toEqual([]);
      const triggers = database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_event' ORDER BY name").pluck().all();
      expect(triggers).toEqual(['audit_event_append_only', 'audit_event_no_delete', 'audit_event_no_update']);
      expect(await verifyAuditTrail(database.db)).toEqual({ ok: true, count: 0, head: null });
    } finally {
      await database.close();
    }
  });
});
