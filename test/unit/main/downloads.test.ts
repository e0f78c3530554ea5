import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../../../electron/core/log';
import { APP_ORIGIN } from '../../../electron/main/app-origin';
import { decideDownload, FALLBACK_DOWNLOAD_NAME, guardDownloads, type DownloadRequest } from '../../../electron/main/downloads';
import { HOSTILE_URLS } from './hostile-urls';

vi.mock('electron', () => ({}));

const DOCUMENTS = join('/home/frontdesk', 'Documents');
const APP_PAGE = 'app://caredesk/index.html';
/** What URL.createObjectURL gives the app's page for the audit trail's CSV. */
const APP_BLOB = 'blob:app://caredesk/5d1b7c0e-2f43-4a7e-9d1f-0c2b8e6a4f11';
const AUDIT_CSV = 'caredesk-audit-trail-20260314-0930.csv';

function decide(request: Partial<DownloadRequest>) {
  return decideDownload({ url: APP_BLOB, pageUrl: APP_PAGE, suggestedName: AUDIT_CSV, ...request }, { origin: APP_ORIGIN, documentsDir: DOCUMENTS });
}

describe('which downloads may go ahead (decideDownload)', () => {
  it('lets the audit trail export ask where to save it: Documents, the export’s own name, CSV files', () => {
    expect(decide({})).toStrictEqual({
      allow: true,
      saveDialog: {
        title: 'Save the file from CareDesk',
        defaultPath: join(DOCUMENTS, AUDIT_CSV),
        buttonLabel: 'Save',
        filters: [{ name: 'CSV file (Excel, Numbers, LibreOffice)', extensions: ['csv'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
      },
    });
  });

  it('lets an appointment’s calendar file (the other export the app makes in the page) through the same way', () => {
    const decision = decide({ suggestedName: 'appointment-20300918-1000.ics' });
    expect(decision).toMatchObject({ allow: true, saveDialog: { defaultPath: join(DOCUMENTS, 'appointment-20300918-1000.ics'), filters: [{ extensions: ['ics'] }] } });
  });

  it.each([
    ...HOSTILE_URLS,
    'https://evil.example/audit.csv',
    'blob:https://evil.example/5d1b7c0e-2f43-4a7e-9d1f-0c2b8e6a4f11',
    'blob:app://evil/5d1b7c0e-2f43-4a7e-9d1f-0c2b8e6a4f11',
    'blob:app://user:pw@caredesk/5d1b7c0e',
    'blob:null/5d1b7c0e-2f43-4a7e-9d1f-0c2b8e6a4f11',
    'data:text/csv;base64,YSxi',
    'app://caredesk/index.html',
    'BLOB:app://caredesk/5d1b7c0e',
  ])('refuses %j: not a file the app’s page made', (url) => {
    expect(decide({ url })).toStrictEqual({ allow: false, reason: 'not-a-file-the-app-made' });
  });

  it.each([null, 'https://evil.example/', 'app://evil/index.html', 'file:///C:/Users/frontdesk/page.html', ''])(
    'refuses a download started by %j rather than by the app’s page, even a blob of the app’s origin',
    (pageUrl) => {
      expect(decide({ pageUrl })).toStrictEqual({ allow: false, reason: 'not-from-the-app-page' });
    },
  );

  it.each([
    ['../../.bashrc', FALLBACK_DOWNLOAD_NAME],
    ['..\\..\\Windows\\System32\\drivers\\etc\\hosts', 'hosts'],
    ['/etc/cron.d/job.csv', 'job.csv'],
    ['', FALLBACK_DOWNLOAD_NAME],
    ['.hidden.csv', FALLBACK_DOWNLOAD_NAME],
    ['report\u0000.csv', 'report.csv'],
    ['x'.repeat(300), FALLBACK_DOWNLOAD_NAME],
  ])('offers a plain file name in Documents for the suggested name %j', (suggestedName, offered) => {
    expect(decide({ suggestedName })).toMatchObject({ allow: true, saveDialog: { defaultPath: join(DOCUMENTS, offered) } });
  });

  it('offers no file type filter for a name without an extension', () => {
    const decision = decide({ suggestedName: 'CareDesk export' });
    expect(decision.allow && decision.saveDialog.filters).toBeFalsy();
  });
});

/** A session and a download as Electron hands them to 'will-download'. */
function fakeDownload(url: string, pageUrl: string | null = APP_PAGE) {
  const session = new EventEmitter();
  const log = createMemoryLogger();
  const documentsDir = vi.fn(() => DOCUMENTS);
  guardDownloads(session as never, { origin: APP_ORIGIN, documentsDir, log });
  const item = Object.assign(new EventEmitter(), { getURL: () => url, getFilename: () => AUDIT_CSV, setSaveDialogOptions: vi.fn() });
  const contents = pageUrl === null ? undefined : { isDestroyed: () => false, getURL: () => pageUrl };
  const event = { preventDefault: vi.fn() };
  session.emit('will-download', event, item, contents);
  return { event, item, log, documentsDir };
}

describe('the will-download handler (guardDownloads)', () => {
  it('gives the app’s export the save dialog, asking for Documents at that moment, and goes ahead', () => {
    const { event, item, documentsDir } = fakeDownload(APP_BLOB);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(documentsDir).toHaveBeenCalledTimes(1);
    expect(item.setSaveDialogOptions).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ defaultPath: join(DOCUMENTS, AUDIT_CSV) }));
  });

  it('cancels anything else before it is written, and logs why without the address or the name', () => {
    const { event, item, log } = fakeDownload('https://evil.example/patients-of-dr-lee.csv');
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(item.setSaveDialogOptions).not.toHaveBeenCalled();
    expect(log.lines.join('\n')).toContain('not-a-file-the-app-made');
    expect(log.lines.join('\n')).not.toContain('evil.example');
    expect(log.lines.join('\n')).not.toContain('patients-of-dr-lee');
  });

  it('cancels a download no page started', () => {
    const { event } = fakeDownload(APP_BLOB, null);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('logs how an allowed download ended, without where it was saved', () => {
    const { item, log } = fakeDownload(APP_BLOB);
    item.emit('done', {}, 'cancelled');
    expect(log.lines.at(-1)).toContain('"state":"cancelled"');
    expect(log.lines.join('\n')).not.toContain(AUDIT_CSV);
  });
});
