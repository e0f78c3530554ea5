import type { Contract } from '../../../shared/contract';
import type { HandlersFor } from '../ipc/dispatcher';
import type { CoreServices } from '../services';
import { readAppStatus } from './status';

export function appHandlers({ access, dataDir, appVersion, unsavedClients }: CoreServices): HandlersFor<Pick<Contract, 'app'>>['app'] {
  return {
    status: () => readAppStatus(access.isOpen() ? access.database().sqlite : null, dataDir, appVersion),
    setUnsavedWork: ({ unsaved }, { clientId }) => {
      if (unsaved) unsavedClients.add(clientId);
      else unsavedClients.delete(clientId);
      return null;
    },
  };
}
