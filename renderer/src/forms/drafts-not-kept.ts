/**
 * Words for forms whose unsaved values could not be kept as drafts when the window locked: named by the title the
 * person saw on screen (never by anything they typed), so they know which form to open and fill in again.
 */
const FORM_TITLES: readonly { prefix: string; title: string }[] = [
  { prefix: 'patients:register', title: 'Register a new patient' },
  { prefix: 'patients:quick-register', title: 'Quick registration' },
  { prefix: 'staff:create', title: 'Add staff member' },
  // 'staff:edit:<id>': the dialog's title is "Edit <name>"; the id means nothing to a person.
  { prefix: 'staff:edit:', title: 'Edit staff member' },
];

/** The on-screen title of the form a draft key belongs to, or null for a form this list does not know yet. */
export function draftFormTitle(formKey: string): string | null {
  const known = FORM_TITLES.find(({ prefix }) => (prefix.endsWith(':') ? formKey.startsWith(prefix) : formKey === prefix));
  return known?.title ?? null;
}

export const DRAFTS_NOT_KEPT_TITLE = 'Some unsaved changes were lost';

/**
 * "Your unsaved changes in the “Register a new patient” form could not be kept when the screen locked, so they are
 * gone. Open it again and re-enter them." Forms the list does not know are counted ("one other form").
 */
export function draftsNotKeptMessage(formKeys: readonly string[]): string {
  const titles = [...new Set(formKeys.map(draftFormTitle).filter((title): title is string => title !== null))];
  const others = formKeys.filter((key) => draftFormTitle(key) === null).length;
  const parts = titles.map((title) => `the “${title}” form`);
  if (others > 0) parts.push(others === 1 ? (titles.length > 0 ? 'one other form' : 'one form') : `${others} ${titles.length > 0 ? 'other ' : ''}forms`);
  const several = parts.length > 1 || others > 1;
  const forms = new Intl.ListFormat('en-US', { style: 'long', type: 'conjunction' }).format(parts);
  return (
    `Your unsaved changes in ${forms} could not be kept when the screen locked, so they are gone. ` +
    `Open ${several ? 'those forms' : 'it'} again and re-enter what you had typed.`
  );
}
