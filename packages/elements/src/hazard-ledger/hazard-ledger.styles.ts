import { css } from 'lit';

/** The transition form. */
export const formStyles = css`
  :host { display: block; }
  form { display: grid; gap: var(--_s3); padding: var(--_s3); border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_subtle); }
  .field { display: grid; gap: 0.25em; margin: 0; padding: 0; border: 0; min-width: 0; }
  .thumbs { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0; padding: 0; list-style: none; }
  .thumbs img, .thumbs .placeholder { display: block; width: 6em; height: 6em; object-fit: cover; border-radius: var(--_radius); background: var(--_surface); border: 1px solid var(--_border); }
`;

/** Flags and badges shared by the table and the detail. */
export const flagStyles = css`
  .flag, .badge {
    display: inline-block; margin: 0 0.25em 0.25em 0; padding: 0 0.5em; border-radius: 999px; border: 1px solid currentColor;
    font-size: 0.85em; line-height: 1.7; white-space: nowrap;
  }
  .flag.overdue { color: var(--_error); font-weight: 700; }
  .flag.soon { color: var(--_warn); }
  .flag.supervised { color: #6a1b9a; font-weight: 700; }
  .flag.supervision { color: #4a148c; }
  .badge.major, .badge.major-candidate { color: var(--_error); }
  button.phone {
    min-width: 0; padding: 0.25em 0; border: 0; background: none; color: var(--_info); white-space: nowrap;
    text-decoration: underline dotted; font-variant-numeric: tabular-nums;
  }
`;

/** The detail of one hazard. */
export const detailStyles = css`
  :host { display: block; }
  section { display: grid; gap: var(--_s4); }
  h3:focus { outline: none; }
  h3:focus-visible { outline: var(--fg-focus-width, 3px) solid var(--fg-focus-color, #1a73e8); }
  dl { display: grid; grid-template-columns: minmax(6em, max-content) 1fr; gap: 0.35em 1em; margin: 0; }
  dt { font-weight: 600; color: var(--_muted); }
  dd { margin: 0; overflow-wrap: anywhere; }
  .pre { white-space: pre-wrap; }
  .thumbs { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0; padding: 0; list-style: none; }
  .thumbs img, .thumbs .placeholder { display: block; width: 8em; height: 8em; object-fit: cover; border-radius: var(--_radius); background: var(--_subtle); border: 1px solid var(--_border); }
  .suggestion { padding: var(--_s3); border: 1px solid var(--_error); border-inline-start-width: 4px; border-radius: var(--_radius); }
  .suggestion ul { margin: 0.25em 0; padding-inline-start: 1.25em; }
  .history { margin: 0; padding-inline-start: 1.25em; display: grid; gap: 0.35em; }
  .history .note { white-space: pre-wrap; color: var(--_muted); }
  @media (max-width: 30em) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.35em; } }
`;

/** The ledger: a table at 600 px of its own width and more, cards below. */
export const ledgerStyles = css`
  :host { container-type: inline-size; }
  .base { display: grid; gap: var(--_s4); }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; justify-content: space-between; }
  .lists button[aria-pressed='true'] { background: var(--_accent); border-color: var(--_accent); color: var(--_surface); font-weight: 600; }
  .filters { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: flex-end; padding: var(--_s3); background: var(--_subtle); border-radius: var(--_radius); }
  .filter { display: grid; gap: 0.2em; min-width: 9em; flex: 1 1 9em; }
  .filter.wide { flex: 2 1 16em; }
  .filters .row.filter, .filters .check.filter { display: flex; flex: 0 1 auto; min-width: 0; }
  .check { display: flex; gap: 0.5em; align-items: center; min-height: var(--_target); font-weight: normal; }
  .menu { position: relative; }
  [role='menu'] {
    position: absolute; z-index: 1; inset-inline-end: 0; top: calc(100% + 2px); display: grid; min-width: max-content;
    padding: var(--_s1); background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  [role='menu'][hidden] { display: none; }
  [role='menuitem'] { border: 0; justify-content: start; }
  [role='menuitem']:hover { background: var(--_subtle); }
  .scroller { overflow-x: auto; border: 1px solid var(--_border); border-radius: var(--_radius); }
  table { border-collapse: collapse; width: 100%; min-width: 64em; font-size: 0.95em; }
  th, td { padding: 0.4em 0.6em; border-bottom: 1px solid var(--_subtle); text-align: start; vertical-align: top; }
  td { min-width: 6.5em; }
  th, .c-foundAt, .c-deadline, .c-phone, .c-status, .c-index, .nowrap, .due { white-space: nowrap; }
  th { background: var(--_subtle); }
  .c-index { min-width: 0; }
  .c-content { min-width: 14em; }
  tr.is-overdue .c-index { border-inline-start: 4px solid var(--_error); }
  button.link {
    padding: 0.25em 0; border: 0; background: none; color: var(--_info);
    text-decoration: underline; justify-content: start; text-align: start;
  }
  .tag { display: inline-block; padding: 0 0.5em; border: 1px solid currentColor; border-radius: var(--_radius); font-size: 0.9em; line-height: 1.7; color: var(--_info); }
  .tag.success { color: var(--_ok); }
  .tag.warning { color: var(--_warn); }
  .tag.error { color: var(--_error); font-weight: 600; }
  .tag.muted { color: var(--_muted); }
  .due { display: block; margin-bottom: 0.25em; }
  .pager { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: center; justify-content: flex-end; }
  @container (max-width: 599.98px) {
    .scroller { overflow: visible; border: 0; }
    table { display: block; min-width: 0; }
    thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    tbody { display: grid; gap: var(--_s3); }
    tr { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.15em 0.75em; padding: var(--_s3); border: 1px solid var(--_border); border-radius: var(--_radius); }
    tr.is-overdue { border-inline-start: 4px solid var(--_error); }
    td { display: block; grid-column: 1 / -1; order: 4; min-width: 0; padding: 0; border: 0; overflow-wrap: anywhere; }
    td[data-label]::before { content: attr(data-label) '：'; color: var(--_muted); }
    td:empty, .c-index { display: none; }
    .c-content { grid-column: 1; order: 1; font-weight: 600; }
    .c-status { grid-column: 2; order: 1; }
    .c-place, .c-address, .c-deadline { order: 2; }
    .c-flags { order: 3; }
    .c-measures, .c-supervision, .c-grid, .c-category { order: 5; }
    .pager { justify-content: space-between; }
  }
`;
