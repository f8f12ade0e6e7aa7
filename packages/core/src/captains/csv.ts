/**
 * Reading CSV files people fill in: RFC 4180 cells, and the two encodings such files come in
 * (UTF-8, and GB18030 from Excel or WPS on a Chinese Windows). Writing is `toCsv` of the export
 * module. Owned rather than papaparse's `parse`: papaparse ships only a UMD build, which cannot be
 * imported as an ES module without a CommonJS transform (the browser test runner has none).
 * @module
 */

/**
 * Reads CSV text into rows of cells (RFC 4180: quoted cells with doubled quotes and line breaks,
 * CRLF, LF or CR rows; a leading BOM dropped). Cells are returned as written; a quote left open
 * runs to the end of the text.
 * @example
 * parseCsv('楼栋,楼长\r\n3 号楼,"李""芳"""'); // [['楼栋', '楼长'], ['3 号楼', '李"芳"']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
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
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Decodes the bytes of a CSV file: UTF-8 (with or without a BOM) when they are valid UTF-8, else
 * GB18030 — what Excel and WPS on a Chinese Windows save "CSV" as.
 */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
