/** The eight screens as a receptionist sees them in the menu, in order (Alt+1 … Alt+8). */
export const SCREENS = [
  { name: 'Schedule', slug: 'schedule' },
  { name: 'Patients', slug: 'patients' },
  { name: 'Intake', slug: 'intake' },
  { name: 'Insurance', slug: 'insurance' },
  { name: 'Care plans', slug: 'care-plans' },
  { name: 'Worklist', slug: 'worklist' },
  { name: 'Reports', slug: 'reports' },
  { name: 'Admin', slug: 'admin' },
] as const;

/** Screens that are built (no longer "not built yet" placeholders), by slug. */
export const BUILT_SCREENS: ReadonlySet<(typeof SCREENS)[number]['slug']> = new Set(['schedule', 'patients', 'admin']);
