/**
 * Excerpts of {@link SMALL_VENUE_LOCAL} keyed by clause, copied from shared/domain/REGULATIONS.md §1.3 (Zhengzhou's checks, summarised). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { SMALL_VENUE_LOCAL } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const SMALL_VENUE_LOCAL_EXCERPTS: SourceExcerpts = {
  doc: SMALL_VENUE_LOCAL,
  from: "shared/domain/REGULATIONS.md §1.3 (Zhengzhou's checks, summarised)",
  form: 'summary',
  clauses: {
    "":
      "九小场所 (Zhengzhou). Size limits (shop or restaurant ≤100 m², hotel ≤20 beds, entertainment on floors 1–3 and ≤200 m²). Checks — 管理: responsible person named, rules, daily patrol + monthly inspection records, staff trained to \"一懂三会\", drills; 场所设置: not in a flammable/explosive building, no illegal storage, separations intact, kitchen separated, no one living on site. Limits vary by place, e.g. Shandong shop ≤300 m².",
  },
};
