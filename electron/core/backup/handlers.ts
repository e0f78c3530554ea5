import type { Contract } from '../../../shared/contract';
import { ClinicFailure } from '../errors';
import type { HandlerContext, HandlersFor } from '../ipc/dispatcher';
import type { Session } from '../ipc/sessions';
import type { CoreServices } from '../services';
import { accessPort } from './access-port';
import { createBackupService, type BackupService } from './service';

function signedIn(context: HandlerContext): Session {
  if (!context.session) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
  return context.session;
}

/** The backup area's channels (administrators only; the dispatcher checks the role first). */
export function backupHandlers(services: CoreServices, service?: BackupService): HandlersFor<Pick<Contract, 'backup'>>['backup'] {
  const backup =
    service ??
    createBackupService({
      dataDir: services.dataDir,
      appVersion: services.appVersion,
      log: services.log,
      now: services.now,
      db: services.db,
      port: accessPort(services.access, services.dataDir),
      audit: services.audit,
    });
  return {
    chooseFolder: async () => ({ path: await services.pickers.chooseFolder('backup-folder') }),
    chooseFile: async () => ({ path: await services.pickers.chooseFile('backup-file') }),
    restoreAfterDamage: ({ recoveryCode }) => backup.restoreAfterDamage(recoveryCode),
    runNow: (_input, context) => backup.runNow(signedIn(context)),
    status: () => backup.status(),
    list: () => backup.list(),
    restore: (input, context) => backup.restore(input, signedIn(context)),
    cancel: () => ({ cancelled: backup.cancel() }),
    getSettings: () => backup.getSettings(),
    setSettings: (input, context) => backup.setSettings(input, signedIn(context)),
  };
}
