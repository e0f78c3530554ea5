import type { Kysely } from 'kysely';
import type { SessionUser } from '../../../shared/contract/auth';
import type { Database, StaffUserRow } from '../db/schema';
import { hasPin } from '../lock/pin';

/**
 * What the renderer is told about a signed-in staff member, built field by field from their row: name, username,
 * role, whether a new password must be chosen first, and whether a quick-unlock PIN is set. Never the PIN's hash
 * or salt, never a key slot: `hasPin` only asks whether a row exists.
 */
export async function describeSessionUser(
  db: Kysely<Database>,
  user: Pick<StaffUserRow, 'id' | 'username' | 'full_name' | 'role' | 'password_reset_required'>,
): Promise<SessionUser> {
  return {
    displayName: user.full_name,
    username: user.username,
    role: user.role,
    mustChangePassword: user.password_reset_required === 1,
    hasPin: await hasPin(db, user.id),
  };
}
