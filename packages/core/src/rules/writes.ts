/**
 * The rules of a write (DESIGN §5), in one module that the reference server, `memoryDataPort`
 * and `localDataPort` all call, so a record refused by one is refused by every one:
 *
 * - **Every field has an owner.** A hazard's `status`, `severity`, `deadline`, `responsible`,
 *   `measures` and `supervision` change only through their action (`hazards.transition`); a save
 *   that changes one is refused, naming the field and the action. Review results are history
 *   entries, which no save writes.
 * - **A hazard starts plain.** Created as `draft` or `reported`, severity `general` (or
 *   `major-candidate` when it comes from an inspection whose cited item says so), without
 *   supervision, deadline, responsible or measures, with an empty history.
 * - **The actor comes from the token.** `reporter.personId` of a hazard and `inspectorId` of an
 *   inspection are the caller; a grid supervisor or an admin may name another user inside his
 *   scope (the write then records both). A submitted inspection's `submittedAt` is the writer's
 *   clock.
 * - **Every change is in the history.** A save that changes a stored hazard's content appends one
 *   `edit` entry: when (the writer's clock), who (the actor, with his name), the status (`from`
 *   equals `to`) and the changed top-level fields, sorted. A save that changes nothing appends
 *   none; a new hazard starts with an empty history.
 * - **One worker per user**, one captain in office per building (一楼一长).
 *
 * The functions are pure: what they need of the store comes in through {@link WriteLookups}.
 * @module
 */
import type { Issue } from '../errors.js';
import { UNKNOWN_WRITER } from '../names.js';
import type { HazardAction, Locale, Role } from '../names.js';
import type { HazardHistoryEntry } from '../schema/hazard.js';
import type { TransitionRefusalCode } from './transitions.js';
import { termsOverlap } from '../captains/terms.js';
import type { TermFacts } from '../captains/terms.js';
import { canSeeReporter, canSeeReward } from './confidential.js';
import { canonicalJson } from './json.js';
import { templateRevisionRefusal } from './template-revisions.js';

/** A hazard field that only an action changes, and the actions that do. */
export const ACTION_OWNED_FIELDS = Object.freeze({
  status: ['submit', 'fix-on-spot', 'verify', 'reject', 'assign', 'start', 'report-rectified', 'review-pass', 'review-fail', 'reopen', 'lift', 'return', 'transfer'],
  severity: ['flag-major', 'confirm-major', 'dismiss-major'],
  majorRuleSet: ['confirm-major', 'dismiss-major'],
  deadline: ['assign', 'reopen', 'extend-deadline', 'approve-extension', 'transfer'],
  responsible: ['assign', 'reopen', 'return', 'transfer'],
  measures: ['assign', 'reopen'],
  supervision: ['supervise', 'lift'],
  acceptedAt: ['accept'],
  extensionRequest: ['request-extension', 'approve-extension', 'refuse-extension'],
  transfer: ['transfer', 'answer-transfer'],
  tier: ['escalate'],
  publicReply: ['answer-resident'],
  reward: ['record-reward'],
} as const satisfies Record<string, readonly HazardAction[]>);
/** One of the keys of {@link ACTION_OWNED_FIELDS}. */
export type ActionOwnedField = keyof typeof ACTION_OWNED_FIELDS;

/** Fields a new hazard may not carry: they come from `assign`, `supervise` and the major-hazard determination. */
const ABSENT_ON_CREATE = [
  'deadline', 'responsible', 'measures', 'supervision', 'majorRuleSet', 'acceptedAt', 'extensionRequest', 'transfer', 'tier',
  'publicReply', 'reward',
] as const;

/** Roles that may write on someone else's behalf (name another user as reporter or inspector). */
export const ON_BEHALF_ROLES: readonly Role[] = Object.freeze(['grid-supervisor', 'admin'] as const);

/** Why a write is refused: an HTTP status, a slug, a message in both locales and the field paths. */
export interface WriteRefusal {
  status: 403 | 404 | 409 | 422;
  /** The problem's slug, e.g. `action-owned-field`. */
  code: 'action-owned-field' | 'hazard-status' | 'created-with' | 'cited-item' | 'actor' | 'user-taken' | 'captain-overlap'
    | 'forbidden' | 'not-found' | 'template-revision' | `transition-${TransitionRefusalCode}`;
  message: Readonly<Record<Locale, string>>;
  issues: Issue[];
  /** For an action-owned field: the field and the actions that change it. */
  field?: string;
  actions?: readonly HazardAction[];
}

