import type { AppointmentTypeView, ProviderView, RoomView } from '../../../../../shared/contract/scheduling';
import type { SetupState } from '../../../components/SetupGate';
import { createResettableStore } from '../../../store/reset-registry';
import { setupCall } from './setup-call';

interface SetupStoreState {
  /** Providers, rooms and types, shared by the four set-up tabs (read once, then kept in step with each save). */
  setup: SetupState;
  load(): Promise<void>;
  providerSaved(provider: ProviderView): void;
  roomSaved(room: RoomView): void;
  typeSaved(type: AppointmentTypeView): void;
}

function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((existing) => existing.id === item.id) ? list.map((existing) => (existing.id === item.id ? item : existing)) : [...list, item];
}

export const useSetupStore = createResettableStore<SetupStoreState>((set, get) => ({
  setup: { kind: 'loading' },
  async load() {
    const result = await setupCall((api) => api.getSetup());
    set({ setup: result.ok ? { kind: 'ready', setup: result.value } : { kind: 'failed', message: result.error.message } });
  },
  providerSaved(provider) {
    const state = get().setup;
    if (state.kind === 'ready') set({ setup: { kind: 'ready', setup: { ...state.setup, providers: upsert(state.setup.providers, provider) } } });
  },
  roomSaved(room) {
    const state = get().setup;
    if (state.kind === 'ready') set({ setup: { kind: 'ready', setup: { ...state.setup, rooms: upsert(state.setup.rooms, room) } } });
  },
  typeSaved(type) {
    const state = get().setup;
    if (state.kind !== 'ready') return;
    set({ setup: { kind: 'ready', setup: { ...state.setup, types: upsert(state.setup.types, type) } } });
    // A type's providers are also each provider's "offers" list: read both again so the two tabs agree.
    void get().load();
  },
}));

/** Sorted for reading: active first, then by name. */
export function byActiveThenName<T extends { name: string; active: boolean }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}
