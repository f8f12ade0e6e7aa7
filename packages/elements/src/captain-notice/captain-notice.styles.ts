import { css } from 'lit';

// Why, rule by rule (kept out of the CSS, which ships as written):
// - Asked before printing a notice that does not fit one page: the one button order of issue 17.
// - minmax(0, …): a long unbreakable address must not widen the sheet past the page.
// - 100vh is the page area when printing; 16px less leaves room for a body's default 8px margins.
/**
 * The notice is one sheet whose type is sized in container units of the sheet itself, so it keeps
 * its proportions at any size: the preview on screen, an A4 page, an A5 page. Nothing is clamped
 * or cut: a sheet is at least one page tall (A4's proportions on screen, the page area in print:
 * 100vh, which Chrome and WebKit take as the page box when printing) and grows with its content.
 * Long duties first shrink a step at a time (`fit-1…3`); no text is below 12 pt in print
 * (`--_min`; the preview keeps A4's floor, 12 pt of 190 mm ≈ 2.2% of the width), so what still
 * does not fit continues on a second page, its frame repeated, and the screen warns before
 * printing. 发生火灾请立即拨打 119 is a band of its own in the accent colour.
 */
export const noticeStyles = css`
  :host { --_accent: var(--fg-notice-accent, var(--_primary)); --_min: 2.2cqw; font-family: var(--fg-notice-font-family, var(--_family)); }
  .tools { display: flex; flex-wrap: wrap; gap: var(--_s2) var(--_s4); align-items: center; margin-block-end: var(--_s3); }
  .hint { margin: 0; }
  .msg { margin: 0 0 var(--_s3); }
  .confirm { margin-block-end: var(--_s3); container-type: inline-size; }
  .confirm .msg { margin: 0 0 var(--_s2); }
  .confirm .buttons { display: flex; flex-wrap: wrap; gap: max(16px, var(--_s4)); justify-content: flex-end; }
  @container (max-width: 599.98px) {
    .confirm .buttons { flex-direction: column; align-items: stretch; }
  }

  .sheet {
    container-type: inline-size;
    width: min(100%, 40em);
    background: #fff;
    color: #111;
    border: 1px solid #bbb;
  }
  .frame {
    min-height: calc(100cqw * 297 / 210);
    display: grid;
    grid-template-rows: auto auto 1fr auto auto auto;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.6cqw;
    padding: 3.6cqw 4.6cqw;
    border: 1.4cqw solid var(--_accent);
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
    overflow-wrap: anywhere;
  }
  header { text-align: center; }
  .kicker { margin: 0; font-size: max(var(--_min), 6.2cqw); font-weight: 700; letter-spacing: 0.08em; color: var(--_accent); line-height: 1.25; }
  .building { margin: 1cqw 0 0; font-size: max(var(--_min), 4.6cqw); font-weight: 700; line-height: 1.25; }
  .address { margin: 0.6cqw 0 0; font-size: max(var(--_min), calc(2.6cqw * var(--_fit, 1))); color: #444; }
  dl.captain {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 1cqw 3cqw;
    align-items: baseline;
    margin: 0;
    padding: 2cqw 3cqw;
    background: var(--_subtle);
    border-radius: 1.5cqw;
  }
  dl.captain dt { font-size: max(var(--_min), 3cqw); color: #444; white-space: nowrap; }
  dl.captain dd { margin: 0; min-width: 0; }
  .name { font-size: max(var(--_min), 5.8cqw); font-weight: 700; }
  .phone { font-size: max(var(--_min), 5.8cqw); font-weight: 700; letter-spacing: 0.04em; font-variant-numeric: tabular-nums; }
  .term { font-size: max(var(--_min), calc(3.2cqw * var(--_fit, 1))); }
  .duties { min-height: 0; }
  .duties h3 { margin: 0 0 1cqw; font-size: max(var(--_min), 3.6cqw); line-height: 1.3; }
  .duties ol { margin: 0; padding-inline-start: 5cqw; font-size: max(var(--_min), calc(2.9cqw * var(--_fit, 1))); line-height: 1.45; }
  .duties li { margin-block-end: 0.6cqw; break-inside: avoid; }
  .sheet.fit-1 { --_fit: 0.88; }
  .sheet.fit-2 { --_fit: 0.78; }
  .sheet.fit-3 { --_fit: 0.68; }
  .pledge { margin: 0; font-size: max(var(--_min), calc(2.7cqw * var(--_fit, 1))); line-height: 1.45; }
  .fire {
    margin: 0; padding: 1.2cqw 3cqw; border: 0.8cqw solid var(--_accent); border-radius: 1.5cqw; color: var(--_accent);
    font-size: max(var(--_min), 4.6cqw); font-weight: 700; line-height: 1.25; text-align: center;
  }
  footer { display: flex; gap: 3cqw; align-items: flex-end; justify-content: space-between; break-inside: avoid; }
  .contacts { min-width: 0; font-size: max(var(--_min), calc(2.8cqw * var(--_fit, 1))); line-height: 1.5; }
  .contacts p { margin: 0; }
  figure.qr { margin: 0; flex: none; width: 22cqw; text-align: center; }
  figure.qr svg { display: block; width: 100%; height: auto; }
  figure.qr figcaption { font-size: max(var(--_min), 2.3cqw); line-height: 1.3; }

  @media print {
    :host { font-size: 12pt; --_min: 12pt; }
    .tools, .msg, .confirm, .screen-only { display: none !important; }
    .sheet { width: 100%; border: none; }
    .frame { min-height: calc(100vh - 16px); }
  }
`;
