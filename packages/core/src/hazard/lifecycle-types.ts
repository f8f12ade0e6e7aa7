/**
 * The types of the hazard lifecycle: who acts, what a vendor configures ({@link LifecycleOptions})
 * and what {@link Lifecycle} offers.
 * @module
 */
import type { HazardAction, Locale, Role } from '../names.js';
import type { HazardHistoryEntry } from '../schema/hazard.js';
import type { MajorRuleSet } from './major-rules.js';
import type { Department } from './departments.js';
import type { TransitionInput } from './transition-input.js';
import type {
  LifecycleHazard, RoleCondition, TransitionCheck, TransitionField, TransitionTable,
} from '../rules/transitions.js';

/** Who runs a transition. */
export interface TransitionActor {
  id: string;
  roles: readonly Role[];
  /** His display name, stored as `byName` on the history entry (`session.user` has it). */
  name?: string | undefined;
}

/** What {@link Lifecycle.apply} returns. */
export interface TransitionResult<H extends LifecycleHazard> {
  /** A new hazard; the one passed in is left untouched. */
  hazard: H;
  /** The entry appended to `hazard.history`. */
  entry: HazardHistoryEntry;
  /** For `report-rectified`: when the review is due. */
  reviewDueAt?: Date;
}

/**
 * Vendor configuration of {@link createLifecycle}.
 * @see DEFAULT_DEPARTMENTS
 */
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
  /**
   * The departments a `transfer` (转办) may name; {@link DEFAULT_DEPARTMENTS} (the plan 二（一）5's,
   * with 市场监管 as a local addition) by default. The list replaces the defaults.
   */
  departments?: readonly Department[];
  /**
   * Language of refusal messages when a call gives none; default `zh-CN`. Each call may pass its
   * own (`check(…, locale)`), so one lifecycle serves callers of every language.
   */
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
  /** The departments a `transfer` may name (the vendor's, else {@link DEFAULT_DEPARTMENTS}). */
  readonly departments: readonly Department[];
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
   * offer. Pass the actor (`{ id, roles }`) so that separation of duties is applied and the
   * assignee (`responsible.personId`) is offered his task's actions; with roles alone neither is. Required fields are not considered; {@link Lifecycle.check} reports them.
   * `now` is the clock for the time window of `reopen` (the current time when left out).
   */
  allowedActions(hazard: LifecycleHazard, actor: TransitionActor | readonly Role[], now?: Date): HazardAction[];
  /**
   * Whether `actor` may run `input` on `hazard`, and if not, why: status or severity, role,
   * role for a major or supervised hazard, separation of duties, missing or invalid fields.
   * `now` is the clock for the time window of `reopen` (the current time when left out; `apply`
   * passes its own). `locale` is the language of the refusal's message (the lifecycle's `locale`
   * option when left out).
   */
  check(hazard: LifecycleHazard, input: TransitionInput, actor: TransitionActor, now?: Date, locale?: Locale): TransitionCheck;
  /**
   * Runs a transition: returns a new hazard with the status, severity and fields the action sets
   * and one more history entry. Never mutates `hazard`.
   * @throws FiregridError `transition` when {@link Lifecycle.check} refuses (its message in `locale`,
   *   as for `check`); the refusal is the error's `cause`.
   */
  apply<H extends LifecycleHazard>(hazard: H, input: TransitionInput, actor: TransitionActor, now: Date, locale?: Locale): TransitionResult<H>;
  /** {@link isDueSoon} with the configured `dueSoonDays`. */
  isDueSoon(hazard: LifecycleHazard, now: Date): boolean;
  /** {@link reviewDueAt} with the configured `reviewDueDays`. */
  reviewDueAt(hazard: LifecycleHazard): Date | undefined;
  /** {@link urgencyKey} with the configured `dueSoonDays`. */
  urgencyKey(hazard: LifecycleHazard, now: Date): string;
}
