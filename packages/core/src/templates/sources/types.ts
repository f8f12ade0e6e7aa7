/**
 * The shape of a source excerpt file: the text a library item's `basis.quote` must be found in.
 * @module
 */

/**
 * What our notes hold of one document, keyed by clause as a `Basis.clause` spells it (`第二十五条`,
 * `二（一）5`, `A.1.1`). The key `''` holds text the notes give without a confirmed clause number.
 * `form` says how close the text is to the document: `verbatim` (the document's own words),
 * `condensed` (its words, shortened by our notes), `summary` (our notes' summary, partly English).
 */
export interface SourceExcerpts {
  /** The document, exactly as `Basis.doc` names it. */
  doc: string;
  /** Where in shared/domain the text was copied from. */
  from: string;
  form: 'verbatim' | 'condensed' | 'summary';
  clauses: Readonly<Record<string, string>>;
}
