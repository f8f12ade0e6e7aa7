/**
 * The hazard lifecycle (DESIGN §7, §9): the closed loop 上报→核实→交办→整改→复查→销号 plus the
 * major-hazard flags and government supervision (挂牌督办), as data and pure functions.
 *
 * - {@link DEFAULT_TRANSITIONS} is the action table of DESIGN §9.
 * - {@link createLifecycle} applies a vendor's role matrix and extra required fields to it and
 *   returns the functions a ledger, a client and the server share: which actions to offer, whether
 *   one may run, and the hazard it produces with its history entry.
 *
 * Where things live after a transition: the fields an action needs that describe the hazard
 * (`deadline`, `responsible`, `measures`, `supervision`) are written to the hazard; the why
 * (`reason`, `note`) and the evidence photos (`evidence`, photo ids) are written to the history
 * entry of that transition, so every round of rectification keeps its own photos and a failed
 * review never hides what was shown before.
 *
 * A major hazard is never decided by the app: a worker (or supervisor) only flags a candidate;
 * a fire officer confirms it after the collective determination GB 35181 requires, and records
 * that determination in the note and the edition applied in `majorRuleSet`.
 *
 * Who may close what: the roles of an action may depend on severity and supervision
 * ({@link DEFAULT_ROLES_WHEN}: the review of a `major` or supervised hazard is the fire
 * officer's); whoever reported a rectification may not review it; 挂牌督办 is requested by a fire
 * officer and listed by the listing authority (`government`), and a supervised (by default also a
 * `major`) hazard closes only by `lift` (摘牌/销案) after a passed review.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Issue } from '../errors.js';
import { HAZARD_ACTIONS, HAZARD_STATUSES, HAZARD_STATUS_LABELS, LOCALES, ROLES, SEVERITIES } from '../names.js';
import type { HazardAction, HazardStatus, HistoryAction, Locale, Role, Severity } from '../names.js';
import type { Hazard, HazardHistoryEntry } from '../schema/hazard.js';
import { TransitionInput } from './transition-input.js';
import { MAJOR_RULE_SETS, ruleSetFor } from './major-rules.js';
import type { MajorRuleSet } from './major-rules.js';
import { ROLE_LABELS, SEVERITY_LABELS, inSentence } from '../labels.js';
import {
  DEFAULT_DUE_SOON_DAYS, DEFAULT_REVIEW_DUE_DAYS, deadlineEnd, isDueSoon, isOpen, isSupervised, reviewDueAt, urgencyKey,
} from './deadlines.js';

export {
  DEFAULT_DUE_SOON_DAYS, DEFAULT_REVIEW_DUE_DAYS, SUPERVISION_STATES, deadlineEnd, effectiveDeadline, isDueSoon, isOpen, isOverdue,
  isSupervised, reviewDueAt, supervisionState, urgencyKey,
} from './deadlines.js';
export type { SupervisionState } from './deadlines.js';

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
  extends Readonly<Pick<Hazard, 'status' | 'severity' | 'deadline' | 'responsible' | 'measures' | 'supervision' | 'majorRuleSet'>> {
  readonly history: readonly HazardHistoryEntry[];
}

/**
 * A field an action may require in its {@link TransitionInput}. `before` is the photos of the
 * hazard as found (整改前照片, `fix-on-spot`); `evidence` the photos of the result (整改后照片).
 */
export type TransitionField = 'reason' | 'note' | 'deadline' | 'responsible' | 'measures' | 'before' | 'evidence' | 'supervision';
/** Every {@link TransitionField}, in the order messages list them. */
export const TRANSITION_FIELDS = [
  'reason', 'note', 'responsible', 'deadline', 'measures', 'before', 'evidence', 'supervision',
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
}

/** The action table. */
export type TransitionTable = Readonly<Record<HazardAction, TransitionRule>>;

function rule(r: TransitionRule): TransitionRule {
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
  submit: rule({ from: ['draft'], to: 'reported', roles: ['grid-worker', 'captain', 'unit-manager', 'resident', 'fire-officer'], needs: [] }),
  // 当场改正 (61号令 art. 25, 令5号 art. 36): fixed while the worker stands there, shown by photos
  // before and after. Never for a major (candidate) or supervised hazard: see stateRefusal.
  'fix-on-spot': rule({
    from: ['draft', 'reported'], to: 'closed', roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], needs: ['note', 'before', 'evidence'],
  }),
  verify: rule({ from: ['reported'], to: 'verified', roles: ['grid-supervisor', 'fire-officer'], needs: [] }),
  reject: rule({ from: ['reported'], to: 'rejected', roles: ['grid-supervisor', 'fire-officer'], needs: ['reason'] }),
  assign: rule({
    from: ['verified'], to: 'assigned', roles: ['grid-supervisor', 'fire-officer'], needs: ['responsible', 'deadline', 'measures'],
  }),
  start: rule({ from: ['assigned'], to: 'rectifying', roles: ['unit-manager', 'grid-worker', 'grid-supervisor'], needs: [] }),
  'report-rectified': rule({
    from: ['rectifying'], to: 'awaiting-review', roles: ['unit-manager', 'grid-worker'], needs: ['evidence', 'note'],
  }),
  'review-pass': rule({ from: ['awaiting-review'], to: 'closed', roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], needs: ['note'] }),
  'review-fail': rule({
    from: ['awaiting-review'], to: 'rectifying', roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], needs: ['note'],
  }),
  // 复核不合格: a supervisor's re-check finds an on-the-spot fix did not hold; within reopenDays only.
  reopen: rule({
    from: ['closed'], to: 'rectifying', roles: ['grid-supervisor', 'fire-officer'], needs: ['note', 'responsible', 'deadline', 'measures'],
  }),
  'extend-deadline': rule({
    from: ['assigned', 'rectifying'], to: 'same', roles: ['grid-supervisor', 'fire-officer'], needs: ['deadline', 'reason'],
  }),
  'flag-major': rule({
    from: 'open', to: 'same', severity: { from: 'general', to: 'major-candidate' },
    roles: ['grid-worker', 'grid-supervisor', 'fire-officer'], needs: ['note'],
  }),
  // GB 35181: only a collective determination makes a hazard major; the note records it.
  'confirm-major': rule({ from: 'open', to: 'same', severity: { from: 'major-candidate', to: 'major' }, roles: ['fire-officer'], needs: ['note'] }),
  'dismiss-major': rule({
    from: 'open', to: 'same', severity: { from: 'major-candidate', to: 'general' }, roles: ['fire-officer'], needs: ['note'],
  }),
  // 挂牌督办 of any open hazard (the plan lists fire lanes, high-rise problems and old premises,
  // not only majors): a fire officer requests it (报请), the listing authority — whoever may `lift` —
  // lists it.
  supervise: rule({ from: 'open', to: 'same', roles: ['fire-officer', 'government'], needs: ['supervision'] }),
  // 摘牌/销案 after a passed review closes a supervised hazard (销号).
  lift: rule({ from: ['awaiting-review'], to: 'closed', roles: ['government'], needs: ['note'] }),
});

