import { assertNever } from '../../shared/assert-never';
import { StartupFailure, type StartupFailureKind } from '../core/errors';
import { errorKind, type Logger } from '../core/log';

export interface StartupDialog {
  title: string;
  message: string;
}

/** Said after every start-up failure: main quits without creating or overwriting anything. */
export const CLOSING_NOTE = 'CareDesk will now close.';

/** Shown for anything that is not a StartupFailure; the error's own text is never shown (it can quote data or paths). */
export const UNKNOWN_FAILURE_DIALOG: StartupDialog = {
  title: 'CareDesk could not start',
  message:
    'Something unexpected went wrong while opening the clinic database. Nothing was changed. ' +
    'Start CareDesk again; if this keeps happening, contact your administrator.\n\n' +
    CLOSING_NOTE,
};

function titleFor(kind: StartupFailureKind): string {
  switch (kind) {
    case 'WRONG_KEY':
      return 'The clinic database could not be unlocked';
    case 'DATABASE_TOO_NEW':
      return 'CareDesk needs to be updated';
    case 'KEY_UNAVAILABLE':
      return 'The database key is not available';
    case 'DATABASE_MISSING':
      return 'The clinic database was not found';
    case 'PRAGMA_NOT_APPLIED':
      return 'CareDesk could not secure the clinic database';
    case 'CORRUPT':
      return 'The clinic database is damaged';
    case 'DATABASE_BUSY':
      return 'The clinic database is in use';
    case 'KEYSTORE_DAMAGED':
      return 'The clinic key store is damaged';
    default:
      return assertNever(kind, 'start-up failure kind');
  }
}

/** The dialog for a start-up failure: a title per kind, the core's own user message as the body. */
export function startupDialogFor(error: unknown): StartupDialog {
  if (!(error instanceof StartupFailure)) return UNKNOWN_FAILURE_DIALOG;
  return { title: titleFor(error.kind), message: `${error.userMessage}\n\n${CLOSING_NOTE}` };
}

/** Logs the failure by kind only and shows the dialog. The caller quits afterwards. */
export function showStartupFailure(error: unknown, showErrorBox: (title: string, content: string) => void, log: Logger): void {
  const kind = error instanceof StartupFailure ? error.kind : errorKind(error);
  log.error('showStartupFailure', 'the clinic database could not be opened', { kind });
  const dialog = startupDialogFor(error);
  showErrorBox(dialog.title, dialog.message);
}
