// Types of expectations.mjs (plain ESM: `node scripts/screenshots.mjs` reads it without tsx).

/** A field of a story: a CSS selector matched in every open shadow root, or one with a minimum width in px. */
export type FieldSpec = string | { selector: string; minWidth?: number };

/** The fields of one story that must lie inside the viewport at 390 px. */
export interface FieldExpectation {
  /** The Storybook story id, e.g. `elements-fg-hazard-ledger--supervisor`. */
  story: string;
  /** Field name → selector. */
  fields: Record<string, FieldSpec>;
}

/** A layout check known to fail today. */
export interface ExpectedFailure {
  story: string;
  /** `sideways` or `field:<name>`. */
  check: string;
  /** The issue item whose work makes it pass, e.g. `17.4`. */
  issue: string;
}

export declare const fields: FieldExpectation[];
export declare const expectedFailures: ExpectedFailure[];