export { TransitionInput } from './transition-input.js';

/** Who runs a transition. */
export interface TransitionActor {
  id: string;
  roles: readonly Role[];
  /** His display name, stored as `byName` on the history entry (`session.user` has it). */
  name?: string | undefined;
}

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

/** What {@link Lifecycle.apply} returns. */
export interface TransitionResult<H extends LifecycleHazard> {
  /** A new hazard; the one passed in is left untouched. */
  hazard: H;
  /** The entry appended to `hazard.history`. */
  entry: HazardHistoryEntry;
  /** For `report-rectified`: when the review is due. */
  reviewDueAt?: Date;
}

/** Vendor configuration of {@link createLifecycle}. */
export interface LifecycleOptions {
  /** Role matrix overrides: the roles given replace the default roles of that action (`[]` disables it). */
  roles?: Partial<Record<HazardAction, readonly Role[]>>;
  /**
   * The role matrix by severity and supervision: on a hazard that is `major` (`major`) or under
   * 挂牌督办 (`supervised`), the roles given replace those of `roles` for that action. When both
   * apply, an actor needs a role both lists allow. Merged per action over
   * {@link DEFAULT_ROLES_WHEN} (reviews by `fire-officer` only); give an action `roles`' list to
   * undo a default.
   */
  rolesWhen?: Partial<Record<RoleCondition, Partial<Record<HazardAction, readonly Role[]>>>>;
  /**
   * Separation of duties (default `true`): whoever reported a rectification (the `by` of the last
   * `report-rectified` entry) may not pass or fail its review.
   */
  separationOfDuties?: boolean;
  /**
   * Whether a `major` hazard closes only by `lift` (default `true`): the plan has every
   * 重大火灾隐患 listed for 政府挂牌督办 and closed by 销案 (three-year plan 三（三）: 存在重大火灾隐患的，
   * 全面落实政府挂牌督办和跟踪整治…确保按时整改销案), so a fire officer's passed review leaves it in
   * `awaiting-review` until the listing authority lists and lifts it. With `false`, that review
   * closes a major hazard that is not supervised.
   */
  majorClosesByLift?: boolean;
  /**
   * The GB 35181 rule sets a determination may name in `majorRuleSet` (`confirm-major`,
   * `dismiss-major`); the built-in ones by default. Without `majorRuleSet` in the input, the set
   * in force on the day of the transition is recorded.
   */
  ruleSets?: readonly MajorRuleSet[];
  /** Extra required fields per action, added to those of DESIGN §9 (which cannot be removed). */
  needs?: Partial<Record<HazardAction, readonly TransitionField[]>>;
  /** Days after `report-rectified` by which the review is due; default 3. */
  reviewDueDays?: number;
  /** Days after a `fix-on-spot` within which `reopen` (复核不合格) may send it back; default 7. */
  reopenDays?: number;
  /** Days before the deadline from which an open hazard is due soon; default 3. */
  dueSoonDays?: number;
  /** Language of refusal messages; default `zh-CN`. */
  locale?: Locale;
}

