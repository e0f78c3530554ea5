import { appChannels } from './app';
import { auditChannels } from './audit';
import { backupChannels } from './backup';
import { authChannels, sessionChannels, setupChannels } from './auth';
import { staffChannels } from './staff';
import { draftsChannels, lockChannels } from './lock';
import { settingsChannels } from './settings';
import { patientsChannels } from './patients';
import { schedulingChannels } from './scheduling';
import type { ChannelFunction, ChannelSpec } from './channel';
import type { ChannelNames } from './channel-names';

/** The whole IPC contract: area → action → { input, output, access }. */
export const contract = {
  app: appChannels,
  session: sessionChannels,
  setup: setupChannels,
  auth: authChannels,
  audit: auditChannels,
  staff: staffChannels,
  settings: settingsChannels,
  lock: lockChannels,
  drafts: draftsChannels,
  backup: backupChannels,
  patients: patientsChannels,
  scheduling: schedulingChannels,
};
export type Contract = typeof contract;

/** What `window.clinic` offers the renderer, derived from the contract. */
export type ClinicApi = {
  [A in keyof Contract]: { [K in keyof Contract[A]]: Contract[A][K] extends ChannelSpec ? ChannelFunction<Contract[A][K]> : never };
};

// Compile-time proof that CHANNEL_NAMES lists exactly the contract's channels, both ways.
type NamesOf<N extends ChannelNames> = { [A in keyof N]: N[A] extends readonly (infer S)[] ? S : never };
type ContractNames = { [A in keyof Contract]: keyof Contract[A] };
type Same<X, Y> = [X] extends [Y] ? ([Y] extends [X] ? true : false) : false;
const namesMatchContract: Same<NamesOf<ChannelNames>, ContractNames> = true;
void namesMatchContract;

export function channelSpec(channel: string): ChannelSpec | undefined {
  const [area, action, ...rest] = channel.split(':');
  if (!area || !action || rest.length > 0) return undefined;
  if (!Object.hasOwn(contract, area)) return undefined;
  const areaSpecs = contract[area as keyof Contract] as Record<string, ChannelSpec>;
  return Object.hasOwn(areaSpecs, action) ? areaSpecs[action] : undefined;
}
