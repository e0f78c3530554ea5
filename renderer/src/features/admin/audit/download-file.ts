/**
 * Hands text to the browser as a file download (a blob: link with `download`). In Electron, main lets only such
 * blob: downloads of the app's own page through and asks where to save them (the Save dialog, starting in Documents:
 * electron/main/downloads.ts); in the browser test host it is a normal download. Nothing is sent anywhere.
 */
export function downloadTextFile(fileName: string, text: string, type: string): void {
  // A byte-order mark, so Excel on Windows reads names with accents (José, Zoë) as UTF-8.
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the blob is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
