import type { Kysely, SelectQueryBuilder } from 'kysely';
import { auditDetailSchema, type AuditDetail, type AuditEntryView, type AuditExportInput, type AuditListInput } from '../../../shared/contract/audit';
import type { AuditEventRow, Database } from '../db/schema';
import { ClinicFailure } from '../errors';
import { toCsv } from './csv';
import { recordAudit, type AuditActor } from './record';

/** What narrows the trail: each part optional; from/to include both ends (UTC epoch ms). */
export type AuditFilter = Pick<AuditExportInput, 'userId' | 'patientId' | 'action' | 'from' | 'to'>;
export type AuditQuery = AuditFilter & Pick<AuditListInput, 'sort' | 'direction'>;

/** Above this many rows an export is refused (a narrower range is asked for) rather than cut short. */
export const MAX_EXPORT_ROWS = 100_000;

type AuditSelect = SelectQueryBuilder<Database, 'audit_event', object>;

function filtered(db: Kysely<Database>, filter: AuditFilter): AuditSelect {
  let query: AuditSelect = db.selectFrom('audit_event');
  if (filter.userId !== undefined) query = query.where('actor_user_id', '=', filter.userId);
  if (filter.patientId !== undefined) query = query.where('patient_id', '=', filter.patientId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<=', filter.to);
  return query;
}

const SORT_COLUMNS = { at: 'at', actor: 'actor_name', action: 'action' } as const;

function sorted(query: AuditSelect, { sort, direction }: Pick<AuditQuery, 'sort' | 'direction'>) {
  const column = SORT_COLUMNS[sort];
  // seq breaks ties, so paging through equal times or names neither repeats nor skips entries.
  const ordered = query.selectAll().orderBy(column, direction);
  return column === 'at' ? ordered.orderBy('seq', direction) : ordered.orderBy('at', direction).orderBy('seq', direction);
}

/** One page of the trail and how many entries match in all. */
export async function listAudit(db: Kysely<Database>, query: AuditListInput): Promise<{ entries: AuditEntryView[]; total: number }> {
  const run = async (trx: Kysely<Database>) => {
    const rows = await sorted(filtered(trx, query), query).limit(query.limit).offset(query.offset).execute();
    const { total } = await filtered(trx, query)
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow();
    return { entries: rows.map(toAuditEntryView), total: Number(total) };
  };
  // Page and total from one snapshot.
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

export function toAuditEntryView(row: AuditEventRow): AuditEntryView {
  return {
    seq: row.seq,
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    workstation: row.workstation,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    patientId: row.patient_id,
    outcome: row.outcome,
    detail: parseDetail(row.detail),
  };
}

/** Stored detail as an object; anything that is not the expected shape is shown as a marker, not passed on raw. */
function parseDetail(detail: string | null): AuditDetail | null {
  if (detail === null) return null;
  try {
    const parsed = auditDetailSchema.safeParse(JSON.parse(detail));
    return parsed.success ? parsed.data : { unreadable: true };
  } catch {
    return { unreadable: true };
  }
}

export const AUDIT_CSV_HEADER = [
  'seq',
  'id',
  'at_utc',
  'at_epoch_ms',
  'actor_user_id',
  'actor_name',
  'workstation',
  'action',
  'entity_type',
  'entity_id',
  'patient_id',
  'outcome',
  'detail',
  'prev_hash',
  'hash',
] as const;

function isoTime(at: number): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export interface AuditExportContext {
  actor: AuditActor;
  workstation: string;
  at: number;
}

/**
 * The matching entries as CSV (times in UTC, ISO 8601 and epoch ms; the hashes included so the file can be
 * checked against the trail later). The export is recorded in the same transaction that read the rows, so an
 * export without its own entry cannot happen.
 */
export async function exportAuditCsv(db: Kysely<Database>, query: AuditQuery, context: AuditExportContext): Promise<{ csv: string; rowCount: number }> {
  const run = async (trx: Kysely<Database>) => {
    const rows = await sorted(filtered(trx, query), query).limit(MAX_EXPORT_ROWS + 1).execute();
    if (rows.length > MAX_EXPORT_ROWS) {
      throw new ClinicFailure('VALIDATION', `More than ${MAX_EXPORT_ROWS.toLocaleString('en-US')} entries match. Choose a shorter date range and export again.`, [
        { path: 'from', message: 'Choose a shorter date range.' },
      ]);
    }
    const csv = toCsv(
      AUDIT_CSV_HEADER,
      rows.map((row) => [
        row.seq,
        row.id,
        isoTime(row.at),
        row.at,
        row.actor_user_id,
        row.actor_name,
        row.workstation,
        row.action,
        row.entity_type,
        row.entity_id,
        row.patient_id,
        row.outcome,
        row.detail,
        row.prev_hash,
        row.hash,
      ]),
    );
    await recordAudit(trx, {
      at: context.at,
      actor: context.actor,
      workstation: context.workstation,
      action: 'export',
      outcome: 'success',
      entityType: 'audit_trail',
      // A patient-filtered export shows up when that patient's trail is reviewed.
      patientId: query.patientId ?? null,
      detail: {
        format: 'csv',
        rows: rows.length,
        filters: (['userId', 'patientId', 'action', 'from', 'to'] as const).filter((key) => query[key] !== undefined),
      },
    });
    return { csv, rowCount: rows.length };
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}
