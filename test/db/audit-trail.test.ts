import Sqlite from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_HEAD_KEY, auditEventHash, formatAuditHead, GENESIS_HASH } from '../../electron/core/audit/chain';
import { readAuditHead, recordAudit, recordAuditBatch, type AuditEntry } from '../../electron/core/audit/record';
import { verifyAuditTrail } from '../../electron/core/audit/verify';
import { DATABASE_FILE } from '../../electron/core/db/clinic-database';
import type { AuditEventRow, Database } from '../../electron/core/db/schema';
import { openTestDatabase, randomDatabaseKey, type TestDatabase } from '../support/core';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

const MARIA = { userId: '0192f0c4-0000-7000-8000-0000000000a1', name: 'Maria Lee' };
const JAMAL = { userId: '0192f0c4-0000-7000-8000-0000000000b2', name: 'Jamal Ortiz' };
const START = Date.UTC(2026, 2, 2, 14, 0);

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: START + n * 60_000,
    actor: n % 3 === 0 ? JAMAL : MARIA,
    workstation: 'FRONT-DESK-1',
    action: n % 2 === 0 ? 'record.open' : 'record.update',
    outcome: 'success',
    entityType: 'patient',
    entityId: `patient-${n % 7}`,
    patientId: `patient-${n % 7}`,
    detail: n % 2 === 0 ? null : { fields: ['phone', 'address'] },
    ...overrides,
  };
}

interface Clinic {
  dir: TempDataDir;
  key: Uint8Array;
  database: TestDatabase;
  reopen(): Promise<TestDatabase>;
}

const open: Clinic[] = [];
afterEach(async () => {
  for (const clinic of open.splice(0)) {
    await clinic.database.close();
    clinic.dir.remove();
  }
});

async function newClinic(): Promise<Clinic> {
  const dir = createTempDataDir();
  const key = randomDatabaseKey();
  const clinic: Clinic = {
    dir,
    key,
    database: await openTestDatabase(dir.path, key),
    async reopen() {
      await clinic.database.close();
      clinic.database = await openTestDatabase(dir.path, key);
      return clinic.database;
    },
  };
  open.push(clinic);
  return clinic;
}

async function clinicWithEntries(count: number): Promise<Clinic> {
  const clinic = await newClinic();
  await recordAuditBatch(
    clinic.database.db,
    Array.from({ length: count }, (_, i) => entry(i + 1)),
  );
  return clinic;
}

/**
 * Someone with the key and an ordinary SQLite tool: closes CareDesk, opens the file with the raw driver,
 * drops the append-only triggers and edits rows. CareDesk then reopens the file as usual.
 */
async function tamperOutsideCareDesk(clinic: Clinic, ...statements: string[]): Promise<TestDatabase> {
  await clinic.database.close();
  const raw = new Sqlite(clinic.dir.file(DATABASE_FILE), { fileMustExist: true });
  try {
    raw.pragma("cipher='sqlcipher'");
    raw.pragma('legacy=4');
    raw.pragma(`key="x'${Buffer.from(clinic.key).toString('hex')}'"`);
    raw.exec('DROP TRIGGER IF EXISTS audit_event_no_update; DROP TRIGGER IF EXISTS audit_event_no_delete; DROP TRIGGER IF EXISTS audit_event_append_only;');
    for (const statement of statements) raw.exec(statement);
  } finally {
    raw.close();
  }
  clinic.database = await openTestDatabase(clinic.dir.path, clinic.key);
  return clinic.database;
}

async function rows(db: Kysely<Database>): Promise<AuditEventRow[]> {
  return db.selectFrom('audit_event').selectAll().orderBy('seq').execute();
}

function errorMessageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return 'no error';
}

