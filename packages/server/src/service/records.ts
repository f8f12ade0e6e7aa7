/**
 * Records (DESIGN §5): list, read and `PUT`, each checked against the caller's role, scope and
 * tenant (access.ts), the kind's own rules (kind-rules.ts) and the write rules every port shares
 * (core's `applyWriteRules`); a write also cites only photos the caller may read (media.ts) and
 * records the activities it earns (activities.ts).
 * @module
 */
import {
  KIND_LABELS, Query, RECORD_INPUT_SCHEMAS, RECORD_SCHEMAS, SERVER_FIELDS, applyWriteRules, canonicalId, canonicalIds, checkWith, isFiregridError, kindAction,
} from '@firegrid/core';
import type { Page, ResourceKind } from '@firegrid/core';
import { ActivityWriter } from '../activities.js';
import { PERMISSIONS, isResidentOnly, wholeTenant } from '../auth.js';
import { HttpError, text } from '../http.js';
import type { ListView, Store, StoredRecord } from '../store.js';
import { assertVisible, assertWritable, lookups, requireRole, tailor } from './access.js';
import { kindRules } from './kind-rules.js';
import { checkPhotos, photoRefs } from './media.js';
import { checkInput, invalid, notFound, refusal } from './problems.js';
import type { Call, PutResult } from './types.js';

type Rec = Record<string, unknown>;

// ---- reads ----------------------------------------------------------------------------------

/** `GET /v1/{kind}`. */
export function listRecords(store: Store, call: Call, kind: ResourceKind, raw: Record<string, unknown>): Page<StoredRecord> {
  const page = pageOf(store, call, kind, raw);
  return { ...page, items: page.items.map((r) => tailor(store, call, kind, r)) };
}

/** One page of a list as stored: what the caller may list, not yet tailored to what he may see. */
function pageOf(store: Store, call: Call, kind: ResourceKind, raw: Record<string, unknown>): Page<StoredRecord> {
  const p = call.principal;
  requireRole(call, PERMISSIONS[kind].read, kindAction(kind, 'read'));
  const resident = kind === 'hazards' && isResidentOnly(p);
  const parsed = checkInput(Query, typeof raw.placeId === 'string' ? { ...raw, placeId: canonicalId(raw.placeId) } : raw, call.locale);
  if (!parsed.ok) throw invalid(400, text(`查询参数无效：${parsed.message}`, `The list query is invalid: ${parsed.message}`), parsed.issues, 'bad-query');
  const view: ListView = resident
    ? { scope: null, scopeMode: 'none', owner: p.user, me: p.user }
    : {
      scope: wholeTenant(p) ? null : p.scope,
      scopeMode: kind === 'templates' ? 'none' : kind === 'score-configs' ? 'overlap' : 'prefix',
      me: p.user,
    };
  let page: Page<StoredRecord>;
  try {
    page = store.list(p.tenant, kind, parsed.value, view, call.now);
  } catch (e) {
    if (isFiregridError(e, 'rejected')) {
      throw invalid(400, text('分页游标不属于这个列表（或这组筛选条件）；请不带 cursor 重新开始', e.message), e.issues, 'bad-cursor');
    }
    throw e;
  }
  return page;
}

/**
 * `GET /v1/{kind}/{id}`; with `revision` (templates only, `?revision=N`), that revision of the
 * template as it was stored, 404 `revision-not-found` naming the revisions held when there is none.
 */
export function getRecord(store: Store, call: Call, kind: ResourceKind, id: string, revision?: number): StoredRecord {
  requireRole(call, PERMISSIONS[kind].read, kindAction(kind, 'read'));
  const tenant = call.principal.tenant;
  const latest = store.get(tenant, kind, canonicalId(id));
  if (latest === undefined) throw notFound(kind, id);
  assertVisible(store, call, kind, latest);
  // The latest revision is the record itself (its current version); an older one as it was stored.
  const rec = revision === undefined || latest.revision === revision ? latest : store.templateRevision(tenant, canonicalId(id), revision);
  if (rec === undefined) {
    const held = store.templateRevisions(tenant, canonicalId(id));
    throw new HttpError(404, 'revision-not-found', text(
      `检查表模板 ${id} 没有第 ${String(revision)} 版（保存的版本：${held.join('、')}）`,
      `The template ${id} has no revision ${String(revision)} (revisions held: ${held.join(', ')})`,
    ), { errors: [{ path: 'revision', message: `not held; held: ${held.join(', ')}` }], extra: { revisions: held } });
  }
  return tailor(store, call, kind, rec);
}

// ---- writes ---------------------------------------------------------------------------------

