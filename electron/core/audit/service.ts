import type { Kysely } from 'kysely';
import type { AuditAction, AuditDetail, AuditOutcome } from '../../../shared/contract/audit';
import type { Database } from '../db/schema';
import type { DeniedCall } from '../ipc/dispatcher';
import type { Session } from '../ipc/sessions';
import { recordAudit, type AuditActor, type RecordedAudit } from './record';

/** What an area says about an event; who, when and where are filled in by the service. */
export interface AuditEvent {
  action: AuditAction;
  /** 'success' unless said otherwise. */
  outcome?: AuditOutcome;
  entityType?: string | null;
  entityId?: string | null;
  patientId?: string | null;
  /** Field names, counts and codes: never PHI values. */
  detail?: AuditDetail | null;
}

/** The signed-in staff member an entry is attributed to (full name as it is now: the entry keeps a snapshot). */
export type AuditedBy = Pick<Session, 'userId' | 'displayName'>;

/**
 * The `audit` field of CoreServices. Areas call `record(trx, session, event)` with the transaction of the change
 * they are making, so the change and its entry commit together.
 */
export interface AuditService {
  readonly workstation: string;
  record(db: Kysely<Database>, by: AuditedBy, event: AuditEvent): Promise<RecordedAudit>;
  /** The dispatcher's onDenied hook: an 'access.denied' entry naming who and which channel. */
  recordDenied(call: DeniedCall): Promise<void>;
}

export function auditActor(by: AuditedBy): AuditActor {
  return { userId: by.userId, name: by.displayName };
}

export function createAuditService(options: { workstation: string; now: () => number; db: () => Kysely<Database> }): AuditService {
  const { workstation, now } = options;
  const record = (db: Kysely<Database>, by: AuditedBy, event: AuditEvent) =>
    recordAudit(db, {
      at: now(),
      actor: auditActor(by),
      workstation,
      action: event.action,
      outcome: event.outcome ?? 'success',
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
      patientId: event.patientId ?? null,
      detail: event.detail ?? null,
    });
  return {
    workstation,
    record,
    async recordDenied({ channel, session }) {
      await record(options.db(), session, {
        action: 'access.denied',
        outcome: 'denied',
        entityType: 'channel',
        entityId: channel,
        detail: { role: session.role },
      });
    },
  };
}
