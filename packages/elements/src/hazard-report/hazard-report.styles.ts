import { css } from 'lit';

/** The hazard elements' accent, over the tokens (`tokens` of ../styles.ts). */
export const hazardAccent = css`
  :host { --_accent: var(--fg-hazard-accent, var(--_primary)); }
`;

/** The report form (public mode has the elder sizes through the tokens). */
export const reportStyles = css`
  form { display: grid; gap: var(--_s4); max-width: 40em; }
  .field { display: grid; gap: var(--_s1); margin: 0; padding: 0; border: 0; min-width: 0; }
  fieldset.field { border-top: 1px solid var(--_subtle); padding-top: var(--_s2); }
  .intro { margin: 0; color: var(--_muted); }
  .thumbs { display: flex; flex-wrap: wrap; gap: var(--_s2); margin: 0; padding: 0; list-style: none; }
  .thumbs li { display: grid; gap: var(--_s1); justify-items: center; width: 7em; }
  .thumbs img, .thumbs .placeholder {
    width: 7em; height: 7em; object-fit: cover; border-radius: var(--_radius); background: var(--_subtle); border: 1px solid var(--_border);
  }
  .results { margin: var(--_s1) 0 0; padding: 0; list-style: none; display: grid; gap: var(--_s1); }
  .results button { width: 100%; justify-content: start; text-align: start; }
  .check { display: flex; gap: 0.6em; align-items: flex-start; min-height: var(--_target); font-weight: normal; }
  .required { color: var(--_error); }
`;
