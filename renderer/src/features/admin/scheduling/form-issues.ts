import type { FieldPath, FieldValues } from 'react-hook-form';

/**
 * `toField` for a form holding one object of a channel's input (`{ id, provider: {...} }`): main reports
 * "provider.npi", the form's field is "npi". Paths main did not prefix are taken as they are.
 */
export function fieldsUnder<T extends FieldValues>(prefix: string, fields: readonly FieldPath<T>[]): (path: string) => FieldPath<T> | null {
  return (path) => {
    const name = path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : path;
    return (fields as readonly string[]).includes(name) ? (name as FieldPath<T>) : null;
  };
}
