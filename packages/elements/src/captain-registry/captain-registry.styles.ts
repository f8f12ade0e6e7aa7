import { css } from 'lit';

// Why, rule by rule (kept out of the CSS, which ships as written):
// - The element's own width decides the phone layouts (it may sit in a vendor's side panel).
// - A scrollbar that appears must not narrow the rows: re-wrapped rows would resize under the
//   virtualizer's ResizeObserver in the same frame (a "ResizeObserver loop" error).
// - The containing block of the rows' visually hidden texts (position: absolute): without it they
//   sit at their static place down the scrolled-away rows and stretch the page into blank space.
// - A short list renders whole and scrolls natively; it is no taller than its rows.
// - Rows stay compact (two lines of text, actions beside them): the virtualizer caps its scroll
//   height at 8.2 million px, so a county's 100,000 rows must stay under ~80 px each.
// - One button order (issue 17): the primary last, on the right, cancel 16 px or more away; below
//   600 px of the element (or of a dialog) the buttons stack full width, the primary at the
//   bottom, held in view at the foot of a scrolling dialog.
// - Below 600 px of the element each row of the preview is a card of labelled lines, and the page
//   scrolls it (no nested scroll box on a phone).
/** The registry's look over the shared one (../styles.ts): the list, its rows, the dialogs and the import preview. */
export const registryStyles = css`
  :host { --_accent: var(--fg-captain-accent, var(--_primary)); }
  h2, h3 { margin: 0 0 0.4em; }
  textarea { min-height: calc(var(--_target) * 2); }
  button, .file { padding: 0.3em 0.9em; }
  button:disabled { cursor: not-allowed; }
  .file { position: relative; }
  .file input { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }

  .base { display: flex; flex-direction: column; gap: var(--_s3); container: registry / inline-size; }
  .coverage { margin: 0; font-size: 1.05em; }
  .coverage strong { font-size: 1.3em; }
  .counts { display: flex; flex-wrap: wrap; gap: 0.25em 1em; margin: 0.25em 0 0; padding: 0; list-style: none; color: var(--_muted); }
  details summary { min-height: var(--_target); padding-block: 0.55em; cursor: pointer; }
  table { border-collapse: collapse; width: 100%; }
  th, td { padding: 0.3em 0.5em; border-bottom: 1px solid var(--_border); text-align: start; vertical-align: top; }
  .num { text-align: end; font-variant-numeric: tabular-nums; }
  .tools { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: flex-end; }
  .search { flex: 1 1 16em; }

  .list {
    height: var(--fg-captain-list-height, min(70vh, 44em));
    scrollbar-gutter: stable;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    position: relative;
  }
  .list { container-type: inline-size; }
  .list.whole { height: auto; max-height: var(--fg-captain-list-height, min(70vh, 44em)); overflow: auto; }
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
  .who .person { display: flex; flex-wrap: wrap; gap: 0 var(--_s2); align-items: center; white-space: normal; }
  .phone { font-variant-numeric: tabular-nums; white-space: nowrap; }
  button.reveal { min-width: 0; padding-inline: var(--_s2); border-style: dashed; color: var(--_info); }
  a.phone { color: var(--_info); }
  #undo { margin-inline-start: var(--_s2); }
  .actions { display: flex; flex-wrap: wrap; gap: 0.3em; justify-content: flex-end; margin-top: 0; }
  .actions button { padding-inline: 0.6em; }
  .row-unsent { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: var(--_s2); align-items: center; }
  .row-unsent .msg { flex: 1 1 16em; margin: 0; }
  .empty { padding: 1em; color: var(--_muted); }

  dialog { width: min(44em, calc(100vw - 2em)); max-height: calc(100vh - 2em); padding: 1.25em; border: 1px solid var(--_border); border-radius: var(--_radius); color: var(--_text); background: var(--_surface); }
  dialog::backdrop { background: rgb(0 0 0 / 0.45); }
  form { display: flex; flex-direction: column; gap: var(--_s3); }
  .field { display: flex; flex-direction: column; gap: 0.2em; }
  .hint, .error { margin: 0; }
  fieldset { margin: 0; padding: 0.5em 0.75em; border: 1px solid var(--_border); border-radius: var(--_radius); display: flex; flex-direction: column; gap: 0.4em; }
  .check { display: flex; gap: 0.5em; align-items: flex-start; min-height: var(--_target); font-weight: 400; }
  .check input { margin-top: 0.2em; }
  .pair { display: flex; flex-wrap: wrap; gap: 0.75em; }
  .pair > .field { flex: 1 1 12em; }
  .buttons { display: flex; flex-wrap: wrap; gap: max(16px, var(--_s4)); justify-content: flex-end; }
  dialog { container-type: inline-size; }
  @container (max-width: 599.98px) {
    .buttons { flex-direction: column; align-items: stretch; position: sticky; bottom: 0; padding-block: var(--_s2); background: var(--_surface); }
    .buttons button { width: 100%; }
  }
  .history { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 0.5em; }
  .history li { padding: 0.5em; border: 1px solid var(--_subtle); border-radius: var(--_radius); }

  .preview { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75em; display: flex; flex-direction: column; gap: 0.5em; }
  .preview .scroll { max-height: 24em; overflow: auto; }
  .preview tr.bad td { color: var(--_error); }
  .preview td.phone { white-space: nowrap; }
  .preview ul { margin: 0; padding-inline-start: 1.2em; }
  @container registry (max-width: 599.98px) {
    .preview .scroll { max-height: none; overflow: visible; }
    .preview table, .preview tbody, .preview tr, .preview td { display: block; width: 100%; }
    .preview thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    .preview tr { margin-block-end: var(--_s2); padding: var(--_s2) var(--_s3); border: 1px solid var(--_border); border-inline-start: 4px solid var(--_ok); border-radius: var(--_radius); }
    .preview tr.bad { border-inline-start-color: var(--_error); }
    .preview td { display: grid; grid-template-columns: 4.5em minmax(0, 1fr); gap: var(--_s2); padding: 0.15em 0; border: 0; text-align: start; }
    .preview td::before { content: attr(data-label); color: var(--_muted); font-weight: 600; }
  }
`;
