/**
 * CSV as Finnish Excel opens it with a double-click: UTF-8 with a byte order mark (without it
 * Excel reads ä and ö as Windows-1252), `;` between cells (`,` is the decimal separator in
 * Finnish), CRLF line ends, and decimals written with a comma.
 */
export type CsvCell = string | number | null;

const byteOrderMark = '\uFEFF';

/** A text cell starting with one of these is read by Excel as a formula (formula injection). */
const formulaStart = /^[=+\-@\t\r]/;

const needsQuotes = /[;"\r\n]/;

/**
 * One cell. Numbers are data, written as Finnish Excel reads them (66,7; -3). Text that would
 * start a formula gets a leading `'`, which Excel shows as text and hides; so a phone number
 * written `+358…` stays readable.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the header line, then one line per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(';'));
  return `${byteOrderMark}${lines.join('\r\n')}\r\n`;
}
