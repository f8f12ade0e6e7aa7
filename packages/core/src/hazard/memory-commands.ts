/**
 * The hazard lifecycle as a command of `memoryDataPort`, and the server's reporter privacy as a
 * wrapper of any data port: what stories, tests and demos need to behave like the reference
 * server without one.
 * @module
 */
import { FiregridError } from '../errors.js';
import type { Hazard } from '../schema/hazard.js';
import type { DataPort } from '../host/types.js';
import { refusalError } from '../host/memory-port.js';
import type { MemoryCommandHandler } from '../host/memory-port.js';
import { transitionRefusal } from '../rules/transitions.js';
import type { CommandResult } from '../commands.js';
import { redactActivity, redactReporter } from '../rules/confidential.js';
import type { ActivityFacts, Viewer } from '../rules/confidential.js';
import { createLifecycle } from './lifecycle.js';
import type { Lifecycle, LifecycleOptions, TransitionActor } from './lifecycle.js';

/** The payload of the `hazards.transition` command (its entry in the command map). */
export { TransitionCommand } from '../commands.js';

/** Options of {@link hazardCommands}. */
export interface HazardCommandsOptions {
  /**
   * Who runs the commands: the signed-in user (`session.user` has the right shape), or a function
   * asked on every command — a memory port has no token to read him from.
   */
  actor: TransitionActor | (() => TransitionActor);
  /** The lifecycle, or the options to build one (a vendor's role matrix); the defaults otherwise. */
  lifecycle?: Lifecycle | LifecycleOptions;
}

const isLifecycle = (x: Lifecycle | LifecycleOptions | undefined): x is Lifecycle =>
  x !== undefined && typeof (x as Partial<Lifecycle>).apply === 'function';

/**
 * Command handlers for `memoryDataPort({ commands })`: `hazards.transition` (its payload already
 * checked by the port against the command map) runs the core lifecycle as `actor` (role, status and required fields, as the server does) and
 * stores the hazard with its new history entry. It returns the stored hazard. A refused
 * transition rejects with FiregridError `transition` (a `RefusalError` with the server's status,
 * slug and paths; it changes nothing); an unknown hazard
 * with `not-found`. (A malformed payload the port refuses first, with `rejected` naming the field.)
 * @example
 * const data = memoryDataPort(seed, { commands: hazardCommands({ actor: session.user }) });
 * await client.command('hazards.transition', { hazardId, action: 'verify' });
 */
export function hazardCommands(options: HazardCommandsOptions): { 'hazards.transition': MemoryCommandHandler<'hazards.transition'> } {
  const lifecycle = isLifecycle(options.lifecycle) ? options.lifecycle : createLifecycle(options.lifecycle ?? {});
  const transition: MemoryCommandHandler<'hazards.transition'> = (input, ctx) => {
    const { hazardId } = input;
    const hazard = ctx.get('hazards', hazardId);
    if (hazard === null) throw new FiregridError('not-found', `There is no hazard ${hazardId}.`, { issues: [{ path: 'hazardId', message: 'not found' }] });
    const actor = typeof options.actor === 'function' ? options.actor() : options.actor;
    // Refused as the server refuses it: the same status, slug and paths (core's rules/transitions).
    const verdict = lifecycle.check(hazard, input, actor, ctx.now);
    if (!verdict.ok) throw refusalError(transitionRefusal(verdict), verdict);
    const { hazard: next } = lifecycle.apply(hazard, input, actor, ctx.now);
    return ctx.put('hazards', next);
  };
  return { 'hazards.transition': transition };
}

/**
 * A data port that shows hazards to `viewer` as the server would: a confidential reporter's
 * identity, contact and history entries stripped (DESIGN §5) from what `list`, `get`, `save` and
 * the `hazards.transition` command return, and his finds among the activities without the hazard.
 * For stories and tests over `memoryDataPort`, which stores everything and strips nothing.
 * @example
 * const data = reporterPrivacy(memoryDataPort(seed), session.user);
 */
export function reporterPrivacy(port: DataPort, viewer: Viewer | (() => Viewer)): DataPort {
  const who = (): Viewer => (typeof viewer === 'function' ? viewer() : viewer);
  const hide = <T>(kind: string, rec: T): T => {
    if (rec === null || typeof rec !== 'object') return rec;
    if (kind === 'hazards' && 'reporter' in rec) return redactReporter(rec as unknown as Hazard, who()) as T;
    if (kind === 'activities' && 'workerId' in rec) return redactActivity(rec as unknown as ActivityFacts, who()) as T;
    return rec;
  };
  return {
    list: async (kind, query) => {
      const page = await port.list(kind, query);
      return { ...page, items: page.items.map((r) => hide(kind, r)) };
    },
    get: async (kind, id, options) => hide(kind, await port.get(kind, id, options)),
    save: async (kind, record, opts) => hide(kind, await port.save(kind, record, opts)),
    command: async (name, payload, opts) => {
      const result = await port.command(name, payload, opts);
      return name === 'hazards.transition' ? hide('hazards', result as CommandResult<'hazards.transition'>) as typeof result : result;
    },
    uploadMedia: (blob, meta, opts) => port.uploadMedia(blob, meta, opts),
    readMedia: (ref) => port.readMedia(ref),
  };
}
