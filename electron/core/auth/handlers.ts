import type { Contract } from '../../../shared/contract';
import { ClinicFailure } from '../errors';
import type { HandlersFor } from '../ipc/dispatcher';
import type { CoreServices } from '../services';

type AuthAreas = HandlersFor<Pick<Contract, 'session' | 'setup' | 'auth'>>;

export function authHandlers({ access, unsavedClients }: CoreServices): AuthAreas {
  return {
    session: {
      state: (_input, { clientId }) => access.state(clientId),
    },
    setup: {
      begin: () => access.beginSetup(),
      cancel: () => access.cancelSetup(),
      complete: (input, { clientId }) => access.completeSetup(input, clientId),
    },
    auth: {
      signIn: (input, { clientId }) => access.signIn(input, clientId),
      signOut: async (_input, { clientId }) => {
        unsavedClients.delete(clientId);
        return access.signOut(clientId);
      },
      recover: (input, { clientId }) => access.recover(input, clientId),
      changePassword: (input, { session }) => {
        if (!session) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
        return access.changePassword(input, session);
      },
    },
  };
}
