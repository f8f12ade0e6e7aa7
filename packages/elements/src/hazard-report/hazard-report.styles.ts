import { css } from 'lit';

/** The hazard elements' accent, over the shared look (`baseStyles` of ../styles.ts). */
export const hazardAccent = css`
  :host { --_accent: var(--fg-hazard-accent, var(--fg-color-primary, #c62828)); }
`;

/** The report form. */
export const reportStyles = css`
  :host([mode='public']) { --_target: var(--fg-target-size-elder, 56px); --_font: var(--fg-font-size-elder, 20px); }
  form { display: grid; gap: 1em; max-width: 40em; }
  .field { display: grid; gap: 0.25em; margin: 0; padding: 0; border: 0; min-width: 0; }
  fieldset.field { border-top: 1px solid var(--_subtle); padding-top: 0.5em; }
  .intro { margin: 0; color: var(--_muted); }
  .thumbs { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0; padding: 0; list-style: none; }
  .thumbs li { display: grid; gap: 0.25em; justify-items: center; width: 7em; }
  .thumbs img, .thumbs .placeholder {
    width: 7em; height: 7em; object-fit: cover; border-radius: var(--_radius); background: var(--_subtle); border: 1px solid var(--_border);
  }
  .results { margin: 0.25em 0 0; padding: 0; list-style: none; display: grid; gap: 0.25em; }
  .results button { width: 100%; text-align: start; }
  .check { display: flex; gap: 0.6em; align-items: flex-start; min-height: var(--_target); font-weight: normal; }
  .required { color: var(--_error); }
`;
