/**
 * Whether a transition may run, and if not why (DESIGN §9): status and severity, the state of the
 * review, supervision and on-the-spot fix, role (by severity and supervision too), separation of
 * duties, missing and unusable fields — in that order, each refusal worded in the caller's
 * language ({@link LifecycleText}, per call).
 * @module
 */
import { HAZARD_ACTIONS, HAZARD_STATUSES, SEVERITIES, TIERS } from '../names.js';
import type { HazardAction, Role } from '../names.js';
import { SEVERITY_LABELS, inSentence } from '../labels.js';
import { statusAllows } from '../rules/transitions.js';
import type {
  LifecycleHazard, RoleCondition, TransitionCheck, TransitionRefusalCode, TransitionTable,
} from '../rules/transitions.js';
import { isSupervised } from './deadlines.js';
import { invalidFields, isText, missingPaths } from './lifecycle-fields.js';
import { REVIEWS, closingEntry, rectificationReportedBy, requestOf, reviewPassed, roleAllows } from './lifecycle-history.js';
import type { LifecycleText } from './lifecycle-labels.js';
import type { Lifecycle, TransitionActor } from './lifecycle-types.js';
import type { MajorRuleSet } from './major-rules.js';
import type { Department } from './departments.js';
import type { TransitionInput } from './transition-input.js';

/** What the checks decide over: the effective table and the vendor's switches. */
export interface LifecycleRules {
  readonly transitions: TransitionTable;
  readonly rolesWhen: Lifecycle['rolesWhen'];
  /** Separation of duties on reviews. */
  readonly separate: boolean;
  readonly ruleSets: readonly MajorRuleSet[];
  readonly reopenDays: number;
  /** The departments a `transfer` may name. */
  readonly departments: readonly Department[];
}

/** The checks of one configured lifecycle; each refusal is worded with the `t` of the call. */
export interface LifecycleChecks {
  readonly check: (hazard: LifecycleHazard, input: TransitionInput, actor: TransitionActor, now: Date, t: LifecycleText) => TransitionCheck;
  /** Refusals by the state of the review, the supervision and the on-the-spot fix. */
  readonly stateRefusal: (action: HazardAction, hazard: LifecycleHazard, now: Date, t: LifecycleText) => TransitionCheck | undefined;
  /** Refusals by who acts: role, role for a major or supervised hazard, separation of duties. */
  readonly gate: (action: HazardAction, hazard: LifecycleHazard, actor: { id?: string; roles: readonly Role[] }, t: LifecycleText) => TransitionCheck | undefined;
  readonly rolesFor: (action: HazardAction, hazard: LifecycleHazard) => readonly Role[];
}

const isAction = (v: unknown): v is HazardAction => typeof v === 'string' && (HAZARD_ACTIONS as readonly string[]).includes(v);

const refuse = (code: TransitionRefusalCode, message: string, paths?: { missing?: string[]; invalid?: string[] }): TransitionCheck => (
  { ok: false, code, message, ...paths }
);

/** The checks over one configuration. */
export function lifecycleChecks(rules: LifecycleRules): LifecycleChecks {
  const { transitions, rolesWhen, separate, reopenDays } = rules;
  /** The listing authority: whoever may `lift` lists with `supervise`; any other role only requests. */
  const lists = (roles: readonly Role[]): boolean => roleAllows(transitions.lift.roles, roles);

  /**
   * Refusals by the state of the review and of the supervision, by severity for `fix-on-spot` and
   * by how and when the hazard was closed for `reopen` (code `not-allowed-from-status`).
   */
  function stateRefusal(action: HazardAction, hazard: LifecycleHazard, now: Date, t: LifecycleText): TransitionCheck | undefined {
    const { zh, actionLabel, locale } = t;
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
    if ((action === 'answer-resident' || action === 'record-reward') && hazard.source !== 'public') {
      return refuse('not-allowed-from-status', zh
        ? `只有群众举报（来源：群众举报）的隐患才能${name}`
        : `"${name}" is only for a resident's tip-off (source "public"); this hazard's source is "${String(hazard.source)}"`);
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
    return assigneeRefusal(action, hazard, t);
  }

  /** Refusals by the state of the task: 签收 once, one extension asked at a time, an answer needs a transfer, a top tier. */
  function assigneeRefusal(action: HazardAction, hazard: LifecycleHazard, t: LifecycleText): TransitionCheck | undefined {
    const { zh, actionLabel } = t;
    const name = actionLabel(action);
    const request = hazard.extensionRequest;
    const pending = request !== undefined && request.decision === undefined;
    if (action === 'accept' && hazard.acceptedAt !== undefined) {
      return refuse('not-allowed-from-status', zh ? `任务已于 ${hazard.acceptedAt} 签收` : `"${name}": the task was already accepted at ${hazard.acceptedAt}`);
    }
    if (action === 'request-extension' && pending) {
      return refuse('not-allowed-from-status', zh
        ? `已申请延期至 ${request.deadline}，待审核后才能再次${name}`
        : `"${name}": an extension to ${request.deadline} is already waiting for a decision`);
    }
    if ((action === 'approve-extension' || action === 'refuse-extension') && !pending) {
      return refuse('not-allowed-from-status', zh ? `没有待审核的延期申请，不能${name}` : `"${name}" needs a pending extension request`);
    }
    if (action === 'answer-transfer' && hazard.transfer === undefined) {
      return refuse('not-allowed-from-status', zh ? `隐患未转办，不能${name}` : `"${name}" needs a hazard transferred to a department`);
    }
    if (action === 'escalate' && hazard.tier === TIERS[TIERS.length - 1]) {
      return refuse('not-allowed-from-status', zh ? `隐患已上报至区县，不能再${name}` : `"${name}": the hazard is already at the county tier`);
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
  function gate(
    action: HazardAction, hazard: LifecycleHazard, actor: { id?: string; roles: readonly Role[] }, t: LifecycleText,
  ): TransitionCheck | undefined {
    const { zh, list, actionLabel, roleLabel } = t;
    const r = transitions[action];
    const name = actionLabel(action);
    const roles = actor.roles;
    const mine = roles.length === 0 ? (zh ? '无角色' : 'none') : list(roles.map(roleLabel));
    const allowed = rolesFor(action, hazard);
    // The assignee (responsible.personId) may run his own task's actions whatever his roles.
    const assignee = r.assignee === true && actor.id !== undefined && hazard.responsible?.personId === actor.id;
    const mayList = [...allowed.map(roleLabel), ...(r.assignee === true ? [zh ? '本任务的承办人' : "the task's assignee"] : [])];
    const may = mayList.length === 0 ? (zh ? '无（已停用）' : 'none (disabled)') : list(mayList);
    if (!assignee && !roleAllows(allowed, roles)) {
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

  function check(hazard: LifecycleHazard, input: TransitionInput, actor: TransitionActor, now: Date, t: LifecycleText): TransitionCheck {
    const { zh, list, pathLabel, statusLabel, actionLabel, locale } = t;
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
    const refused = stateRefusal(action, hazard, now, t) ?? gate(action, hazard, actor, t);
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
    const invalid = invalidFields(r, hazard, input, rules.ruleSets, t, rules.departments);
    if (invalid !== undefined) return refuse('invalid-field', invalid.why, { invalid: invalid.paths ?? [invalid.path] });
    return { ok: true };
  }

  return { check, stateRefusal, gate, rolesFor };
}
