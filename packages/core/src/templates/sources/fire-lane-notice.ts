/**
 * Excerpts of {@link FIRE_LANE_NOTICE} keyed by clause, copied from shared/domain/STANDARDS.md §6 (content as three local pages give it; the notice's own clause numbers are not in our sources). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { FIRE_LANE_NOTICE } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const FIRE_LANE_NOTICE_EXCERPTS: SourceExcerpts = {
  doc: FIRE_LANE_NOTICE,
  from: "shared/domain/STANDARDS.md §6 (content as three local pages give it; the notice's own clause numbers are not in our sources)",
  form: 'summary',
  clauses: {
    "":
      "路侧缘石 立面和顶面: 黄色禁止停车标线.\nNo kerb: 黄色单实线, 距路面边缘 30 cm, 线宽 15 cm.\n每隔 20 m, in the lane centre: 黄色方框线, with the text \"消防车道 禁止占用\" inside, reading in the driving direction.\nEntrances and exits of 单位/住宅区, across the full clear width:\n黄色网状实线;\n外边框线宽 20 cm, 内部网格线宽 10 cm;\n网格线与外边框夹角 45°;\n\"消防车道 禁止占用\" in the centre.\n醒目的警示标牌 on both sides, warning against occupation and of legal liability.",
  },
};
