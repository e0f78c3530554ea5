/**
 * CSV as RFC 4180 writes it (CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled),
 * made safe to open in a spreadsheet: a cell that starts with = + - @ (or a tab or carriage return) would be run
 * as a formula by Excel or LibreOffice, so it gets a leading apostrophe (OWASP "CSV injection").
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  // A number we wrote (a seq, an epoch ms) is data, not a formula; only text is neutralised.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