/** The lifecycle as configured by a vendor. */
export interface Lifecycle {
  /** The effective action table (defaults with the vendor's roles and extra fields). */
  readonly transitions: TransitionTable;
  /** The effective severity-aware roles ({@link DEFAULT_ROLES_WHEN} with the vendor's `rolesWhen`). */
  readonly rolesWhen: Readonly<Record<RoleCondition, Readonly<Partial<Record<HazardAction, readonly Role[]>>>>>;
  readonly separationOfDuties: boolean;
  readonly majorClosesByLift: boolean;
  readonly reviewDueDays: number;
  readonly reopenDays: number;
  readonly dueSoonDays: number;
  /**
   * The roles that may run `action` on this hazard: the table's, or those of `rolesWhen` when the
   * hazard is `major` or supervised (both: the roles in both lists).
   */
  rolesFor(action: HazardAction, hazard: LifecycleHazard): readonly Role[];
  /**
   * Whether this hazard closes only by `lift` (摘牌/销案): it is supervised, or it is `major` and
   * `majorClosesByLift` holds. On such a hazard `review-pass` records the passed review and leaves
   * it in `awaiting-review`.
   */
  closesByLift(hazard: LifecycleHazard): boolean;
  /**
   * The actions `actor` may run on this hazard now, in table order: exactly what a UI should
   * offer. Pass the actor (`{ id, roles }`) so that separation of duties is applied; with roles
   * alone it is not. Required fields are not considered; {@link Lifecycle.check} reports them.
   * `now` is the clock for the time window of `reopen` (the current time when left out).
   */
  allowedActions(hazard: LifecycleHazard, actor: TransitionActor | readonly Role[], now?: Date): HazardAction[];
  /**
   * Whether `actor` may run `input` on `hazard`, and if not, why: status or severity, role,
   * role for a major or supervised hazard, separation of duties, missing or invalid fields.
   * `now` is the clock for the time window of `reopen` (the current time when left out; `apply`
   * passes its own).
   */
  check(hazard: LifecycleHazard, input: TransitionInput, actor: TransitionActor, now?: Date): TransitionCheck;
  /**
   * Runs a transition: returns a new hazard with the status, severity and fields the action sets
   * and one more history entry. Never mutates `hazard`.
   * @throws FiregridError `transition` when {@link Lifecycle.check} refuses; the refusal is the error's `cause`.
   */
  apply<H extends LifecycleHazard>(hazard: H, input: TransitionInput, actor: TransitionActor, now: Date): TransitionResult<H>;
  /** {@link isDueSoon} with the configured `dueSoonDays`. */
  isDueSoon(hazard: LifecycleHazard, now: Date): boolean;
  /** {@link reviewDueAt} with the configured `reviewDueDays`. */
  reviewDueAt(hazard: LifecycleHazard): Date | undefined;
  /** {@link urgencyKey} with the configured `dueSoonDays`. */
  urgencyKey(hazard: LifecycleHazard, now: Date): string;
}

type Labels = Readonly<Record<Locale, string>>;
interface Invalid { path: string; paths?: string[]; why: string }

/** zh-CN and English labels of the hazard actions, for buttons and messages. */
export const HAZARD_ACTION_LABELS: Readonly<Record<HazardAction, Labels>> = {
  submit: { 'zh-CN': '上报', en: 'Submit' },
  verify: { 'zh-CN': '核实', en: 'Verify' },
  reject: { 'zh-CN': '驳回', en: 'Reject' },
  assign: { 'zh-CN': '交办', en: 'Assign' },
  start: { 'zh-CN': '开始整改', en: 'Start rectification' },
  'report-rectified': { 'zh-CN': '报告整改完成', en: 'Report rectified' },
  'review-pass': { 'zh-CN': '复查通过', en: 'Pass review' },
  'review-fail': { 'zh-CN': '复查不通过', en: 'Fail review' },
  'fix-on-spot': { 'zh-CN': '当场整改', en: 'Fix on the spot' },
  reopen: { 'zh-CN': '复核不合格', en: 'Reopen (re-check failed)' },
  'extend-deadline': { 'zh-CN': '延期', en: 'Extend deadline' },
  'flag-major': { 'zh-CN': '标记疑似重大火灾隐患', en: 'Flag as major candidate' },
  'confirm-major': { 'zh-CN': '确认重大火灾隐患', en: 'Confirm major hazard' },
  'dismiss-major': { 'zh-CN': '排除重大火灾隐患', en: 'Dismiss major candidate' },
  supervise: { 'zh-CN': '挂牌督办', en: 'List for supervision' },
  lift: { 'zh-CN': '摘牌销案', en: 'Lift supervision' },
};

/**
 * zh-CN and English labels of what a history entry records: the hazard actions, and `edit` (a save
 * that changed the hazard's content).
 */
export const HISTORY_ACTION_LABELS: Readonly<Record<HistoryAction, Labels>> = {
  ...HAZARD_ACTION_LABELS,
  edit: { 'zh-CN': '修改', en: 'Edited' },
};

/**
 * What a history entry did, for a list: the action's label, and for an `edit` the fields it
 * changed.
 * @example historyActionText({ action: 'edit', fields: ['description', 'title'] }, 'zh-CN'); // '修改（description、title）'
 */
export function historyActionText(entry: Pick<HazardHistoryEntry, 'action' | 'fields'>, locale: Locale): string {
  const label = HISTORY_ACTION_LABELS[entry.action][locale];
  const fields = entry.fields ?? [];
  if (fields.length === 0) return label;
  return locale === 'zh-CN' ? `${label}（${fields.join('、')}）` : `${label} (${fields.join(', ')})`;
}

const PATH_LABELS: Readonly<Record<string, Labels>> = {
  action: { 'zh-CN': '操作', en: 'action' },
  reason: { 'zh-CN': '理由', en: 'reason' },
  note: { 'zh-CN': '说明', en: 'note' },
  deadline: { 'zh-CN': '整改时限', en: 'deadline' },
  'responsible.unit': { 'zh-CN': '责任单位', en: 'responsible unit' },
  'responsible.person': { 'zh-CN': '责任人', en: 'responsible person' },
  'responsible.phone': { 'zh-CN': '联系电话', en: 'responsible phone' },
  measures: { 'zh-CN': '整改措施', en: 'measures' },
  evidence: { 'zh-CN': '照片', en: 'evidence photos' },
  before: { 'zh-CN': '整改前照片', en: 'photos before the fix' },
  'supervision.level': { 'zh-CN': '督办级别', en: 'supervision level' },
  'supervision.deadline': { 'zh-CN': '督办期限', en: 'supervision deadline' },
  'supervision.authority': { 'zh-CN': '挂牌督办机关', en: 'listing authority' },
  majorRuleSet: { 'zh-CN': '判定依据版本', en: 'GB 35181 edition' },
};

const AFTER_LABEL: Labels = { 'zh-CN': '整改后照片', en: 'photos after the fix' };

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isAction = (v: unknown): v is HazardAction => typeof v === 'string' && (HAZARD_ACTIONS as readonly string[]).includes(v);

/**
 * The statuses an action runs from, with `'open'` expanded.
 * @example
 * transitionSources(DEFAULT_TRANSITIONS['extend-deadline']);   // ['assigned', 'rectifying']
 */