/** Who writes, as the token says. */
export interface WriteActor {
  id: string;
  roles: readonly Role[];
  /** His display name (the token's `name` claim), stored as `byName` on the `edit` history entry. */
  name?: string | undefined;
  /**
   * His scope, OrgUnit code prefixes (`*` for the whole tenant). With it, a port also applies
   * access by role and scope (core's `rules/access`) and shows him records as the server would
   * (a confidential reporter hidden unless he may see him).
   */
  scope?: readonly string[] | undefined;
}

export { UNKNOWN_WRITER };

/** Fields of a stored record that are not its content: a save never changes them itself. */
const NOT_CONTENT: ReadonlySet<string> = new Set(['id', 'version', 'createdAt', 'updatedAt', 'tenantId', 'history']);

/**
 * The top-level content fields that differ between a stored hazard and the one about to replace
 * it, sorted; a field present on one side only counts as changed.
 * @example changedFields({ title: 'a', photos: [] }, { title: 'b', photos: [] }); // ['title']
 */
export function changedFields(previous: Readonly<Record<string, unknown>>, next: Readonly<Record<string, unknown>>): string[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  return [...keys].filter((k) => !NOT_CONTENT.has(k) && !same(previous[k], next[k])).sort();
}

/** What the rules read of the store. */
export interface WriteLookups {
  /** A stored record, or undefined. */
  get: (kind: 'inspections' | 'templates', id: string) => Readonly<Record<string, unknown>> | undefined;
  /**
   * One stored revision of a template (issue 23), or undefined when the store does not hold it.
   * Without it the rules read the latest template, as `get` gives it.
   */
  templateRevision?: (id: string, revision: number) => Readonly<Record<string, unknown>> | undefined;
  /** The id of the worker record whose `userId` is `userId`, if any. */
  workerOfUser: (userId: string) => string | undefined;
  /** The captains of a building (any term). */
  captainsAt: (buildingId: string) => readonly CaptainFacts[];
  /**
   * Whether the actor may name `userId` as reporter or inspector: a user inside his scope. Asked
   * only for grid supervisors and admins; the server answers from the worker records.
   */
  mayActFor?: (userId: string) => boolean;
}

/** What the rules read of a captain. */
export interface CaptainFacts extends Pick<TermFacts, 'term'> {
  id: string;
  buildingId: string;
  person: { name: string };
}

/** What a write needs besides the record. */
export interface WriteContext {
  /** The stored record of the same id, if any. */
  previous?: Readonly<Record<string, unknown>> | undefined;
  /** The writer, from the token; a port without one (memory, local) leaves the actor rules out. */
  actor?: WriteActor | undefined;
  /** The writer's clock (the server's, never the body's). */
  now: Date;
  lookups: WriteLookups;
}

/** The outcome of {@link applyWriteRules}. */
export type WriteOutcome =
  | {
    ok: true;
    /** The record to store (server-filled fields set: history, reporter, inspector, submittedAt). */
    record: Record<string, unknown>;
    /** The user the record is credited to when the actor wrote on his behalf. */
    onBehalfOf?: string;
  }
  | { ok: false; refusal: WriteRefusal };

type Rec = Record<string, unknown>;

const refuse = (refusal: WriteRefusal): WriteOutcome => ({ ok: false, refusal });
const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
const text = (zh: string, en: string): Readonly<Record<Locale, string>> => ({ 'zh-CN': zh, en });

/**
 * Checks a record about to be stored and fills in what the writer, not the body, decides.
 * `record` is the parsed input without server-managed fields. Returns the record to store, or
 * the first refusal.
 * @example
 * const outcome = applyWriteRules('hazards', content, { previous, actor: { id: user, roles }, now, lookups });
 * if (!outcome.ok) throw toError(outcome.refusal);
 */
export function applyWriteRules(kind: string, record: Rec, ctx: WriteContext): WriteOutcome {
  switch (kind) {
    case 'hazards': {
      const outcome = hazardRules(record, ctx);
      return outcome.ok ? { ...outcome, record: withEditEntry(outcome.record, ctx) } : outcome;
    }
    case 'inspections': return inspectionRules(record, ctx);
    case 'workers': return workerRules(record, ctx);
    case 'templates': {
      // Stored revisions are never rewritten (rules/template-revisions.ts).
      const refusal = templateRevisionRefusal(record, ctx.previous);
      return refusal === undefined ? { ok: true, record } : refuse(refusal);
    }
    case 'captains': {
      const clashes = captainOverlaps([record as unknown as CaptainFacts], ctx.lookups.captainsAt);
      const clash = clashes[0];
      if (clash === undefined) return { ok: true, record };
      return refuse({
        status: 422, code: 'captain-overlap', issues: [{ path: 'term', message: clash.message }],
        message: text(
          `楼栋已有在任楼长（${clash.with.person.name}，自 ${clash.with.term.from} 起）：一楼一长，先结束他的任期`,
          `The building already has a captain in office (${clash.with.person.name} from ${clash.with.term.from}): one captain per building; end his term first`,
        ),
      });
    }
    case 'activities': return assessmentRules(record, ctx);
    default: return { ok: true, record };
  }
}

