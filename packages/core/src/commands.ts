/**
 * The command map (DESIGN §3, §5): every `DataPort.command` has one entry here — its payload
 * schema, its result schema and its REST route — and the data port, the client, the memory and
 * local ports, the offline outbox, the HTTP port, the reference server's routes and the
 * conformance suite all derive from it. A new command is one entry in {@link COMMAND_MAP} (and its
 * name in `COMMANDS`); a new hazard action is one row of the lifecycle's table, and the
 * `hazards.transition` payload follows.
 *
 * Two checks, one schema. The caller's type ({@link CommandPayload}) is strict: a
 * `hazards.transition` payload is a union discriminated by `action`, each member requiring the
 * fields DESIGN §9 requires of that action (`assign` needs `responsible`, `deadline`,
 * `measures`). At run time a port checks the shape only ({@link parseCommandPayload}: types, the
 * target id, a known action) and leaves which fields an action needs to the lifecycle, which
 * knows the vendor's extra `needs` and refuses with 422 `transition-missing-fields` naming them;
 * the client checks both at its boundary ({@link checkCommandPayload}), so what it queues is what
 * the type promises.
 * @module
 */
import * as z from 'zod/mini';
import { FiregridError } from './errors.js';
import type { Issue } from './errors.js';
import { COMMANDS, HAZARD_ACTIONS } from './names.js';
import type { CommandName, HazardAction, Locale } from './names.js';
import { NonEmpty } from './schema/common.js';
import { Hazard } from './schema/hazard.js';
import { FloorCaptain, FloorCaptainInput } from './schema/captain.js';
import { TransitionInput } from './hazard/transition-input.js';
import { ACTION_NEEDS } from './rules/transitions.js';
import { checkWith } from './validate.js';

// ---- hazards.transition ------------------------------------------------------------------------

/** Which hazard a transition runs on, and optionally the version it was decided on (`If-Match`). */
const TransitionTarget = {
  /** The hazard's id (the `{id}` of `POST /v1/hazards/{id}/transitions`). */
  hazardId: NonEmpty,
  /** The hazard's version the actor saw; a port refuses a stale one (sent as `If-Match`). */
  baseVersion: z.optional(z.int().check(z.nonnegative())),
};

const transitionFields = z.omit(TransitionInput, { action: true }).shape;
const transitionOptions = HAZARD_ACTIONS.map((action) => z.object({ action: z.literal(action), ...TransitionTarget, ...transitionFields }));

/**
 * The payload of `hazards.transition` as a port checks it: the target hazard and the transition
 * body, one member per action (discriminated by `action`; an unknown action is refused at
 * `action`). Every field but `hazardId` and `action` is optional here — which an action needs is
 * the lifecycle's business. Lenient: unknown keys are dropped.
 */
export const TransitionCommand = z.discriminatedUnion(
  'action',
  transitionOptions as [(typeof transitionOptions)[number], ...(typeof transitionOptions)[number][]],
);
/** The payload of `hazards.transition` as a port receives it (see {@link TransitionPayload} for what a caller sends). */
export type TransitionCommand = z.infer<typeof TransitionCommand>;

type TransitionFields = Omit<TransitionInput, 'action'>;
/**
 * The fields a caller must send with `action`: those DESIGN §9 requires ({@link ACTION_NEEDS}),
 * less `supervision`, which the listing authority may take from a pending request (报请).
 */
export type RequiredTransitionField<A extends HazardAction> = Exclude<(typeof ACTION_NEEDS)[A][number], 'supervision'>;
/**
 * One action's transition body, typed: `action`, the fields it requires, and the others optional.
 * @example
 * const body: TransitionOf<'assign'> = { action: 'assign', responsible: { unit: '幸福里物业', person: '王五' },
 *   deadline: '2025-07-15', measures: '清理楼道杂物' };
 */
export type TransitionOf<A extends HazardAction> =
  & { action: A }
  & Required<Pick<TransitionFields, RequiredTransitionField<A>>>
  & Omit<TransitionFields, RequiredTransitionField<A>>;
/**
 * What a caller sends as `hazards.transition`: the hazard's id (and optionally the version it
 * saw) with one action's typed body — a discriminated union over every action of the lifecycle.
 * @example
 * await client.command('hazards.transition', { hazardId, action: 'reject', reason: '重复上报' });
 * // @ts-expect-error — a rejection needs its reason
 * await client.command('hazards.transition', { hazardId, action: 'reject' });
 */
export type TransitionPayload<A extends HazardAction = HazardAction> = {
  [X in A]: { hazardId: string; baseVersion?: number } & TransitionOf<X>;
}[A];

// ---- captains.import ---------------------------------------------------------------------------

