/** The envelope every IPC call returns. Codes are stable: screens branch on them, never on messages. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of the input, in words a front-desk user can act on. */
export interface FieldIssue {
  path: string;
  message: string;
}

export interface ClinicError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ClinicError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}
