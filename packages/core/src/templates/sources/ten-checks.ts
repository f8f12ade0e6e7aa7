/**
 * Excerpts of {@link TEN_CHECKS} keyed by clause, copied from shared/domain/REGULATIONS.md §1.3 (a local publicity list, summarised). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { TEN_CHECKS } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const TEN_CHECKS_EXCERPTS: SourceExcerpts = {
  doc: TEN_CHECKS,
  from: "shared/domain/REGULATIONS.md §1.3 (a local publicity list, summarised)",
  form: 'summary',
  clauses: {
    "":
      "\"十查\" quick list: extinguishers at the door (2 × 4 kg per floor); emergency lights; exit signs; smoke alarm in every room; staff know basics; no one living on site; corridors clear and no e-bikes indoors; no window bars; no sandwich panels; no illegal fire/electricity/gas use.",
  },
};
