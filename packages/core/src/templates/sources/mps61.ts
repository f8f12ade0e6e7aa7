/**
 * Excerpts of {@link MPS61} keyed by clause, copied from shared/domain/REGULATIONS.md §1.3 (an English summary; the Chinese article text is not in our sources). Form: `summary`.
 * Generated once from the notes; edit by copying from the notes, never by paraphrasing.
 * @module
 */
import { MPS61 } from '../docs.js';
import type { SourceExcerpts } from './types.js';

export const MPS61_EXCERPTS: SourceExcerpts = {
  doc: MPS61,
  from: "shared/domain/REGULATIONS.md §1.3 (an English summary; the Chinese article text is not in our sources)",
  form: 'summary',
  clauses: {
    "第二十五条":
      "Key units patrol daily. Items: (1) illegal fire or electricity use; (2) exits and corridors clear, signs and emergency lighting working; (3) fire equipment and signs present; (4) fire doors shut, nothing under fire shutters; (5) staff on duty at key locations; (6) other. Crowded venues patrol at least every 2 h while open and check for embers at closing; hospitals, nursing homes, boarding schools and kindergartens add night patrols. Violations are corrected on the spot or reported. Patroller and supervisor sign the record.",
    "第二十六条":
      "机关/团体/事业单位 quarterly, other units monthly. Items: earlier hazards fixed; exits, signs, lighting; fire lanes and water; extinguishers; fire and electricity use; staff knowledge; key locations; flammable goods. Inspector and unit head sign.",
  },
};
