/**
 * Export of the two lists: every hazard the filters match (paged through the data port, never a
 * local filter), as CSV (UTF-8 with BOM) or one Excel workbook with a sheet per list. The Excel
 * writer is imported on demand, and so is this module (the element imports it when an export
 * starts), so neither is in the element's initial bytes.
 * @module
 */
import { neutraliseRows, toCsv } from '@firegrid/core/export';
import type { FiregridClient, Hazard, Query, TwoListTable } from '@firegrid/core';

/** Where an exported file goes: the host's bridge, or a download. */
export type SaveFile = (file: Blob, name: string) => void | Promise<void>;

/** The largest page the REST contract allows (DESIGN §5); a literal, as core's constant brings the query schema with it. */
const PAGE = 500;
/** More rows than any grid's ledger: a runaway cursor stops here. */
const MAX_ROWS = 50_000;

/** Every hazard matching `query`, page by page (the largest page the contract allows). */
export async function fetchAll(client: FiregridClient, query: Query): Promise<Hazard[]> {
  const out: Hazard[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.data.list('hazards', { ...query, limit: PAGE, ...(cursor === undefined ? {} : { cursor }) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && out.length < MAX_ROWS);
  return out;
}

/** A list as a CSV file: UTF-8 with BOM, CRLF, formula-like cells neutralised. */
export function csvFile(table: TwoListTable): Blob {
  return new Blob([toCsv([table.header, ...table.rows])], { type: 'text/csv;charset=utf-8' });
}

/** Both lists as one workbook, a sheet each; text cells neutralised as in the CSV. */
export async function xlsxFile(tables: readonly TwoListTable[]): Promise<Blob> {
  const [{ default: writeXlsxFile }, { inPageZip }] = await Promise.all([import('write-excel-file/browser'), import('../excel-zip.js')]);
  const sheets = tables.map((table) => ({
    sheet: table.title,
    stickyRowsCount: 1,
    columns: table.header.map((h, i) => ({ width: i === 0 ? 6 : Math.max(10, Math.min(48, h.length * 2 + 6)) })),
    data: [
      table.header.map((h) => ({ value: h, type: String, fontWeight: 'bold' as const })),
      ...neutraliseRows(table.rows).map((row) => row.map((cell) => (typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String }))),
    ],
  }));
  // Compressed in the page: a strict CSP blocks the zip library's blob: worker (see excel-zip.ts).
  return inPageZip(() => writeXlsxFile(sheets).toBlob());
}

/** `问题隐患清单-20260301.csv`: the list's title and the day, in China Standard Time. */
export function fileName(title: string, ext: 'csv' | 'xlsx', now: Date): string {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `${title}-${day}.${ext}`;
}

/** Hands the file to the host's `saveFile`, or downloads it. */
export async function deliver(file: Blob, name: string, saveFile: SaveFile | undefined): Promise<void> {
  if (saveFile !== undefined) {
    await saveFile(file, name);
    return;
  }
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.click();
  // The download has started from the URL; revoke it once the click has been handled.
  setTimeout(() => { URL.revokeObjectURL(url); }, 10_000);
}
