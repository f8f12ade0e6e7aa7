/**
 * Excerpts of {@link EBIKE_NOTICE} keyed by clause, copied from shared/domain/STANDARDS.md §8 (without item numbers). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { EBIKE_NOTICE } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const EBIKE_NOTICE_EXCERPTS: SourceExcerpts = {
  doc: EBIKE_NOTICE,
  from: "shared/domain/STANDARDS.md §8 (without item numbers)",
  form: 'summary',
  clauses: {
    "":
      "物业/主管单位 manage parking and charging; where there is no manager, 乡镇/街道 guide 村/居委会 to appoint one.\nEstates with room should build central parking and charging.\n严禁在建筑内共用走道、楼梯间、安全出口等公共区域停放或充电; people should avoid parking or charging inside their homes.",
  },
};
