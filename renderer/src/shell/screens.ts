import type { ComponentType } from 'react';
import { AdminScreen } from '../features/admin/AdminScreen';
import { CarePlansScreen } from '../features/care-plans/CarePlansScreen';
import { InsuranceScreen } from '../features/insurance/InsuranceScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { PatientsScreen } from '../features/patients/PatientsScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { ScheduleScreen } from '../features/scheduling/ScheduleScreen';
import { WorklistScreen } from '../features/worklist/WorklistScreen';
import { SCREEN_IDS, type ScreenId } from '../store/ui-store';

export interface ScreenEntry {
  id: ScreenId;
  /** The menu label; also the screen's heading, so what the user clicked is what they land on. */
  label: string;
  /** The digit of its Alt+N shortcut (menu position). */
  shortcutDigit: number;
  Component: ComponentType;
}

const COMPONENTS: Record<ScreenId, { label: string; Component: ComponentType }> = {
  schedule: { label: 'Schedule', Component: ScheduleScreen },
  patients: { label: 'Patients', Component: PatientsScreen },
  intake: { label: 'Intake', Component: IntakeScreen },
  insurance: { label: 'Insurance', Component: InsuranceScreen },
  'care-plans': { label: 'Care plans', Component: CarePlansScreen },
  worklist: { label: 'Worklist', Component: WorklistScreen },
  reports: { label: 'Reports', Component: ReportsScreen },
  admin: { label: 'Admin', Component: AdminScreen },
};

/** Menu order comes from SCREEN_IDS, so the shortcut digits and the menu can never disagree. */
export const SCREENS: readonly ScreenEntry[] = SCREEN_IDS.map((id, index) => ({ id, shortcutDigit: index + 1, ...COMPONENTS[id] }));

export function screenEntry(id: ScreenId): ScreenEntry {
  // SCREENS is built from SCREEN_IDS, so every id has an entry.
  return SCREENS.find((screen) => screen.id === id) as ScreenEntry;
}

export function screenForShortcutDigit(digit: number): ScreenEntry | undefined {
  return SCREENS.find((screen) => screen.shortcutDigit === digit);
}
