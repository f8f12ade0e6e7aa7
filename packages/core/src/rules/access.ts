/**
 * Access by role and scope (DESIGN §5), in one module that the reference server, `memoryDataPort`
 * and `localDataPort` all call, so a caller refused by one is refused by every one, with the same
 * problem (`forbidden`, status 403, the same paths):
 *
 * - **Role.** Each resource kind has the roles that may read it and the roles that may write it
 *   ({@link PERMISSIONS}); residents write only public hazards they report themselves.
 * - **Scope.** A caller's scope is a list of OrgUnit code prefixes (`*` for the whole tenant); a
 *   record is read and written only inside it. A record's grids are its own `gridId`, a worker's
 *   `gridIds`, a score configuration's `scope`, else its place's grid ({@link gridsOf}).
 *
 * The functions are pure and return a {@link WriteRefusal} (or nothing); each port turns it into
 * its own error (the server's problem document, the ports' FiregridError).
 * @module
 */
import type { Locale, ResourceKind, Role } from '../names.js';
import type { WriteRefusal } from './writes.js';

/** Roles of the people who work the grid (everyone but residents); `government` lists and lifts 挂牌督办. */
export const STAFF_ROLES: readonly Role[] = Object.freeze(['grid-worker', 'grid-supervisor', 'fire-officer', 'unit-manager', 'captain', 'government', 'admin'] as const);
const OFFICIALS: readonly Role[] = ['grid-worker', 'grid-supervisor', 'fire-officer', 'admin'];

/** Who may read and who may write one resource. */
export interface Permission {
  read: readonly Role[];
  write: readonly Role[];
}

/**
 * The role matrix (documented in the server's README). Scope narrows it further: a record is read
 * and written only within the caller's OrgUnit prefixes.
 */
export const PERMISSIONS: Readonly<Record<ResourceKind, Permission>> & { media: Permission; scores: Permission } = Object.freeze({
  places: { read: STAFF_ROLES, write: ['grid-worker', 'grid-supervisor', 'admin'] },
  templates: { read: STAFF_ROLES, write: ['fire-officer', 'admin'] },
  inspections: { read: OFFICIALS, write: ['grid-worker', 'grid-supervisor', 'fire-officer', 'admin'] },
  // Residents: only public hazards they report themselves (enforced in the hazard rules).
  hazards: { read: [...STAFF_ROLES, 'resident'], write: [...STAFF_ROLES, 'resident'] },
  captains: { read: STAFF_ROLES, write: ['grid-worker', 'grid-supervisor', 'admin'] },
  workers: { read: OFFICIALS, write: ['grid-supervisor', 'admin'] },
  // Derived activities are written by the server; people record only training and publicity.
  activities: { read: OFFICIALS, write: ['grid-supervisor', 'admin'] },
  'score-configs': { read: OFFICIALS, write: ['grid-supervisor', 'admin'] },
  media: { read: [...STAFF_ROLES, 'resident'], write: [...STAFF_ROLES, 'resident'] },
  scores: { read: OFFICIALS, write: [] },
} satisfies Record<ResourceKind | 'media' | 'scores', Permission>);

/** Who calls, as the token says: a user, his roles and his scope (OrgUnit code prefixes, `*` for the whole tenant). */
export interface AccessActor {
  id: string;
  roles: readonly Role[];
  scope: readonly string[];
}

/** True when one of `roles` is in `allowed`. */
export const hasRole = (roles: readonly Role[], allowed: readonly Role[]): boolean => roles.some((r) => allowed.includes(r));

/** True when the roles are only a resident's (a staff role alongside lifts the resident rules). */
export const residentOnly = (roles: readonly Role[]): boolean => roles.includes('resident') && !hasRole(roles, STAFF_ROLES);

/** True when the scope is the whole tenant (`*`). */
export const wholeScope = (scope: readonly string[]): boolean => scope.includes('*');

/** True when the OrgUnit code (a grid id) is inside one of the scope's prefixes. */
export const inScope = (scope: readonly string[], code: string): boolean => wholeScope(scope) || scope.some((prefix) => code.startsWith(prefix));

/** What {@link gridsOf} reads of a record's place. */
export interface PlaceGrid {
  gridId?: string | undefined;
}

/**
 * The grids (OrgUnit codes) of a record: its own `gridId`, a worker's `gridIds`, a score
 * configuration's `scope`, else its place's grid (`placeId` or `buildingId`).
 * @example gridsOf({ placeId: 'p1' }, { gridId: '330106001001001' });   // ['330106001001001']
 */
export function gridsOf(rec: Readonly<Record<string, unknown>>, place: PlaceGrid | undefined): string[] {
  const own = [rec.gridId, rec.scope, ...(Array.isArray(rec.gridIds) ? rec.gridIds as unknown[] : [])]
    .filter((g): g is string => typeof g === 'string');
  if (own.length > 0) return [...new Set(own)];
  return place?.gridId === undefined ? [] : [place.gridId];
}

