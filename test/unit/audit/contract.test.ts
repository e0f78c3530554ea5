import { describe, expect, it } from 'vitest';
import { auditChannels, auditExportInputSchema, auditListInputSchema, AUDIT_PAGE_LIMIT } from '../../../shared/contract/audit';

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('the audit channels in the contract', () => {
  it('are for administrators only', () => {
    for (const spec of Object.values(auditChannels)) expect(spec.access).toEqual(['admin']);
  });
});

describe('the audit list filter', () => {
  it('fills in newest first, 50 a page, from the start', () => {
    expect(auditListInputSchema.parse({})).toEqual({ sort: 'at', direction: 'desc', limit: 50, offset: 0 });
  });

  it('accepts a one-day range, a single instant (from = to) and every filter together', () => {
    const day = Date.UTC(2026, 2, 2);
    expect(auditListInputSchema.safeParse({ from: day, to: day + 86_399_999 }).success).toBe(true);
    expect(auditListInputSchema.safeParse({ from: day, to: day }).success).toBe(true);
    const all = { userId: 'u-1', patientId: 'p-1', action: 'record.open', from: day, to: day, sort: 'actor', direction: 'asc', limit: AUDIT_PAGE_LIMIT, offset: 500 };
    expect(auditListInputSchema.parse(all)).toEqual(all);
  });

  it('refuses a range that ends before it starts, on the end field, in plain words', () => {
    const result = auditListInputSchema.safeParse({ from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 1) });
    expect(issuesOf(result)).toEqual([{ path: 'to', message: 'The end of the date range is before its start. Choose an end on or after the start.' }]);
    expect(issuesOf(auditExportInputSchema.safeParse({ from: 2, to: 1 }))).toEqual([{ path: 'to', message: expect.stringContaining('before its start') }]);
  });

  it('shows 1 to 500 entries a page', () => {
    expect(issuesOf(auditListInputSchema.safeParse({ limit: 0 }))).toEqual([{ path: 'limit', message: 'Show at least 1 entry.' }]);
    expect(issuesOf(auditListInputSchema.safeParse({ limit: 501 }))).toEqual([{ path: 'limit', message: 'Show at most 500 entries at a time.' }]);
    expect(issuesOf(auditListInputSchema.safeParse({ limit: 2.5 }))).toEqual([{ path: 'limit', message: 'Choose how many entries to show.' }]);
  });

  it('refuses unknown actions, sorts, fields and non-integer times', () => {
    expect(issuesOf(auditListInputSchema.safeParse({ action: 'record.destroy' }))).toEqual([{ path: 'action', message: 'Choose an action from the list.' }]);
    expect(issuesOf(auditListInputSchema.safeParse({ sort: 'patient' }))).toEqual([{ path: 'sort', message: 'Sort by time, staff member or action.' }]);
    expect(auditListInputSchema.safeParse({ role: 'admin' }).success).toBe(false);
    expect(issuesOf(auditListInputSchema.safeParse({ from: 1.5 }))).toEqual([{ path: 'from', message: 'Enter the start of the date range as a date and time.' }]);
    expect(auditListInputSchema.safeParse({ userId: '' }).success).toBe(false);
  });

  it('for an export takes no page (the whole match is exported)', () => {
    expect(auditExportInputSchema.safeParse({ limit: 10 }).success).toBe(false);
    expect(auditExportInputSchema.parse({})).toEqual({ sort: 'at', direction: 'desc' });
  });
});
