import { css } from 'lit';

/** Styles of `<fg-grid-score>` over the shared look (../styles.ts), themable through `--fg-*` properties. */
export const gridScoreStyles = css`
  :host {
    --_accent: var(--fg-score-accent, var(--_primary));
    --_me: var(--fg-score-me, #fff3cd);
    background: var(--_surface);
  }

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

  .metrics { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_s3); }
  .metric { padding: var(--_s3); border: 1px solid var(--_border); border-radius: var(--_radius); display: grid; gap: 0.4em; }
  .metric-head { display: flex; flex-wrap: wrap; gap: 0.25em 1em; align-items: baseline; justify-content: space-between; }
  .metric-points { font-weight: 700; white-space: nowrap; }
  meter { width: 100%; height: 0.75em; }
  .evidence { display: grid; gap: 0.5em; padding: 0.5em 0.75em; background: var(--_subtle); border-radius: var(--_radius); }
  .evidence ul { margin: 0; padding-inline-start: 1.25em; display: grid; gap: 0.15em; }
  .evidence li { overflow-wrap: anywhere; }

  .scroller { overflow-x: auto; border: 1px solid var(--_border); border-radius: var(--_radius); }
  table { border-collapse: collapse; width: 100%; }
  th, td { padding: 0.35em 0.6em; border-bottom: 1px solid var(--_subtle); text-align: start; vertical-align: middle; }
  th { background: var(--_subtle); white-space: nowrap; }
  th button { border: 0; background: none; color: inherit; padding: 0.25em 0; min-width: 0; text-align: start; }
  th[aria-sort] button::after { content: ''; }
  th[aria-sort='ascending'] button::after { content: ' ▲'; }
  th[aria-sort='descending'] button::after { content: ' ▼'; }
  td.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
  td.name { white-space: nowrap; }
  tr.me td { background: var(--_me); font-weight: 700; }
  td button.link {
    border: 0; background: none; color: var(--_info); text-decoration: underline; padding: 0.25em 0;
    min-width: 0; justify-content: start; font-weight: inherit;
  }
`;
