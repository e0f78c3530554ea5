import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_HEADER, exportAuditCsv, listAudit } from '../../electron/core/audit/query';
import { recordAudit, type AuditEntry } from '../../electron/core/audit/record';
import { verifyAuditTrail } from '../../electron/core/audit/verify';
import type { Database } from '../../electron/core/db/schema';
import { auditExportInputSchema, auditListInputSchema, type AuditListInput } from '../../shared/contract/audit';
import { openTestDatabase, randomDatabaseKey, type TestDatabase } from '../support/core';
import { parseCsv } from '../unit/audit/read-csv';
import { createTempDataDir, type TempDataDir } from '../support/temp-data-dir';

const MARIA = { userId: '0192f0c4-0000-7000-8000-0000000000a1', name: 'Maria Lee' };
const JAMAL = { userId: '0192f0c4-0000-7000-8000-0000000000b2', name: 'Jamal Ortiz' };
const ANA = { userId: '0192f0c4-0000-7000-8000-0000000000c3', name: 'Ana Nguyen' };
const PATIENT_A = '0192f0c4-0000-7000-8000-00000000aaaa';
const PATIENT_B = '0192f0c4-0000-7000-8000-00000000bbbb';
const MONDAY_9AM = Date.UTC(2026, 2, 2, 15, 0); // 9:00 in Chicago
const MINUTE = 60_000;

/** A morning at the front desk, in order. */
const MORNING: Omit<AuditEntry, 'workstation' | 'outcome'>[] = [
  { at: MONDAY_9AM, actor: MARIA, action: 'auth.signIn', entityType: 'staff_user', entityId: MARIA.userId },
  { at: MONDAY_9AM + 1 * MINUTE, actor: MARIA, action: 'record.open', entityType: 'patient', entityId: PATIENT_A, patientId: PATIENT_A },
  { at: MONDAY_9AM + 2 * MINUTE, actor: JAMAL, action: 'auth.signIn', entityType: 'staff_user', entityId: JAMAL.userId },
  { at: MONDAY_9AM + 3 * MINUTE, actor: JAMAL, action: 'record.update', entityType: 'patient', entityId: PATIENT_B, patientId: PATIENT_B, detail: { fields: ['phone'] } },
  { at: MONDAY_9AM + 3 * MINUTE, actor: ANA, action: 'record.open', entityType: 'patient', entityId: PATIENT_A, patientId: PATIENT_A },
  { at: MONDAY_9AM + 4 * MINUTE, actor: MARIA, action: 'print', entityType: 'care_plan', entityId: 'plan-1', patientId: PATIENT_A },
  { at: MONDAY_9AM + 5 * MINUTE, actor: ANA, action: 'access.denied', entityType: 'channel', entityId: 'staff:create', detail: { role: 'front_desk' } },
  { at: MONDAY_9AM + 6 * MINUTE, actor: JAMAL, action: 'auth.signOut', entityType: 'staff_user', entityId: JAMAL.userId },
];

let dir: TempDataDir;
let database: TestDatabase;
let db: Kysely<Database>;

beforeAll(async () => {
  dir = createTempDataDir();
  database = await openTestDatabase(dir.path, randomDatabaseKey());
  db = database.db;
  for (const event of MORNING) {
    await recordAudit(db, { workstation: 'FRONT-DESK-1', outcome: event.action === 'access.denied' ? 'denied' : 'success', ...event });
  }
});

afterAll(async () => {
  await database?.close();
  dir?.remove();
});

const list = (input: Partial<AuditListInput> = {}) => listAudit(db, auditListInputSchema.parse(input));
const seqs = async (input: Partial<AuditListInput> = {}) => (await list(input)).entries.map((e) => e.seq);