export function transitionSources(r: TransitionRule): readonly HazardStatus[] {
  return r.from === 'open' ? HAZARD_STATUSES.filter((s) => isOpen({ status: s })) : r.from;
}

function statusAllows(r: TransitionRule, hazard: LifecycleHazard): boolean {
  // A status outside the table (a vendor column, a corrupt record) allows nothing, not even 'open' actions.
  if (!(HAZARD_STATUSES as readonly string[]).includes(hazard.status)) return false;
  return r.from === 'open' ? isOpen(hazard) : r.from.includes(hazard.status);
}


/** The user id of whoever reported the rectification now under review (the last `report-rectified`). */
export function rectificationReportedBy(hazard: Pick<LifecycleHazard, 'history'>): string | undefined {
  for (let i = hazard.history.length - 1; i >= 0; i--) {
    const e = hazard.history[i];
    if (e?.action === 'report-rectified') return e.by;
  }
  return undefined;
}

/** The pending request (报请) of a hazard: a supervision without `listedAt`. */
function requestOf(hazard: Pick<LifecycleHazard, 'supervision'>): LifecycleHazard['supervision'] {
  const s = hazard.supervision;
  return s !== undefined && s.listedAt === undefined ? s : undefined;
}

/**
 * Whether the review of the rectification now under review has passed, and the hazard waits for
 * the lift (摘牌/销案) that closes it: it is `awaiting-review` and its latest report, pass or fail
 * is a `review-pass`.
 */
export function reviewPassed(hazard: Pick<LifecycleHazard, 'status' | 'history'>): boolean {
  if (hazard.status !== 'awaiting-review') return false;
  for (let i = hazard.history.length - 1; i >= 0; i--) {
    const a = hazard.history[i]?.action;
    if (a === 'review-pass') return true;
    if (a === 'report-rectified' || a === 'review-fail') return false;
  }
  return false;
}

const REVIEWS: readonly HazardAction[] = ['review-pass', 'review-fail'];
const isRoleList = (a: TransitionActor | readonly Role[]): a is readonly Role[] => Array.isArray(a);

function roleAllows(allowed: readonly Role[], roles: readonly Role[]): boolean {
  return roles.some((role) => allowed.includes(role));
}

/**
 * The entry that closed a hazard (the last one that moved it to `closed`), or `undefined` when its
 * history does not show one.
 */
export function closingEntry(hazard: Pick<LifecycleHazard, 'history'>): HazardHistoryEntry | undefined {
  for (let i = hazard.history.length - 1; i >= 0; i--) {
    const e = hazard.history[i];
    if (e?.to === 'closed' && e.from !== 'closed') return e;
  }
  return undefined;
}

/** Input paths a required field stands for, missing from `input` (for `supervision`: and from a pending request). */
function missingPaths(field: TransitionField, input: TransitionInput, hazard: LifecycleHazard): string[] {
  switch (field) {
    case 'reason': case 'note': case 'deadline': case 'measures':
      return isText(input[field]) ? [] : [field];
    case 'evidence': case 'before':
      return Array.isArray(input[field]) && input[field].length > 0 ? [] : [field];
    case 'responsible': {
      const r = input.responsible;
      return [isText(r?.unit) ? '' : 'responsible.unit', isText(r?.person) ? '' : 'responsible.person'].filter((p) => p !== '');
    }
    case 'supervision': {
      const s = input.supervision;
      const asked = requestOf(hazard);
      return (['level', 'deadline', 'authority'] as const)
        .filter((k) => !isText(s?.[k]) && !isText(asked?.[k])).map((k) => `supervision.${k}`);
    }
  }
}

/** `['evidence', 1]` → `evidence[1]`. */
function pathOf(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>((out, seg) => (
    typeof seg === 'number' ? `${out}[${seg}]` : out === '' ? String(seg) : `${out}.${String(seg)}`
  ), '');
}

function validateConfig(options: LifecycleOptions): void {
  const issues: Issue[] = [];
  if (typeof options !== 'object' || (options as unknown) === null || Array.isArray(options)) {
    throw new FiregridError('config', `createLifecycle: options must be an object, got ${JSON.stringify(options)}`, {
      issues: [{ path: '', message: 'not an object' }],
    });
  }
  const known = ['roles', 'rolesWhen', 'separationOfDuties', 'majorClosesByLift', 'ruleSets', 'needs', 'reviewDueDays', 'reopenDays', 'dueSoonDays', 'locale'];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) issues.push({ path: key, message: `unknown option "${key}"; known: ${known.join(', ')}` });
  }
  const matrix = (name: string, value: unknown, allowed: readonly string[], what: string): void => {
    if (value === undefined) return;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ path: name, message: `${name} must be an object keyed by hazard action` });
      return;
    }
    for (const [action, list] of Object.entries(value as Record<string, unknown>)) {
      const path = `${name}.${action}`;
      if (!isAction(action)) {
        issues.push({ path, message: `unknown hazard action "${action}"; known: ${HAZARD_ACTIONS.join(', ')}` });
        continue;
      }
      if (!Array.isArray(list)) {
        issues.push({ path, message: `${path} must be an array of ${what}s` });
        continue;
      }
      (list as unknown[]).forEach((item, i) => {
        if (typeof item !== 'string' || !allowed.includes(item)) {
          issues.push({ path: `${path}[${i}]`, message: `unknown ${what} ${JSON.stringify(item)}; known: ${allowed.join(', ')}` });
        }
      });
    }
  };
  matrix('roles', options.roles, ROLES, 'role');
  matrix('needs', options.needs, TRANSITION_FIELDS, 'required field');
  const when: unknown = options.rolesWhen;
  if (when !== undefined) {
    if (typeof when !== 'object' || when === null || Array.isArray(when)) {
      issues.push({ path: 'rolesWhen', message: 'rolesWhen must be an object keyed by major, supervised' });
    } else {
      for (const [cond, value] of Object.entries(when as Record<string, unknown>)) {
        if (cond !== 'major' && cond !== 'supervised') {
          issues.push({ path: `rolesWhen.${cond}`, message: `unknown condition "${cond}"; known: major, supervised` });
        } else {
          matrix(`rolesWhen.${cond}`, value, ROLES, 'role');
        }
      }
    }
  }
  for (const key of ['separationOfDuties', 'majorClosesByLift'] as const) {
    const v: unknown = options[key];
    if (v !== undefined && typeof v !== 'boolean') issues.push({ path: key, message: `${key} must be true or false, got ${JSON.stringify(v)}` });
  }
  for (const key of ['reviewDueDays', 'reopenDays', 'dueSoonDays'] as const) {
    const v: unknown = options[key];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
      issues.push({ path: key, message: `${key} must be a finite number of days ≥ 0, got ${JSON.stringify(v)}` });
    }
  }
  const locale: unknown = options.locale;
  const sets: unknown = options.ruleSets;
  if (sets !== undefined && (!Array.isArray(sets) || sets.some((x) => typeof (x as { id?: unknown } | null)?.id !== 'string'))) {
    issues.push({ path: 'ruleSets', message: 'ruleSets must be an array of rule sets (loadMajorRuleSet, withRuleSets)' });
  }
  if (locale !== undefined && !(LOCALES as readonly unknown[]).includes(locale)) {
    issues.push({ path: 'locale', message: `unknown locale ${JSON.stringify(locale)}; known: ${LOCALES.join(', ')}` });
  }
  if (issues.length > 0) {
    throw new FiregridError('config', `createLifecycle: bad option ${issues.map((i) => `${i.path} (${i.message})`).join('; ')}`, { issues });
  }
}

