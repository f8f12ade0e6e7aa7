/**
 * The body of a hazard transition (DESIGN §5, `POST /v1/hazards/{id}/transitions`, the
 * `hazards.transition` command). Lenient like every read schema (unknown keys are dropped); the
 * server wraps it in `strictDeep` to refuse them.
 * @module
 */
import * as z from 'zod/mini';
import { HAZARD_ACTIONS } from '../names.js';
import { Deadline, NonEmpty } from '../schema/common.js';
import { Responsible, Reward, SUPERVISION_LEVELS } from '../schema/hazard.js';

/**
 * What an actor sends to run one action. Which fields an action requires is the lifecycle's
 * business (`createLifecycle().check`), not the schema's: every field but `action` is optional here.
 * @example
 * const body: TransitionInput = { action: 'assign', responsible: { unit: '幸福里物业', person: '王五' },
 *   deadline: '2025-07-15', measures: '清理楼道杂物' };
 */
export const TransitionInput = z.object({
  action: z.enum(HAZARD_ACTIONS),
  /** Why, in the actor's words; required by reviews, flags and major-hazard actions. */
  note: z.optional(z.string()),
  /** Why, required by `reject`, `extend-deadline`, `return`, `request-extension`, `transfer` and `escalate`. */
  reason: z.optional(z.string()),
  /**
   * The new rectification deadline (`assign`, `reopen`, `extend-deadline`, `transfer`), or the one
   * asked for (`request-extension`).
   */
  deadline: z.optional(Deadline),
  responsible: z.optional(Responsible),
  measures: z.optional(z.string()),
  /** Ids (`PhotoRef.id`) of photos already uploaded, e.g. of the rectification (for `fix-on-spot`: 整改后照片). */
  evidence: z.optional(z.array(NonEmpty)),
  /** `fix-on-spot`: ids (`PhotoRef.id`) of photos of the hazard as found, before the fix (整改前照片). */
  before: z.optional(z.array(NonEmpty)),
  /** `record-reward`: whether a reward is due, its amount (元) and the day it was paid (举报奖励). */
  reward: z.optional(Reward),
  /**
   * `confirm-major`, `dismiss-major`: the GB 35181 edition applied (a rule set `id`, e.g.
   * `'GB35181-2025'`); the edition in force on the day of the transition when left out.
   */
  majorRuleSet: z.optional(NonEmpty),
  /** `transfer` (转办): the id of the department, one of the lifecycle's `departments`. */
  department: z.optional(NonEmpty),
  /** `answer-transfer` (部门反馈): the department's document number (文号), when it answered in writing. */
  documentNumber: z.optional(NonEmpty),
  /**
   * The supervision to request or list (`supervise`): level, 督办期限 and the listing government
   * (`authority`). When the listing authority lists a requested hazard, what it leaves out is
   * taken from the request. Who and when are the transition's.
   */
  supervision: z.optional(z.object({
    level: z.optional(z.enum(SUPERVISION_LEVELS)), deadline: z.optional(Deadline), authority: z.optional(NonEmpty),
  })),
});
export type TransitionInput = z.infer<typeof TransitionInput>;