/** The place a record hangs off (`placeId`, or a captain's `buildingId`), if any. */
export function placeIdOf(rec: Readonly<Record<string, unknown>>): string | undefined {
  const id = typeof rec.placeId === 'string' ? rec.placeId : rec.buildingId;
  return typeof id === 'string' ? id : undefined;
}

const text = (zh: string, en: string): Readonly<Record<Locale, string>> => ({ 'zh-CN': zh, en });

/** A verb phrase per operation, for the refusal's message. */
export interface AccessAction {
  'zh-CN': string;
  en: string;
}

/**
 * Refuses a caller none of whose roles is in `allowed`: 403 `forbidden`, naming his roles and the
 * roles that may. `action` says what he tried (`保存隐患` / `write hazards`).
 * @example roleRefusal(['resident'], PERMISSIONS.workers.write, { 'zh-CN': '保存网格员', en: 'write workers' });
 */
export function roleRefusal(roles: readonly Role[], allowed: readonly Role[], action: AccessAction): WriteRefusal | undefined {
  if (hasRole(roles, allowed)) return undefined;
  const mine = roles.join(', ');
  return {
    status: 403, code: 'forbidden', issues: [],
    message: text(
      `你的角色（${mine}）不能${action['zh-CN']}；可以的角色：${allowed.length === 0 ? '无' : allowed.join('、')}`,
      `Your roles (${mine}) may not ${action.en}; roles that may: ${allowed.length === 0 ? 'none' : allowed.join(', ')}`,
    ),
  };
}

/**
 * Refuses a write of a record whose grids lie (even partly) outside the actor's scope: 403
 * `forbidden` at `gridId` (`gridIds` for a worker, `scope` for a score configuration). Templates,
 * whole-tenant callers and records without grids pass (the server refuses those separately).
 * @example scopeRefusal('hazards', ['330108002003001'], { id: 'u1', roles: ['grid-worker'], scope: ['330106'] });
 */
export function scopeRefusal(kind: ResourceKind, grids: readonly string[], actor: Pick<AccessActor, 'scope'>, pathPrefix = ''): WriteRefusal | undefined {
  if (kind === 'templates' || wholeScope(actor.scope)) return undefined;
  const scope = actor.scope.join(', ');
  if (kind === 'score-configs') {
    const wanted = grids[0] ?? '';
    if (wanted !== '*' && actor.scope.some((s) => wanted.startsWith(s))) return undefined;
    return {
      status: 403, code: 'forbidden', issues: [{ path: `${pathPrefix}scope`, message: 'outside your scope' }],
      message: text(`考评配置的范围 ${wanted} 超出你的管辖范围（${scope}）`, `The configuration's scope ${wanted} is wider than yours (${scope})`),
    };
  }
  const outside = grids.filter((g) => !inScope(actor.scope, g));
  if (outside.length === 0) return undefined;
  return {
    status: 403, code: 'forbidden', issues: [{ path: `${pathPrefix}${kind === 'workers' ? 'gridIds' : 'gridId'}`, message: 'outside your scope' }],
    message: text(`网格 ${outside.join('、')} 不在你的管辖范围（${scope}）内`, `Grid ${outside.join(', ')} is outside your scope (${scope})`),
  };
}

/** Each resource kind's name, as a refusal, a not-found or a list names it (`隐患` / `hazard`). */
export const KIND_LABELS: Readonly<Record<ResourceKind, Readonly<Record<Locale, string>>>> = Object.freeze({
  places: text('场所', 'place'),
  templates: text('检查表模板', 'template'),
  inspections: text('检查记录', 'inspection'),
  hazards: text('隐患', 'hazard'),
  captains: text('楼长', 'floor captain'),
  workers: text('网格员', 'worker'),
  activities: text('工作记录', 'activity'),
  'score-configs': text('考评配置', 'score configuration'),
});

/** The verb phrase of reading or writing a kind, for {@link roleRefusal}: `保存隐患` / `write hazards`. */
export function kindAction(kind: ResourceKind, op: 'read' | 'write'): AccessAction {
  const { 'zh-CN': zh, en } = KIND_LABELS[kind];
  return op === 'read' ? { 'zh-CN': `查看${zh}`, en: `read ${en}s` } : { 'zh-CN': `保存${zh}`, en: `write ${en}s` };
}

/**
 * Whether `actor` may see a stored record (DESIGN §5), once his role may read its kind:
 *
 * - `ok`;
 * - `hidden` — a resident (and nothing more) asking for a hazard he did not report: for him it
 *   does not exist (answered as not found, so an id tells him nothing);
 * - `forbidden` — the record lies outside his scope: none of its grids (`grids`, from
 *   {@link gridsOf}) is inside it, or a score configuration's scope neither holds nor lies
 *   inside his. Templates are tenant-wide; a whole-tenant (`*`) caller sees everything.
 * @example readAccess('hazards', hazard, gridsOf(hazard, place), { id: 'u1', roles: ['grid-worker'], scope: ['330106'] });   // 'ok'
 */
