/**
 * Excerpts of {@link VILLAGE_PACT} keyed by clause, copied from shared/domain/STANDARDS.md §9 (items common to public 村规民约 samples). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { VILLAGE_PACT } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const VILLAGE_PACT_EXCERPTS: SourceExcerpts = {
  doc: VILLAGE_PACT,
  from: "shared/domain/STANDARDS.md §9 (items common to public 村规民约 samples)",
  form: 'summary',
  clauses: {
    "":
      "no 野外用火 or 烧荒/秸秆 in the 防火期;\nno fire sources taken into forests;\n文明祭扫 (no 香烛/鞭炮);\nguardians supervise minors and people with dementia;\nkeep 柴草 away from stoves and power lines; chimneys above roof level;\nput out ash before dumping;\nno 乱拉乱接; no children playing with fire;\nreport fires to the 村委会.",
  },
};