function buildTable(options: LifecycleOptions): TransitionTable {
  const table = {} as Record<HazardAction, TransitionRule>;
  for (const action of HAZARD_ACTIONS) {
    const base = DEFAULT_TRANSITIONS[action];
    const roles = options.roles?.[action];
    const extra = options.needs?.[action] ?? [];
    table[action] = rule({
      from: typeof base.from === 'string' ? base.from : [...base.from],
      to: base.to,
      ...(base.severity === undefined ? {} : { severity: { ...base.severity } }),
      roles: roles === undefined ? [...base.roles] : [...new Set(roles)],
      needs: TRANSITION_FIELDS.filter((f) => base.needs.includes(f) || extra.includes(f)),
    });
  }
  return Object.freeze(table);
}

function buildRolesWhen(options: LifecycleOptions): Lifecycle['rolesWhen'] {
  const out = {} as Record<RoleCondition, Readonly<Partial<Record<HazardAction, readonly Role[]>>>>;
  for (const cond of ['major', 'supervised'] as const) {
    const merged: Partial<Record<HazardAction, readonly Role[]>> = {};
    for (const [action, roles] of Object.entries({ ...DEFAULT_ROLES_WHEN[cond], ...options.rolesWhen?.[cond] })) {
      merged[action as HazardAction] = Object.freeze([...new Set(roles)]);
    }
    out[cond] = Object.freeze(merged);
  }
  return Object.freeze(out);
}

/**
 * Builds the hazard lifecycle, with a vendor's role matrix and extra required fields.
 * @throws FiregridError `config` naming the bad key (unknown option, action, role or field; a
 *   negative or non-numeric number of days; an unknown locale).
 * @example
 * const lifecycle = createLifecycle({ roles: { start: ['unit-manager'] }, needs: { verify: ['evidence'] }, locale: 'en' });
 * lifecycle.allowedActions(hazard, session.user.roles);   // ['verify', 'reject', 'flag-major']
 * const { hazard: next, entry } = lifecycle.apply(hazard, { action: 'verify', evidence: ['p1'] }, actor, new Date());
 */