describe('appending to the audit trail', () => {
  it('links each entry to the one before, from the genesis value, and keeps the head in app_meta', async () => {
    const { database } = await newClinic();
    const first = await recordAudit(database.db, entry(1));
    const second = await recordAudit(database.db, entry(2));
    const [a, b] = await rows(database.db);
    expect(a).toMatchObject({ seq: 1, prev_hash: GENESIS_HASH, hash: first.hash, actor_name: 'Maria Lee', workstation: 'FRONT-DESK-1' });
    expect(b).toMatchObject({ seq: 2, prev_hash: first.hash, hash: second.hash });
    expect(a && auditEventHash(a)).toBe(a?.hash);
    expect(a?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // UUIDv7
    expect(await readAuditHead(database.db)).toEqual({ seq: 2, hash: second.hash });
  });

  it('commits with the change it records, and rolls back with it', async () => {
    const { database } = await newClinic();
    await recordAudit(database.db, entry(1));
    const headBefore = await readAuditHead(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('app_meta').values({ key: 'clinic.name', value: 'Riverside Family Clinic', updated_at: START }).execute();
        await recordAudit(trx, entry(2, { action: 'settings.change', detail: { fields: ['clinic.name'] } }));
        throw new Error('the save failed after the entry was written');
      }),
    ).rejects.toThrow('the save failed');
    expect(await database.db.selectFrom('app_meta').selectAll().where('key', '=', 'clinic.name').execute()).toEqual([]);
    expect(await rows(database.db)).toHaveLength(1);
    expect(await readAuditHead(database.db)).toEqual(headBefore);

    await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('app_meta').values({ key: 'clinic.name', value: 'Riverside Family Clinic', updated_at: START }).execute();
      await recordAudit(trx, entry(2, { action: 'settings.change', detail: { fields: ['clinic.name'] } }));
    });
    expect(await rows(database.db)).toHaveLength(2);
    expect(await verifyAuditTrail(database.db)).toMatchObject({ ok: true, count: 2 });
  });

  it('serializes 100 appends started at once into one unbroken chain', async () => {
    const { database } = await newClinic();
    await Promise.all(Array.from({ length: 100 }, (_, i) => recordAudit(database.db, entry(i + 1))));
    const all = await rows(database.db);
    expect(all.map((row) => row.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await verifyAuditTrail(database.db)).toMatchObject({ ok: true, count: 100 });
  });

  it('refuses a detail long enough to be carrying values instead of field names', async () => {
    const { database } = await newClinic();
    await expect(recordAudit(database.db, entry(1, { detail: { note: 'x'.repeat(2000) } }))).rejects.toThrow(/detail is too long/);
    expect(await rows(database.db)).toEqual([]);
  });
});

