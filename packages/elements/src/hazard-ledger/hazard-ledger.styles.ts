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

/** The ledger. */
export const ledgerStyles = css`
  .base { display: grid; gap: var(--_s4); }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; justify-content: space-between; }
  .lists button[aria-pressed='true'] { background: var(--_accent); border-color: var(--_accent); color: var(--_surface); font-weight: 600; }
  .filters { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: flex-end; padding: var(--_s3); background: var(--_subtle); border-radius: var(--_radius); }
  .filter { display: grid; gap: 0.2em; min-width: 9em; flex: 1 1 9em; }
  .filter.wide { flex: 2 1 16em; }
  .filters .row.filter, .filters .check.filter { display: flex; flex: 0 1 auto; min-width: 0; }
  .check { display: flex; gap: 0.5em; align-items: center; min-height: var(--_target); font-weight: normal; }
  .scroller { overflow-x: auto; border: 1px solid var(--_border); border-radius: var(--_radius); }
  table { border-collapse: collapse; width: 100%; min-width: 64em; font-size: 0.95em; }
  th, td { padding: 0.4em 0.6em; border-bottom: 1px solid var(--_subtle); text-align: start; vertical-align: top; }
  td { min-width: 6.5em; }
  th { background: var(--_subtle); white-space: nowrap; }
  td.num { white-space: nowrap; min-width: 0; }
  td.content { min-width: 14em; }
  tr.is-overdue td.num { border-inline-start: 4px solid var(--_error); }
  button.link {
    padding: 0.25em 0; border: 0; background: none; color: var(--_info);
    text-decoration: underline; justify-content: start; text-align: start;
  }
  .pager { display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
  .exports { display: flex; flex-wrap: wrap; gap: 0.5em; }
`;
