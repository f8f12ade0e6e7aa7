/**
 * The hazard transitions as data (DESIGN §9), in one place for the lifecycle, the command map, the
 * reference server and the ports: the action table with its default role matrix
 * ({@link DEFAULT_TRANSITIONS}), the fields each action requires ({@link ACTION_NEEDS}), the
 * severity-aware roles ({@link DEFAULT_ROLES_WHEN}), what a refusal is ({@link TransitionCheck})
 * and how a refusal reads as a problem ({@link transitionRefusal}) — its status, its slug and its
 * paths — so every port refuses the same transition with the same problem. The lifecycle
 * (`createLifecycle().check`) decides; this module is what it decides over.
 * @module
 */
import { HAZARD_STATUSES } from '../names.js';
import type { HazardAction, HazardStatus, Role, Severity } from '../names.js';
import type { Hazard, HazardHistoryEntry } from '../schema/hazard.js';
import { isOpen } from '../hazard/deadlines.js';
import type { WriteRefusal } from './writes.js';

/**
 * What the lifecycle reads and writes of a hazard: these fields of the schema's `Hazard`. A full
 * `Hazard` (or any type with these fields) goes in, and `apply` returns the same type.
 *
 * The history entry a transition appends is a `HazardHistoryEntry`: who (`by`), when (`at`, the
 * clock passed to `apply`, in UTC), what (`action`, `from`, `to`; `from` = `to` for actions that
 * keep the status), why (`note`: the note, the reason, or the reason and the note on two lines)
 * and the photos shown (`evidence`, `PhotoRef.id`s).
 */
export interface LifecycleHazard
  extends Readonly<Pick<Hazard, 'status' | 'severity' | 'deadline' | 'responsible' | 'measures' | 'supervision' | 'majorRuleSet'>>,
  Readonly<Partial<Pick<Hazard, 'acceptedAt' | 'extensionRequest' | 'transfer' | 'tier'>>> {
  readonly history: readonly HazardHistoryEntry[];
  /** Where the report came from: `answer-resident` and `record-reward` run only on a resident's tip-off (`public`). */
  readonly source?: Hazard['source'];
  readonly publicReply?: Hazard['publicReply'];
  readonly reward?: Hazard['reward'];
}

/**
 * A field an action may require in its {@link TransitionInput}. `before` is the photos of the
 * hazard as found (整改前照片, `fix-on-spot`); `evidence` the photos of the result (整改后照片);
 * `department` the department a `transfer` (转办) goes to.
 */
export type TransitionField =
  'reason' | 'note' | 'deadline' | 'responsible' | 'measures' | 'before' | 'evidence' | 'supervision' | 'department' | 'reward';
/** Every {@link TransitionField}, in the order messages list them. */
export const TRANSITION_FIELDS = [
  'reason', 'note', 'responsible', 'deadline', 'measures', 'before', 'evidence', 'supervision', 'department', 'reward',
] as const satisfies readonly TransitionField[];

/** Default number of days after a `fix-on-spot` within which `reopen` (复核不合格) may send it back. */
export const DEFAULT_REOPEN_DAYS = 7;

/** One row of the action table. */
export interface TransitionRule {
  /** Statuses the action runs from; `'open'` = any status but `rejected` and `closed`. */
  readonly from: readonly HazardStatus[] | 'open';
  /** Status after the action; `'same'` keeps it. */
  readonly to: HazardStatus | 'same';
  /** For severity actions: the severity required before, and the one after (`'same'` keeps it). */
  readonly severity?: { readonly from: Severity; readonly to: Severity | 'same' };
  /** Roles allowed to run it (any one of the actor's roles is enough). */
  readonly roles: readonly Role[];
  /** Fields the input must carry. */
  readonly needs: readonly TransitionField[];
  /**
   * Whether the hazard's assignee (the actor whose id is `responsible.personId`) may run it
   * whatever his roles (`accept`, `return`, `request-extension`).
   */
  readonly assignee?: boolean;
}

