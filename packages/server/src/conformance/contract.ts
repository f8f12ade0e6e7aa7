/**
 * Bodies of the REST contract that are not records (DESIGN §5): the captain import and its
 * answer. The OpenAPI document is generated from these, and the suite checks servers with them.
 * @module
 */
import * as z from 'zod/mini';
import { FloorCaptain, FloorCaptainInput } from '@firegrid/core';

/**
 * The body of `POST /v1/captains:import`: captains to store in one transaction. Each row is a
 * captain `PUT` body; unknown keys are refused, at the top and in every row.
 * @example
 * const body: CaptainImportInput = { rows: [{ id, buildingId, person: { id: 'p9', name: '李芳', phone: '13812341234' },
 *   duties: ['每月巡查楼道'], term: { from: '2025-01-01' } }] };
 */
export const CaptainImportInput = z.strictObject({ rows: z.array(FloorCaptainInput) });
export type CaptainImportInput = z.infer<typeof CaptainImportInput>;

/** The answer of a captain import: how many rows were stored, created and updated, and the records as stored. */
export const CaptainImportResult = z.object({
  count: z.int().check(z.nonnegative()),
  created: z.int().check(z.nonnegative()),
  updated: z.int().check(z.nonnegative()),
  items: z.array(FloorCaptain),
});
export type CaptainImportResult = z.infer<typeof CaptainImportResult>;
