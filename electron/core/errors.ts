import type { ErrorCode, FieldIssue } from '../../shared/result';

/**
 * An expected failure a service reports to the user (a conflict, a missing record, a locked account).
 * The dispatcher turns it into `{ ok: false, error }`; anything else thrown becomes INTERNAL.
 * The message is shown to the user: no PHI of other patients, no keys.
 */
export class ClinicFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'ClinicFailure';
  }
}

/** Why the clinic's database could not be opened at start-up. Each kind gets its own dialog text. */
export type StartupFailureKind =
  | 'WRONG_KEY'
  | 'DATABASE_TOO_NEW'
  | 'KEY_UNAVAILABLE'
  | 'DATABASE_MISSING'
  | 'PRAGMA_NOT_APPLIED'
  | 'CORRUPT'
  | 'DATABASE_BUSY'
  | 'KEYSTORE_DAMAGED';

export class StartupFailure extends Error {
  constructor(
    readonly kind: StartupFailureKind,
    /** Plain words for the dialog: what happened and what to do next. */
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.name = 'StartupFailure';
  }
}
