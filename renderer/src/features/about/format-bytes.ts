const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

/**
 * A file size in the units people see in Windows Explorer and Finder: "Empty", "812 bytes", "4.3 MB", "27 MB".
 * Binary steps (1 KB = 1024 bytes) to match what Windows shows for the same folder.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return 'Unknown';
  if (bytes === 0) return 'Empty'; // before first-run setup the folder holds nothing yet
  if (bytes < 1024) return bytes === 1 ? '1 byte' : `${Math.round(bytes)} bytes`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${number} ${UNITS[unit]}`;
}
