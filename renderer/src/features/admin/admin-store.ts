import type { ClinicSettings } from '../../../../shared/contract/settings';
import { createResettableStore } from '../../store/reset-registry';
import { adminCall } from './admin-call';

export const ADMIN_TABS = ['staff', 'providers', 'rooms', 'types', 'closures', 'audit', 'backups', 'settings'] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];

export type ClinicSettingsView = { kind: 'loading' } | { kind: 'ready'; settings: ClinicSettings } | { kind: 'failed'; message: string };

interface AdminState {
  /** The tab last shown: coming back to Admin returns to it (reset at sign-out). */
  tab: AdminTab;
  /** The clinic's settings; the time zone is what every time on this screen is shown in. */
  clinic: ClinicSettingsView;
  setTab(tab: AdminTab): void;
  loadClinic(): Promise<void>;
  clinicSaved(settings: ClinicSettings): void;
}

export const useAdminStore = createResettableStore<AdminState>((set) => ({
  tab: 'staff',
  clinic: { kind: 'loading' },
  setTab: (tab) => set({ tab }),
  async loadClinic() {
    const result = await adminCall((api) => api.settings.get());
    set({ clinic: result.ok ? { kind: 'ready', settings: result.value } : { kind: 'failed', message: result.error.message } });
  },
  clinicSaved: (settings) => set({ clinic: { kind: 'ready', settings } }),
}));

/** The clinic's time zone, once loaded (the Admin screen shows its tabs only after that). */
export function useClinicTimeZone(): string {
  return useAdminStore((state) => (state.clinic.kind === 'ready' ? state.clinic.settings.timeZone : 'UTC'));
}
