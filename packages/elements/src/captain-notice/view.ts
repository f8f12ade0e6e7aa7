// The notice sheet: loaded with the building, its captain and grid worker (DESIGN §6), so the
// element's first paint, its loading line, needs neither these texts nor the captain rules. The
// element imports this one module for both the loading (load.ts) and the sheet.
import { html, nothing, type TemplateResult } from 'lit';
import { dayOf } from '@firegrid/core/captains';
import type { Locale } from '@firegrid/core';
import type { NoticeData } from './load.js';
import { fill } from '../i18n.js';
import { message } from '../styles.js';
import { MESSAGES, type MessageKey } from './messages.js';
import type { QrPath } from './qr.js';

export { qrPath } from './qr.js';
export { loadNotice } from './load.js';
export type { NoticeData } from './load.js';

/** What the element adds when it renders the sheet: its locale and the QR code once it is made. */
export interface NoticeView {
  locale: Locale;
  qr: QrPath | undefined;
  qrError: string;
  /** The sheet is taller than one page even with the duties at their smallest: warn before printing. */
  overflow: boolean;
  /** The print button was pressed on a sheet that overflows: ask before printing. */
  confirming: boolean;
  /** The print button: prints, or asks first when the sheet overflows. */
  print: () => void;
  /** 仍然打印 (true) or 返回 (false) in the question. */
  answer: (print: boolean) => void;
}

/** The printable sheet with its print button, or why there is none (no captain in office). */
export function renderNotice(data: NoticeData, view: NoticeView): TemplateResult {
  const { locale, qr, qrError } = view;
  const t = (key: MessageKey, values?: Readonly<Record<string, string>>): string => fill(MESSAGES[key][locale], values);
  const { building, captain, worker, tipOff } = data;
  if (captain === undefined) return message('error', t('vacant', { name: building.name }));
  const term = captain.term.to === undefined ? t('termFrom', { from: captain.term.from }) : t('termRange', { from: captain.term.from, to: captain.term.to });
  return html`
    <div class="tools">
      <button type="button" class="primary" part="print" @click=${view.print}>${t('print')}</button>
      <p class="hint">${t('printHint')}</p>
    </div>
    ${view.overflow && !view.confirming ? message('warning', t('tooLong')) : nothing}
    ${view.confirming ? html`<div class="confirm" part="confirm" role="group" aria-labelledby="confirm-text">
      ${message('warning', t('confirmPrint'), { id: 'confirm-text', focusable: true })}
      <div class="buttons">
        <button type="button" id="print-back" @click=${() => { view.answer(false); }}>${t('back')}</button>
        <button type="button" class="primary" id="print-anyway" @click=${() => { view.answer(true); }}>${t('printAnyway')}</button>
      </div>
    </div>` : nothing}
    ${tipOff === undefined ? message('error', t('qrMissing')) : nothing}
    ${qrError === '' ? nothing : message('error', qrError)}
    <article class="sheet" part="sheet" lang=${locale} aria-labelledby="kicker">
      <div class="frame">
        <header>
          <h2 class="kicker" id="kicker">${t('kicker')}</h2>
          <p class="building">${building.name}</p>
          ${building.address === '' ? nothing : html`<p class="address">${building.address}</p>`}
        </header>
        <dl class="captain">
          <dt>${t('captain')}</dt><dd class="name">${captain.person.name}</dd>
          <dt>${t('phone')}</dt><dd class="phone">${captain.person.phone}</dd>
          <dt>${t('term')}</dt><dd class="term">${term}</dd>
        </dl>
        <section class="duties" aria-labelledby="duties">
          <h3 id="duties">${t('duties')}</h3>
          <ol>${captain.duties.map((d) => html`<li><span>${d}</span></li>`)}</ol>
        </section>
        <p class="pledge">${t('pledge')}${captain.commitment === undefined ? '' : t('signed', { day: dayOf(captain.commitment.signedAt) })}</p>
        <p class="fire">${t('fire')}</p>
        <footer>
          <div class="contacts">
            ${worker === undefined ? nothing : html`<p>${t('worker')}：${worker.name}${worker.phone === undefined ? '' : ` ${worker.phone}`}</p>`}
          </div>
          ${tipOff === undefined ? nothing : html`<figure class="qr" part="qr">
            ${qr === undefined ? nothing : html`<svg viewBox=${`-4 -4 ${qr.size + 8} ${qr.size + 8}`} role="img"
              aria-label=${t('qrLabel', { url: tipOff })} shape-rendering="crispEdges">
              <rect x="-4" y="-4" width=${qr.size + 8} height=${qr.size + 8} fill="#fff"></rect>
              <path d=${qr.path} fill="#000"></path></svg>`}
            <figcaption>${t('scan')}</figcaption>
          </figure>`}
        </footer>
      </div>
    </article>`;
}
