import { z } from 'zod';
import { auditExportInputSchema, type AuditExportInput } from '../../../../../shared/contract/audit';
import { clinicDayEnd, clinicDayStart } from '../clinic-time';

/** The filter form as typed: dates are clinic calendar days ("YYYY-MM-DD" from the date fields). */
export interface AuditFilterValues {
  /** '' is "Everyone" (a real option, so the keyboard can choose it). */
  userId: string;
  patientId: string;
  /** '' is "Any action". */
  action: string;
  fromDate: string;
  toDate: string;
}

export const EMPTY_AUDIT_FILTER: AuditFilterValues = { userId: '', patientId: '', action: '', fromDate: '', toDate: '' };

/** Which form field shows an issue main (or the contract) raised about a filter part. */
export function auditFilterField(path: string): keyof AuditFilterValues | null {
  switch (path) {
    case 'userId':
    case 'patientId':
    case 'action':
      return path;
    case 'from':
      return 'fromDate';
    case 'to':
      return 'toDate';
    default:
      return null;
  }
}

export type AuditFilter = Pick<AuditExportInput, 'userId' | 'patientId' | 'action' | 'from' | 'to'>;

/**
 * The form's values → the contract's filter: "from" is the first instant of that clinic day and "to" the last
 * (both UTC epoch ms, both ends included), then checked by the contract's own schema.
 */
export function auditFilterSchema(timeZone: string) {
  return z
    .object({ userId: z.string(), patientId: z.string(), action: z.string(), fromDate: z.string(), toDate: z.string() })
    .transform((values, ctx): AuditFilter => {
      const from = values.fromDate ? clinicDayStart(values.fromDate, timeZone) : undefined;
      const to = values.toDate ? clinicDayEnd(values.toDate, timeZone) : undefined;
      if (from === null) ctx.addIssue({ code: 'custom', path: ['fromDate'], message: 'Enter the start date as a whole date, or leave it empty.' });
      if (to === null) ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'Enter the end date as a whole date, or leave it empty.' });
      const filter = {
        ...(values.userId ? { userId: values.userId } : {}),
        ...(values.patientId.trim() ? { patientId: values.patientId } : {}),
        ...(values.action ? { action: values.action } : {}),
        ...(typeof from === 'number' ? { from } : {}),
        ...(typeof to === 'number' ? { to } : {}),
      };
      const parsed = auditExportInputSchema.safeParse(filter);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = auditFilterField(String(issue.path[0] ?? ''));
          ctx.addIssue({ code: 'custom', path: field ? [field] : [], message: issue.message });
        }
        return z.NEVER;
      }
      const { userId, patientId, action, from: start, to: end } = parsed.data;
      return compactFilter({ userId, patientId, action, from: start, to: end });
    });
}

/** The filter without its unset parts. */
function compactFilter(filter: AuditFilter): AuditFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as AuditFilter;
}