export function createLifecycle(options: LifecycleOptions = {}): Lifecycle {
  validateConfig(options);
  const transitions = buildTable(options);
  const rolesWhen = buildRolesWhen(options);
  const separate = options.separationOfDuties ?? true;
  const majorByLift = options.majorClosesByLift ?? true;
  const ruleSets = options.ruleSets ?? MAJOR_RULE_SETS;
  const closesByLift = (hazard: LifecycleHazard): boolean => isSupervised(hazard) || (majorByLift && hazard.severity === 'major');
  /** The listing authority: whoever may `lift` lists with `supervise`; any other role only requests. */
  const lists = (roles: readonly Role[]): boolean => roleAllows(transitions.lift.roles, roles);
  const reviewDays = options.reviewDueDays ?? DEFAULT_REVIEW_DUE_DAYS;
  const reopenDays = options.reopenDays ?? DEFAULT_REOPEN_DAYS;
  const soonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
  const locale: Locale = options.locale ?? 'zh-CN';
  const zh = locale === 'zh-CN';
  const list = (items: readonly string[]): string => items.join(zh ? '、' : ', ');
  const pathLabel = (p: string, action?: HazardAction): string => {
    const base = p.replace(/\[\d+\]$/, '');
    // On an on-the-spot fix the evidence is the photo of the result, beside the one before.
    const label = (action === 'fix-on-spot' && base === 'evidence' ? AFTER_LABEL : PATH_LABELS[base])?.[locale];
    return label === undefined ? p : base === p ? label : `${label} ${p.slice(base.length)}`;
  };
  const statusLabel = (s: HazardStatus): string => HAZARD_STATUS_LABELS[s][locale];
  const actionLabel = (a: HazardAction): string => HAZARD_ACTION_LABELS[a][locale];
  // A session may carry a host role the table does not know; name it as it came.
  const roleLabel = (x: string): string => {
    const labels = (ROLE_LABELS as Readonly<Record<string, Labels | undefined>>)[x];
    return labels === undefined ? x : inSentence(labels, locale);
  };

  const refuse = (code: TransitionRefusalCode, message: string, paths?: { missing?: string[]; invalid?: string[] }): TransitionCheck => (
    { ok: false, code, message, ...paths }
  );

  function invalidFields(r: TransitionRule, hazard: LifecycleHazard, input: TransitionInput): Invalid | undefined {
    const deadline = (path: string, value: string): Invalid | undefined => (
      deadlineEnd(value) === undefined
        ? {
          path,
          why: zh
            ? `${pathLabel(path)}“${value}”不是有效日期，请写作 2025-06-30 或 2025-06-30T18:00:00+08:00`
            : `${pathLabel(path)} "${value}" is not a valid date; write 2025-06-30 or 2025-06-30T18:00:00+08:00`,
        }
        : undefined
    );
    if (input.deadline !== undefined) {
      const bad = deadline('deadline', input.deadline);
      if (bad) return bad;
      const next = deadlineEnd(input.deadline);
      const current = hazard.deadline === undefined ? undefined : deadlineEnd(hazard.deadline);
      // An extension that does not extend would quietly shorten the time the unit was given.
      if (r.needs.includes('deadline') && input.action === 'extend-deadline' && next !== undefined && current !== undefined && next <= current) {
        return {
          path: 'deadline',
          why: zh
            ? `新的整改时限（${input.deadline}）须晚于当前时限（${String(hazard.deadline)}）`
            : `the new deadline (${input.deadline}) must be later than the current one (${String(hazard.deadline)})`,
        };
      }
    }
    if (input.supervision?.deadline !== undefined) {
      const bad = deadline('supervision.deadline', input.supervision.deadline);
      if (bad) return bad;
    }
    if (input.majorRuleSet !== undefined && (input.action === 'confirm-major' || input.action === 'dismiss-major')
      && !ruleSets.some((s) => s.id === input.majorRuleSet)) {
      const known = list(ruleSets.map((s) => s.id));
      return {
        path: 'majorRuleSet',
        why: zh ? `未知的判定规则“${input.majorRuleSet}”，可用：${known}` : `unknown rule set "${input.majorRuleSet}"; known: ${known}`,
      };
    }
    // The rest of the body is checked by its schema: photo ids, phone, supervision level, types.
    const parsed = TransitionInput.safeParse(input);
    if (!parsed.success) {
      const paths = [...new Set(parsed.error.issues.map((i) => pathOf(i.path)))];
      return {
        path: paths.join(', '),
        paths,
        why: zh ? `以下内容无效：${list(paths.map((q) => pathLabel(q, input.action)))}` : `Invalid ${list(paths.map((q) => pathLabel(q, input.action)))}`,
      };
    }
    return undefined;
  }

  /**
   * Refusals by the state of the review and of the supervision, by severity for `fix-on-spot` and
   * by how and when the hazard was closed for `reopen` (code `not-allowed-from-status`).
   */
  function stateRefusal(action: HazardAction, hazard: LifecycleHazard, now: Date): TransitionCheck | undefined {
    const name = actionLabel(action);
    if (action === 'fix-on-spot' && hazard.severity !== 'general') {
      const current = (SEVERITIES as readonly string[]).includes(hazard.severity) ? inSentence(SEVERITY_LABELS[hazard.severity], locale) : hazard.severity;
      return refuse('not-allowed-from-status', zh
        ? `${current}不能${name}：须经核实、交办整改并复查（重大火灾隐患由消防救援机构组织集体讨论判定）`
        : `"${name}" is only for general hazards; a hazard of severity "${current}" must be verified, assigned and reviewed (major hazards are determined collectively by the fire and rescue service)`);
    }
    if (action === 'fix-on-spot' && hazard.supervision !== undefined && hazard.supervision.liftedAt === undefined) {
      return refuse('not-allowed-from-status', zh
        ? `挂牌督办（含报请中）的隐患不能${name}：须按督办要求整改，复查后由挂牌督办机关摘牌销案`
        : `"${name}" is not allowed on a hazard under (or requested for) government supervision: it is rectified as listed and closed by the listing authority's lift`);
    }
    if (action === 'reopen') {
      const closed = closingEntry(hazard);
      if (closed?.action !== 'fix-on-spot') {
        const how = closed === undefined ? (zh ? '无销号记录' : 'no closing entry') : actionLabel(closed.action as HazardAction);
        return refuse('not-allowed-from-status', zh
          ? `只有“${actionLabel('fix-on-spot')}”销号的隐患才能${name}（本隐患：${how}）`
          : `"${name}" is only for a hazard closed by "${actionLabel('fix-on-spot')}" (this one: ${how})`);
      }
      const until = Date.parse(closed.at) + reopenDays * 86_400_000;
      if (!(now.getTime() <= until)) {
        const last = new Date(until).toISOString();
        return refuse('not-allowed-from-status', zh
          ? `当场整改已超过 ${String(reopenDays)} 天（${closed.at} 销号，复核期限至 ${last}），不能${name}；如隐患仍存在，请重新上报`
          : `"${name}" is allowed within ${String(reopenDays)} days of the on-the-spot fix (closed ${closed.at}, re-check window ended ${last}); report the hazard anew if it persists`);
      }
    }
    if (action === 'review-pass' && reviewPassed(hazard)) {
      return refuse('not-allowed-from-status', zh
        ? '复查已通过，待挂牌督办机关摘牌销案'
        : `"${name}": the review has already passed; the hazard waits for the listing authority to lift it`);
    }
    if (action === 'lift' && !isSupervised(hazard)) {
      return refuse('not-allowed-from-status', zh
        ? `隐患未处于挂牌督办中，不能${name}`
        : `"${name}" needs a hazard under government supervision (listed and not lifted)`);
    }
    if (action === 'lift' && !reviewPassed(hazard)) {
      return refuse('not-allowed-from-status', zh
        ? `须先经消防救援机构复查通过，才能${name}`
        : `"${name}" needs a passed review by the fire officer first`);
    }
    if (action === 'supervise' && isSupervised(hazard)) {
      return refuse('not-allowed-from-status', zh ? '隐患已挂牌督办' : `"${name}": the hazard is already under government supervision`);
    }
    return undefined;
  }

  /** Which conditions of `rolesWhen` a hazard meets. */
  const conditions = (hazard: LifecycleHazard): RoleCondition[] => [
    ...(hazard.severity === 'major' ? ['major' as const] : []), ...(isSupervised(hazard) ? ['supervised' as const] : []),
  ];

  function rolesFor(action: HazardAction, hazard: LifecycleHazard): readonly Role[] {
    const lists = conditions(hazard).map((c) => rolesWhen[c][action]).filter((l) => l !== undefined);
    if (lists.length === 0) return transitions[action].roles;
    return lists.reduce((a, b) => a.filter((role) => b.includes(role)));
  }

  /**
   * The refusals that depend on who acts, not on the fields sent: role, role for a major or
   * supervised hazard, separation of duties. `actor.id` undefined skips the last (roles only).
   */
  function gate(action: HazardAction, hazard: LifecycleHazard, actor: { id?: string; roles: readonly Role[] }): TransitionCheck | undefined {
    const r = transitions[action];
    const name = actionLabel(action);
    const roles = actor.roles;
    const mine = roles.length === 0 ? (zh ? '无角色' : 'none') : list(roles.map(roleLabel));
    const allowed = rolesFor(action, hazard);
    const may = allowed.length === 0 ? (zh ? '无（已停用）' : 'none (disabled)') : list(allowed.map(roleLabel));
    if (!roleAllows(allowed, roles)) {
      if (allowed !== r.roles && roleAllows(r.roles, roles)) {
        const what = conditions(hazard).map((c) => (c === 'major'
          ? (zh ? '重大火灾隐患' : 'a major hazard')
          : (zh ? '挂牌督办的隐患' : 'a hazard under government supervision (挂牌督办)')));
        return refuse('role-for-severity', zh
          ? `${list(what)}的“${name}”须由${may}进行，当前角色（${mine}）无权（重大火灾隐患由消防救援机构判定，复查、销案向消防救援机构申请）`
          : `"${name}" on ${what.join(' and ')} is for: ${may}; your roles (${mine}) may not run it (major hazards are determined, reviewed and closed by the fire and rescue service)`);
      }
      return refuse('role', zh
        ? `当前角色（${mine}）无权${name}；有权限的角色：${may}`
        : `Your roles (${mine}) may not run "${name}"; allowed roles: ${may}`);
    }
    if (action === 'supervise' && requestOf(hazard) !== undefined && !lists(roles)) {
      const by = transitions.lift.roles.length === 0 ? (zh ? '无' : 'none') : list(transitions.lift.roles.map(roleLabel));
      return refuse('not-allowed-from-status', zh
        ? `已报请挂牌督办，待${by}挂牌`
        : `"${name}" has already been requested; it waits for the listing authority (${by}) to list it`);
    }
    if (separate && actor.id !== undefined && REVIEWS.includes(action) && rectificationReportedBy(hazard) === actor.id) {
      return refuse('separation-of-duties', zh
        ? `本次整改完成由您（${actor.id}）报告，不能由您${name}：复查须由报告人以外的人员进行（职责分离）`
        : `You (${actor.id}) reported this rectification, so you may not run "${name}": the review must be done by someone else (separation of duties)`);
    }
    return undefined;
  }

  function check(hazard: LifecycleHazard, input: TransitionInput, actor: TransitionActor, now: Date = new Date()): TransitionCheck {
    const action: unknown = input.action;
    if (!isAction(action)) {
      return refuse('invalid-field', zh
        ? `未知的操作“${String(action)}”，可用：${list(HAZARD_ACTIONS)}`
        : `unknown action "${String(action)}"; known: ${list(HAZARD_ACTIONS)}`, { invalid: ['action'] });
    }
    const r = transitions[action];
    const name = actionLabel(action);
    if (!statusAllows(r, hazard)) {
      const known = (HAZARD_STATUSES as readonly string[]).includes(hazard.status);
      const current = known ? statusLabel(hazard.status) : hazard.status;
      const allowed = r.from === 'open'
        ? (zh ? '未销号、未驳回的隐患' : 'an open hazard (not closed or rejected)')
        : list(r.from.map(statusLabel));
      return refuse('not-allowed-from-status', zh
        ? `隐患状态为“${current}”，不能${name}（须为：${allowed}）`
        : `"${name}" is not allowed on a hazard in status "${current}" (allowed from: ${allowed})`);
    }
    if (r.severity !== undefined && hazard.severity !== r.severity.from) {
      const current = (SEVERITIES as readonly string[]).includes(hazard.severity) ? inSentence(SEVERITY_LABELS[hazard.severity], locale) : hazard.severity;
      return refuse('not-allowed-from-status', zh
        ? `隐患等级为“${current}”，不能${name}（须为：${inSentence(SEVERITY_LABELS[r.severity.from], locale)}）`
        : `"${name}" is not allowed on a hazard of severity "${current}" (needs: ${inSentence(SEVERITY_LABELS[r.severity.from], locale)})`);
    }
    const refused = stateRefusal(action, hazard, now) ?? gate(action, hazard, actor);
    if (refused !== undefined) return refused;
    if (!isText(actor.id)) {
      return refuse('invalid-field', zh ? '操作人 id 为空' : 'the actor has no id', { invalid: ['actor.id'] });
    }
    const missing = r.needs.flatMap((f) => missingPaths(f, input, hazard));
    if (missing.length > 0) {
      return refuse('missing-fields', zh
        ? `${name}缺少：${list(missing.map((m) => pathLabel(m, action)))}`
        : `"${name}" needs: ${list(missing.map((m) => pathLabel(m, action)))}`, { missing });
    }
    const invalid = invalidFields(r, hazard, input);
    if (invalid !== undefined) return refuse('invalid-field', invalid.why, { invalid: invalid.paths ?? [invalid.path] });
    return { ok: true };
  }

  function apply<H extends LifecycleHazard>(hazard: H, input: TransitionInput, actor: TransitionActor, now: Date): TransitionResult<H> {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
      throw new FiregridError('validation', `apply() needs a valid Date as now, got ${String(now)}`, { issues: [{ path: 'now', message: 'not a valid Date' }] });
    }
    const verdict = check(hazard, input, actor, now);
    if (!verdict.ok) {
      const paths = verdict.missing ?? verdict.invalid ?? [
        verdict.code === 'role' || verdict.code === 'role-for-severity' ? 'roles' : verdict.code === 'separation-of-duties' ? 'actor.id' : 'status',
      ];
      throw new FiregridError('transition', verdict.message, {
        issues: paths.map((path) => ({ path, message: verdict.message })),
        cause: verdict,
      });
    }
    const r = transitions[input.action];
    const at = now.toISOString();
    const to = r.to === 'same' || (input.action === 'review-pass' && closesByLift(hazard)) ? hazard.status : r.to;
    const why = [input.reason, input.note].filter(isText).join('\n');
    const entry: HazardHistoryEntry = {
      at, by: actor.id, ...(isText(actor.name) ? { byName: actor.name.trim() } : {}), action: input.action, from: hazard.status, to,
      ...(why === '' ? {} : { note: why }),
      ...(input.before !== undefined && input.before.length > 0 ? { before: [...input.before] } : {}),
      ...(input.evidence !== undefined && input.evidence.length > 0 ? { evidence: [...input.evidence] } : {}),
    };
    const changes: Pick<Hazard, 'status' | 'severity' | 'history' | 'deadline' | 'measures' | 'responsible' | 'supervision' | 'majorRuleSet'> = {
      status: to, severity: hazard.severity, history: [...hazard.history, entry],
    };
    if (r.severity !== undefined && r.severity.to !== 'same') changes.severity = r.severity.to;
    if (r.needs.includes('deadline') && input.deadline !== undefined) changes.deadline = input.deadline;
    if (r.needs.includes('measures') && input.measures !== undefined) changes.measures = input.measures;
    if (r.needs.includes('responsible') && input.responsible !== undefined) {
      const { unit, person, phone } = input.responsible;
      changes.responsible = isText(phone) ? { unit, person, phone } : { unit, person };
    }
    if (input.action === 'supervise') {
      // check() made sure level, deadline and authority are in the input or the pending request.
      const asked = requestOf(hazard);
      const given = input.supervision ?? {};
      const level = given.level ?? asked?.level ?? 'county';
      const deadline = given.deadline ?? asked?.deadline;
      const authority = given.authority ?? asked?.authority;
      const base = { level, ...(authority === undefined ? {} : { authority }), ...(deadline === undefined ? {} : { deadline }) };
      changes.supervision = lists(actor.roles)
        ? {
          ...base,
          ...(asked?.requestedBy === undefined ? {} : { requestedBy: asked.requestedBy }),
          ...(asked?.requestedAt === undefined ? {} : { requestedAt: asked.requestedAt }),
          listedAt: at, listedBy: actor.id,
        }
        : { ...base, requestedBy: actor.id, requestedAt: at };
    }
    if (input.action === 'confirm-major' || input.action === 'dismiss-major') {
      const applied = input.majorRuleSet ?? ruleSetFor(now, ruleSets)?.id;
      if (applied !== undefined) changes.majorRuleSet = applied;
    }
    if (input.action === 'lift' && hazard.supervision !== undefined) {
      changes.supervision = { ...hazard.supervision, liftedAt: at, liftedBy: actor.id };
    }
    // The spread keeps every field of H the lifecycle does not know; those it sets have the
    // schema's types (LifecycleHazard is a Pick of Hazard), so the result is still an H.
    const next = { ...hazard, ...changes } as H;
    return input.action === 'report-rectified'
      ? { hazard: next, entry, reviewDueAt: new Date(now.getTime() + reviewDays * 86_400_000) }
      : { hazard: next, entry };
  }

  return Object.freeze({
    transitions,
    rolesWhen,
    separationOfDuties: separate,
    majorClosesByLift: majorByLift,
    closesByLift,
    reviewDueDays: reviewDays,
    reopenDays,
    dueSoonDays: soonDays,
    rolesFor,
    allowedActions: (hazard: LifecycleHazard, actor: TransitionActor | readonly Role[], now: Date = new Date()): HazardAction[] => {
      const who = isRoleList(actor) ? { roles: actor } : actor;
      return HAZARD_ACTIONS.filter((a) => {
        const r = transitions[a];
        return statusAllows(r, hazard) && (r.severity === undefined || r.severity.from === hazard.severity)
          && stateRefusal(a, hazard, now) === undefined && gate(a, hazard, who) === undefined;
      });
    },
    check,
    apply,
    isDueSoon: (hazard: LifecycleHazard, now: Date): boolean => isDueSoon(hazard, now, soonDays),
    reviewDueAt: (hazard: LifecycleHazard): Date | undefined => reviewDueAt(hazard, reviewDays),
    urgencyKey: (hazard: LifecycleHazard, now: Date): string => urgencyKey(hazard, now, soonDays),
  });
}
