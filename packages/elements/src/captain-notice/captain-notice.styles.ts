import { css } from 'lit';

/**
 * The notice is one sheet whose type is sized in container units of the sheet itself, so it keeps
 * its proportions at any size: the preview on screen, an A4 page, an A5 page. In print the sheet
 * is exactly the page area (100vh, which Chrome and WebKit take as the page box when printing),
 * and long texts are clamped, so a notice never spills onto a second page.
 */
export const noticeStyles = css`
  :host { --_accent: var(--fg-notice-accent, var(--_primary)); font-family: var(--fg-notice-font-family, var(--_family)); }
  .tools { display: flex; flex-wrap: wrap; gap: var(--_s2) var(--_s4); align-items: center; margin-block-end: var(--_s3); }
  .hint { margin: 0; }
  .msg { margin: 0 0 var(--_s3); }

  .sheet {
    container-type: size;
    width: min(100%, 40em);
    aspect-ratio: 210 / 297;
    background: #fff;
    color: #111;
    border: 1px solid #bbb;
    overflow: hidden;
  }
  .frame {
    height: 100%;
    display: grid;
    grid-template-rows: auto auto minmax(0, 1fr) auto auto;
    /* minmax(0, …): a long unbreakable address must not widen the sheet past the page. */
    grid-template-columns: minmax(0, 1fr);
    gap: 2.2cqw;
    padding: 4.5cqw 5cqw;
    border: 1.4cqw solid var(--_accent);
  }
  header { text-align: center; }
  .kicker { margin: 0; font-size: 6.6cqw; font-weight: 700; letter-spacing: 0.08em; color: var(--_accent); line-height: 1.25; }
  .building {
    margin: 1cqw 0 0;
    font-size: 4.6cqw;
    font-weight: 700;
    line-height: 1.25;
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .address { margin: 0.6cqw 0 0; font-size: 2.6cqw; color: #444; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
  dl.captain {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 1cqw 3cqw;
    align-items: baseline;
    margin: 0;
    padding: 2.5cqw 3cqw;
    background: var(--_subtle);
    border-radius: 1.5cqw;
  }
  dl.captain dt { font-size: 3cqw; color: #444; white-space: nowrap; }
  dl.captain dd { margin: 0; min-width: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
  .name { font-size: 6.4cqw; font-weight: 700; }
  .phone { font-size: 6cqw; font-weight: 700; letter-spacing: 0.04em; font-variant-numeric: tabular-nums; }
  .term { font-size: 3.2cqw; }
  .duties { min-height: 0; overflow: hidden; }
  .duties h3 { margin: 0 0 1cqw; font-size: 3.6cqw; line-height: 1.3; }
  .duties ol { margin: 0; padding-inline-start: 5cqw; font-size: calc(2.9cqw * var(--_fit, 1)); line-height: 1.45; }
  .duties li { margin-block-end: 0.6cqw; }
  /* The clamp sits on the text, not the <li>, which keeps its number. */
  .duties li > span {
    overflow-wrap: anywhere;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .sheet.fit-1 { --_fit: 0.88; }
  .sheet.fit-2 { --_fit: 0.78; }
  .sheet.fit-3 { --_fit: 0.68; }
  .sheet.fit-3 .duties li > span { -webkit-line-clamp: 2; }
  .pledge { margin: 0; font-size: 2.7cqw; line-height: 1.45; overflow-wrap: anywhere; }
  footer { display: flex; gap: 3cqw; align-items: flex-end; justify-content: space-between; }
  .contacts { min-width: 0; font-size: 2.8cqw; line-height: 1.5; }
  .contacts p { margin: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
  .fire { font-weight: 700; color: var(--_accent); }
  figure.qr { margin: 0; flex: none; width: 22cqw; text-align: center; }
  figure.qr svg { display: block; width: 100%; height: auto; }
  figure.qr figcaption { font-size: 2.3cqw; line-height: 1.3; }

  @media print {
    :host { font-size: 12pt; }
    .tools, .msg, .screen-only { display: none !important; }
    /* 100vh is the page area when printing; 16px less leaves room for a body's default 8px margins. */
    .sheet { width: 100%; height: calc(100vh - 16px); aspect-ratio: auto; border: none; break-inside: avoid; }
  }
`;