/** The action table. */
export type TransitionTable = Readonly<Record<HazardAction, TransitionRule>>;

/**
 * The fields each action requires by DESIGN §9 — the floor a vendor's `needs` adds to and cannot
 * lower. Literal, so that the `hazards.transition` payload is typed per action (`TransitionPayload`).
 */
export const ACTION_NEEDS = {
  submit: [],
  'fix-on-spot': ['note', 'before', 'evidence'],
  verify: [],
  reject: ['reason'],
  assign: ['responsible', 'deadline', 'measures'],
  start: [],
  'report-rectified': ['evidence', 'note'],
  'review-pass': ['note'],
  'review-fail': ['note'],
  reopen: ['note', 'responsible', 'deadline', 'measures'],
  'extend-deadline': ['deadline', 'reason'],
  'flag-major': ['note'],
  'confirm-major': ['note'],
  'dismiss-major': ['note'],
  supervise: ['supervision'],
  lift: ['note'],
  accept: [],
  return: ['reason'],
  'request-extension': ['deadline', 'reason'],
  'approve-extension': ['note'],
  'refuse-extension': ['note'],
  transfer: ['department', 'reason', 'deadline'],
  'answer-transfer': ['note'],
  escalate: ['reason'],
  'answer-resident': ['note'],
  'record-reward': ['reward'],
} as const satisfies Readonly<Record<HazardAction, readonly TransitionField[]>>;
Object.freeze(ACTION_NEEDS);

/** Freezes one row of the table. */
export function rule(r: TransitionRule): TransitionRule {
  if (Array.isArray(r.from)) Object.freeze(r.from);
  if (r.severity !== undefined) Object.freeze(r.severity);
  Object.freeze(r.roles);
  Object.freeze(r.needs);
  return Object.freeze(r);
}

/**
 * The action table of DESIGN §9 with its default role matrix. Frozen; a vendor changes roles and
 * adds required fields through {@link createLifecycle}, never by editing this object.
 */
