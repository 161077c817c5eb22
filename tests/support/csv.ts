/**
 * Reads back the CSV we write, as RFC 4180 with `;` between cells: quoted cells may hold `;`,
 * doubled quotes and line breaks. Independent of src/lib/csv.ts, so a test of the writer can fail.
 */
export type ParsedCsv = { byteOrderMark: boolean; rows: string[][] };

export function parseCsv(text: string): ParsedCsv {
  const byteOrderMark = text.startsWith('\uFEFF');
  const body = byteOrderMark ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
    } else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && body[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else if (char === '\n' || char === '\r' || char === '"') {
      throw new Error(`Bare ${JSON.stringify(char)} outside quotes at ${index}`);
    } else {
      cell += char;
    }
  }
  if (quoted) throw new Error('Unclosed quote');
  if (cell !== '' || row.length > 0) throw new Error('Last line has no CRLF');
  return { byteOrderMark, rows };
}
