/**
 * What the assignee's and the dispatcher's actions change on a hazard (issue 19): `accept` (签收)
 * sets `acceptedAt`; `return` (退回) clears `responsible` and what came with the task;
 * `request-extension` (申请延期) records the request, `approve-extension` moves the deadline to it
 * and `refuse-extension` keeps it, both recording the decision; `transfer` (转办) records the
 * department and makes it `responsible.unit`; `answer-transfer` (部门反馈) records its answer;
 * `escalate` (上报上级) moves `tier` one up. The checks (lifecycle-check.ts) ran before.
 * @module
 */
import { TIERS } from '../names.js';
import type { Hazard } from '../schema/hazard.js';
import type { LifecycleHazard } from '../rules/transitions.js';
import type { Department } from './departments.js';
import { isText } from './lifecycle-fields.js';
import type { TransitionActor } from './lifecycle-types.js';
import type { TransitionInput } from './transition-input.js';

/** The task fields an action writes. */
type TaskFields = Pick<Hazard, 'acceptedAt' | 'extensionRequest' | 'transfer' | 'tier' | 'responsible' | 'deadline'>;

/** What one action sets, and the fields it removes. */
export interface TaskChanges {
  set: Partial<TaskFields>;
  clear: (keyof TaskFields)[];
}

/** The changes of `input.action` on `hazard`, run by `actor` at `at` (empty for other actions). */
export function taskChanges(
  hazard: LifecycleHazard, input: TransitionInput, actor: TransitionActor, at: string, departments: readonly Department[],
): TaskChanges {
  const request = hazard.extensionRequest;
  switch (input.action) {
    case 'accept':
      return { set: { acceptedAt: at }, clear: [] };
    case 'return':
      // Back to the dispatcher: the task's assignee, his acknowledgement and his request go with it.
      return { set: {}, clear: ['responsible', 'acceptedAt', 'extensionRequest'] };
    case 'request-extension':
      return {
        set: { extensionRequest: { deadline: input.deadline ?? '', reason: input.reason ?? '', requestedBy: actor.id, requestedAt: at } },
        clear: [],
      };
    case 'approve-extension':
    case 'refuse-extension': {
      if (request === undefined) return { set: {}, clear: [] };
      const approved = input.action === 'approve-extension';
      return {
        set: {
          extensionRequest: { ...request, decision: approved ? 'approved' : 'refused', decidedBy: actor.id, decidedAt: at },
          ...(approved ? { deadline: request.deadline } : {}),
        },
        clear: [],
      };
    }
    case 'transfer': {
      const department = departments.find((d) => d.id === input.department);
      const unit = department?.label['zh-CN'] ?? input.department ?? '';
      // The department answers for it; a named contact of the department, when given, is kept.
      const given = input.responsible;
      const person = isText(given?.person) ? given.person : unit;
      return {
        set: {
          transfer: { department: input.department ?? '', reason: input.reason ?? '', at, by: actor.id },
          responsible: { unit, person, ...(isText(given?.phone) ? { phone: given.phone } : {}) },
        },
        clear: ['acceptedAt', 'extensionRequest'],
      };
    }
    case 'answer-transfer': {
      if (hazard.transfer === undefined) return { set: {}, clear: [] };
      const answer = {
        note: input.note ?? '', ...(isText(input.documentNumber) ? { documentNumber: input.documentNumber.trim() } : {}), at, by: actor.id,
      };
      return { set: { transfer: { ...hazard.transfer, answer } }, clear: [] };
    }
    case 'escalate': {
      const i = TIERS.indexOf(hazard.tier ?? 'grid');
      return { set: { tier: TIERS[Math.min(i + 1, TIERS.length - 1)] ?? 'county' }, clear: [] };
    }
    default:
      return { set: {}, clear: [] };
  }
}