/**
 * An assessor's entry (`assessment.entered`, issue 20) names who entered it in `by`: the writer
 * from the token, never someone else (the explanation of the points cites him).
 */
function assessmentRules(record: Rec, ctx: WriteContext): WriteOutcome {
  const actor = ctx.actor;
  if (record.type !== 'assessment.entered' || actor === undefined || record.by === actor.id) return { ok: true, record };
  return refuse({
    status: 403, code: 'actor', issues: [{ path: 'by', message: `must be ${actor.id}` }],
    message: text(
      `考核录入的 by 为 ${String(record.by)}：录入人只能是你自己（${actor.id}）`,
      `An assessor's entry names ${String(record.by)} in by: the person entering it can only be you (${actor.id})`,
    ),
  });
}

const privileged = (actor: WriteActor): boolean => actor.roles.some((r) => ON_BEHALF_ROLES.includes(r));

/**
 * The user field the token decides (`reporter.personId`, `inspectorId`): the actor himself, the
 * stored value, or — for a grid supervisor or an admin — another user inside his scope.
 */
function actorField(path: string, given: string | undefined, stored: string | undefined, ctx: WriteContext):
  { ok: true; value: string | undefined; onBehalfOf?: string } | { ok: false; refusal: WriteRefusal } {
  const actor = ctx.actor;
  if (actor === undefined) return { ok: true, value: given };
  const expected = stored ?? actor.id;
  const wanted = given ?? expected;
  const behalf = wanted === actor.id ? {} : { onBehalfOf: wanted };
  if (wanted === expected) return { ok: true, value: wanted, ...behalf };
  if (privileged(actor)) {
    if (ctx.lookups.mayActFor?.(wanted) ?? true) return { ok: true, value: wanted, ...behalf };
    return {
      ok: false,
      refusal: {
        status: 403, code: 'actor', issues: [{ path, message: 'not a user inside your scope' }],
        message: text(`${path} 为 ${wanted}：该用户不在你的管辖范围内，不能代其填报`, `${path} is ${wanted}, a user outside your scope: you may not write on his behalf`),
      },
    };
  }
  return {
    ok: false,
    refusal: {
      status: 403, code: 'actor', issues: [{ path, message: `must be ${expected} (${stored === undefined ? 'from your token' : 'as stored'})` }],
      message: text(
        `${path} ${stored === undefined ? '来自登录令牌' : '已记录'}，须为 ${expected}；只有网格长和管理员可以代他人填报或改记`,
        `${path} ${stored === undefined ? 'comes from your token' : 'is stored'} and must be ${expected}; only a grid supervisor or an admin may write on someone else's behalf`,
      ),
    },
  };
}

/** The severity the cited checklist item gives under the inspection's template revision, or undefined when it cannot be found. */
function citedSeverity(record: Rec, lookups: WriteLookups): unknown {
  if (typeof record.inspectionId !== 'string' || typeof record.itemId !== 'string') return undefined;
  const inspection = lookups.get('inspections', record.inspectionId);
  const templateId = inspection?.templateId;
  if (typeof templateId !== 'string') return undefined;
  // The item as the inspection saw it: the template revision it was filled under (templateVersion);
  // the latest when that revision is not held.
  const latest = lookups.get('templates', templateId);
  const revision = inspection?.templateVersion;
  const filledUnder = typeof revision === 'number' && latest?.revision !== revision ? lookups.templateRevision?.(templateId, revision) : undefined;
  const sections = (filledUnder ?? latest)?.sections;
  if (!Array.isArray(sections)) return undefined;
  for (const s of sections as { items?: { id?: unknown; severity?: unknown }[] }[]) {
    const item = s.items?.find((i) => i.id === record.itemId);
    if (item !== undefined) return item.severity;
  }
  return undefined;
}

