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
 *
 * The lifecycle lives in small modules: the action table and refusal problems in
 * `rules/transitions.ts`, the configuration in `lifecycle-config.ts`, the checks in
 * `lifecycle-check.ts` (fields in `lifecycle-fields.ts`, history in `lifecycle-history.ts`), the
 * words in `lifecycle-labels.ts`. Messages take the locale per call (`check(…, locale)`); the
 * `locale` option is only the default.
 * @module
 */
import { FiregridError } from '../errors.js';
import { HAZARD_ACTIONS } from '../names.js';
import type { HazardAction, Locale, Role } from '../names.js';
import type { Hazard, HazardHistoryEntry } from '../schema/hazard.js';
import { DEFAULT_REOPEN_DAYS, statusAllows } from '../rules/transitions.js';
import type { LifecycleHazard, TransitionCheck } from '../rules/transitions.js';
import type { TransitionInput } from './transition-input.js';
import { MAJOR_RULE_SETS, ruleSetFor } from './major-rules.js';
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_REVIEW_DUE_DAYS, isDueSoon, isSupervised, reviewDueAt, urgencyKey } from './deadlines.js';
import { buildRolesWhen, buildTable, validateConfig } from './lifecycle-config.js';
import { lifecycleChecks } from './lifecycle-check.js';
import { isText } from './lifecycle-fields.js';
import { requestOf, roleAllows } from './lifecycle-history.js';
import { lifecycleText } from './lifecycle-labels.js';
import { DEFAULT_DEPARTMENTS } from './departments.js';
import { taskChanges } from './lifecycle-tasks.js';
import type { Lifecycle, LifecycleOptions, TransitionActor, TransitionResult } from './lifecycle-types.js';

export {
  DEFAULT_DUE_SOON_DAYS, DEFAULT_REVIEW_DUE_DAYS, SUPERVISION_STATES, deadlineEnd, effectiveDeadline, isDueSoon, isOpen, isOverdue,
  isSupervised, reviewDueAt, supervisionState, urgencyKey,
} from './deadlines.js';
export type { SupervisionState } from './deadlines.js';
export {
  ACTION_NEEDS, DEFAULT_REOPEN_DAYS, DEFAULT_ROLES_WHEN, DEFAULT_TRANSITIONS, TRANSITION_FIELDS, transitionSources,
} from '../rules/transitions.js';
export type {
  LifecycleHazard, RoleCondition, TransitionCheck, TransitionField, TransitionRefusalCode, TransitionRule, TransitionTable,
} from '../rules/transitions.js';
export { TransitionInput } from './transition-input.js';
export { HAZARD_ACTION_LABELS, HISTORY_ACTION_LABELS, historyActionText, lifecycleText } from './lifecycle-labels.js';
export type { LifecycleText } from './lifecycle-labels.js';
export { DEFAULT_DEPARTMENTS } from './departments.js';
export type { Department } from './departments.js';
export { closingEntry, rectificationReportedBy, reviewPassed } from './lifecycle-history.js';
export type { Lifecycle, LifecycleOptions, TransitionActor, TransitionResult } from './lifecycle-types.js';

const isRoleList = (a: TransitionActor | readonly Role[]): a is readonly Role[] => Array.isArray(a);

