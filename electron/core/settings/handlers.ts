import type { Contract } from '../../../shared/contract';
import { LOCK_MINUTES, type ClinicSettings } from '../../../shared/contract/settings';
import { readSetting, SETTINGS, writeSetting } from '../app/settings';
import { ClinicFailure } from '../errors';
import type { HandlersFor } from '../ipc/dispatcher';
import type { CoreServices } from '../services';

export function settingsHandlers({ db, now, audit }: CoreServices): HandlersFor<Pick<Contract, 'settings'>>['settings'] {
  async function read(): Promise<ClinicSettings> {
    const database = db();
    const minutes = Number(await readSetting(database, SETTINGS.lockAfterMinutes));
    return {
      clinicName: (await readSetting(database, SETTINGS.clinicName)) ?? '',
      timeZone: (await readSetting(database, SETTINGS.clinicTimeZone)) ?? 'UTC',
      lockAfterMinutes: Number.isInteger(minutes) && minutes >= LOCK_MINUTES.min && minutes <= LOCK_MINUTES.max ? minutes : LOCK_MINUTES.default,
      automaticUpdates: (await readSetting(database, SETTINGS.automaticUpdates)) !== 'off',
    };
  }
  return {
    get: () => read(),
    update: async (input, { session }) => {
      if (!session) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
      const at = now();
      await db()
        .transaction()
        .execute(async (trx) => {
          if (input.clinicName !== undefined) await writeSetting(trx, SETTINGS.clinicName, input.clinicName, at);
          if (input.timeZone !== undefined) await writeSetting(trx, SETTINGS.clinicTimeZone, input.timeZone, at);
          if (input.lockAfterMinutes !== undefined) await writeSetting(trx, SETTINGS.lockAfterMinutes, String(input.lockAfterMinutes), at);
          if (input.automaticUpdates !== undefined) await writeSetting(trx, SETTINGS.automaticUpdates, input.automaticUpdates ? 'on' : 'off', at);
          await audit.record(trx, session, { action: 'settings.change', entityType: 'settings', detail: { fields: Object.keys(input) } });
        });
      return read();
    },
  };
}
