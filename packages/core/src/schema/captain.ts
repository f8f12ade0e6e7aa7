/**
 * Floor captains of high-rise residential buildings: "一楼一长，一长一档" (DESIGN §2, §7).
 * @module
 */
import * as z from 'zod/mini';
import {
  IsoDate, IsoDateTime, NonEmpty, Phone, StoredInputShape, StoredShape, Uuid, addLocalizedIssue, strictDeep,
} from './common.js';

/** How a captain signed the fire-safety commitment. */
export const COMMITMENT_METHODS = ['paper', 'electronic'] as const;
export type CommitmentMethod = (typeof COMMITMENT_METHODS)[number];

/** The fields of a captain record besides the stored ones. */
export const FloorCaptainShape = {
  /** The building (a Place). */
  buildingId: Uuid,
  person: z.object({ id: NonEmpty, name: NonEmpty, phone: Phone }),
  duties: z.array(NonEmpty),
  /** Half-open `[from, to)` in whole days: on `to` the captain is no longer in office. */
  term: z.object({ from: IsoDate, to: z.optional(IsoDate) }),
  commitment: z.optional(z.object({ signedAt: IsoDateTime, method: z.enum(COMMITMENT_METHODS) })),
  /** When the public notice (公示牌) went up. */
  publicisedAt: z.optional(IsoDateTime),
};

const termIsForward = z.superRefine<{ term: { from: string; to?: string | undefined } }>((c, ctx) => {
  if (c.term.to !== undefined && c.term.to <= c.term.from) {
    addLocalizedIssue(ctx, ['term', 'to'], {
      'zh-CN': `任期结束日 ${c.term.to} 应晚于开始日 ${c.term.from}`,
      en: `the term ends on ${c.term.to}, which is not after it starts on ${c.term.from}`,
    });
  }
});

/**
 * A floor captain as stored and read.
 * @example
 * const c: FloorCaptain = { id, version: 1, createdAt, updatedAt, tenantId: 't1', buildingId,
 *   person: { id: 'p9', name: '李芳', phone: '13812341234' }, duties: ['每月巡查楼道'], term: { from: '2025-01-01' } };
 */
export const FloorCaptain = z.object({ ...StoredShape, ...FloorCaptainShape }).check(termIsForward);
export type FloorCaptain = z.infer<typeof FloorCaptain>;

/** A captain as a `PUT` body: unknown keys refused at every level, server-managed fields optional. */
export const FloorCaptainInput = strictDeep(z.object({ ...StoredInputShape, ...FloorCaptainShape }).check(termIsForward));
export type FloorCaptainInput = z.infer<typeof FloorCaptainInput>;
