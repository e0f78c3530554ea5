import { z } from 'zod';
import { defineChannel } from './channel';

/**
 * What the audit trail records. Dotted names group by area; add new ones here (the table stores any text,
 * so a new action needs no migration).
 */
export const AUDIT_ACTIONS = [
  'auth.signIn',
  'auth.signInFailed',
  'auth.lockout',
  'auth.signOut',
  'record.open',
  'record.create',
  'record.update',
  'record.delete',
  'export',
  'print',
  'backup',
  'restore',
  'settings.change',
  'role.change',
  'access.denied',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * Extra facts about an entry: field names, counts, codes. Never PHI values (a changed phone number is
 * recorded as `{ fields: ['phone'] }`, not the number).
 */
export const auditDetailSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]));
export type AuditDetail = z.infer<typeof auditDetailSchema>;

/** One entry as the administrator's screen sees it. `at` is UTC epoch ms: the screen shows it in the clinic's time zone. */
export const auditEntrySchema = z.object({
  seq: z.number().int().positive(),
  id: z.string(),
  at: z.number().int(),
  actorUserId: z.string().nullable(),
  actorName: z.string(),
  workstation: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  patientId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: auditDetailSchema.nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

const recordId = (what: string) =>
  z
    .string({ error: `Choose a ${what} from the list.` })
    .trim()
    .min(1, `Choose a ${what} from the list.`)
    .max(64, `That is not a ${what} of this clinic. Choose one from the list.`);

const instant = (which: string) =>
  z
    .number({ error: `Enter the ${which} of the date range as a date and time.` })
    .int(`Enter the ${which} of the date range as a date and time.`)
    .min(0, `The ${which} of the date range is before 1970. Choose a later date.`)
    .max(8_640_000_000_000_000, `The ${which} of the date range is too far in the future. Choose an earlier date.`);

/** Who, which patient, what and when: every part optional; the date range includes both ends. */
const filterFields = {
  userId: recordId('staff member').optional(),
  patientId: recordId('patient').optional(),
  action: z.enum(AUDIT_ACTIONS, { error: 'Choose an action from the list.' }).optional(),
  from: instant('start').optional(),
  to: instant('end').optional(),
  sort: z.enum(['at', 'actor', 'action'], { error: 'Sort by time, staff member or action.' }).default('at'),
  direction: z.enum(['asc', 'desc'], { error: 'Sort ascending or descending.' }).default('desc'),
};

function rangeInOrder(filter: { from?: number | undefined; to?: number | undefined }, ctx: z.RefinementCtx): void {
  if (filter.from !== undefined && filter.to !== undefined && filter.from > filter.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end of the date range is before its start. Choose an end on or after the start.' });
  }
}

export const AUDIT_PAGE_LIMIT = 500;

export const auditListInputSchema = z
  .object({
    ...filterFields,
    limit: z
      .number({ error: 'Choose how many entries to show.' })
      .int('Choose how many entries to show.')
      .min(1, 'Show at least 1 entry.')
      .max(AUDIT_PAGE_LIMIT, `Show at most ${AUDIT_PAGE_LIMIT} entries at a time.`)
      .default(50),
    offset: z.number({ error: 'Choose a page.' }).int('Choose a page.').min(0, 'Choose a page.').max(Number.MAX_SAFE_INTEGER, 'Choose a page.').default(0),
  })
  .strict()
  .superRefine(rangeInOrder);
export type AuditListInput = z.infer<typeof auditListInputSchema>;

export const auditExportInputSchema = z.object(filterFields).strict().superRefine(rangeInOrder);
export type AuditExportInput = z.infer<typeof auditExportInputSchema>;

export const AUDIT_BREAKS = ['hash-mismatch', 'broken-link', 'gap', 'truncated', 'anchor-mismatch'] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

export const auditVerificationSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    count: z.number().int().nonnegative(),
    head: z.object({ seq: z.number().int().positive(), hash: z.string() }).nullable(),
  }),
  z.object({
    ok: z.literal(false),
    /** The first entry that does not check out (for a gap or a cut-off tail: the first missing one). */
    firstBadSeq: z.number().int().positive(),
    reason: z.enum(AUDIT_BREAKS),
    /** Entries that checked out before the break. */
    count: z.number().int().nonnegative(),
    /** What happened, in plain words, for the administrator. */
    message: z.string(),
  }),
]);
export type AuditVerificationView = z.infer<typeof auditVerificationSchema>;

const ADMIN_ONLY = ['admin'] as const;

export const auditChannels = {
  list: defineChannel({
    summary: 'One page of the audit trail, filtered by staff member, patient, action and date range; with the total that match.',
    input: auditListInputSchema,
    output: z.object({ entries: z.array(auditEntrySchema), total: z.number().int().nonnegative() }),
    access: ADMIN_ONLY,
  }),
  verify: defineChannel({
    summary: 'Recomputes the hash chain and compares it with the stored head: names the first entry that was changed, removed or cut off.',
    input: z.undefined(),
    output: auditVerificationSchema,
    access: ADMIN_ONLY,
  }),
  exportCsv: defineChannel({
    summary: 'The matching entries as CSV text (safe to open in a spreadsheet). The export is itself recorded in the trail.',
    input: auditExportInputSchema,
    output: z.object({ csv: z.string(), rowCount: z.number().int().nonnegative() }),
    access: ADMIN_ONLY,
  }),
};
