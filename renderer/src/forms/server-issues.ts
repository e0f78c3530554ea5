import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { FieldIssue } from '../../../shared/result';

/**
 * Puts main's VALIDATION issues (path "confirmGroups.0", "username", ...) under the matching fields of a form.
 * `toField` maps main's path onto the form's field name (null: not a field of this form).
 * Returns the issues that matched no field, for an alert above the form.
 */
export function applyServerIssues<T extends FieldValues>(
  issues: readonly FieldIssue[] | undefined,
  setError: UseFormSetError<T>,
  toField: (path: string) => FieldPath<T> | null,
  options: { focusFirst?: boolean } = {},
): FieldIssue[] {
  const unmatched: FieldIssue[] = [];
  let focused = !(options.focusFirst ?? true);
  for (const issue of issues ?? []) {
    const field = toField(issue.path);
    if (field === null) {
      unmatched.push(issue);
      continue;
    }
    setError(field, { type: 'server', message: issue.message }, { shouldFocus: !focused });
    focused = true;
  }
  return unmatched;
}

/** `toField` for forms whose fields are named exactly like the channel's input. */
export function sameFieldNames<T extends FieldValues>(fields: readonly FieldPath<T>[]): (path: string) => FieldPath<T> | null {
  return (path) => (fields as readonly string[]).includes(path) ? (path as FieldPath<T>) : null;
}

/** `toField` for forms that hold the channel's input under one key (e.g. "request.username"), beside local fields. */
export function nestedFieldNames<T extends FieldValues>(prefix: string, fields: readonly string[]): (path: string) => FieldPath<T> | null {
  return (path) => (fields.includes(path) ? (`${prefix}.${path}` as FieldPath<T>) : null);
}
