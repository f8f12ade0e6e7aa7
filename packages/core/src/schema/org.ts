/**
 * The administrative path a grid sits in: 省/市/县/乡镇(街道)/社区(村)/网格 (DESIGN §2).
 * @module
 */
import * as z from 'zod/mini';
import { NonEmpty } from './common.js';

/** Levels of the administrative path, from the province down to the grid. */
export const ORG_LEVELS = ['province', 'city', 'county', 'township', 'community', 'grid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/**
 * One unit of the administrative path. `code` is the unit's code at its level (行政区划代码 with the
 * host's own suffix for communities and grids); a scope is a code prefix, so a unit is in scope
 * `s` when its code starts with `s`. `parentCode` points one level up.
 * @example
 * const grid: OrgUnit = { code: '330106001001001', name: '翠苑一区网格', level: 'grid', parentCode: '330106001001' };
 */
export const OrgUnit = z.object({
  code: z.string().check(z.regex(/^[0-9A-Za-z][0-9A-Za-z_-]*$/)),
  name: NonEmpty,
  level: z.enum(ORG_LEVELS),
  parentCode: z.optional(NonEmpty),
});
export type OrgUnit = z.infer<typeof OrgUnit>;
