/**
 * A vendor's lifecycle configuration: checked key by key ({@link validateConfig}) and turned into
 * the effective action table and severity-aware roles.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Issue } from '../errors.js';
import { HAZARD_ACTIONS, LOCALES, ROLES } from '../names.js';
import type { HazardAction, Role } from '../names.js';
import { DEFAULT_ROLES_WHEN, DEFAULT_TRANSITIONS, TRANSITION_FIELDS, rule } from '../rules/transitions.js';
import type { RoleCondition, TransitionRule, TransitionTable } from '../rules/transitions.js';
import type { Lifecycle, LifecycleOptions } from './lifecycle-types.js';

const isAction = (v: unknown): v is HazardAction => typeof v === 'string' && (HAZARD_ACTIONS as readonly string[]).includes(v);

/**
 * Refuses a bad configuration, naming each bad key.
 * @throws FiregridError `config` with one issue per bad key.
 */
export function validateConfig(options: LifecycleOptions): void {
  const issues: Issue[] = [];
  if (typeof options !== 'object' || (options as unknown) === null || Array.isArray(options)) {
    throw new FiregridError('config', `createLifecycle: options must be an object, got ${JSON.stringify(options)}`, {
      issues: [{ path: '', message: 'not an object' }],
    });
  }
  const known = ['roles', 'rolesWhen', 'separationOfDuties', 'majorClosesByLift', 'ruleSets', 'needs', 'reviewDueDays', 'reopenDays', 'dueSoonDays', 'locale', 'departments'];
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
  const departments: unknown = options.departments;
  if (departments !== undefined) {
    const ok = Array.isArray(departments) && departments.length > 0 && departments.every((d) => {
      const x = d as { id?: unknown; label?: Record<string, unknown> } | null;
      return typeof x?.id === 'string' && x.id.trim() !== '' && LOCALES.every((l) => typeof x.label?.[l] === 'string' && x.label[l].trim() !== '');
    });
    const ids = ok ? (departments as { id: string }[]).map((d) => d.id) : [];
    if (!ok) {
      issues.push({ path: 'departments', message: `departments must be a non-empty array of { id, label: { ${LOCALES.join(', ')} } }` });
    } else if (new Set(ids).size !== ids.length) {
      issues.push({ path: 'departments', message: `departments must have distinct ids, got ${ids.join(', ')}` });
    }
  }
  if (issues.length > 0) {
    throw new FiregridError('config', `createLifecycle: bad option ${issues.map((i) => `${i.path} (${i.message})`).join('; ')}`, { issues });
  }
}

/** The action table: the defaults with the vendor's roles and extra required fields. */
export function buildTable(options: LifecycleOptions): TransitionTable {
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
      ...(base.assignee === true ? { assignee: true } : {}),
    });
  }
  return Object.freeze(table);
}

/** The severity-aware roles: {@link DEFAULT_ROLES_WHEN} merged per action with the vendor's `rolesWhen`. */
export function buildRolesWhen(options: LifecycleOptions): Lifecycle['rolesWhen'] {
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