describe('the database itself keeps the trail append-only', () => {
  it('refuses UPDATE with "audit trail is append-only", and the entry is unchanged', async () => {
    const { database } = await clinicWithEntries(3);
    const before = await rows(database.db);
    expect(errorMessageOf(() => database.sqlite.prepare("UPDATE audit_event SET actor_name = 'Someone Else' WHERE seq = 2").run())).toBe('audit trail is append-only');
    expect(errorMessageOf(() => database.sqlite.prepare('UPDATE audit_event SET outcome = outcome').run())).toBe('audit trail is append-only');
    await expect(sql`UPDATE audit_event SET detail = NULL`.execute(database.db)).rejects.toThrow('audit trail is append-only');
    expect(await rows(database.db)).toEqual(before);
  });

  it('refuses DELETE of one entry or all of them, with the same message', async () => {
    const { database } = await clinicWithEntries(3);
    const before = await rows(database.db);
    expect(errorMessageOf(() => database.sqlite.prepare('DELETE FROM audit_event WHERE seq = 3').run())).toBe('audit trail is append-only');
    expect(errorMessageOf(() => database.sqlite.prepare('DELETE FROM audit_event').run())).toBe('audit trail is append-only');
    expect(await rows(database.db)).toEqual(before);
  });

  it('refuses INSERT OR REPLACE over an entry and an insert into the middle of the chain', async () => {
    const { database } = await clinicWithEntries(3);
    const before = await rows(database.db);
    const second = before[1] as AuditEventRow;
    const forged = { ...second, actor_name: 'Someone Else', id: '0192f0c4-0000-7000-8000-00000000f00d' };
    const columns = Object.keys(forged);
    const insert = (verb: string, row: Record<string, unknown>) =>
      database.sqlite.prepare(`${verb} INTO audit_event (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row);
    expect(errorMessageOf(() => insert('INSERT OR REPLACE', forged))).toBe('audit trail is append-only');
    expect(errorMessageOf(() => insert('REPLACE', { ...second, actor_name: 'Someone Else' }))).toBe('audit trail is append-only');
    expect(await rows(database.db)).toEqual(before);
  });
});

describe('verifying the trail', () => {
  it('passes on 500 untampered entries, read in one go or in small chunks, and reports the head', async () => {
    const clinic = await newClinic();
    const { db } = clinic.database;
    await recordAuditBatch(db, Array.from({ length: 300 }, (_, i) => entry(i + 1)));
    for (let n = 301; n <= 500; n += 1) await recordAudit(db, entry(n));
    const head = await readAuditHead(db);
    expect(head?.seq).toBe(500);
    expect(await verifyAuditTrail(db)).toEqual({ ok: true, count: 500, head });
    expect(await verifyAuditTrail(db, { chunkRows: 64 })).toEqual({ ok: true, count: 500, head });
    expect(await verifyAuditTrail(db, { chunkRows: 500 })).toEqual({ ok: true, count: 500, head });
    // …and still after CareDesk is closed and reopened.
    expect(await verifyAuditTrail((await clinic.reopen()).db)).toEqual({ ok: true, count: 500, head });
  });

  it('passes on an empty trail', async () => {
    const { database } = await newClinic();
    expect(await verifyAuditTrail(database.db)).toEqual({ ok: true, count: 0, head: null });
  });

  const CONTENT_CHANGES: [column: string, change: string][] = [
    ['id', "id = '0192f0c4-0000-7000-8000-00000000f00d'"],
    ['at', 'at = at - 3600000'],
    ['actor_user_id', `actor_user_id = '${JAMAL.userId}'`],
    ['actor_name', "actor_name = 'Jamal Ortiz'"],
    ['workstation', "workstation = 'BACK-OFFICE'"],
    ['action', "action = 'record.open'"],
    ['entity_type', "entity_type = 'appointment'"],
    ['entity_id', "entity_id = 'patient-3'"],
    ['patient_id', 'patient_id = NULL'],
    ['outcome', "outcome = 'failure'"],
    ['detail', `detail = '{"fields":["phone"]}'`],
    ['detail (one space added)', `detail = replace(detail, '"phone"', '"phone" ')`],
    ['actor_name (same letters, stored as bytes)', 'actor_name = CAST(actor_name AS BLOB)'],
  ];

  it.each(CONTENT_CHANGES)('names entry 7 when its %s was changed outside CareDesk (hash mismatch)', async (_column, change) => {
    const clinic = await clinicWithEntries(20);
    const before = (await rows(clinic.database.db))[6];
    const db = (await tamperOutsideCareDesk(clinic, `UPDATE audit_event SET ${change} WHERE seq = 7`)).db;
    expect((await rows(db))[6], 'the tampering really changed entry 7').not.toEqual(before);
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 7, reason: 'hash-mismatch', count: 6 });
  });

  it('names entry 8 when entry 7 was changed and its hash recomputed (the link from 8 breaks)', async () => {
    const clinic = await clinicWithEntries(20);
    const seventh = (await rows(clinic.database.db))[6] as AuditEventRow;
    const rehashed = auditEventHash({ ...seventh, actor_name: 'Jamal Ortiz' });
    const db = (await tamperOutsideCareDesk(clinic, `UPDATE audit_event SET actor_name = 'Jamal Ortiz', hash = '${rehashed}' WHERE seq = 7`)).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 8, reason: 'broken-link', count: 7 });
  });

  it('names entry 7 when its link to entry 6 was changed', async () => {
    const clinic = await clinicWithEntries(20);
    const db = (await tamperOutsideCareDesk(clinic, `UPDATE audit_event SET prev_hash = '${GENESIS_HASH}' WHERE seq = 7`)).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 7, reason: 'broken-link', count: 6 });
  });

  it('names entry 7 as missing when it was deleted from the middle', async () => {
    const clinic = await clinicWithEntries(20);
    const db = (await tamperOutsideCareDesk(clinic, 'DELETE FROM audit_event WHERE seq = 7')).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 7, reason: 'gap', count: 6 });
    // Also when the walk reads small chunks and the gap falls on a chunk boundary.
    expect(await verifyAuditTrail(db, { chunkRows: 6 })).toEqual({ ok: false, firstBadSeq: 7, reason: 'gap', count: 6 });
  });

  it('names entry 1 as missing when the first entry was deleted', async () => {
    const clinic = await clinicWithEntries(5);
    const db = (await tamperOutsideCareDesk(clinic, 'DELETE FROM audit_event WHERE seq = 1')).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 1, reason: 'gap', count: 0 });
  });

  it('names entry 7 when it was deleted and the later entries renumbered to close the gap', async () => {
    const clinic = await clinicWithEntries(20);
    const db = (await tamperOutsideCareDesk(clinic, 'DELETE FROM audit_event WHERE seq = 7', 'UPDATE audit_event SET seq = seq - 1 WHERE seq > 7')).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 7, reason: 'broken-link', count: 6 });
  });

  it('names entry 15 as the first missing one when the tail was cut off (compared with the stored head)', async () => {
    const clinic = await clinicWithEntries(20);
    const db = (await tamperOutsideCareDesk(clinic, 'DELETE FROM audit_event WHERE seq >= 15')).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 15, reason: 'truncated', count: 14 });
  });

  it('notices a cut-off tail even after CareDesk has written more entries since', async () => {
    const clinic = await clinicWithEntries(20);
    const db = (await tamperOutsideCareDesk(clinic, 'DELETE FROM audit_event WHERE seq >= 15')).db;
    await recordAudit(db, entry(21));
    // The new entry continues from the stored head (21), so the cut stays visible as a gap.
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 15, reason: 'gap', count: 14 });
  });

  it('notices when every entry was deleted', async () => {
    const clinic = await clinicWithEntries(4);
    const db = (await tamperOutsideCareDesk(clinic, 'DELETE FROM audit_event')).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 1, reason: 'truncated', count: 0 });
  });

  it('notices an entry added after the stored head, even with a correct hash', async () => {
    const clinic = await clinicWithEntries(5);
    const last = (await rows(clinic.database.db))[4] as AuditEventRow;
    const forged = { ...last, seq: 6, id: '0192f0c4-0000-7000-8000-00000000f00d', prev_hash: last.hash, actor_name: 'Jamal Ortiz' };
    const hash = auditEventHash(forged);
    const db = (
      await tamperOutsideCareDesk(
        clinic,
        `INSERT INTO audit_event (seq, id, at, actor_user_id, actor_name, workstation, action, entity_type, entity_id, patient_id, outcome, detail, prev_hash, hash)
         SELECT 6, '${forged.id}', at, actor_user_id, 'Jamal Ortiz', workstation, action, entity_type, entity_id, patient_id, outcome, detail, hash, '${hash}'
         FROM audit_event WHERE seq = 5`,
      )
    ).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 6, reason: 'anchor-mismatch', count: 5 });
  });

  it('notices a removed or garbled stored head', async () => {
    const clinic = await clinicWithEntries(5);
    let db = (await tamperOutsideCareDesk(clinic, `UPDATE app_meta SET value = 'not a head' WHERE key = '${AUDIT_HEAD_KEY}'`)).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 1, reason: 'anchor-mismatch', count: 0 });
    db = (await tamperOutsideCareDesk(clinic, `DELETE FROM app_meta WHERE key = '${AUDIT_HEAD_KEY}'`)).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 1, reason: 'anchor-mismatch', count: 0 });
  });

  it('notices a stored head whose hash is not the last entry’s', async () => {
    const clinic = await clinicWithEntries(5);
    const value = formatAuditHead({ seq: 5, hash: 'f'.repeat(64) });
    const db = (await tamperOutsideCareDesk(clinic, `UPDATE app_meta SET value = '${value}' WHERE key = '${AUDIT_HEAD_KEY}'`)).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 5, reason: 'anchor-mismatch', count: 4 });
  });

  it('names the first of several tamperings', async () => {
    const clinic = await clinicWithEntries(30);
    const db = (
      await tamperOutsideCareDesk(clinic, "UPDATE audit_event SET actor_name = 'X' WHERE seq = 21", 'DELETE FROM audit_event WHERE seq = 12', 'DELETE FROM audit_event WHERE seq >= 28')
    ).db;
    expect(await verifyAuditTrail(db)).toEqual({ ok: false, firstBadSeq: 12, reason: 'gap', count: 11 });
  });
});
