import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { StaffMember } from '../../../shared/contract/staff';
import type { Role } from '../../../shared/roles';
import { ROLE_LABELS } from '../../../shared/roles';
import type { AuditEvent, AuditService } from '../audit/service';
import type { ClinicAccess } from '../auth/clinic-access';
import { findStaffUserById, findStaffUserByUsername } from '../auth/staff-repository';
import type { Database, StaffUserRow } from '../db/schema';
import { ClinicFailure } from '../errors';
import type { Session, SessionStore } from '../ipc/sessions';
import { normalizeUsername } from '../keys/keystore';

export interface StaffServiceDeps {
  access: ClinicAccess;
  audit: AuditService;
  sessions: SessionStore;
  db: () => Kysely<Database>;
  now: () => number;
}

/**
 * Staff accounts, for administrators: create (with a key slot), edit, deactivate (never delete),
 * re-activate, reset a password, lift a lockout. The rules that keep a clinic from locking itself out
 * (at least one active administrator; no self-deactivation) live here.
 */
export function createStaffService({ access, audit, sessions, db, now }: StaffServiceDeps) {
  function toMember(row: StaffUserRow): StaffMember {
    return {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      role: row.role,
      status: row.status,
      passwordResetRequired: row.password_reset_required === 1,
      lockedUntil: access.accountLockedUntil(row.username),
    };
  }

  async function requireUser(id: string): Promise<StaffUserRow> {
    const row = await findStaffUserById(db(), id);
    if (!row) throw new ClinicFailure('NOT_FOUND', 'That staff account does not exist. Refresh the list and try again.');
    return row;
  }

  async function activeAdminCount(): Promise<number> {
    const row = await db()
      .selectFrom('staff_user')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function assertNotLastAdmin(row: StaffUserRow, change: string): Promise<void> {
    if (row.role === 'admin' && row.status === 'active' && (await activeAdminCount()) <= 1) {
      throw new ClinicFailure('CONFLICT', `${row.full_name} is the only active administrator, so they cannot be ${change}. Make someone else an administrator first.`);
    }
  }

  async function list(): Promise<StaffMember[]> {
    const rows = await db().selectFrom('staff_user').selectAll().orderBy('status', 'asc').orderBy('full_name', 'asc').execute();
    return rows.map(toMember);
  }

  async function create(input: { fullName: string; username: string; role: Role; temporaryPassword: string }, actor: Session): Promise<StaffMember> {
    const username = normalizeUsername(input.username);
    if (await findStaffUserByUsername(db(), username)) {
      throw new ClinicFailure('CONFLICT', `The username “${username}” is already taken. Choose another.`, [
        { path: 'username', message: 'This username is already taken.' },
      ]);
    }
    const at = now();
    const id = uuidv7();
    // The row and the key slot succeed together: if the slot cannot be written, the row is rolled back.
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('staff_user')
          .values({ id, username, full_name: input.fullName, role: input.role, password_reset_required: 1, created_at: at, created_by: actor.userId, updated_at: at, updated_by: actor.userId })
          .execute();
        await audit.record(trx, actor, staffEvent('record.create', id, { role: input.role }));
        await access.setStaffPassword({ userId: id, username }, input.temporaryPassword);
      });
    return toMember(await requireUser(id));
  }

  async function update(input: { id: string; fullName?: string | undefined; role?: Role | undefined }, actor: Session): Promise<StaffMember> {
    const row = await requireUser(input.id);
    if (input.role && input.role !== row.role && row.role === 'admin') await assertNotLastAdmin(row, `made ${ROLE_LABELS[input.role]}`);
    const roleChanged = input.role !== undefined && input.role !== row.role;
    const nameChanged = input.fullName !== undefined && input.fullName !== row.full_name;
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('staff_user')
          .set({ full_name: input.fullName ?? row.full_name, role: input.role ?? row.role, updated_at: now(), updated_by: actor.userId })
          .where('id', '=', row.id)
          .execute();
        if (nameChanged) await audit.record(trx, actor, staffEvent('record.update', row.id, { fields: ['fullName'] }));
        if (roleChanged) await audit.record(trx, actor, staffEvent('role.change', row.id, { from: row.role, to: input.role ?? row.role }));
      });
    // A new role takes effect at the person's next sign-in; end their current sessions so it is not stale.
    if (roleChanged) sessions.clearUser(row.id);
    return toMember(await requireUser(row.id));
  }

  async function deactivate(input: { id: string }, actor: Session): Promise<StaffMember> {
    const row = await requireUser(input.id);
    if (row.id === actor.userId) throw new ClinicFailure('CONFLICT', 'You cannot deactivate your own account. Ask another administrator.');
    if (row.status === 'inactive') return toMember(row);
    await assertNotLastAdmin(row, 'deactivated');
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('staff_user').set({ status: 'inactive', updated_at: now(), updated_by: actor.userId }).where('id', '=', row.id).execute();
        await audit.record(trx, actor, staffEvent('record.update', row.id, { fields: ['status'], status: 'inactive' }));
      });
    await access.removeStaffSlot(row.id);
    sessions.clearUser(row.id);
    return toMember(await requireUser(row.id));
  }

  async function setTemporaryPassword(row: StaffUserRow, temporaryPassword: string, actor: Session, status: 'active' | undefined): Promise<StaffMember> {
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('staff_user')
          .set({ password_reset_required: 1, status: status ?? row.status, updated_at: now(), updated_by: actor.userId })
          .where('id', '=', row.id)
          .execute();
        const fields = status && status !== row.status ? ['password', 'status'] : ['password'];
        await audit.record(trx, actor, staffEvent('record.update', row.id, { fields }));
        await access.setStaffPassword({ userId: row.id, username: row.username }, temporaryPassword);
      });
    if (row.id !== actor.userId) sessions.clearUser(row.id);
    return toMember(await requireUser(row.id));
  }

  async function reactivate(input: { id: string; temporaryPassword: string }, actor: Session): Promise<StaffMember> {
    const row = await requireUser(input.id);
    if (row.status === 'active') throw new ClinicFailure('CONFLICT', `${row.full_name}'s account is already active.`);
    return setTemporaryPassword(row, input.temporaryPassword, actor, 'active');
  }

  async function resetPassword(input: { id: string; temporaryPassword: string }, actor: Session): Promise<StaffMember> {
    const row = await requireUser(input.id);
    if (row.status !== 'active') throw new ClinicFailure('CONFLICT', `${row.full_name}'s account is deactivated. Re-activate it instead.`);
    return setTemporaryPassword(row, input.temporaryPassword, actor, undefined);
  }

  async function unlock(input: { id: string }, actor: Session): Promise<StaffMember> {
    const row = await requireUser(input.id);
    if (await access.unlockAccount(row.username)) {
      await audit.record(db(), actor, staffEvent('record.update', row.id, { fields: ['signInLockout'] }));
    }
    return toMember(row);
  }

  return { list, create, update, deactivate, reactivate, resetPassword, unlock };
}

export type StaffService = ReturnType<typeof createStaffService>;

function staffEvent(action: AuditEvent['action'], staffId: string, detail: NonNullable<AuditEvent['detail']>): AuditEvent {
  return { action, entityType: 'staff_user', entityId: staffId, detail };
}
