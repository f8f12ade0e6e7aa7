/**
 * `POST /v1/captains:import` (the `captains.import` command): floor captains from a spreadsheet,
 * every row or none. Each row is checked as a `PUT` would check it (shape, scope), the rows
 * together against one captain per building at a time (core's `captainOverlaps`); a refusal names
 * the row, which is what a person fixing the spreadsheet needs.
 * @module
 */
import { FloorCaptainInput, SERVER_FIELDS, canonicalIds, captainOverlaps } from '@firegrid/core';
import type { CaptainFacts, Issue } from '@firegrid/core';
import { ActivityWriter } from '../activities.js';
import { PERMISSIONS } from '../auth.js';
import { HttpError, text } from '../http.js';
import type { Store, StoredRecord } from '../store.js';
import { assertVisible, assertWritable, lookups, requireRole } from './access.js';
import { checkInput, invalid } from './problems.js';
import { stamp } from './records.js';
import type { Call, ImportResult } from './types.js';

type Rec = Record<string, unknown>;

/** `POST /v1/captains:import` (the `captains.import` command): every row or none (the caller holds the transaction). */
export function importCaptains(store: Store, call: Call, body: unknown): ImportResult {
  const p = call.principal;
  requireRole(call, PERMISSIONS.captains.write, text('导入楼长', 'import floor captains'));
  const shape = body !== null && typeof body === 'object' && !Array.isArray(body) ? body as Rec : undefined;
  const extra = shape === undefined ? [] : Object.keys(shape).filter((k) => k !== 'rows');
  if (shape === undefined || !Array.isArray(shape.rows) || extra.length > 0) {
    throw invalid(400, text('导入内容应为 { "rows": [楼长, …] }', 'An import is { "rows": [captain, …] }'), [
      ...(shape === undefined || !Array.isArray(shape.rows) ? [{ path: 'rows', message: 'must be an array of captains' }] : []),
      ...extra.map((k) => ({ path: k, message: 'unknown field' })),
    ]);
  }
  const rows = shape.rows as unknown[];
  const issues: Issue[] = [];
  const parsedRows: Rec[] = [];
  rows.forEach((row, i) => {
    const r = checkInput(FloorCaptainInput, row, call.locale);
    if (r.ok) parsedRows.push(canonicalIds({ ...(r.value as Rec) }));
    else for (const issue of r.issues) issues.push({ path: `rows[${i}]${issue.path === '' ? '' : issue.path.startsWith('[') ? issue.path : `.${issue.path}`}`, message: issue.message });
  });
  if (issues.length > 0) {
    const rowCount = new Set(issues.map((i) => /^rows\[(\d+)\]/.exec(i.path)?.[1])).size;
    throw invalid(400, text(
      `有 ${rowCount} 行无效，未导入任何一行（例如 ${issues[0]?.path ?? ''}：${issues[0]?.message ?? ''}）`,
      `${rowCount} ${rowCount === 1 ? 'row is' : 'rows are'} invalid; nothing was imported (e.g. ${issues[0]?.path ?? ''}: ${issues[0]?.message ?? ''})`,
    ), issues);
  }
  const seen = new Map<string, number>();
  parsedRows.forEach((row, i) => {
    const first = seen.get(String(row.id));
    if (first !== undefined) issues.push({ path: `rows[${i}].id`, message: `same id as rows[${first}]` });
    else seen.set(String(row.id), i);
  });
  if (issues.length > 0) {
    throw invalid(400, text('导入中有重复的 id，未导入任何一行', 'The import has the same id twice; nothing was imported'), issues);
  }
  refuseOverlaps(store, call, parsedRows as unknown as CaptainFacts[]);
  const writer = new ActivityWriter(store, p.tenant, call.now);
  const items: StoredRecord[] = [];
  let created = 0;
  parsedRows.forEach((content, i) => {
    for (const field of SERVER_FIELDS) Reflect.deleteProperty(content, field);
    const previous = store.get(p.tenant, 'captains', String(content.id));
    try {
      if (previous !== undefined) {
        assertVisible(store, call, 'captains', previous);
        assertWritable(store, call, 'captains', previous);
      }
      assertWritable(store, call, 'captains', content);
    } catch (e) {
      // The row's position is what a person fixing a spreadsheet needs.
      if (e instanceof HttpError) {
        throw new HttpError(e.status, e.slug, text(`第 ${i + 1} 行（rows[${i}]）：${e.detail['zh-CN']}；未导入任何一行`, `Row rows[${i}]: ${e.detail.en}; nothing was imported`), {
          errors: (e.errors.length > 0 ? e.errors : [{ path: '', message: e.detail.en }]).map((x) => ({ ...x, path: `rows[${i}]${x.path === '' ? '' : `.${x.path}`}` })),
        });
      }
      throw e;
    }
    const record = stamp(call, 'captains', content, previous);
    store.write(p.tenant, 'captains', record);
    writer.afterWrite('captains', previous, record, p.user);
    if (previous === undefined) created++;
    items.push(record);
  });
  return { count: items.length, created, updated: items.length - created, items };
}

/**
 * One captain per building at a time (一楼一长): once the rows are applied, no two terms of a
 * building may overlap. Refuses the whole import (422) with one issue per clashing row.
 */
function refuseOverlaps(store: Store, call: Call, rows: readonly CaptainFacts[]): void {
  const issues: Issue[] = captainOverlaps(rows, lookups(store, call).captainsAt)
    .map((c) => ({ path: `rows[${c.index}].term`, message: c.message }));
  if (issues.length > 0) {
    const first = issues[0];
    throw invalid(422, text(
      `楼长任期重叠（一楼一长），未导入任何一行（例如 ${first?.path ?? ''}：${first?.message ?? ''}）`,
      `Captains' terms overlap (one captain per building); nothing was imported (e.g. ${first?.path ?? ''}: ${first?.message ?? ''})`,
    ), issues);
  }
}