function ownedFieldRefusal(field: ActionOwnedField, id: unknown, from: unknown, to: unknown): WriteRefusal {
  const actions = ACTION_OWNED_FIELDS[field];
  const show = (v: unknown): string => (v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v));
  const via = `POST /v1/hazards/${String(id)}/transitions`;
  return {
    status: 422, code: field === 'status' ? 'hazard-status' : 'action-owned-field', field, actions,
    issues: [{ path: field, message: `changes only through ${actions.join(', ')}; must stay ${show(from)}` }],
    message: field === 'status'
      ? text(
        `隐患状态只能通过流转（${via}）改变，不能直接保存（${show(from)} → ${show(to)}）`,
        `A hazard's status changes only through transitions (${via}), not by saving it (${show(from)} → ${show(to)})`,
      )
      : text(
        `${field} 只能通过流转操作 ${actions.join('、')}（${via}）改变，不能直接保存（${show(from)} → ${show(to)}）`,
        `${field} changes only through the action ${actions.join(', ')} (${via}), not by saving the hazard (${show(from)} → ${show(to)})`,
      ),
  };
}

function hazardRules(input: Rec, ctx: WriteContext): WriteOutcome {
  const { previous, actor } = ctx;
  const record: Rec = { ...input };
  if (previous === undefined) {
    const status = record.status;
    if (status !== 'draft' && status !== 'reported') {
      return refuse({
        status: 422, code: 'hazard-status', field: 'status', actions: ACTION_OWNED_FIELDS.status,
        issues: [{ path: 'status', message: 'must be draft or reported' }],
        message: text(
          `隐患只能以草稿（draft）或已上报（reported）状态创建，不能是 ${String(status)}；之后的状态来自流转操作`,
          `A hazard is created as draft or reported, not ${String(status)}; later statuses come from transitions`,
        ),
      });
    }
    const present = ABSENT_ON_CREATE.filter((f) => record[f] !== undefined);
    if (present.length > 0) {
      const actions = [...new Set(present.flatMap((f) => ACTION_OWNED_FIELDS[f]))];
      return refuse({
        status: 422, code: 'created-with', field: present[0], actions,
        issues: present.map((f) => ({ path: f, message: `set only by ${ACTION_OWNED_FIELDS[f].join(', ')}` })),
        message: text(
          `新建的隐患不能带 ${present.join('、')}：它们由流转操作 ${actions.join('、')} 设置`,
          `A new hazard may not carry ${present.join(', ')}: ${present.length === 1 ? 'it is' : 'they are'} set by the action ${actions.join(', ')}`,
        ),
      });
    }
    if (record.severity !== 'general') {
      const cited = record.source === 'inspection' ? citedSeverity(record, ctx.lookups) : undefined;
      if (!(record.severity === 'major-candidate' && cited === 'major-candidate')) {
        return refuse({
          status: 422, code: 'cited-item', field: 'severity', actions: ACTION_OWNED_FIELDS.severity,
          issues: [{ path: 'severity', message: 'must be general' }],
          message: record.severity === 'major-candidate'
            ? text(
              '只有来自检查、且所引检查项（inspectionId、itemId）等级为 major-candidate 的隐患可以新建为疑似重大隐患；其他隐患以 general 新建，之后用 flag-major 标记',
              'Only a hazard from an inspection whose cited item (inspectionId, itemId) is major-candidate may be created as major-candidate; others are created general and flagged with flag-major',
            )
            : text(
              `新建的隐患等级为 general，不能是 ${String(record.severity)}；等级只能通过 flag-major、confirm-major 改变`,
              `A new hazard is general, not ${String(record.severity)}; severity changes only through flag-major and confirm-major`,
            ),
        });
      }
    }
  } else {
    // A caller who may not see the reward (举报奖励) sent the hazard back without it: keep it as stored.
    const stored = previous.reporter as { personId?: string } | undefined;
    if (actor !== undefined && !canSeeReward({ personId: stored?.personId }, actor)) {
      if (previous.reward === undefined) delete record.reward;
      else record.reward = previous.reward;
    }
    for (const field of Object.keys(ACTION_OWNED_FIELDS) as ActionOwnedField[]) {
      if (!same(record[field], previous[field])) return refuse(ownedFieldRefusal(field, record.id, previous[field], record[field]));
    }
  }
  record.history = previous?.history ?? [];
  // A caller who may not see a confidential reporter sent him back stripped: keep him as stored.
  const before = previous?.reporter as { personId?: string; confidential?: boolean } | undefined;
  if (actor !== undefined && before !== undefined && !canSeeReporter({ confidential: before.confidential === true, personId: before.personId }, actor)) {
    record.reporter = before;
  }
  const reporter = record.reporter as Rec & { kind?: string; personId?: string };
  // A device's alarm names no person; anyone else's report is the actor's or written on his behalf.
  if (reporter.kind === 'device' && reporter.personId === undefined) return { ok: true, record };
  const who = actorField('reporter.personId', reporter.personId, before?.personId, ctx);
  if (!who.ok) return refuse(who.refusal);
  if (who.value !== undefined) record.reporter = { ...reporter, personId: who.value };
  return { ok: true, record, ...(who.onBehalfOf === undefined ? {} : { onBehalfOf: who.onBehalfOf }) };
}

