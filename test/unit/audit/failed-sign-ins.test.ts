import { describe, expect, it } from 'vitest';
import { createFailedSignInBuffer } from '../../../electron/core/audit/failed-sign-ins';
import type { AuditEntry } from '../../../electron/core/audit/record';
import { verifyAuditTrail } from '../../../electron/core/audit/verify';
import { withDatabase } from '../../support/core';

const failure = (n: number): AuditEntry => ({
  at: Date.UTC(2026, 2, 2, 6, 0) + n * 1000,
  actor: { userId: null, name: `guess${n}` },
  workstation: 'FRONT-DESK-1',
  action: 'auth.signInFailed',
  outcome: 'failure',
  detail: { method: 'password', reason: 'wrong-credentials' },
});

describe('failed sign-ins waiting for the database to open', () => {
  it('are written oldest first in one go, and the buffer is empty afterwards', async () => {
    const buffer = createFailedSignInBuffer();
    for (let n = 1; n <= 3; n += 1) buffer.add(failure(n));
    expect(buffer.size()).toBe(3);
    await withDatabase(async ({ db }) => {
      expect(await buffer.flush(db)).toBe(3);
      expect(buffer.size()).toBe(0);
      expect(await buffer.flush(db)).toBe(0);
      const rows = await db.selectFrom('audit_event').select(['seq', 'actor_name', 'actor_user_id']).orderBy('seq').execute();
      expect(rows).toEqual([1, 2, 3].map((n) => ({ seq: n, actor_name: `guess${n}`, actor_user_id: null })));
    });
  });

  it('past the limit are counted, not kept, and the count is written as one entry (memory stays bounded under guessing)', async () => {
    const buffer = createFailedSignInBuffer(3);
    for (let n = 1; n <= 10; n += 1) buffer.add(failure(n));
    expect(buffer.size()).toBe(4);
    await withDatabase(async ({ db }) => {
      expect(await buffer.flush(db)).toBe(4);
      const rows = await db.selectFrom('audit_event').select(['actor_name', 'detail', 'at']).orderBy('seq').execute();
      expect(rows.map((r) => r.actor_name)).toEqual(['guess1', 'guess2', 'guess3', '(not recorded)']);
      expect(rows[3]).toEqual({ actor_name: '(not recorded)', detail: '{"reason":"too-many-to-record","count":7}', at: failure(10).at });
    });
  });

  it('are kept for the next sign-in when writing them fails', async () => {
    const buffer = createFailedSignInBuffer(2);
    for (let n = 1; n <= 3; n += 1) buffer.add(failure(n));
    await withDatabase(async (database) => {
      await database.close(); // the write fails: the database went away
      await expect(buffer.flush(database.db)).rejects.toThrow();
    });
    expect(buffer.size()).toBe(3);
    await withDatabase(async ({ db }) => {
      expect(await buffer.flush(db)).toBe(3);
      expect(await verifyAuditTrail(db)).toMatchObject({ ok: true, count: 3 });
    });
  });
});