/**
 * Builds the hazard lifecycle, with a vendor's role matrix and extra required fields.
 * @throws FiregridError `config` naming the bad key (unknown option, action, role or field; a
 *   negative or non-numeric number of days; an unknown locale).
 * @example
 * const lifecycle = createLifecycle({ roles: { start: ['unit-manager'] }, needs: { verify: ['evidence'] } });
 * lifecycle.allowedActions(hazard, session.user.roles);   // ['verify', 'reject', 'flag-major']
 * const verdict = lifecycle.check(hazard, { action: 'verify' }, actor, new Date(), 'en');   // a refusal reads in English
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
  const defaultLocale: Locale = options.locale ?? 'zh-CN';
  const departments = Object.freeze([...(options.departments ?? DEFAULT_DEPARTMENTS)]);
  const checks = lifecycleChecks({ transitions, rolesWhen, separate, ruleSets, reopenDays, departments });
  // allowedActions asks the checks only whether they refuse; the wording is never read.
  const quiet = lifecycleText(defaultLocale);
  const check = (hazard: LifecycleHazard, input: TransitionInput, actor: TransitionActor, now: Date, locale: Locale): TransitionCheck => (
    checks.check(hazard, input, actor, now, lifecycleText(locale))
  );

    function apply<H extends LifecycleHazard>(
    hazard: H, input: TransitionInput, actor: TransitionActor, now: Date, locale: Locale = defaultLocale,
  ): TransitionResult<H> {
    if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
      throw new FiregridError('validation', `apply() needs a valid Date as now, got ${String(now)}`, { issues: [{ path: 'now', message: 'not a valid Date' }] });
    }
    const verdict = check(hazard, input, actor, now, locale);
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
    const changes: Pick<Hazard, 'status' | 'severity' | 'history' | 'deadline' | 'measures' | 'responsible' | 'supervision' | 'majorRuleSet' | 'publicReply' | 'reward'> = {
      status: to, severity: hazard.severity, history: [...hazard.history, entry],
    };
    if (r.severity !== undefined && r.severity.to !== 'same') changes.severity = r.severity.to;
    // A requested extension is only asked for: the deadline moves when it is approved.
    if (r.needs.includes('deadline') && input.deadline !== undefined && input.action !== 'request-extension') changes.deadline = input.deadline;
    if (r.needs.includes('measures') && input.measures !== undefined) changes.measures = input.measures;
    if (r.needs.includes('responsible') && input.responsible !== undefined) {
      const { unit, person, phone, personId } = input.responsible;
      changes.responsible = { unit, person, ...(isText(phone) ? { phone } : {}), ...(isText(personId) ? { personId } : {}) };
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
    // 答复举报人: the reply is the note, shown to the resident on his own report.
    if (input.action === 'answer-resident' && isText(input.note)) changes.publicReply = { text: input.note.trim(), at };
    // 举报奖励: confidential like the reporter (rules/confidential hides it and its history entries).
    if (input.action === 'record-reward' && input.reward !== undefined) {
      const { due, amount, paidAt } = input.reward;
      changes.reward = { due, ...(amount === undefined ? {} : { amount }), ...(paidAt === undefined ? {} : { paidAt }) };
    }
    if (input.action === 'lift' && hazard.supervision !== undefined) {
      changes.supervision = { ...hazard.supervision, liftedAt: at, liftedBy: actor.id };
    }
    // The assignee's and the dispatcher's actions (签收/退回, 延期, 转办, 上报上级): what they set and clear.
    const task = taskChanges(hazard, input, actor, at, departments);
    // The spread keeps every field of H the lifecycle does not know; those it sets have the
    // schema's types (LifecycleHazard is a Pick of Hazard), so the result is still an H.
    const merged: object = { ...hazard, ...changes, ...task.set };
    const next = Object.fromEntries(Object.entries(merged).filter(([k]) => !(task.clear as string[]).includes(k))) as unknown as H;
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
    departments,
    rolesFor: checks.rolesFor,
    allowedActions: (hazard: LifecycleHazard, actor: TransitionActor | readonly Role[], now: Date = new Date()): HazardAction[] => {
      const who = isRoleList(actor) ? { roles: actor } : actor;
      return HAZARD_ACTIONS.filter((a) => {
        const r = transitions[a];
        return statusAllows(r, hazard) && (r.severity === undefined || r.severity.from === hazard.severity)
          && checks.stateRefusal(a, hazard, now, quiet) === undefined && checks.gate(a, hazard, who, quiet) === undefined;
      });
    },
    check: (hazard: LifecycleHazard, input: TransitionInput, actor: TransitionActor, now: Date = new Date(), locale: Locale = defaultLocale) => (
      check(hazard, input, actor, now, locale)
    ),
    apply,
    isDueSoon: (hazard: LifecycleHazard, now: Date): boolean => isDueSoon(hazard, now, soonDays),
    reviewDueAt: (hazard: LifecycleHazard): Date | undefined => reviewDueAt(hazard, reviewDays),
    urgencyKey: (hazard: LifecycleHazard, now: Date): string => urgencyKey(hazard, now, soonDays),
  });
}