export function readAccess(
  kind: ResourceKind, record: Readonly<Record<string, unknown>>, grids: readonly string[], actor: AccessActor,
): 'ok' | 'hidden' | 'forbidden' {
  if (kind === 'hazards' && residentOnly(actor.roles)) {
    const reporter = record.reporter as { personId?: string } | undefined;
    return reporter?.personId === actor.id ? 'ok' : 'hidden';
  }
  if (kind === 'templates' || wholeScope(actor.scope)) return 'ok';
  if (kind === 'score-configs') {
    const scope = typeof record.scope === 'string' ? record.scope : '';
    return scope === '*' || actor.scope.some((s) => scope.startsWith(s) || s.startsWith(scope)) ? 'ok' : 'forbidden';
  }
  return grids.some((g) => inScope(actor.scope, g)) ? 'ok' : 'forbidden';
}

/**
 * The grids of a record ({@link gridsOf}), its place found by id with `placeOf`.
 * @example recordGrids(hazard, (id) => places.get(id));   // ['330106001001001']
 */
export function recordGrids(record: Readonly<Record<string, unknown>>, placeOf: (id: string) => PlaceGrid | undefined): string[] {
  const placeId = placeIdOf(record);
  return gridsOf(record, placeId === undefined ? undefined : placeOf(placeId));
}

/**
 * The refusal of a read {@link readAccess} does not allow: 404 `not-found` for a hidden record
 * (the same problem as for an id that does not exist, {@link notFoundRefusal}), 403 `forbidden`
 * naming the record's grids and the caller's scope for one outside it; nothing when he may see it.
 * The caller's role is checked before ({@link roleRefusal} with `PERMISSIONS[kind].read`).
 * `placeOf` finds a record's place by id. The server, `memoryDataPort` and `localDataPort` all
 * answer a read with it.
 * @example
 * const denied = readRefusal('hazards', hazard, actor, (id) => places.get(id));
 * if (denied !== undefined) throw refusalError(denied);
 */
export function readRefusal(
  kind: ResourceKind, record: Readonly<Record<string, unknown>>, actor: AccessActor, placeOf: (id: string) => PlaceGrid | undefined,
): WriteRefusal | undefined {
  const grids = recordGrids(record, placeOf);
  const access = readAccess(kind, record, grids, actor);
  if (access === 'ok') return undefined;
  if (access === 'hidden') return notFoundRefusal(kind, String(record.id));
  const label = KIND_LABELS[kind];
  const scope = actor.scope.join(', ');
  return {
    status: 403, code: 'forbidden', issues: [],
    message: text(
      `这条${label['zh-CN']}属于${grids.length === 0 ? '未知网格' : `网格 ${grids.join('、')}`}，不在你的管辖范围（${scope}）内`,
      `This ${label.en} belongs to ${grids.length === 0 ? 'no known grid' : `grid ${grids.join(', ')}`}, outside your scope (${scope})`,
    ),
  };
}

/** 404 `not-found`: there is no record of `kind` with this id (or none the caller may know of). */
export function notFoundRefusal(kind: ResourceKind, id: string): WriteRefusal {
  const label = KIND_LABELS[kind];
  return { status: 404, code: 'not-found', issues: [], message: text(`没有 id 为 ${id} 的${label['zh-CN']}`, `There is no ${label.en} with id ${id}`) };
}

/**
 * The access rules of a write, as the ports apply them: the actor's roles may write the kind
 * ({@link roleRefusal}), and the record — and the stored one it replaces — lie inside his scope
 * ({@link scopeRefusal}). `placeOf` finds a record's place by id. The server applies the same two
 * rules with its own lookups, and refuses a record without a grid besides.
 * @example
 * const refusal = writeAccess('hazards', record, previous, actor, (id) => places.get(id));
 * if (refusal !== undefined) throw refusalError(refusal);
 */
export function writeAccess(
  kind: ResourceKind, record: Readonly<Record<string, unknown>>, previous: Readonly<Record<string, unknown>> | undefined,
  actor: AccessActor, placeOf: (id: string) => PlaceGrid | undefined,
): WriteRefusal | undefined {
  const role = roleRefusal(actor.roles, PERMISSIONS[kind].write, kindAction(kind, 'write'));
  if (role !== undefined) return role;
  const grids = (rec: Readonly<Record<string, unknown>>): string[] => recordGrids(rec, placeOf);
  return scopeRefusal(kind, grids(record), actor) ?? (previous === undefined ? undefined : scopeRefusal(kind, grids(previous), actor));
}
