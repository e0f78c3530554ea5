import { expect, type Page } from '@playwright/test';

/** What the "Find a time" form is filled in with (the type is always Annual physical). */
export interface FindSearch {
  /** As the Provider list shows it: "Dr. Lee, MD" or "Any provider who offers it". */
  provider: string;
  from: string;
  to: string;
  weekdays?: string[];
  between?: [string, string];
}

/** Fills the open "Find a time" form (type Annual physical) and searches; waits for main's answer. */
export async function searchFindTime(page: Page, s: FindSearch): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Find a time' });
  await dialog.getByRole('combobox', { name: 'Appointment type' }).selectOption({ label: 'Annual physical (30 min)' });
  await dialog.getByRole('combobox', { name: 'Provider' }).selectOption({ label: s.provider });
  await dialog.getByRole('textbox', { name: 'From' }).fill(s.from);
  await dialog.getByRole('textbox', { name: 'To', exact: true }).fill(s.to);
  for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
    await dialog.getByRole('checkbox', { name: day }).setChecked(s.weekdays?.includes(day) ?? false);
  }
  if (s.between) {
    await dialog.getByRole('radio', { name: 'Between…' }).check();
    await dialog.getByRole('textbox', { name: 'Earliest start' }).fill(s.between[0]);
    await dialog.getByRole('textbox', { name: 'Latest end' }).fill(s.between[1]);
  } else {
    await dialog.getByRole('radio', { name: 'Any time' }).check();
  }
  const answered = page.waitForResponse((r) => r.url().endsWith('/__caredesk/ipc/scheduling:findSlots'));
  await dialog.getByRole('button', { name: 'Find open times' }).click();
  await answered;
  // The answer is drawn once its heading takes focus (the dialog moves focus there after every search).
  await expect(dialog.locator('.find-results-title')).toBeFocused();
}

/** The results' lines, in order ("10:00–10:30 · Dr. Lee · Exam 1"). */
export async function findTimeResultLines(page: Page): Promise<string[]> {
  return page.getByRole('dialog', { name: 'Find a time' }).locator('.find-slot-words').allTextContents();
}
