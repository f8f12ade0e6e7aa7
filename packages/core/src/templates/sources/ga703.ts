/**
 * Excerpts of {@link GA703} keyed by clause, copied from shared/domain/STANDARDS.md §7 (its clause text was not retrieved). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { GA703 } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const GA703_EXCERPTS: SourceExcerpts = {
  doc: GA703,
  from: "shared/domain/STANDARDS.md §7 (its clause text was not retrieved)",
  form: 'summary',
  clauses: {
    "":
      "GA 703-2007 applies to existing 合用场所.\nGA 703's own clause text was not retrieved. GB 50039-2010 附录A has near-parallel rules. The A.1.x numbers below are GB 50039's. Whether they equal GA 703 is [unverified].",
  },
};
