/**
 * The fields of a transition: which required ones are missing ({@link missingPaths}) and which
 * given ones are unusable ({@link invalidFields}) — a date that is not one, an extension that does
 * not extend, an unknown GB 35181 edition, a body its schema refuses.
 * @module
 */
import type { TransitionField, TransitionRule, LifecycleHazard } from '../rules/transitions.js';
import { deadlineEnd } from './deadlines.js';
import { DEFAULT_DEPARTMENTS } from './departments.js';
import type { Department } from './departments.js';
import { requestOf } from './lifecycle-history.js';
import type { LifecycleText } from './lifecycle-labels.js';
import type { MajorRuleSet } from './major-rules.js';
import { TransitionInput } from './transition-input.js';

/** An unusable field: its path (or paths) and why, for a person. */
export interface Invalid { path: string; paths?: string[]; why: string }

/** Whether a value is a non-blank string. */
export const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Input paths a required field stands for, missing from `input` (for `supervision`: and from a pending request). */
export function missingPaths(field: TransitionField, input: TransitionInput, hazard: LifecycleHazard): string[] {
  switch (field) {
    case 'reason': case 'note': case 'deadline': case 'measures': case 'department':
      return isText(input[field]) ? [] : [field];
    case 'evidence': case 'before':
      return Array.isArray(input[field]) && input[field].length > 0 ? [] : [field];
    case 'responsible': {
      const r = input.responsible;
      return [isText(r?.unit) ? '' : 'responsible.unit', isText(r?.person) ? '' : 'responsible.person'].filter((p) => p !== '');
    }
    case 'reward':
      return typeof input.reward?.due === 'boolean' ? [] : ['reward.due'];
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

/** Why one given field is unusable, in the caller's language; `undefined` when all are usable. */
export function invalidFields(
  r: TransitionRule, hazard: LifecycleHazard, input: TransitionInput, ruleSets: readonly MajorRuleSet[], t: LifecycleText,
  departments: readonly Department[] = DEFAULT_DEPARTMENTS,
): Invalid | undefined {
  const { zh, list, pathLabel } = t;
  if (input.action === 'transfer' && input.department !== undefined && !departments.some((d) => d.id === input.department)) {
    const known = list(departments.map((d) => (zh ? `${d.id}（${d.label['zh-CN']}）` : `${d.id} (${d.label.en})`)));
    return {
      path: 'department',
      why: zh ? `未知的转办部门“${input.department}”，可选：${known}` : `unknown department "${input.department}"; known: ${known}`,
    };
  }
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
    const extending = input.action === 'extend-deadline' || input.action === 'request-extension';
    if (r.needs.includes('deadline') && extending && next !== undefined && current !== undefined && next <= current) {
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