/** Refuses (409 `version-conflict`) a write whose `If-Match` is not the stored version; the stored record goes with it, as the caller may see it. */
export function checkVersion(store: Store, call: Call, kind: ResourceKind, id: string, previous: StoredRecord | undefined, ifMatch: number | undefined): void {
  if (ifMatch === undefined) return;
  const current = previous?.version ?? 0;
  if (current === ifMatch) return;
  const label = KIND_LABELS[kind];
  throw new HttpError(409, 'version-conflict', previous === undefined
    ? text(`${label['zh-CN']} ${id} 不存在，但这次编辑基于版本 ${ifMatch}`, `The ${label.en} ${id} does not exist, but the edit started from version ${ifMatch}`)
    : text(
      `${label['zh-CN']} ${id} 已是版本 ${current}，而这次编辑基于版本 ${ifMatch}：有人先改了它`,
      `The ${label.en} ${id} is at version ${current}, but the edit started from version ${ifMatch}: someone else changed it`,
    ), {
    errors: [{ path: 'If-Match', message: `stored version is ${current}` }],
    extra: { currentVersion: current, ...(previous === undefined ? {} : { current: tailor(store, call, kind, previous) }) },
    headers: previous === undefined ? {} : { etag: `"${current}"` },
  });
}

/** Finishes a record as stored: tenant, version and timestamps, checked against the read schema. */
export function stamp(call: Call, kind: ResourceKind, content: Rec, previous: StoredRecord | undefined): StoredRecord {
  const at = call.now.toISOString();
  const record = {
    ...content,
    tenantId: call.principal.tenant,
    version: (previous?.version ?? 0) + 1,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
  };
  const checked = checkWith(RECORD_SCHEMAS[kind], record, { locale: call.locale });
  if (!checked.ok) {
    throw invalid(422, text(`保存后的记录无效：${checked.message}`, `The record would be stored invalid: ${checked.message}`), checked.issues);
  }
  return checked.value;
}

/**
 * The write rules every port shares (core's `applyWriteRules`): action-owned fields, what a new
 * hazard may carry, the actor and time from the token and the clock, one worker per user, one
 * captain per building. Returns the record to store.
 */
function writeRules(store: Store, call: Call, kind: ResourceKind, content: Rec, previous: StoredRecord | undefined): Rec {
  const outcome = applyWriteRules(kind, content, {
    // The token's `name` claim goes on the `edit` history entry a content change appends (byName).
    previous, actor: { id: call.principal.user, roles: call.principal.roles, name: call.principal.name }, now: call.now, lookups: lookups(store, call),
  });
  if (!outcome.ok) throw refusal(outcome.refusal);
  return outcome.record;
}

/** `PUT /v1/{kind}/{id}`: 201 when created, 200 when updated. */
export function putRecord(store: Store, call: Call, kind: ResourceKind, rawId: string, body: unknown, ifMatch?: number): PutResult {
  const p = call.principal;
  // One record per UUID whatever its case: ids are stored and compared in lower case.
  const id = canonicalId(rawId);
  const label = KIND_LABELS[kind];
  requireRole(call, PERMISSIONS[kind].write, kindAction(kind, 'write'));
  const parsed = checkInput(RECORD_INPUT_SCHEMAS[kind], body, call.locale);
  if (!parsed.ok) {
    throw invalid(400, text(`${label['zh-CN']}内容无效：${parsed.message}`, `The ${label.en} is invalid: ${parsed.message}`), parsed.issues);
  }
  let content: Rec = canonicalIds({ ...(parsed.value as Rec) });
  if (content.id !== id) {
    throw invalid(400, text(`请求体中的 id（${String(content.id)}）与地址中的 id（${id}）不一致`, `The body's id (${String(content.id)}) is not the id in the URL (${id})`),
      [{ path: 'id', message: `must be ${id}` }]);
  }
  for (const field of SERVER_FIELDS) Reflect.deleteProperty(content, field);
  const previous = store.get(p.tenant, kind, id);
  if (previous !== undefined) assertVisible(store, call, kind, previous);
  checkVersion(store, call, kind, id, previous, ifMatch);
  kindRules(call, kind, content, previous);
  assertWritable(store, call, kind, content);
  if (previous !== undefined && !(kind === 'hazards' && isResidentOnly(p))) assertWritable(store, call, kind, previous);
  content = writeRules(store, call, kind, content, previous);
  checkPhotos(store, call, photoRefs(kind, content));
  const record = stamp(call, kind, content, previous);
  store.write(p.tenant, kind, record);
  new ActivityWriter(store, p.tenant, call.now).afterWrite(kind, previous, record, p.user);
  return { created: previous === undefined, record: tailor(store, call, kind, record) };
}

