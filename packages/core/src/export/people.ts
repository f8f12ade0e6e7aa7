/**
 * People by name, never by id (the two lists, the ledger, the history): who found a hazard, who
 * ran each transition. A name is looked for in this order, first found wins:
 * 1. the name stored with the write (`byName` on a history entry, which the server takes from
 *    the token's `name` claim);
 * 2. the host's directory (`directory.people`);
 * 3. the stored worker records, by `userId`;
 * 4. otherwise the role's label and the id's last 4 characters (网格员·a3f9).
 * A confidential reporter whom the viewer may not see (DESIGN §5) is 群众（保密）, and his id is
 * never looked up. Pure: the look-ups are passed in.
 * @module
 */
import { UNKNOWN_WRITER } from '../names.js';
import type { Locale } from '../names.js';
import type { Hazard, HazardHistoryEntry, ReporterKind } from '../schema/hazard.js';
import { REPORTER_KIND_LABELS } from './labels.js';
import type { Labels } from './labels.js';
import { canSeeReporter } from './reporter.js';
import type { Viewer } from './reporter.js';

/** How a confidential reporter appears to a viewer who may not see him. */
export const CONFIDENTIAL_PERSON: Labels = { 'zh-CN': '群众（保密）', en: 'Resident (confidential)' };

/** The label of a person whose role is unknown (a history actor nobody names). */
export const UNKNOWN_PERSON: Labels = { 'zh-CN': '用户', en: 'User' };

/** A look-up of a person's name by user id; undefined when it does not know him. */
export type NameLookup = (userId: string) => string | undefined;

/** Where names come from besides the writes themselves, in the order they are asked. */
export interface PeopleSources {
  /** The host's base data (`directory.people`), by person id. */
  directory?: NameLookup;
  /** The stored worker records (`workers`), by their `userId`. */
  workers?: NameLookup;
}

const named = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/**
 * The last resort: the role's label and the id's last 4 characters.
 * @example fallbackName('u-7c1e2a3f9', 'grid-worker'); // '网格员·a3f9'
 */
export function fallbackName(userId: string, role: ReporterKind | undefined, locale: Locale = 'zh-CN'): string {
  const label = role === undefined ? UNKNOWN_PERSON[locale] : REPORTER_KIND_LABELS[role][locale];
  return `${label}·${userId.slice(-4)}`;
}

/**
 * A person's name: `stored` (the name recorded with the write) first, then the directory, then
 * the worker records, else {@link fallbackName}.
 * @example personName('u1', { stored: undefined, sources: { directory: (id) => names.get(id) }, role: 'grid-worker' });
 */
export function personName(
  userId: string,
  options: { stored?: string | undefined; role?: ReporterKind | undefined; sources?: PeopleSources | undefined; locale?: Locale | undefined } = {},
): string {
  if (named(options.stored)) return options.stored.trim();
  const fromDirectory = options.sources?.directory?.(userId);
  if (named(fromDirectory)) return fromDirectory.trim();
  const fromWorkers = options.sources?.workers?.(userId);
  if (named(fromWorkers)) return fromWorkers.trim();
  return fallbackName(userId, options.role, options.locale ?? 'zh-CN');
}

/** The name a hazard's history stores for `userId` (the latest `byName` of his entries), if any. */
export function storedName(hazard: Pick<Hazard, 'history'>, userId: string): string | undefined {
  for (let i = hazard.history.length - 1; i >= 0; i--) {
    const e = hazard.history[i];
    if (e?.by === userId && named(e.byName)) return e.byName;
  }
  return undefined;
}

/**
 * Who ran a history entry, by name. The role is known when he is the hazard's (visible) reporter.
 * @example historyActor(hazard, hazard.history[0], { locale: 'zh-CN', viewer });
 */
export function historyActor(
  hazard: Pick<Hazard, 'history' | 'reporter'>,
  entry: Pick<HazardHistoryEntry, 'by' | 'byName'>,
  ctx: { viewer: Viewer; sources?: PeopleSources | undefined; locale?: Locale | undefined },
): string {
  // An edit saved by a port without an actor: recorded, its writer unknown.
  if (entry.by === UNKNOWN_WRITER && !named(entry.byName)) return UNKNOWN_PERSON[ctx.locale ?? 'zh-CN'];
  const r = hazard.reporter;
  const isReporter = r.personId !== undefined && r.personId === entry.by;
  // A confidential reporter who submitted his own tip-off stays hidden in the history too.
  if (isReporter && !canSeeReporter(r, ctx.viewer)) return CONFIDENTIAL_PERSON[ctx.locale ?? 'zh-CN'];
  return personName(entry.by, {
    stored: named(entry.byName) ? entry.byName : storedName(hazard, entry.by),
    role: isReporter ? r.kind : undefined, sources: ctx.sources, locale: ctx.locale,
  });
}

/**
 * The reporter's name as `viewer` may see it: 群众（保密） when {@link canSeeReporter} says no
 * (no look-up is made with his id), the kind's label when there is no person (a device, an
 * anonymous tip-off), else {@link personName} with the name his own history entries stored.
 */
export function reporterName(
  hazard: Pick<Hazard, 'history' | 'reporter'>,
  ctx: { viewer: Viewer; sources?: PeopleSources | undefined; locale?: Locale | undefined },
): string {
  const locale = ctx.locale ?? 'zh-CN';
  const r = hazard.reporter;
  if (!canSeeReporter(r, ctx.viewer)) return CONFIDENTIAL_PERSON[locale];
  if (r.personId === undefined) return REPORTER_KIND_LABELS[r.kind][locale];
  return personName(r.personId, { stored: storedName(hazard, r.personId), role: r.kind, sources: ctx.sources, locale });
}

/**
 * The user ids the host's directory or the worker records must be asked about to name the people
 * of `hazards` for `viewer`: history actors and reporters without a stored name. A confidential
 * reporter the viewer may not see is never among them, even when his id is present.
 */
export function peopleToLookUp(hazards: readonly Pick<Hazard, 'history' | 'reporter'>[], viewer: Viewer): string[] {
  const ids = new Set<string>();
  for (const h of hazards) {
    const r = h.reporter;
    const hidden = r.personId !== undefined && !canSeeReporter(r, viewer) ? r.personId : undefined;
    if (r.personId !== undefined && hidden === undefined && storedName(h, r.personId) === undefined) ids.add(r.personId);
    for (const e of h.history) {
      if (e.by !== hidden && e.by !== UNKNOWN_WRITER && !named(e.byName) && storedName(h, e.by) === undefined) ids.add(e.by);
    }
  }
  return [...ids];
}
