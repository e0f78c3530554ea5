import { AUDIT_ACTIONS, type AuditAction, type AuditEntryView, type AuditOutcome } from '../../../../../shared/contract/audit';
import { ROLE_LABELS, ROLES, type Role } from '../../../../../shared/roles';
import { formatBytes } from '../../about/format-bytes';
import { formatTimeOfDay } from '../clinic-time';

/** What each action is called on screen. The trail stores codes; people read these. */
export const ACTION_LABELS: Record<AuditAction, string> = {
  'auth.signIn': 'Signed in',
  'auth.signInFailed': 'Sign-in failed',
  'auth.lockout': 'Account locked (too many failed sign-ins)',
  'auth.signOut': 'Signed out',
  'record.open': 'Opened a record',
  'record.create': 'Added a record',
  'record.update': 'Changed a record',
  'record.delete': 'Deleted a record',
  export: 'Exported',
  print: 'Printed',
  backup: 'Backup',
  restore: 'Restore from a backup',
  'settings.change': 'Changed settings',
  'role.change': 'Changed a role',
  'access.denied': 'Refused: not allowed',
};

export const ACTION_OPTIONS = AUDIT_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action] }));

const STAFF_ACCOUNT_ACTIONS: Record<string, string> = {
  'record.create': 'Added a staff account',
  'record.update': 'Changed a staff account',
};

/** The action as a person would say it; staff-account changes are named as such rather than as "a record". */
export function actionLabel(action: string, entityType: string | null = null): string {
  if (entityType === 'staff_user' && STAFF_ACCOUNT_ACTIONS[action]) return STAFF_ACCOUNT_ACTIONS[action];
  return (ACTION_LABELS as Record<string, string | undefined>)[action] ?? action;
}

export const OUTCOME_LABELS: Record<AuditOutcome, string> = { success: 'Done', failure: 'Failed', denied: 'Refused' };

const FIELD_LABELS: Record<string, string> = {
  fullName: 'name',
  status: 'active or inactive',
  password: 'password',
  signInLockout: 'sign-in lockout lifted',
  role: 'role',
  clinicName: 'clinic name',
  timeZone: 'time zone',
  lockAfterMinutes: 'automatic lock',
  automaticUpdates: 'automatic updates',
  folder: 'backup folder',
  dailyAt: 'daily backup time',
  onQuit: 'back up on quit',
};

const REASONS: Record<string, string> = {
  'wrong-credentials': 'wrong username or password',
  locked: 'account was locked',
  inactive: 'account is deactivated',
};

const TRIGGERS: Record<string, string> = { manual: 'started by an administrator', daily: 'daily', quit: 'when CareDesk quit' };

const roleLabel = (value: unknown) => ((ROLES as readonly unknown[]).includes(value) ? ROLE_LABELS[value as Role] : String(value));

/** What the entry was about, in a short line: "Staff account: Sam Ortiz — changed: name". No PHI is stored, so none shows. */
export function describeEntry(entry: AuditEntryView, staffNames: ReadonlyMap<string, string>, timeZone: string): string {
  const parts: string[] = [];
  const subject = describeSubject(entry, staffNames);
  if (subject) parts.push(subject);
  const detail = entry.detail ?? {};
  if (Array.isArray(detail.fields)) parts.push(`changed: ${detail.fields.map((field) => FIELD_LABELS[field] ?? field).join(', ')}`);
  if (entry.action === 'role.change' && 'from' in detail && 'to' in detail) parts.push(`${roleLabel(detail.from)} → ${roleLabel(detail.to)}`);
  if (typeof detail.role === 'string') parts.push(`role: ${roleLabel(detail.role)}`);
  if (typeof detail.reason === 'string') parts.push(REASONS[detail.reason] ?? detail.reason);
  if (typeof detail.lockedUntil === 'number') parts.push(`locked until ${formatTimeOfDay(detail.lockedUntil, timeZone)}`);
  if (typeof detail.trigger === 'string') parts.push(TRIGGERS[detail.trigger] ?? detail.trigger);
  if (typeof detail.bytes === 'number') parts.push(formatBytes(detail.bytes));
  if (typeof detail.rows === 'number') parts.push(`${detail.rows} ${detail.rows === 1 ? 'entry' : 'entries'}${typeof detail.format === 'string' ? ` as ${detail.format.toUpperCase()}` : ''}`);
  if (detail.unreadable === true) parts.push('details unreadable');
  return parts.join(' — ');
}

function describeSubject(entry: AuditEntryView, staffNames: ReadonlyMap<string, string>): string {
  switch (entry.entityType) {
    case null:
      return '';
    case 'staff_user': {
      const name = (entry.entityId && staffNames.get(entry.entityId)) ?? entry.entityId ?? 'unknown';
      // A sign-in or sign-out is about the person in the Staff member column already.
      if (entry.action.startsWith('auth.') && name === entry.actorName) return '';
      return entry.action.startsWith('auth.') || entry.action === 'role.change' ? `Staff account: ${name}` : name;
    }
    case 'settings':
      return entry.entityId === 'backup' ? 'Backup settings' : 'Clinic settings';
    case 'backup':
      return entry.entityId ? `Backup file ${entry.entityId}` : 'Backup';
    case 'audit_trail':
      return 'Audit trail';
    case 'channel':
      return `Tried to use ${entry.entityId ?? 'a part of CareDesk'}`;
    default:
      return entry.entityId ? `${entry.entityType} ${entry.entityId}` : entry.entityType;
  }
}
