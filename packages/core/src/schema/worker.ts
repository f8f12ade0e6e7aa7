/**
 * Grid workers, the people scoring credits (the `workers` resource). DESIGN names the resource
 * but not its fields; this is the minimum scoring and assignment need.
 * @module
 */
import * as z from 'zod/mini';
import { NonEmpty, Phone, StoredInputShape, StoredShape, strictDeep } from './common.js';

/** The fields of a worker besides the stored ones. */
export const WorkerShape = {
  name: NonEmpty,
  /** The host user id he signs in with, when he has one. */
  userId: z.optional(NonEmpty),
  /** Codes of the grids he works. */
  gridIds: z.array(NonEmpty),
  phone: z.optional(Phone),
  /**
   * His post (岗位), as the local scheme names it (`street-leader`, `community-staff`, `patrol`):
   * a configuration's per-post quotas (`quotaByPost`) read it; one ranking holds every post.
   */
  post: z.optional(NonEmpty),
  /** False once he has left: kept for history, out of rankings. */
  active: z.boolean(),
};

/**
 * A grid worker as stored and read.
 * @example
 * const w: Worker = { id, version: 1, createdAt, updatedAt, tenantId: 't1', name: '王伟', userId: 'u1',
 *   gridIds: ['330106001001001'], active: true };
 */
export const Worker = z.object({ ...StoredShape, ...WorkerShape });
export type Worker = z.infer<typeof Worker>;

/** A worker as a `PUT` body: unknown keys refused at every level, server-managed fields optional. */
export const WorkerInput = strictDeep(z.object({ ...StoredInputShape, ...WorkerShape }));
export type WorkerInput = z.infer<typeof WorkerInput>;
