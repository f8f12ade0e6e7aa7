/**
 * Who may read and write what (DESIGN §5), as the service asks it: the caller's role for the
 * kind, the record's grids against his scope, a resident's own hazards, and what of a record he
 * may see. Each rule is core's (`rules/access`, `rules/confidential`), the one `memoryDataPort`
 * and `localDataPort` call too; this module gives it the store's lookups and turns a refusal into
 * the server's problem.
 * @module
 */
import { canonicalId, readAccess, readRefusal, redactActivity, redactReporter, roleRefusal, scopeRefusal } from '@firegrid/core';
import type { AccessActor, CaptainFacts, Hazard, PlaceGrid, ResourceKind, Role, WriteLookups } from '@firegrid/core';
import { codeInScope, isResidentOnly, wholeTenant } from '../auth.js';
import { text } from '../http.js';
import type { Text } from '../http.js';
import { placeIdOf } from '../store.js';
import type { Store, StoredRecord } from '../store.js';
import { forbidden, invalid, refusal } from './problems.js';
import type { Call } from './types.js';

type Rec = Record<string, unknown>;

/** The caller as core's access rules take him: user id, roles and scope from the token. */
const actorOf = (call: Call): AccessActor => ({ id: call.principal.user, roles: call.principal.roles, scope: call.principal.scope });

/** The caller's tenant's places, by id, for core's `recordGrids`. */
const placesOf = (store: Store, call: Call) => (id: string): PlaceGrid | undefined => store.place(call.principal.tenant, id);

/** Refuses (403 `forbidden`, core's `roleRefusal`) a caller none of whose roles is in `allowed`; `action` says what he tried. */
export function requireRole(call: Call, allowed: readonly Role[], action: Text): void {
  const denied = roleRefusal(call.principal.roles, allowed, action);
  if (denied !== undefined) throw refusal(denied);
}

/** True when the caller may see the stored record (core's `readAccess`): in his scope, or a resident's own hazard. */
export function mayRead(store: Store, call: Call, kind: ResourceKind, rec: Rec): boolean {
  return readAccess(kind, rec, store.grids(call.principal.tenant, rec), actorOf(call)) === 'ok';
}

/**
 * Refuses a read of a stored record the caller may not see (core's `readRefusal`): 404 for a
 * hazard a resident did not report, 403 naming its grids for one outside his scope.
 */
export function assertVisible(store: Store, call: Call, kind: ResourceKind, rec: Rec): void {
  const denied = readRefusal(kind, rec, actorOf(call), placesOf(store, call));
  if (denied !== undefined) throw refusal(denied);
}

/** Refuses a write whose record would lie (even partly) outside the caller's scope. */
export function assertWritable(store: Store, call: Call, kind: ResourceKind, rec: Rec, pathPrefix = ''): void {
  const p = call.principal;
  if (kind === 'templates' || wholeTenant(p)) return;
  if (kind === 'score-configs') {
    const denied = scopeRefusal(kind, [typeof rec.scope === 'string' ? rec.scope : ''], p, pathPrefix);
    if (denied !== undefined) throw refusal(denied);
    return;
  }
  const grids = store.grids(p.tenant, rec);
  if (grids.length === 0) {
    // A tip-off may not know its grid; the resident is its only reader until staff place it.
    if (kind === 'hazards' && isResidentOnly(p)) return;
    const placeId = placeIdOf(rec);
    if (placeId !== undefined) {
      const field = typeof rec.buildingId === 'string' ? 'buildingId' : 'placeId';
      throw invalid(422, text(
        `${field} 指向的场所 ${placeId} 不存在；先保存该场所，它所属的网格决定谁能写这条记录`,
        `${field} points to place ${placeId}, which does not exist; save the place first: its grid decides who may write this record`,
      ), [{ path: `${pathPrefix}${field}`, message: 'unknown place' }], 'unknown-place');
    }
    throw forbidden(text(
      '这条记录没有所属网格（gridId 或已知场所），只有全辖区（*）范围的账号可以写入',
      'This record has no grid (no gridId and no known place); only a whole-tenant (*) scope may write it',
    ), [{ path: `${pathPrefix}gridId`, message: 'missing' }]);
  }
  // The same scope rule as the ports' (core's rules/access).
  const denied = scopeRefusal(kind, grids, p, pathPrefix);
  if (denied !== undefined) throw refusal(denied);
}

/**
 * A record as this caller may see it (core's `rules/confidential`): a confidential reporter's
 * identity, contact and history entries only for those DESIGN §5 names, and his finds as
 * activities without the hazard for everyone else.
 */
export function tailor(store: Store, call: Call, kind: ResourceKind, rec: StoredRecord): StoredRecord {
  const viewer = { id: call.principal.user, roles: call.principal.roles };
  if (kind === 'hazards' && rec.reporter !== undefined) return redactReporter(rec as StoredRecord & Hazard, viewer, call.locale);
  if (kind === 'activities' && rec.confidential === true) {
    return redactActivity(rec as StoredRecord & { workerId: string }, viewer, store.workerIdOf(call.principal.tenant, call.principal.user));
  }
  return rec;
}

/** What the write rules read of this tenant's store, as `call`'s principal. */
export function lookups(store: Store, call: Call): WriteLookups {
  const p = call.principal;
  return {
    get: (kind, id) => store.get(p.tenant, kind, canonicalId(id)),
    templateRevision: (id, revision) => store.templateRevision(p.tenant, canonicalId(id), revision),
    workerOfUser: (userId) => store.workerIdOf(p.tenant, userId),
    captainsAt: (buildingId) => store.atPlace(p.tenant, 'captains', buildingId) as unknown as CaptainFacts[],
    mayActFor: (userId) => {
      // A user inside the scope: his worker record's grids are all the caller's. Without one,
      // nobody can tell where he belongs: only a whole-tenant caller may name him.
      if (wholeTenant(p)) return true;
      const workerId = store.workerIdOf(p.tenant, userId);
      const worker = workerId === undefined ? undefined : store.get(p.tenant, 'workers', workerId);
      const grids = Array.isArray(worker?.gridIds) ? worker.gridIds as string[] : [];
      return grids.length > 0 && grids.every((g) => codeInScope(p, g));
    },
  };
}
