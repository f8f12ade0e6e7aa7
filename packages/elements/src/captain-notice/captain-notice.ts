import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { activeCaptain, dayOf } from '@firegrid/core/captains';
import type { FiregridClient, FloorCaptain, Locale, Place, Worker } from '@firegrid/core';
import { ClientController } from '../client-controller.js';
import { noticeStyles } from './captain-notice.styles.js';
import { MESSAGES, type MessageKey } from './messages.js';
import { qrPath, type QrPath } from './qr.js';

/** What a notice shows, as loaded through the client. */
interface NoticeData {
  building: Place;
  captain: FloorCaptain | undefined;
  worker: Worker | undefined;
  tipOff: string | undefined;
}

/**
 * `@page` rules a host may add to the stylesheet of the page it prints the notice from, to
 * preselect the paper. An element cannot do it itself: `@page` inside a shadow root is ignored,
 * and Firegrid adds no global CSS. Without them the notice still fills exactly one page of
 * whatever paper is chosen in the print dialog.
 * @example
 * const sheet = new CSSStyleSheet();
 * sheet.replaceSync(NOTICE_PAGE_CSS.A5);
 * document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
 */
export const NOTICE_PAGE_CSS = {
  A4: '@page { size: A4 portrait; margin: 10mm; }',
  A5: '@page { size: A5 portrait; margin: 8mm; }',
} as const;

/**
 * The printable public notice (公示牌) of one high-rise residential building: the building, its
 * fire-safety floor captain with name and phone, his duties and term, the commitment he signed,
 * the grid worker, and a QR code of the host's tip-off page (`host.links.tipOff(placeId)`). The
 * plan requires these to be posted in a prominent place; printed on A4 or A5 it fills exactly one
 * page, in zh-CN with fonts that render Chinese (Noto Sans CJK SC, Source Han Sans, PingFang,
 * Microsoft YaHei), English second.
 *
 * The host page prints with `window.print()` (the button does): hide the rest of the page in
 * the host's own print stylesheet, and add {@link NOTICE_PAGE_CSS} there to preselect the paper.
 *
 * @summary The printable fire-safety floor captain notice of one building, with a tip-off QR code.
 * @tag fg-captain-notice
 *
 * @csspart sheet - The notice as printed.
 * @csspart qr - The QR code and its caption.
 * @csspart print - The print button (not printed).
 *
 * @cssprop --fg-notice-accent - Frame and title colour (falls back to --fg-color-primary, #c62828).
 * @cssprop --fg-notice-font-family - Font stack of the notice (Noto Sans CJK SC first).
 * @cssprop --fg-font-size - Base size of the on-screen controls.
 */
export class FgCaptainNotice extends LitElement {
  static override styles = noticeStyles;

  /** The Firegrid client; the nearest `<fg-provider>`'s when unset. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The building (a Place id) whose notice to show. */
  @property({ attribute: 'building-id' }) buildingId: string | undefined;
  /** Elder-friendly mode for the on-screen controls: 20 px text, 56 px targets. */
  @property({ type: Boolean, reflect: true }) elder = false;

  @state() private qr: QrPath | undefined;
  @state() private qrError = '';

  private readonly fg = new ClientController(this);
  private qrDone: Promise<void> = Promise.resolve();

  private readonly load = new Task(this, {
    task: async ([client, id]): Promise<NoticeData | undefined> => {
      if (client === undefined || id === undefined || id === '') return undefined;
      const building = await client.data.get('places', id);
      if (building === null) throw new Error(this.t('notFound', { id }));
      const [captains, workers, tipOff] = await Promise.all([
        client.data.list('captains', { placeId: id, limit: 500 }),
        client.data.list('workers', { gridId: building.gridId, limit: 50 }),
        client.host.links?.tipOff(id),
      ]);
      return {
        building,
        captain: activeCaptain(captains.items, id, client.now()),
        worker: workers.items.find((w) => w.active),
        tipOff,
      };
    },
    args: () => [this.fg.client, this.buildingId] as const,
    onComplete: (data) => {
      this.qr = undefined;
      this.qrError = '';
      this.qrDone = data?.tipOff === undefined ? Promise.resolve() : qrPath(data.tipOff).then(
        (qr) => { this.qr = qr; },
        (e: unknown) => { this.qrError = e instanceof Error ? e.message : String(e); },
      );
    },
  });

  private get locale(): Locale {
    return this.fg.locale;
  }

  private t(key: MessageKey, values: Readonly<Record<string, string>> = {}): string {
    return MESSAGES[key][this.locale].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
  }