/**
 * The hazard to store with one `edit` history entry appended when it changes the content of the
 * stored one; as it is when it changes nothing or is new.
 */
function withEditEntry(record: Rec, ctx: WriteContext): Rec {
  const { previous, actor } = ctx;
  if (previous === undefined) return record;
  const fields = changedFields(previous, record);
  if (fields.length === 0) return record;
  const status = previous.status as HazardHistoryEntry['from'];
  const name = actor?.name?.trim();
  const entry: HazardHistoryEntry = {
    at: ctx.now.toISOString(), by: actor?.id ?? UNKNOWN_WRITER, ...(name === undefined || name === '' ? {} : { byName: name }),
    action: 'edit', from: status, to: status, fields,
  };
  const history = Array.isArray(record.history) ? record.history as HazardHistoryEntry[] : [];
  return { ...record, history: [...history, entry] };
}

function inspectionRules(input: Rec, ctx: WriteContext): WriteOutcome {
  const { previous } = ctx;
  const record: Rec = { ...input };
  const who = actorField('inspectorId', typeof record.inspectorId === 'string' ? record.inspectorId : undefined,
    typeof previous?.inspectorId === 'string' ? previous.inspectorId : undefined, ctx);
  if (!who.ok) return refuse(who.refusal);
  if (who.value !== undefined) record.inspectorId = who.value;
  // Submitted when the writer received it: never back- or future-dated by the body.
  if (record.state === 'submitted') {
    record.submittedAt = previous?.state === 'submitted' && typeof previous.submittedAt === 'string' ? previous.submittedAt : ctx.now.toISOString();
  } else {
    delete record.submittedAt;
  }
  return { ok: true, record, ...(who.onBehalfOf === undefined ? {} : { onBehalfOf: who.onBehalfOf }) };
}

function workerRules(record: Rec, ctx: WriteContext): WriteOutcome {
  const userId = record.userId;
  if (typeof userId !== 'string') return { ok: true, record };
  const holder = ctx.lookups.workerOfUser(userId);
  if (holder === undefined || holder === record.id) return { ok: true, record };
  return refuse({
    status: 409, code: 'user-taken', issues: [{ path: 'userId', message: `already the user of worker ${holder}` }],
    message: text(
      `用户 ${userId} 已有网格员档案（${holder}）；一个用户只能有一份档案，请修改那一份`,
      `User ${userId} already has a worker record (${holder}); a user has one worker record: edit that one`,
    ),
  });
}

/** One clash of {@link captainOverlaps}: the row, the captain it overlaps, a message. */
export interface CaptainClash {
  /** Index of the row in the rows given. */
  index: number;
  with: CaptainFacts;
  message: string;
}

/**
 * One captain per building at a time (一楼一长): once `rows` are applied (replacing stored
 * captains of the same id), no two terms of a building may overlap. Returns one clash per row
 * that overlaps another captain, in row order; none when the rows fit.
 * @example
 * captainOverlaps(rows, (buildingId) => stored.filter((c) => c.buildingId === buildingId));
 */
export function captainOverlaps(rows: readonly CaptainFacts[], captainsAt: (buildingId: string) => readonly CaptainFacts[]): CaptainClash[] {
  const incoming = new Set(rows.map((r) => r.id));
  const after = new Map<string, CaptainFacts[]>();
  for (const row of rows) {
    let list = after.get(row.buildingId);
    if (list === undefined) {
      list = captainsAt(row.buildingId).filter((c) => !incoming.has(c.id));
      after.set(row.buildingId, list);
    }
    list.push(row);
  }
  const clashes: CaptainClash[] = [];
  rows.forEach((row, index) => {
    const clash = after.get(row.buildingId)?.find((c) => c.id !== row.id && termsOverlap(c, row));
    if (clash !== undefined) {
      clashes.push({ index, with: clash, message: `overlaps the term of ${clash.person.name} from ${clash.term.from} (one captain per building)` });
    }
  });
  return clashes;
}
