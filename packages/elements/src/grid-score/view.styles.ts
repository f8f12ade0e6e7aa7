import { css } from 'lit';

/**
 * Styles of `<fg-grid-score>`'s views, loaded with them and added to the element's: the header,
 * the summary, the trend, the breakdown table and the ranking (stacked rows below 600 px of the
 * element's own width).
 */
export const viewStyles = css`
  .base { display: grid; gap: var(--_s4); }
  h2, h3 { margin: 0; }
  h3 { font-size: 1.05em; }
  p { margin: 0; }
  .muted { color: var(--_muted); }

  .header { display: flex; flex-wrap: wrap; gap: var(--_s3) 1.5em; align-items: center; justify-content: space-between; }
  .summary { display: flex; flex-wrap: wrap; gap: 0.5em 1.5em; align-items: baseline; }
  .total { font-size: 2.4em; font-weight: 700; color: var(--_accent); line-height: 1.1; }
  .total small { font-size: 0.4em; font-weight: 600; color: var(--_muted); }

  .trend { margin: 0; display: grid; gap: 0.25em; }
  .trend svg { width: 100%; max-width: 32em; height: auto; display: block; }
  .trend .grid { stroke: var(--_subtle); stroke-width: 1; }
  .trend .axis, .trend .label { font-size: 10px; fill: var(--_muted); }
  .trend .line { fill: none; stroke: var(--_accent); stroke-width: 2; }
  .trend .dot { fill: var(--_accent); }
  .trend figcaption { font-size: 0.9em; color: var(--_muted); }

  .metrics .metric-name { font-weight: 600; white-space: nowrap; }
  .metric-points { display: block; font-weight: 700; white-space: nowrap; }
  meter { width: 100%; min-width: 5em; height: 0.75em; }
  .metrics td.toggle { text-align: end; width: 1%; white-space: nowrap; }
  .metrics tbody + tbody { border-top: 1px solid var(--_subtle); }
  tr.evidence-row[hidden] { display: none; }
  .evidence { display: grid; gap: 0.5em; padding: 0.5em 0.75em; background: var(--_subtle); border-radius: var(--_radius); }
  .evidence ul { margin: 0; padding-inline-start: 1.25em; display: grid; gap: 0.15em; }
  .evidence li { overflow-wrap: anywhere; }

  .scroller { overflow-x: auto; border: 1px solid var(--_border); border-radius: var(--_radius); }
  table { border-collapse: collapse; width: 100%; }
  table.metrics { border: 1px solid var(--_border); }
  th, td { padding: 0.35em 0.6em; border-bottom: 1px solid var(--_subtle); text-align: start; vertical-align: middle; }
  thead th { background: var(--_subtle); white-space: nowrap; }
  th button { border: 0; background: none; color: inherit; padding: 0.25em 0; min-width: 0; text-align: start; }
  th[aria-sort] button::after { content: ''; }
  th[aria-sort='ascending'] button::after { content: ' ▲'; }
  th[aria-sort='descending'] button::after { content: ' ▼'; }
  th.num, td.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.name, td.grid { white-space: nowrap; }
  tr.me td { background: var(--_me); font-weight: 700; }
  td button.link {
    border: 0; background: none; color: var(--_info); text-decoration: underline; padding: 0.25em 0;
    min-width: 0; justify-content: start; font-weight: inherit;
  }

  /* Below 600 px of the element's own width: the breakdown and the ranking as stacked rows. */
  @container (max-width: 599.98px) {
    .metrics, .metrics tbody, .ranking, .ranking tbody { display: block; }
    .metrics thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
    .metrics tr.metric { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; }
    .metrics tr.metric > * { border: 0; }
    .metrics .explanation, .metrics td.toggle { grid-column: 1 / -1; text-align: start; width: auto; padding-top: 0; }
    .metrics tr.evidence-row:not([hidden]), .metrics tr.evidence-row td { display: block; }
    .scroller { overflow: visible; border: 0; }
    .ranking thead tr { display: flex; flex-wrap: wrap; gap: 0 var(--_s3); }
    .ranking thead th { padding: 0; border: 0; background: none; }
    .ranking tbody tr { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 var(--_s3); padding: var(--_s2) 0; border-bottom: 1px solid var(--_border); }
    .ranking tbody tr.me { background: var(--_me); }
    .ranking td { padding: 0; border: 0; }
    .ranking td.rank { font-weight: 700; min-width: 1.5em; }
    .ranking td.name { flex: 1 1 0; min-width: 0; overflow: hidden; text-overflow: ellipsis; }
    .ranking td.total { font-size: 1.25em; font-weight: 700; color: var(--_accent); }
    .ranking td.grid { order: 1; flex-basis: 100%; color: var(--_muted); font-size: 0.9em; }
    .ranking td.pts { order: 2; font-size: 0.9em; }
    .ranking td.pts::before, .ranking td.total::before { content: attr(data-label) ' '; font-size: 0.8em; font-weight: normal; color: var(--_muted); }
  }
`;
