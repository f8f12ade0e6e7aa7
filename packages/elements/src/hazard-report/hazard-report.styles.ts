import { css } from 'lit';

/** The hazard elements' accent, over the tokens (`tokens` of ../styles.ts). */
export const hazardAccent = css`
  :host { --_accent: var(--fg-hazard-accent, var(--_primary)) }
`;

/** The report form (public mode has the elder sizes through the tokens); the result's sheet is ./result.ts's. */
export const reportStyles = css`
  form { max-width: 40em }
  .field { display: grid; gap: var(--_s1); margin: 0; padding: 0; border: 0; min-width: 0 }
  fieldset.field { border-top: 1px solid var(--_subtle); padding-top: var(--_s2) }
  .intro { margin: 0; color: var(--_muted) }
  .results { margin: var(--_s1) 0 0; padding: 0; list-style: none; display: grid; gap: var(--_s1) }
  .results button { width: 100%; justify-content: start; text-align: start }
  .check { display: flex; gap: 0.6em; align-items: flex-start; min-height: var(--_target); font-weight: normal }
  .required { color: var(--_error) }
`;