export const DEFAULT_TRANSITIONS: TransitionTable = Object.freeze({
  submit: rule({ from: ['draft'], to: 'reported', roles: ['grid-worker', 'captain', 'unit-manager', 'resident', 'fire-officer'], needs: ACTION_NEEDS.submit }),
  // 当场改正 (61号令 art. 25, 令5号 art. 36): fixed while the worker stands there, shown by photos
  // before and after. Never for a major (candidate) or supervised hazard: see stateRefusal.
  'fix-on-spot': rule({
    from: ['draft', 'reported'], to: 'closed', roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS['fix-on-spot'],
  }),
  verify: rule({ from: ['reported'], to: 'verified', roles: ['grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS.verify }),
  reject: rule({ from: ['reported'], to: 'rejected', roles: ['grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS.reject }),
  assign: rule({
    from: ['verified'], to: 'assigned', roles: ['grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS.assign,
  }),
  start: rule({ from: ['assigned'], to: 'rectifying', roles: ['unit-manager', 'grid-worker', 'grid-supervisor'], needs: ACTION_NEEDS.start }),
  'report-rectified': rule({
    from: ['rectifying'], to: 'awaiting-review', roles: ['unit-manager', 'grid-worker'], needs: ACTION_NEEDS['report-rectified'],
  }),
  'review-pass': rule({ from: ['awaiting-review'], to: 'closed', roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS['review-pass'] }),
  'review-fail': rule({
    from: ['awaiting-review'], to: 'rectifying', roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS['review-fail'],
  }),
  // 复核不合格: a supervisor's re-check finds an on-the-spot fix did not hold; within reopenDays only.
  reopen: rule({
    from: ['closed'], to: 'rectifying', roles: ['grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS.reopen,
  }),
  'extend-deadline': rule({
    from: ['assigned', 'rectifying'], to: 'same', roles: ['grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS['extend-deadline'],
  }),
  'flag-major': rule({
    from: 'open', to: 'same', severity: { from: 'general', to: 'major-candidate' },
    roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS['flag-major'],
  }),
  // GB 35181: only a collective determination makes a hazard major; the note records it.
  'confirm-major': rule({ from: 'open', to: 'same', severity: { from: 'major-candidate', to: 'major' }, roles: ['fire-officer'], needs: ACTION_NEEDS['confirm-major'] }),
  'dismiss-major': rule({
    from: 'open', to: 'same', severity: { from: 'major-candidate', to: 'general' }, roles: ['fire-officer'], needs: ACTION_NEEDS['dismiss-major'],
  }),
  // 挂牌督办 of any open hazard (the plan lists fire lanes, high-rise problems and old premises,
  // not only majors): a fire officer requests it (报请), the listing authority — whoever may `lift` —
  // lists it.
  supervise: rule({ from: 'open', to: 'same', roles: ['fire-officer', 'government'], needs: ACTION_NEEDS.supervise }),
  // 摘牌/销案 after a passed review closes a supervised hazard (销号).
  lift: rule({ from: ['awaiting-review'], to: 'closed', roles: ['government'], needs: ACTION_NEEDS.lift }),
  // 签收: the assignee (or the unit's manager) acknowledges the task; sets acceptedAt.
  accept: rule({ from: ['assigned'], to: 'same', roles: ['unit-manager'], assignee: true, needs: ACTION_NEEDS.accept }),
  // 退回: a mis-dispatched task goes back to the dispatcher; clears responsible.
  return: rule({ from: ['assigned'], to: 'verified', roles: ['unit-manager'], assignee: true, needs: ACTION_NEEDS.return }),
  // 申请延期: the assignee asks; a supervisor approves (the deadline moves) or refuses.
  'request-extension': rule({
    from: ['assigned', 'rectifying'], to: 'same', roles: ['unit-manager'], assignee: true, needs: ACTION_NEEDS['request-extension'],
  }),
  'approve-extension': rule({
    from: ['assigned', 'rectifying'], to: 'same', roles: ['grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS['approve-extension'],
  }),
  'refuse-extension': rule({
    from: ['assigned', 'rectifying'], to: 'same', roles: ['grid-supervisor', 'fire-officer'], needs: ACTION_NEEDS['refuse-extension'],
  }),
  // 转办 (plan 二（一）5): to the department that enforces; responsible.unit becomes the department.
  transfer: rule({ from: ['verified', 'assigned'], to: 'assigned', roles: ['grid-supervisor'], needs: ACTION_NEEDS.transfer }),
  // 部门反馈: the supervisor records the department's answer (and its document number).
  'answer-transfer': rule({ from: 'open', to: 'same', roles: ['grid-supervisor'], needs: ACTION_NEEDS['answer-transfer'] }),
  // 上报上级: one tier up, 网格 → 社区 → 街道/乡镇 → 区县.
  escalate: rule({ from: 'open', to: 'same', roles: ['grid-worker', 'grid-supervisor'], needs: ACTION_NEEDS.escalate }),
  // 答复举报人: the answer a resident's tip-off is owed (any status once reported; `source: 'public'` only, see stateRefusal).
  'answer-resident': rule({
    from: HAZARD_STATUSES.filter((st) => st !== 'draft'), to: 'same', roles: ['grid-supervisor'], needs: ACTION_NEEDS['answer-resident'],
  }),
  // 举报奖励: after verification, whether a reward is due, its amount and when it was paid (`source: 'public'` only).
  'record-reward': rule({
    from: ['verified', 'assigned', 'rectifying', 'awaiting-review', 'closed'], to: 'same', roles: ['grid-supervisor'], needs: ACTION_NEEDS['record-reward'],
  }),
});

/**
 * Why a transition is refused. Besides status, role and fields: `role-for-severity` when the
 * actor's roles may run the action on an ordinary hazard but not on this one, because it is
 * `major` or supervised ({@link LifecycleOptions.rolesWhen}); `separation-of-duties` when the
 * actor reported the rectification under review (see {@link LifecycleOptions.separationOfDuties}).
 */
export type TransitionRefusalCode =
  | 'not-allowed-from-status' | 'role' | 'role-for-severity' | 'separation-of-duties' | 'missing-fields' | 'invalid-field';

/** What makes an action need other roles than the ordinary ones (see {@link LifecycleOptions.rolesWhen}). */
export type RoleCondition = 'major' | 'supervised';

/**
 * The default severity-aware part of the role matrix: the review of a `major` hazard, and of a
 * supervised one, belongs to the fire officer. Here, as in `confirm-major` and `dismiss-major`,
 * `fire-officer` stands for the staff of the 消防救援机构: GB 35181 has the determination made
 * collectively by them, and 复查/销案 of a 重大火灾隐患 is applied for to the 消防救援机构
 * (《大型商业综合体消防安全管理规则（试行）》第六十条). A vendor whose 派出所 accounts also carry
 * `fire-officer` should narrow these rows (and those two actions) to the 消防救援 accounts, e.g. by
 * giving 派出所 officers another role.
 */
export const DEFAULT_ROLES_WHEN: Readonly<Record<RoleCondition, Readonly<Partial<Record<HazardAction, readonly Role[]>>>>> = Object.freeze({
  major: Object.freeze({ 'review-pass': Object.freeze(['fire-officer'] as const), 'review-fail': Object.freeze(['fire-officer'] as const) }),
  supervised: Object.freeze({ 'review-pass': Object.freeze(['fire-officer'] as const), 'review-fail': Object.freeze(['fire-officer'] as const) }),
});

/** The outcome of {@link Lifecycle.check}. */
export type TransitionCheck =
  | { ok: true }
  | {
    ok: false;
    code: TransitionRefusalCode;
    /** For a person, in the lifecycle's locale. */
    message: string;
    /** Input paths that are required but empty (`missing-fields`), e.g. `responsible.person`. */
    missing?: string[];
    /** Input paths whose values are unusable (`invalid-field`), e.g. `deadline`. */
    invalid?: string[];
  };


/**
 * The statuses an action runs from, with `'open'` expanded.
 * @example
 * transitionSources(DEFAULT_TRANSITIONS['extend-deadline']);   // ['assigned', 'rectifying']
 */
export function transitionSources(r: TransitionRule): readonly HazardStatus[] {
  return r.from === 'open' ? HAZARD_STATUSES.filter((s) => isOpen({ status: s })) : r.from;
}

/** Whether the hazard's status is one the action runs from (a status outside the table allows nothing). */
export function statusAllows(r: TransitionRule, hazard: LifecycleHazard): boolean {
  // A status outside the table (a vendor column, a corrupt record) allows nothing, not even 'open' actions.
  if (!(HAZARD_STATUSES as readonly string[]).includes(hazard.status)) return false;
  return r.from === 'open' ? isOpen(hazard) : r.from.includes(hazard.status);
}

/**
 * The problem of a transition the lifecycle refused: 403 for a role (`transition-role`,
 * `transition-role-for-severity`, `transition-separation-of-duties`), 409 for an action not allowed
 * from the hazard's status, 422 for missing or unusable fields (one issue per path).
 * @example
 * const verdict = lifecycle.check(hazard, input, actor, now);
 * if (!verdict.ok) throw toError(transitionRefusal(verdict));
 */
export function transitionRefusal(verdict: Extract<TransitionCheck, { ok: false }>): WriteRefusal {
  const status = verdict.code === 'role' || verdict.code === 'role-for-severity' || verdict.code === 'separation-of-duties' ? 403
    : verdict.code === 'not-allowed-from-status' ? 409 : 422;
  const paths = verdict.missing ?? verdict.invalid ?? [];
  return {
    status, code: `transition-${verdict.code}`,
    message: { 'zh-CN': verdict.message, en: verdict.message },
    issues: paths.map((path) => ({ path, message: verdict.code === 'missing-fields' ? 'required' : 'invalid' })),
  };
}
