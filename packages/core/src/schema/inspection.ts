/**
 * Inspections: one checklist filled at one place (DESIGN §2).
 * @module
 */
import * as z from 'zod/mini';
import {
  IsoDateTime, NonEmpty, StoredInputShape, StoredShape, Uuid, addLocalizedIssue, strictDeep,
} from './common.js';
import { GeoPoint } from './geo.js';
import { PhotoRef } from './media.js';
import { ANSWER_RESULTS } from './template.js';

/** The states of an inspection. A submitted one never changes; a correction supersedes it. */
export const INSPECTION_STATES = ['draft', 'submitted'] as const;
export type InspectionState = (typeof INSPECTION_STATES)[number];

/** The answer to one item. */
export const Answer = z.object({
  result: z.enum(ANSWER_RESULTS),
  note: z.optional(z.string()),
  photos: z.optional(z.array(PhotoRef)),
});
export type Answer = z.infer<typeof Answer>;

/** The fields of an inspection besides the stored ones. */
export const InspectionShape = {
  templateId: Uuid,
  /**
   * The template's content `revision` the answers were given against (the name is kept: it always
   * meant the content version, never the store's record `version`).
   */
  templateVersion: z.int().check(z.nonnegative()),
  placeId: Uuid,
  /** The host user id of the inspector. */
  inspectorId: NonEmpty,
  startedAt: IsoDateTime,
  submittedAt: z.optional(IsoDateTime),
  /** Answers keyed by item id. */
  answers: z.record(NonEmpty, Answer),
  location: z.optional(GeoPoint),
  state: z.enum(INSPECTION_STATES),
  /** The submitted inspection this one corrects. */
  supersedes: z.optional(Uuid),
};

const submittedHasTime = z.superRefine<{ state: InspectionState; submittedAt?: string | undefined }>((insp, ctx) => {
  if (insp.state === 'submitted' && insp.submittedAt === undefined) {
    addLocalizedIssue(ctx, ['submittedAt'], {
      'zh-CN': '已提交的检查必须有提交时间 submittedAt',
      en: 'a submitted inspection needs submittedAt',
    });
  }
});

/**
 * An inspection as stored and read.
 * @example
 * const i: Inspection = { id, version: 0, createdAt, updatedAt, tenantId: 't1', templateId, templateVersion: 3,
 *   placeId, inspectorId: 'u1', startedAt, answers: { q1: { result: 'fail', note: '通道堆放杂物' } }, state: 'draft' };
 */
export const Inspection = z.object({ ...StoredShape, ...InspectionShape }).check(submittedHasTime);
export type Inspection = z.infer<typeof Inspection>;

/** An inspection as a `PUT` body: unknown keys refused at every level, server-managed fields optional. */
export const InspectionInput = strictDeep(z.object({ ...StoredInputShape, ...InspectionShape }).check(submittedHasTime));
export type InspectionInput = z.infer<typeof InspectionInput>;
