// Files in and out of the registry, loaded only when someone imports or exports (the element
// imports this module with import()), so neither the spreadsheet rules nor the file code are in
// its initial bytes. CSV is written and read here (UTF-8 with a BOM so Excel opens it; GB18030
// files from a Chinese Windows read too); Excel goes through read-excel-file and
// write-excel-file, each loaded only for an .xlsx.
import { FloorCaptain, captainExportTable, decodeCsv, parseCaptainTable, parseCsv, toCsv } from '@firegrid/core';
import type { ExportOptions, ImportContext, ImportPreview, Place, RegistryRow } from '@firegrid/core';

/** The formats the registry exports. */
export type ExportFormat = 'csv' | 'xlsx';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';


/** True when the file is an .xlsx workbook (by name or type; a zip signature decides the rest). */
async function isWorkbook(file: Blob & { name?: string }): Promise<boolean> {
  if (file.type === XLSX_TYPE || (file.name ?? '').toLowerCase().endsWith('.xlsx')) return true;
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === 0x50 && head[1] === 0x4b;
}

/**
 * The cells of the first sheet of an .xlsx file, or of a CSV file. Excel cells keep their types
 * (numbers, dates); `readCell` of core turns them into text.
 */
export async function readTable(file: Blob & { name?: string }): Promise<unknown[][]> {
  if (await isWorkbook(file)) {
    const { readSheet } = await import('read-excel-file/browser');
    return await readSheet(file);
  }
  return parseCsv(decodeCsv(await file.arrayBuffer()));
}

/** The table as a file: CSV (UTF-8 with BOM, CRLF) or an .xlsx whose every cell is a string cell. */
export async function writeTable(table: readonly (readonly string[])[], format: ExportFormat, sheet: string): Promise<Blob> {
  if (format === 'csv') return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' });
  const [{ default: writeXlsxFile }, { inPageZip }] = await Promise.all([import('write-excel-file/browser'), import('../excel-zip.js')]);
  // String cells: a phone stays "0351-7654321" and a name beginning with "=" is never a formula.
  const rows = table.map((row) => row.map((value) => ({ value, type: String })));
  // Compressed in the page: a strict CSP blocks the zip library's blob: worker (see excel-zip.ts).
  return inPageZip(() => writeXlsxFile(rows, { sheet }).toBlob());
}

/** Offers a Blob as a download named `name` (an object URL on a temporary link, revoked after). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => { URL.revokeObjectURL(url); }, 30_000);
}

/** Reads a CSV or .xlsx file and checks it against the registry: the import preview. */
export async function previewImport(file: Blob & { name?: string }, context: ImportContext): Promise<ImportPreview> {
  return parseCaptainTable(await readTable(file), context);
}

/** The registry's rows as a CSV or .xlsx file. */
export function exportRows(rows: readonly RegistryRow<Place, FloorCaptain>[], options: ExportOptions, format: ExportFormat, sheet: string): Promise<Blob> {
  return writeTable(captainExportTable(rows, options), format, sheet);
}

/** The captains a `captains.import` answered with (`{ items }`), those that pass the read schema. */
export function importedItems(result: unknown): FloorCaptain[] {
  const items = result !== null && typeof result === 'object' ? (result as { items?: unknown }).items : undefined;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => {
    const parsed = FloorCaptain.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
