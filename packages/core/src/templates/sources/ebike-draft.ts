/**
 * Excerpts of {@link EBIKE_DRAFT} keyed by clause, copied from shared/domain/STANDARDS.md §8 (a draft not in force, summarised). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { EBIKE_DRAFT } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const EBIKE_DRAFT_EXCERPTS: SourceExcerpts = {
  doc: EBIKE_DRAFT,
  from: "shared/domain/STANDARDS.md §8 (a draft not in force, summarised)",
  form: 'summary',
  clauses: {
    "5.1.2":
      "Spacing: ≥30 m from 甲乙类 sites or petrol stations; open parking ≥3 m from buildings and ≥6 m from exits.",
    "5.1.3":
      "Not adjacent to 人员密集场所.",
    "5.1.5":
      "架空层 use: 防火墙 + ≥1.00 h 楼板 + 甲级防火门.",
    "5.1.6":
      "Groups of ≤30 vehicles (≤20 underground or in 架空层), separated by ≥1.5 m non-combustible partitions or ≥2 m gaps.",
    "5.3.5":
      "灭火器: charging area graded 严重危险级.",
    "6.2":
      "Charger cut-outs: full-charge cut-off, overload and short-circuit protection, high-temperature alarm, etc.",
    "6.5":
      "Emergency power cut-off, local and remote.",
    "6.6":
      "≥10 A sockets with shutters; ≤10 per circuit; ≥600 mm apart.",
    "7.4 c)":
      "每日 day and night patrols.",
    "7.7":
      "24h CCTV, recordings kept ≥30 days.",
    "7.10":
      "No vehicles or batteries in public or residential buildings; no 飞线.",
  },
};