describe('the administrator’s audit list', () => {
  it('shows newest first by default, with who, where, what, outcome and detail (times in UTC ms)', async () => {
    const { entries, total } = await list();
    expect(total).toBe(8);
    expect(entries.map((e) => e.seq)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(entries.find((e) => e.seq === 4)).toEqual({
      seq: 4,
      id: expect.any(String),
      at: MONDAY_9AM + 3 * MINUTE,
      actorUserId: JAMAL.userId,
      actorName: 'Jamal Ortiz',
      workstation: 'FRONT-DESK-1',
      action: 'record.update',
      entityType: 'patient',
      entityId: PATIENT_B,
      patientId: PATIENT_B,
      outcome: 'success',
      detail: { fields: ['phone'] },
    });
  });

  it('filters by staff member', async () => {
    expect(await seqs({ userId: JAMAL.userId })).toEqual([8, 4, 3]);
  });

  it('filters by patient', async () => {
    expect(await seqs({ patientId: PATIENT_A })).toEqual([6, 5, 2]);
  });

  it('filters by action', async () => {
    expect(await seqs({ action: 'auth.signIn' })).toEqual([3, 1]);
    expect(await seqs({ action: 'access.denied' })).toEqual([7]);
  });

  it('filters by a date range that includes both ends', async () => {
    expect(await seqs({ from: MONDAY_9AM + 3 * MINUTE, to: MONDAY_9AM + 5 * MINUTE, direction: 'asc' })).toEqual([4, 5, 6, 7]);
    expect(await seqs({ from: MONDAY_9AM + 6 * MINUTE + 1 })).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await seqs({ patientId: PATIENT_A, userId: MARIA.userId, to: MONDAY_9AM + 2 * MINUTE })).toEqual([2]);
  });

  it('sorts by staff member or action, then by time, then by entry', async () => {
    expect(await seqs({ sort: 'actor', direction: 'asc' })).toEqual([5, 7, 3, 4, 8, 1, 2, 6]);
    expect(await seqs({ sort: 'action', direction: 'asc' })).toEqual([7, 1, 3, 8, 6, 2, 5, 4]);
    expect(await seqs({ sort: 'at', direction: 'asc' })).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('pages with limit and offset, and the total counts every match', async () => {
    const first = await list({ limit: 3, offset: 0, direction: 'asc' });
    const second = await list({ limit: 3, offset: 3, direction: 'asc' });
    const last = await list({ limit: 3, offset: 6, direction: 'asc' });
    expect([first.total, second.total, last.total]).toEqual([8, 8, 8]);
    expect([...first.entries, ...second.entries, ...last.entries].map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await list({ limit: 3, offset: 30 })).entries).toEqual([]);
  });
});

describe('exporting the trail as CSV', () => {
  it('writes a header and one row per matching entry, in UTC, with the hashes, and records the export', async () => {
    const before = (await list()).total;
    const { csv, rowCount } = await exportAuditCsv(db, auditExportInputSchema.parse({ patientId: PATIENT_A, direction: 'asc' }), {
      actor: MARIA,
      workstation: 'FRONT-DESK-1',
      at: MONDAY_9AM + 10 * MINUTE,
    });
    expect(rowCount).toBe(3);
    const [header, ...rows] = parseCsv(csv);
    expect(header).toEqual([...AUDIT_CSV_HEADER]);
    expect(rows.map((row) => row[0])).toEqual(['2', '5', '6']);
    expect(rows[0]?.slice(2, 8)).toEqual(['2026-03-02T15:01:00.000Z', String(MONDAY_9AM + MINUTE), MARIA.userId, 'Maria Lee', 'FRONT-DESK-1', 'record.open']);
    expect(rows[0]?.[14]).toMatch(/^[0-9a-f]{64}$/);

    // The export is itself in the trail: who, how many rows, which filters (names only), and the patient it concerned.
    const { entries, total } = await list({ action: 'export' });
    expect(total).toBe(1);
    expect(entries[0]).toMatchObject({
      actorUserId: MARIA.userId,
      actorName: 'Maria Lee',
      action: 'export',
      entityType: 'audit_trail',
      patientId: PATIENT_A,
      outcome: 'success',
      detail: { format: 'csv', rows: 3, filters: ['patientId'] },
    });
    expect((await list()).total).toBe(before + 1);
    expect(await verifyAuditTrail(db)).toMatchObject({ ok: true });
  });

  it('keeps names with commas, quotes and line breaks in one cell, and defuses spreadsheet formulas', async () => {
    const dir2 = createTempDataDir();
    const other = await openTestDatabase(dir2.path, randomDatabaseKey());
    try {
      const awkward = [
        'O\'Brien, "Pat"',
        'Line one\r\nline two',
        '=HYPERLINK("http://evil.example","Click")',
        '+1 555 0100',
        '-2+3',
        '@SUM(A1:A9)',
        '\tTabbed',
      ];
      for (const [i, name] of awkward.entries()) {
        await recordAudit(other.db, { at: MONDAY_9AM + i, actor: { userId: null, name }, workstation: 'FRONT-DESK-1', action: 'auth.signInFailed', outcome: 'failure' });
      }
      const { csv } = await exportAuditCsv(other.db, auditExportInputSchema.parse({ direction: 'asc' }), { actor: MARIA, workstation: 'FRONT-DESK-1', at: MONDAY_9AM + MINUTE });
      const names = parseCsv(csv)
        .slice(1)
        .map((row) => row[5]);
      expect(names).toEqual([
        'O\'Brien, "Pat"',
        'Line one\r\nline two',
        '\'=HYPERLINK("http://evil.example","Click")',
        "'+1 555 0100",
        "'-2+3",
        "'@SUM(A1:A9)",
        "'\tTabbed",
      ]);
      // Every record ends in CRLF and the file has exactly header + 7 records.
      expect(parseCsv(csv)).toHaveLength(8);
      expect(csv.endsWith('\r\n')).toBe(true);
    } finally {
      await other.close();
      dir2.remove();
    }
  });
});
