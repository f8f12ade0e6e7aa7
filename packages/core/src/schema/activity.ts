/**
 * Activities: the facts scoring reads, made by the server from records and transitions and
 * recorded directly for training and publicity (DESIGN §2, §7, §9).
 * @module
 */
import * as z from 'zod/mini';
import type { ActivityType } from '../names.js';
import { Deadline, IsoDateTime, NonEmpty, StoredInputShape, StoredShape, Uuid, addLocalizedIssue, strictDeep } from './common.js';

/** The key of a scheme line: lower-case letters, digits and dashes (`records`, `login-daily`). */
export const AssessmentKey = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,39}$/));

/** Points of an assessor's entry: finite, at most 2 decimals (so sums are exact in hundredths on every database). */
export const AssessmentPoints = z.number().check(
  z.gte(-1000), z.lte(1000),
  z.refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: 'at most 2 decimals' }),
);

// Built from either set of stored fields, so the read and the input union have the same variants.
function variants<S extends typeof StoredShape | typeof StoredInputShape>(stored: S) {
  const base = {
    ...stored,
    at: IsoDateTime,
    /** The worker it is credited to. */
    workerId: NonEmpty,
    gridId: NonEmpty,
    placeId: z.optional(Uuid),
    /** Who acted, when that is not the worker credited (the verifier of a hazard, a supervisor filing on someone's behalf). */
    by: z.optional(NonEmpty),
    /**
     * A find whose reporter asked for confidentiality: to viewers who may not see him it comes
     * without `hazardId` and `placeId` and is shown as 保密上报 (DESIGN §5).
     */
    confidential: z.optional(z.boolean()),
  };
  // Left out of a confidential find for viewers who may not see its finder.
  const finds = z.optional(Uuid);
  const type = <T extends ActivityType>(t: T) => z.literal(t);
  return [
    z.object({ ...base, type: type('inspection.submitted'), inspectionId: Uuid, placeId: Uuid }),
    z.object({ ...base, type: type('hazard.reported'), hazardId: finds }),
    z.object({ ...base, type: type('hazard.verified'), hazardId: finds, by: NonEmpty }),
    z.object({ ...base, type: type('hazard.rejected'), hazardId: finds, by: NonEmpty }),
    z.object({ ...base, type: type('hazard.assigned'), hazardId: finds, dueAt: Deadline }),
    z.object({ ...base, type: type('hazard.closed'), hazardId: finds, dueAt: z.optional(Deadline), onTime: z.boolean() }),
    z.object({ ...base, type: type('review.done'), hazardId: Uuid, dueAt: z.optional(Deadline), onTime: z.boolean() }),
    z.object({ ...base, type: type('captain.registered'), placeId: Uuid, captainId: z.optional(Uuid) }),
    z.object({ ...base, type: type('training.held') }),
    z.object({ ...base, type: type('publicity.held') }),
    z.object({
      ...base, type: type('assessment.entered'),
      /** The key of the scheme line (`ScoreConfig.items[].key`) the points are for. */
      item: AssessmentKey,
      /** Points entered, at most 2 decimals; negative to take points off (a correction, a deduction line's amount). */
      points: AssessmentPoints,
      /** Why: what the assessor saw (台账齐全, 抽查两户未入户). */
      reason: NonEmpty,
      /** The person who entered it: the server sets it from the token. */
      by: NonEmpty,
    }),
  ] as const;
}

// A hazard activity names its hazard, unless it is a confidential find shown to someone who may
// not see its finder (then `confidential: true` says why the id is missing).
const findNamesHazard = z.superRefine<{ type: string; hazardId?: string | undefined; confidential?: boolean | undefined }>((a, ctx) => {
  if (a.type.startsWith('hazard.') && a.hazardId === undefined && a.confidential !== true) {
    addLocalizedIssue(ctx, ['hazardId'], {
      'zh-CN': `${a.type} 活动缺少 hazardId（只有保密上报可以不带）`,
      en: `a ${a.type} activity needs its hazardId (only a confidential find may leave it out)`,
    });
  }
});

/**
 * An activity as stored and read: a union discriminated by `type`. `hazard.*` carry `hazardId`
 * (except a confidential find shown to someone who may not see its finder: `confidential: true`);
 * `hazard.reported`, `hazard.verified` and `hazard.rejected` are credited to the finder, with the
 * verifier in `by`; `hazard.assigned` carries `dueAt`; `hazard.closed` and `review.done` carry
 * `onTime`; `inspection.submitted` carries `inspectionId` and `placeId`; `captain.registered`
 * carries the building as `placeId`; `assessment.entered` carries the scheme line (`item`), `points`,
 * a `reason` and the assessor (`by`).
 * @example
 * const a: Activity = { id, version: 1, createdAt, updatedAt, tenantId: 't1', type: 'hazard.closed',
 *   at: '2025-03-04T10:00:00+08:00', workerId: 'w1', gridId: '330106001001001', hazardId, onTime: true };
 */
export const Activity = z.discriminatedUnion('type', variants(StoredShape)).check(findNamesHazard);
export type Activity = z.infer<typeof Activity>;

/** An activity as a `PUT` body: unknown keys refused, server-managed fields optional. */
export const ActivityInput = strictDeep(z.discriminatedUnion('type', variants(StoredInputShape)).check(findNamesHazard));
export type ActivityInput = z.infer<typeof ActivityInput>;

/** The activity of one type. */
export type ActivityOf<T extends ActivityType> = Extract<Activity, { type: T }>;
