import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../electron/core/audit/csv';
import { parseCsv } from './read-csv';

describe('a CSV cell', () => {
  it('is written as is when it is plain', () => {
    expect(csvCell('Maria Lee')).toBe('Maria Lee');
    expect(csvCell(1767225600000)).toBe('1767225600000');
    expect(csvCell(null)).toBe('');
  });

  it('is quoted, with quotes doubled, when it holds a comma, a quote or a line break (RFC 4180)', () => {
    expect(csvCell('Lee, Maria')).toBe('"Lee, Maria"');
    expect(csvCell('Pat "Patty" O\'Brien')).toBe('"Pat ""Patty"" O\'Brien"');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('line one\r\nline two')).toBe('"line one\r\nline two"');
    expect(csvCell('{"fields":["phone","address"]}')).toBe('"{""fields"":[""phone"",""address""]}"');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', '"\'\r=1+1"'],
  ])('that starts like a formula (%j) gets a leading apostrophe so a spreadsheet shows it as text', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('that is a formula with quotes and commas is both defused and quoted', () => {
    const cell = csvCell('=HYPERLINK("http://evil.example","Click")');
    expect(cell).toBe('"\'=HYPERLINK(""http://evil.example"",""Click"")"');
    expect(parseCsv(`${cell}\r\n`)).toEqual([['\'=HYPERLINK("http://evil.example","Click")']]);
  });

  it('leaves formula-like characters alone when they are not first, and numbers we wrote alone', () => {
    expect(csvCell('Smith-Jones')).toBe('Smith-Jones');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('a CSV file', () => {
  it('has a header, CRLF after every record, and reads back cell for cell', () => {
    const rows = [
      [1, 'Lee, Maria', null],
      [2, 'line\nbreak', '=cmd|\' /C calc\'!A0'],
    ];
    const csv = toCsv(['seq', 'name', 'note'], rows);
    expect(csv).toBe('seq,name,note\r\n1,"Lee, Maria",\r\n2,"line\nbreak",\'=cmd|\' /C calc\'!A0\r\n');
    expect(parseCsv(csv)).toEqual([
      ['seq', 'name', 'note'],
      ['1', 'Lee, Maria', ''],
      ['2', 'line\nbreak', "'=cmd|' /C calc'!A0"],
    ]);
  });
});
