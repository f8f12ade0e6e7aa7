import { css } from 'lit';

/** The hazard elements' accent, over the tokens (`tokens` of ../styles.ts). */
export const hazardAccent = css`
  :host { --_accent: var(--fg-hazard-accent, var(--_primary)); }
`;

/** The report form, its result and its confirmation (public mode has the elder sizes through the tokens). */
export const reportStyles = css`
  form, .result { max-width: 40em; }
  .field { display: grid; gap: var(--_s1); margin: 0; padding: 0; border: 0; min-width: 0; }
  fieldset.field { border-top: 1px solid var(--_subtle); padding-top: var(--_s2); }
  .intro { margin: 0; color: var(--_muted); }
  .results { margin: var(--_s1) 0 0; padding: 0; list-style: none; display: grid; gap: var(--_s1); }
  .results button { width: 100%; justify-content: start; text-align: start; }
  .check { display: flex; gap: 0.6em; align-items: flex-start; min-height: var(--_target); font-weight: normal; }
  .required { color: var(--_error); }
  .msg .next { font-weight: normal; color: var(--_text); }
  .result { --_tone: var(--_ok); }
  .result.warning { --_tone: var(--_warn); }
  .result:focus { outline: none; }
  .result:focus-visible { outline: var(--fg-focus-width, 3px) solid var(--fg-focus-color, #1a73e8); }
  .result-head { display: flex; align-items: center; gap: var(--_s3); color: var(--_tone); }
  .result-head h2 { margin: 0; font-size: 1.4em; }
  .result-icon {
    flex: none; width: 2.5em; height: 2.5em; padding: 0.3em; border-radius: 50%; background: var(--_tone);
    fill: none; stroke: var(--_surface); stroke-width: 2.5; stroke-linecap: round; stroke-linejoin: round;
  }
  .result p { margin: 0; }
  .reference { display: flex; flex-wrap: wrap; align-items: baseline; gap: var(--_s2); }
  .reference strong { font-size: 1.6em; letter-spacing: 0.08em; font-variant-numeric: tabular-nums; }
  dialog { max-width: min(28em, calc(100vw - 2em)); padding: var(--_s4); border: 1px solid var(--_border); border-radius: var(--_radius); color: var(--_text); background: var(--_surface); }
  dialog::backdrop { background: rgb(0 0 0 / 0.4); }
  dialog h2 { margin: 0; }
  dialog p { margin: 0; }
`;
