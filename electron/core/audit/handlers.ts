import type { AuditBreak, AuditVerificationView } from '../../../shared/contract/audit';
import type { Contract } from '../../../shared/contract';
import { assertNever } from '../../../shared/assert-never';
import { ClinicFailure } from '../errors';
import type { HandlersFor } from '../ipc/dispatcher';
import type { CoreServices } from '../services';
import { exportAuditCsv, listAudit } from './query';
import { auditActor } from './service';
import { verifyAuditTrail, type AuditVerification } from './verify';

export function auditHandlers({ db, audit, now }: CoreServices): HandlersFor<Pick<Contract, 'audit'>>['audit'] {
  return {
    list: (input) => listAudit(db(), input),
    verify: async () => describeVerification(await verifyAuditTrail(db())),
    exportCsv: (input, { session }) => {
      if (!session) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
      return exportAuditCsv(db(), input, { actor: auditActor(session), workstation: audit.workstation, at: now() });
    },
  };
}

/** The verifier's finding, with a sentence an administrator can act on. */
export function describeVerification(result: AuditVerification): AuditVerificationView {
  if (result.ok) return result;
  return { ...result, message: `${breakMessage(result.reason, result.firstBadSeq)} Keep this computer as it is and contact your IT support; restore from a backup only on their advice.` };
}

function breakMessage(reason: AuditBreak, seq: number): string {
  switch (reason) {
    case 'hash-mismatch':
      return `Audit entry ${seq} was changed after it was written.`;
    case 'broken-link':
      return `Audit entry ${seq} no longer follows the entry before it: an entry before it was changed or replaced.`;
    case 'gap':
      return `Audit entry ${seq} is missing: it was removed from the trail.`;
    case 'truncated':
      return `The audit trail was cut off: entries from ${seq} on are missing.`;
    case 'anchor-mismatch':
      return `The audit trail does not end where CareDesk last recorded it (at entry ${seq}): entries were added or replaced outside CareDesk.`;
    default:
      return assertNever(reason);
  }
}
