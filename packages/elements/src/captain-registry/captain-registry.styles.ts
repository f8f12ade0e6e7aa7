import { css } from 'lit';

/** The registry's look: tokens with literal fallbacks, native controls sized for touch, no fixed widths. */
export const registryStyles = css`
  :host {
    --_accent: var(--fg-captain-accent, var(--fg-color-primary, #c62828));
    --_text: var(--fg-color-text, #1f1f1f);
    --_muted: var(--fg-color-muted, #595959);
    --_border: var(--fg-color-border, #8a8a8a);
    --_surface: var(--fg-color-surface, #ffffff);
    --_subtle: var(--fg-color-subtle, #f4f4f4);
    --_error: var(--fg-color-error, #b00020);
    --_ok: var(--fg-color-success, #1b5e20);
    --_warn: var(--fg-color-warning, #8a4b00);
    --_radius: var(--fg-radius, 6px);
    --_target: var(--fg-target-size, 44px);
    --_font: var(--fg-font-size, 16px);
    display: block;
    color: var(--_text);
    font-family: var(--fg-font-family, system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--_font);
    line-height: 1.5;
  }
  :host([elder]) { --_target: var(--fg-target-size-elder, 56px); --_font: var(--fg-font-size-elder, 20px); }
  *, *::before, *::after { box-sizing: border-box; }
  [hidden] { display: none !important; }
  .vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
  h2, h3 { margin: 0 0 0.4em; line-height: 1.3; }
  h2 { font-size: 1.25em; }
  h3 { font-size: 1.1em; }
  label, legend { font-weight: 600; }
  input, select, textarea, button { font: inherit; color: inherit; }
  input:not([type='checkbox']):not([type='file']), select, textarea {
    display: block;
    width: 100%;
    min-height: var(--_target);
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  textarea { min-height: calc(var(--_target) * 2); resize: vertical; }
  input[type='checkbox'] { width: 1.4em; height: 1.4em; margin: 0; flex: none; accent-color: var(--_accent); }
  [aria-invalid='true'] { border-color: var(--_error) !important; border-width: 2px !important; }
  button, .file {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.3em 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 400;
    cursor: pointer;
  }
  button.primary { background: var(--_accent); border-color: var(--_accent); color: #fff; font-weight: 600; }
  button:disabled { opacity: 0.6; cursor: not-allowed; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, .file:focus-within {
    outline: 3px solid var(--fg-focus-color, #1a73e8);
    outline-offset: 2px;
  }
  .file { position: relative; }
  .file input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }

  .base { display: flex; flex-direction: column; gap: 0.75em; }
  .coverage { margin: 0; font-size: 1.05em; }
  .coverage strong { font-size: 1.3em; }
  .counts { display: flex; flex-wrap: wrap; gap: 0.25em 1em; margin: 0.25em 0 0; padding: 0; list-style: none; color: var(--_muted); }
  details summary { min-height: var(--_target); padding-block: 0.55em; cursor: pointer; }
  table { border-collapse: collapse; width: 100%; }
  th, td { padding: 0.3em 0.5em; border-bottom: 1px solid var(--_border); text-align: start; vertical-align: top; }
  .num { text-align: end; font-variant-numeric: tabular-nums; }
  .tools { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: flex-end; }
  .search { flex: 1 1 16em; }
  .alert, .status { margin: 0; padding: 0.5em 0.75em; border-radius: var(--_radius); }
  .alert { border: 2px solid var(--_error); color: var(--_error); font-weight: 600; }
  .status { border: 1px solid var(--_ok); color: var(--_ok); }
  .alert:empty, .status:empty { display: none; }

  .list {
    height: var(--fg-captain-list-height, min(70vh, 44em));
    /* A scrollbar that appears must not narrow the rows: re-wrapped rows would resize under the
       virtualizer's ResizeObserver in the same frame (a "ResizeObserver loop" error). */
    scrollbar-gutter: stable;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .list { container-type: inline-size; }
  /* A short list renders whole and scrolls natively; it is no taller than its rows. */
  .list.whole { height: auto; max-height: var(--fg-captain-list-height, min(70vh, 44em)); overflow: auto; }
  /* Rows stay compact (two lines of text, actions beside them): the virtualizer caps its scroll
     height at 8.2 million px, so a county's 100,000 rows must stay under ~80 px each. */
  .row {
    width: 100%;
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr) auto;
    gap: 0.25em 1em;
    align-items: center;
    padding: 0.35em 0.75em;
    border-bottom: 1px solid var(--_subtle);
    border-inline-start: 6px solid var(--_status);
  }
  @container (max-width: 44em) {
    .row { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
    .actions { grid-column: 1 / -1; }
  }
  @container (max-width: 24em) {
    .row { grid-template-columns: minmax(0, 1fr); }
  }
  .row.vacant { --_status: var(--_error); }
  .row.unposted { --_status: var(--_warn); }
  .row.covered { --_status: var(--_ok); }
  .building, .who { min-width: 0; }
  .building .name { font-weight: 600; overflow-wrap: anywhere; }
  .meta { color: var(--_muted); font-size: 0.9em; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
  .badge { display: inline-block; margin-inline-start: 0.5em; padding: 0 0.5em; border-radius: 1em; border: 1px solid currentColor; font-size: 0.85em; font-weight: 600; color: var(--_status); white-space: nowrap; }
  .who > div:first-child { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.3em; justify-content: flex-end; }
  .actions button { padding-inline: 0.6em; }
  .empty { padding: 1em; color: var(--_muted); }

  dialog { width: min(40em, calc(100vw - 2em)); max-height: calc(100vh - 2em); padding: 1.25em; border: 1px solid var(--_border); border-radius: var(--_radius); color: var(--_text); background: var(--_surface); }
  dialog::backdrop { background: rgb(0 0 0 / 0.45); }
  form { display: flex; flex-direction: column; gap: 0.75em; }
  .field { display: flex; flex-direction: column; gap: 0.2em; }
  .hint { margin: 0; color: var(--_muted); font-size: 0.9em; }
  .error { margin: 0; color: var(--_error); font-weight: 600; }
  .error:empty { display: none; }
  fieldset { margin: 0; padding: 0.5em 0.75em; border: 1px solid var(--_border); border-radius: var(--_radius); display: flex; flex-direction: column; gap: 0.4em; }
  .check { display: flex; gap: 0.5em; align-items: flex-start; min-height: var(--_target); font-weight: 400; }
  .check input { margin-top: 0.2em; }
  .pair { display: flex; flex-wrap: wrap; gap: 0.75em; }
  .pair > .field { flex: 1 1 12em; }
  .buttons { display: flex; flex-wrap: wrap; gap: 0.5em; justify-content: flex-end; }
  .history { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 0.5em; }
  .history li { padding: 0.5em; border: 1px solid var(--_subtle); border-radius: var(--_radius); }

  .preview { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75em; display: flex; flex-direction: column; gap: 0.5em; }
  .preview .scroll { max-height: 24em; overflow: auto; }
  .preview tr.bad td { color: var(--_error); }
  .preview td.phone { white-space: nowrap; }
  .preview ul { margin: 0; padding-inline-start: 1.2em; }
`;
