import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/csv';
import { parseCsv } from '../support/csv';

describe('CSV for Finnish Excel', () => {
  it('starts with the UTF-8 byte order mark, separates with ; and ends every line with CRLF', () => {
    const csv = toCsv(['Nimi', 'Läsnä'], [['Äijälä', 3]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Nimi;Läsnä\r\nÄijälä;3\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes decimals with a comma and negative numbers as numbers, empty for null', () => {
    expect([66.7, -3, 0, null].map(csvCell)).toEqual(['66,7', '-3', '0', '']);
  });

  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+358401234567', "'+358401234567"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises the text cell %j as %j', (text, written) => {
    expect(csvCell(text)).toBe(written);
  });

  it('leaves text that only contains a formula sign later alone', () => {
    expect(['Anna-Liisa', 'a=b', 'x@y.fi', '040 123 4567'].map(csvCell)).toEqual([
      'Anna-Liisa',
      'a=b',
      'x@y.fi',
      '040 123 4567',
    ]);
  });

  it('quotes cells with ; quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('sanoi "hei"')).toBe('"sanoi ""hei"""');
    expect(csvCell('rivi 1\nrivi 2')).toBe('"rivi 1\nrivi 2"');
    expect(csvCell('rivi 1\r\nrivi 2')).toBe('"rivi 1\r\nrivi 2"');
  });

  it('parses back to the same columns and values, formulas kept as text', () => {
    const rows = [
      ['=HYPERLINK("http://x","y")', '+358401234567', 'a;b "c"\r\nd', 66.7, null],
      ['Äijälä', '', '-', -1, 4],
    ];
    const parsed = parseCsv(toCsv(['a', 'b', 'c', 'd', 'e'], rows));
    expect(parsed.byteOrderMark).toBe(true);
    expect(parsed.rows).toEqual([
      ['a', 'b', 'c', 'd', 'e'],
      ['\'=HYPERLINK("http://x","y")', "'+358401234567", 'a;b "c"\r\nd', '66,7', ''],
      ['Äijälä', '', "'-", '-1', '4'],
    ]);
  });
});
