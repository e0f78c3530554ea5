import { join } from 'node:path';
import type { DownloadItem, Event, FileFilter, SaveDialogOptions, Session, WebContents } from 'electron';
import { isAppOrigin, type AppOrigin } from '../core/ipc/origin';
import type { Logger } from '../core/log';
import { hasControlCharacter } from './control-characters';

/** What the page asked to download: the file's URL, the page that asked, and the name Chromium suggests. */
export interface DownloadRequest {
  url: string;
  /** The URL of the page that started it; null when no page did (nothing of CareDesk's starts a download that way). */
  pageUrl: string | null;
  suggestedName: string;
}

export type DownloadRefusal = 'not-from-the-app-page' | 'not-a-file-the-app-made';

export type DownloadDecision = { allow: true; saveDialog: SaveDialogOptions } | { allow: false; reason: DownloadRefusal };

/** The name offered when the suggested one cannot be used as it is (empty, hidden, or with a path in it). */
export const FALLBACK_DOWNLOAD_NAME = 'CareDesk export';

const FILTERS: Readonly<Record<string, FileFilter>> = {
  csv: { name: 'CSV file (Excel, Numbers, LibreOffice)', extensions: ['csv'] },
  ics: { name: 'Calendar file', extensions: ['ics'] },
};

/**
 * Whether a download may go ahead, and how the save dialog asks where to put it. CareDesk's own exports (the audit
 * trail's CSV, an appointment's calendar file) are made in the page and handed over as a blob: URL of the app's
 * origin, by the app's own page; anything else (a web address, a data: URL, another origin's blob, a download with
 * no page behind it) is refused. The dialog starts in Documents with the suggested name, never in a folder the page
 * chose, and the name is cut down to a plain file name.
 */
export function decideDownload(request: DownloadRequest, options: { origin: AppOrigin; documentsDir: string }): DownloadDecision {
  if (!isAppOrigin(request.pageUrl, options.origin)) return { allow: false, reason: 'not-from-the-app-page' };
  if (!isAppBlob(request.url, options.origin)) return { allow: false, reason: 'not-a-file-the-app-made' };
  const name = plainFileName(request.suggestedName);
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase();
  const filter = extension ? (FILTERS[extension] ?? { name: `${extension.toUpperCase()} file`, extensions: [extension] }) : null;
  return {
    allow: true,
    saveDialog: {
      title: 'Save the file from CareDesk',
      defaultPath: join(options.documentsDir, name),
      buttonLabel: 'Save',
      ...(filter ? { filters: [filter] } : {}),
      // Exports can name staff and patients: keep them out of the system's "recent files" (Windows).
      properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
    },
  };
}

/** `blob:app://caredesk/<uuid>`: made by a script of the app's own page (URL.createObjectURL), not fetched from anywhere. */
function isAppBlob(url: string, origin: AppOrigin): boolean {
  if (!url.startsWith('blob:')) return false;
  return isAppOrigin(url.slice('blob:'.length), origin);
}

/** The last part of a suggested name, without control characters or a leading dot; the fallback when nothing is left. */
function plainFileName(suggested: string): string {
  const last = suggested.split(/[\\/]/).pop() ?? '';
  const cleaned = [...last].filter((character) => !hasControlCharacter(character)).join('').trim();
  if (cleaned.length === 0 || cleaned.startsWith('.') || cleaned.length > 200) return FALLBACK_DOWNLOAD_NAME;
  return cleaned;
}

export interface DownloadGuardDeps {
  origin: AppOrigin;
  /** The person's Documents folder (app.getPath('documents')), asked at each download. */
  documentsDir(): string;
  log: Logger;
}

/**
 * Installs the decision on a session's 'will-download': a refused download is cancelled before anything is written;
 * an allowed one gets the save dialog above (Electron shows it, attached to the window). URLs, names and paths are
 * never logged (a file name can carry a patient's name); only the reason or the outcome.
 */
export function guardDownloads(session: Pick<Session, 'on'>, deps: DownloadGuardDeps): void {
  session.on('will-download', (event: Event, item: DownloadItem, contents: WebContents | undefined) => {
    const decision = decideDownload(
      { url: item.getURL(), pageUrl: contents && !contents.isDestroyed() ? contents.getURL() : null, suggestedName: item.getFilename() },
      { origin: deps.origin, documentsDir: deps.documentsDir() },
    );
    if (!decision.allow) {
      event.preventDefault();
      deps.log.warn('guardDownloads', 'refused a download that is not one of CareDesk’s own exports', { reason: decision.reason });
      return;
    }
    item.setSaveDialogOptions(decision.saveDialog);
    item.once('done', (_event, state) => deps.log.info('guardDownloads', 'a download ended', { state }));
  });
}
