/**
 * Excerpts of {@link GB35181_2025} keyed by clause, copied from shared/domain/STANDARDS.md §2 (the changes from 2017, and one element as worded by the 国家消防救援局 spokesman on 2025-07-17; clause number unknown). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { GB35181_2025 } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const GB35181_2025_EXCERPTS: SourceExcerpts = {
  doc: GB35181_2025,
  from: "shared/domain/STANDARDS.md §2 (the changes from 2017, and one element as worded by the 国家消防救援局 spokesman on 2025-07-17; clause number unknown)",
  form: 'summary',
  clauses: {
    "":
      "Published 2025-04-25, in force 2025-11-01. Replaces GB 35181-2017《重大火灾隐患判定方法》.\nProposed by and under 国家消防救援局 (归口).\nChanges from 2017:\n(a) removed the term 重要场所; added the terms 儿童活动场所, 老年人照料设施, 劳动密集型企业, 多业态混合生产经营场所.\n(b) removed the 2017 判定原则和程序 chapter.\n(c) changed the principle for what \"不应判定为重大火灾隐患或作为判定要素\" (now 4.2).\n(d) rewrote the 直接判定要素 (now ch.5) and 综合判定要素 (now ch.6).\n(e) added 附录A, rules for when 火灾自动报警系统 and 固定灭火设施 count as \"不能正常运行\".\nChapter headings \"4 判定规则 / 5 直接判定要素 / 6 综合判定要素 / 附录 A\" are also confirmed by a RAG parser written for the 2025 PDF (public code).\nOne new element, confirmed by the 国家消防救援局 spokesman on 2025-07-17:\nWording: \"设置在住宅建筑架空层的电动自行车集中停放或充电场所与建筑的采光通风井、公共门厅、疏散走道、楼梯间、安全出口未采取防火分隔措施\".\nIt is listed as a 判定要素. It does not ban parking in 架空层.\nWhether it is a direct or a composite element, and its clause number, are [unverified].",
  },
};