/**
 * The payload of `captains.import` (the body of `POST /v1/captains:import`): captains to store in
 * one transaction. Each row is a captain `PUT` body; unknown keys are refused, at the top and in
 * every row.
 * @example
 * const body: CaptainImportInput = { rows: [{ id, buildingId, person: { id: 'p9', name: '李芳', phone: '13812341234' },
 *   duties: ['每月巡查楼道'], term: { from: '2025-01-01' } }] };
 */
export const CaptainImportInput = z.strictObject({ rows: z.array(FloorCaptainInput) });
export type CaptainImportInput = z.infer<typeof CaptainImportInput>;

/** The result of `captains.import`: how many rows were stored, created and updated, and the records as stored. */
export const CaptainImportResult = z.object({
  count: z.int().check(z.nonnegative()),
  created: z.int().check(z.nonnegative()),
  updated: z.int().check(z.nonnegative()),
  items: z.array(FloorCaptain),
});
export type CaptainImportResult = z.infer<typeof CaptainImportResult>;

// ---- the map -----------------------------------------------------------------------------------

/**
 * A command's REST route: `POST /v1/{path}`. A `{key}` segment of the path is taken from the
 * payload's `key` (and left out of the body); `ifMatch` names the payload key sent as the
 * `If-Match` header instead of in the body.
 */
export interface CommandRoute {
  readonly path: string;
  readonly ifMatch?: string;
}

/** One entry of {@link COMMAND_MAP}. */
export interface CommandEntry {
  /** The payload's shape, checked by every port (and by the client, with the required fields). */
  readonly payload: z.ZodMiniType;
  /** The result's shape: what `validateHost` checks a port's answer against. */
  readonly result: z.ZodMiniType;
  readonly route: CommandRoute;
}

/** Every command: its payload, its result and its REST route. */
export const COMMAND_MAP = Object.freeze({
  'hazards.transition': { payload: TransitionCommand, result: Hazard, route: { path: 'hazards/{hazardId}/transitions', ifMatch: 'baseVersion' } },
  'captains.import': { payload: CaptainImportInput, result: CaptainImportResult, route: { path: 'captains:import' } },
} as const satisfies Readonly<Record<CommandName, CommandEntry>>);

/** What a caller sends as the payload of command `N` (strict: per action for `hazards.transition`). */
export type CommandPayload<N extends CommandName> = N extends 'hazards.transition' ? TransitionPayload : z.infer<(typeof COMMAND_MAP)[N]['payload']>;
/** The payload of command `N` as a port receives it, after {@link parseCommandPayload}. */
export type ParsedCommandPayload<N extends CommandName> = z.infer<(typeof COMMAND_MAP)[N]['payload']>;
/** What command `N` resolves with (`hazards.transition`: the hazard after it). */
export type CommandResult<N extends CommandName> = z.infer<(typeof COMMAND_MAP)[N]['result']>;

const isCommand = (name: unknown): name is CommandName => (COMMANDS as readonly unknown[]).includes(name);

/** Options of {@link parseCommandPayload} and {@link checkCommandPayload}. */
export interface CommandCheckOptions {
  /** The error's code: `rejected` for a port (it stands for a server's 400), `validation` for the client. */
  code?: 'rejected' | 'validation';
  /** Language of the messages; English by default, like a port's. */
  locale?: Locale;
}

function unknownCommand(name: unknown): FiregridError {
  return new FiregridError('validation', `Unknown command ${JSON.stringify(name)}; known: ${COMMANDS.join(', ')}`, {
    issues: [{ path: 'name', message: 'unknown command' }],
  });
}

/**
 * Checks a command's payload against its schema (the shape: types, the target id, a known action)
 * and returns it parsed (unknown keys dropped).
 * @throws FiregridError `rejected` (or `options.code`) with one issue per bad field, e.g.
 *   `hazardId` or `deadline`; `validation` at `name` for an unknown command.
 * @example
 * const payload = parseCommandPayload('hazards.transition', raw);   // a port, before its handler
 */
export function parseCommandPayload<N extends CommandName>(name: N, payload: unknown, options: CommandCheckOptions = {}): ParsedCommandPayload<N> {
  if (!isCommand(name)) throw unknownCommand(name);
  const locale = options.locale ?? 'en';
  const checked = checkWith(COMMAND_MAP[name].payload, payload, { locale });
  if (!checked.ok) {
    const message = locale === 'zh-CN' ? `命令 ${name} 的内容无效：${checked.message}` : `The ${name} payload was refused (400): ${checked.message}`;
    throw new FiregridError(options.code ?? 'rejected', message, { issues: checked.issues });
  }
  return checked.value as ParsedCommandPayload<N>;
}

