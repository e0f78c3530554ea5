import { Alert } from '@mantine/core';
import { useSessionStore } from '../session/session-store';

/**
 * For administrators, on every screen, for as long as it holds: this computer's keychain does not protect
 * CareDesk's sign-in secret, so passwords alone guard the data. Main words it; it disappears when fixed.
 */
export function KeychainBanner() {
  const warning = useSessionStore((state) =>
    state.view.kind === 'ready' && state.view.state.user?.role === 'admin' ? state.view.state.keychain.warning : null,
  );
  if (!warning) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      title="Weaker protection on this computer"
      mb="lg"
      classNames={{ root: 'keychain-warning', title: 'keychain-warning-title', message: 'alert-message' }}
    >
      {warning}
    </Alert>
  );
}
