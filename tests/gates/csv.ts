/**
 * A small RFC 4180 CSV reader for tasks that export CSV (`PrimaryTask.exportCells`): quoted
 * fields with doubled quotes, CRLF or LF rows, a leading BOM dropped. Cells are returned exactly
 * as written, so the gate sees a neutralised formula (`'=1+1`) as the spreadsheet would.
 * @example
 *   parseCsv('序号,隐患内容\r\n1,"=1+1 ""x"""\r\n') // [['序号', '隐患内容'], ['1', '=1+1 "x"']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.startsWith('\ufeff') ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new Error('parseCsv: the file ends inside a quoted field');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