const filled = (v: unknown): boolean => (typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null);

/**
 * The client's check: {@link parseCommandPayload}, and for `hazards.transition` the fields DESIGN
 * §9 requires of the action too (those of {@link TransitionOf}: non-blank text, at least one
 * photo, a responsible unit and person) — so a payload that passes is what
 * {@link CommandPayload} says, and nothing is queued that a server must refuse for a missing field.
 * @throws FiregridError `validation` (or `options.code`) naming each bad or missing field.
 * @example
 * const payload = checkCommandPayload('hazards.transition', { hazardId, action: 'assign' });   // throws: responsible.unit, …
 */
export function checkCommandPayload<N extends CommandName>(name: N, payload: unknown, options: CommandCheckOptions = {}): CommandPayload<N> {
  const code = options.code ?? 'validation';
  const parsed = parseCommandPayload(name, payload, { ...options, code });
  if (name !== 'hazards.transition') return parsed as CommandPayload<N>;
  const body = parsed as TransitionCommand;
  const missing: Issue[] = [];
  for (const field of ACTION_NEEDS[body.action]) {
    if (field === 'supervision') continue;
    if (field === 'responsible') {
      for (const key of ['unit', 'person'] as const) {
        if (!filled(body.responsible?.[key])) missing.push({ path: `responsible.${key}`, message: 'required' });
      }
    } else if (!filled(body[field])) {
      missing.push({ path: field, message: 'required' });
    }
  }
  if (missing.length > 0) {
    const paths = missing.map((m) => m.path).join(options.locale === 'zh-CN' ? '、' : ', ');
    const message = options.locale === 'zh-CN' ? `“${body.action}”缺少：${paths}` : `"${body.action}" needs: ${paths}`;
    throw new FiregridError(code, message, { issues: missing });
  }
  return body as CommandPayload<N>;
}

/** A command as a REST request: `POST /v1/{path}` with this body and, when set, `If-Match`. */
export interface CommandRequest {
  /** Relative to `/v1/`, each segment URI-encoded. */
  path: string;
  body: Record<string, unknown>;
  ifMatch?: number;
}

/**
 * The REST request of a command, from its route in {@link COMMAND_MAP}: what `httpDataPort`
 * sends, and what the reference server's routes read back ({@link commandOfPath}).
 * @throws FiregridError `validation` naming a path key the payload lacks (e.g. `hazardId`).
 * @example
 * commandRequest('hazards.transition', { hazardId: 'h1', action: 'verify' });
 * // { path: 'hazards/h1/transitions', body: { action: 'verify' } }
 */
export function commandRequest<N extends CommandName>(
  name: N, payload: CommandPayload<N> | ParsedCommandPayload<N>, locale: Locale = 'en',
): CommandRequest {
  if (!isCommand(name)) throw unknownCommand(name);
  const route: CommandRoute = COMMAND_MAP[name].route;
  const fields = payload as Record<string, unknown>;
  const taken = new Set<string>();
  const path = route.path.split('/').map((segment) => {
    const key = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (key === undefined) return segment;
    const value = fields[key];
    if (typeof value !== 'string' || value === '') {
      throw new FiregridError('validation', locale === 'zh-CN'
        ? `命令 ${name} 需要 ${key}（所指记录的 id）`
        : `The command ${name} needs a ${key} (the id of the record it runs on)`, {
        issues: [{ path: key, message: 'required' }],
      });
    }
    taken.add(key);
    return encodeURIComponent(value);
  }).join('/');
  const version = route.ifMatch === undefined ? undefined : fields[route.ifMatch];
  if (route.ifMatch !== undefined) taken.add(route.ifMatch);
  const body = Object.fromEntries(Object.entries(fields).filter(([k]) => !taken.has(k)));
  return { path, body, ...(typeof version === 'number' ? { ifMatch: version } : {}) };
}

/** A request path matched to a command: its name and the payload keys its path carries. */
export interface CommandRouteMatch {
  name: CommandName;
  params: Record<string, string>;
}

/**
 * Which command a REST path is (the server's routes), from the routes of {@link COMMAND_MAP}.
 * @example
 * commandOfPath(['hazards', 'h1', 'transitions']);   // { name: 'hazards.transition', params: { hazardId: 'h1' } }
 */
export function commandOfPath(segments: readonly string[]): CommandRouteMatch | undefined {
  for (const name of COMMANDS) {
    const parts = COMMAND_MAP[name].route.path.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      const key = /^\{(\w+)\}$/.exec(part)?.[1];
      const segment = segments[i] ?? '';
      if (key === undefined) return part === segment;
      params[key] = segment;
      return segment !== '';
    });
    if (matches) return { name, params };
  }
  return undefined;
}