  /** Resolves once the notice (and its QR code, when there is one) has rendered. */
  get ready(): Promise<void> {
    return (async () => {
      await this.updateComplete;
      await this.load.taskComplete.catch(() => undefined);
      await this.qrDone;
      await this.updateComplete;
    })();
  }

  /**
   * Shrinks the duties a step at a time until they fit their part of the sheet. The type is in
   * units of the sheet, so what fits the preview fits a portrait A4 or A5 page too.
   */
  override updated(): void {
    const sheet = this.renderRoot.querySelector<HTMLElement>('.sheet');
    const duties = sheet?.querySelector<HTMLElement>('.duties') ?? null;
    if (sheet === null || duties === null) return;
    const steps = ['fit-1', 'fit-2', 'fit-3'];
    sheet.classList.remove(...steps);
    for (const step of steps) {
      if (duties.scrollHeight <= duties.clientHeight + 1) break;
      sheet.classList.remove(...steps);
      sheet.classList.add(step);
    }
  }

  override render(): TemplateResult {
    const client = this.fg.client;
    if (client === undefined) return html`<p class="alert" role="alert">${this.t('noClient')}</p>`;
    // The session tells the locale; a host whose session is broken is told so here.
    const failure: unknown = this.fg.error;
    if (failure !== undefined) return html`<p class="alert" role="alert">${failure instanceof Error ? failure.message : JSON.stringify(failure)}</p>`;
    if (this.buildingId === undefined || this.buildingId === '') return html`<p class="alert" role="alert">${this.t('noBuilding')}</p>`;
    return this.load.render({
      initial: () => html`<p class="hint" role="status">${this.t('loading')}</p>`,
      pending: () => html`<p class="hint" role="status">${this.t('loading')}</p>`,
      error: (e) => html`<p class="alert" role="alert">${e instanceof Error ? e.message : String(e)}</p>`,
      complete: (data) => (data === undefined ? html`` : this.renderNotice(data)),
    });
  }

  private renderNotice(data: NoticeData): TemplateResult {
    const { building, captain, worker, tipOff } = data;
    if (captain === undefined) return html`<p class="alert" role="alert">${this.t('vacant', { name: building.name })}</p>`;
    const term = captain.term.to === undefined ? this.t('termFrom', { from: captain.term.from }) : this.t('termRange', { from: captain.term.from, to: captain.term.to });
    return html`
      <div class="tools">
        <button type="button" part="print" @click=${() => { window.print(); }}>${this.t('print')}</button>
        <p class="hint">${this.t('printHint')}</p>
      </div>
      ${tipOff === undefined ? html`<p class="alert" role="alert">${this.t('qrMissing')}</p>` : nothing}
      ${this.qrError === '' ? nothing : html`<p class="alert" role="alert">${this.qrError}</p>`}
      <article class="sheet" part="sheet" lang=${this.locale} aria-labelledby="kicker">
        <div class="frame">
          <header>
            <h2 class="kicker" id="kicker">${this.t('kicker')}</h2>
            <p class="building">${building.name}</p>
            ${building.address === '' ? nothing : html`<p class="address">${building.address}</p>`}
          </header>
          <dl class="captain">
            <dt>${this.t('captain')}</dt><dd class="name">${captain.person.name}</dd>
            <dt>${this.t('phone')}</dt><dd class="phone">${captain.person.phone}</dd>
            <dt>${this.t('term')}</dt><dd class="term">${term}</dd>
          </dl>
          <section class="duties" aria-labelledby="duties">
            <h3 id="duties">${this.t('duties')}</h3>
            <ol>${captain.duties.map((d) => html`<li><span>${d}</span></li>`)}</ol>
          </section>
          <p class="pledge">${this.t('pledge')}${captain.commitment === undefined ? '' : this.t('signed', { day: dayOf(captain.commitment.signedAt) })}</p>
          <footer>
            <div class="contacts">
              ${worker === undefined ? nothing : html`<p>${this.t('worker')}：${worker.name}${worker.phone === undefined ? '' : ` ${worker.phone}`}</p>`}
              <p class="fire">${this.t('fire')}</p>
            </div>
            ${tipOff === undefined ? nothing : html`<figure class="qr" part="qr">
              ${this.qr === undefined ? nothing : html`<svg viewBox=${`-4 -4 ${this.qr.size + 8} ${this.qr.size + 8}`} role="img"
                aria-label=${this.t('qrLabel', { url: tipOff })} shape-rendering="crispEdges">
                <rect x="-4" y="-4" width=${this.qr.size + 8} height=${this.qr.size + 8} fill="#fff"></rect>
                <path d=${this.qr.path} fill="#000"></path></svg>`}
              <figcaption>${this.t('scan')}</figcaption>
            </figure>`}
          </footer>
        </div>
      </article>`;
  }
}
