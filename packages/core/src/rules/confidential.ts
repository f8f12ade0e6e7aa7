/**
 * Who may see a confidential reporter (DESIGN §5), in one place for the server, the ports and the
 * elements. The identity of a reporter who asked for confidentiality — his `personId`, his
 * `contact`, and through them the name and phone of the worker with that user id — goes only to
 * grid supervisors, fire officers and admins, and to the reporter himself. For everyone else:
 *
 * - the hazard loses `reporter.personId` and `reporter.contact`, and every history entry he made
 *   shows his role marked confidential (`群众（保密）`, `网格员（保密）`) instead of his user id;
 * - an activity credited to him for that find (`confidential: true`) loses `hazardId` and
 *   `placeId`: it is shown as 保密上报, so a score explanation never ties him to the hazard, while
 *   his own score still counts it.
 *
 * The reward of a tip-off (`reward`, 举报奖励) is confidential the same way, whether or not the
 * reporter asked for it: only the same readers and the reporter himself see it; for everyone else
 * the hazard loses `reward` and the history its `record-reward` entries ({@link canSeeReward}).
 *
 * The server strips before it answers; the elements apply the same rule to what they show and
 * export, and stories emulate the server with {@link redactReporter}, so a mistake in one layer
 * is not a leak.
 * @module
 */
import type { Locale, Role } from '../names.js';
import type { Hazard, HazardHistoryEntry } from '../schema/hazard.js';
import { REPORTER_KIND_LABELS } from '../export/labels.js';

/** Roles that see a confidential reporter's identity and contact (DESIGN §5). */
export const CONFIDENTIAL_READERS: readonly Role[] = Object.freeze(['grid-supervisor', 'fire-officer', 'admin'] as const);

/** How an activity of a confidential find is named to those who may not see its finder. */
export const CONFIDENTIAL_ACTIVITY_LABEL: Readonly<Record<Locale, string>> = Object.freeze({ 'zh-CN': '保密上报', en: 'Confidential report' });

/** Who is looking: a user id and roles, as in the session. */
export interface Viewer {
  id: string;
  roles: readonly Role[];
}

/** True when one of the viewer's roles is in {@link CONFIDENTIAL_READERS}. */
export const readsConfidential = (viewer: Pick<Viewer, 'roles'>): boolean => viewer.roles.some((r) => CONFIDENTIAL_READERS.includes(r));

/**
 * True when `viewer` may see the reporter's identity and contact: the reporter is not
 * confidential, the viewer holds one of {@link CONFIDENTIAL_READERS}, or the viewer is the reporter.
 */
export function canSeeReporter(reporter: Pick<Hazard['reporter'], 'confidential' | 'personId'>, viewer: Viewer): boolean {
  if (!reporter.confidential) return true;
  if (readsConfidential(viewer)) return true;
  return reporter.personId !== undefined && reporter.personId === viewer.id;
}

/**
 * True when `viewer` may see the reward of a tip-off (`reward`, the `record-reward` history
 * entries): he holds one of {@link CONFIDENTIAL_READERS}, or he is the reporter (who is told
 * whether his tip-off earned a reward).
 */
export function canSeeReward(reporter: Pick<Hazard['reporter'], 'personId'>, viewer: Viewer): boolean {
  return readsConfidential(viewer) || (reporter.personId !== undefined && reporter.personId === viewer.id);
}

/**
 * What a hidden reporter's history entries show instead of his user id: his kind, marked
 * confidential — `群众（保密）`, `网格员（保密）`; `Resident (confidential)` in English.
 */
export function hiddenActor(reporter: Pick<Hazard['reporter'], 'kind'>, locale: Locale = 'zh-CN'): string {
  const kind = REPORTER_KIND_LABELS[reporter.kind][locale];
  return locale === 'zh-CN' ? `${kind}（保密）` : `${kind} (confidential)`;
}

/**
 * The hazard as `viewer` may see it: unless {@link canSeeReporter}, a confidential reporter's
 * `personId` and `contact` are removed and the `by` of every history entry he made becomes
 * {@link hiddenActor}; unless {@link canSeeReward}, `reward` and the `record-reward` history
 * entries are removed. Returns the same object when nothing is hidden, a copy otherwise.
 * @example
 * const shown = redactReporter(hazard, { id: session.user.id, roles: session.user.roles });
 */
export function redactReporter<H extends Pick<Hazard, 'reporter'> & { history?: readonly HazardHistoryEntry[]; reward?: Hazard['reward'] }>(
  hazard: H, viewer: Viewer, locale: Locale = 'zh-CN',
): H {
  const reporter = hazard.reporter;
  const history: readonly HazardHistoryEntry[] | undefined = hazard.history;
  const hideReward = !canSeeReward(reporter, viewer)
    && (hazard.reward !== undefined || history?.some((e) => e.action === 'record-reward') === true);
  const hideReporter = !canSeeReporter(reporter, viewer);
  if (!hideReporter && !hideReward) return hazard;
  const shown: H = { ...hazard };
  let entries = history;
  if (hideReward) {
    delete shown.reward;
    entries = entries?.filter((e) => e.action !== 'record-reward');
  }
  if (hideReporter) {
    (shown as { reporter: Hazard['reporter'] }).reporter = { kind: reporter.kind, confidential: true };
    const person = reporter.personId;
    if (person !== undefined && entries?.some((e) => e.by === person) === true) {
      const label = hiddenActor(reporter, locale);
      // A name recorded beside the id (`byName`) is his identity too; the label is the name shown,
      // so no reader takes the label for a user id to look up.
      entries = entries.map((e) => (e.by === person ? { ...e, by: label, byName: label } : e));
    }
  }
  if (entries !== history) (shown as { history?: readonly HazardHistoryEntry[] }).history = entries;
  return shown;
}

/** What {@link redactActivity} reads of an activity. */
export interface ActivityFacts {
  workerId: string;
  confidential?: boolean | undefined;
  hazardId?: string | undefined;
  placeId?: string | undefined;
}

/**
 * The activity as `viewer` may see it: one credited to a confidential finder (`confidential:
 * true`) loses `hazardId` and `placeId` unless the viewer reads confidential reporters or is the
 * worker credited (`viewerWorkerId`, his worker record's id, or his user id). Returns the same
 * object when nothing is hidden.
 */
export function redactActivity<A extends ActivityFacts>(activity: A, viewer: Viewer, viewerWorkerId?: string): A {
  if (activity.confidential !== true || readsConfidential(viewer)) return activity;
  if (activity.workerId === viewer.id || (viewerWorkerId !== undefined && activity.workerId === viewerWorkerId)) return activity;
  const rest: A = { ...activity };
  delete rest.hazardId;
  delete rest.placeId;
  return rest;
}
