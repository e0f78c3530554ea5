import { NotBuiltYet } from '../../components/NotBuiltYet';

export function AdminScreen() {
  return (
    <NotBuiltYet heading="Admin">
      Here an administrator will manage staff accounts and roles, automatic lock, backups, the audit trail and updates.
    </NotBuiltYet>
  );
}
