import type { ExceptionKind } from '../../../../../shared/scheduling/schemas';
import type { ExceptionView } from '../../../../../shared/contract/scheduling';
import { clockLabel, shortDate } from '../../../../../shared/scheduling/time';

export const CLOSURE_KIND_LABELS: Record<ExceptionKind, string> = { vacation: 'Vacation', blocked: 'Blocked time', holiday: 'Clinic holiday' };

/** "Mon Jul 6", "Mon Jul 6 – Fri Jul 10", plus ", 13:00–17:00" when it covers only part of each day. */
export function closureWhen(closure: Pick<ExceptionView, 'fromDate' | 'toDate' | 'startTime' | 'endTime'>): string {
  const days = closure.fromDate === closure.toDate ? shortDate(closure.fromDate) : `${shortDate(closure.fromDate)} – ${shortDate(closure.toDate)}`;
  const year = closure.toDate.slice(0, 4);
  const times = closure.startTime !== null && closure.endTime !== null ? `, ${clockLabel(closure.startTime)}–${clockLabel(closure.endTime)}` : ', all day';
  return `${days} ${year}${times}`;
}
