import { LitElement, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { FiregridClient, Locale } from '@firegrid/core';
import { ClientController } from '../client-controller.js';
import type { Messages } from '../i18n.js';
import { noticeStyles } from './captain-notice.styles.js';
import { baseStyles, message } from '../styles.js';
import type { QrPath } from './qr.js';
// The sheet, its texts and the captain rules load with the data: the first paint is the loading line.
import type * as Sheet from './view.js';
import type { NoticeData } from './load.js';
import { errorText, errorTextsLoaded } from '../errors.js';

/** The texts shown before the sheet has loaded. */
const SHELL = {
  loading: { 'zh-CN': '正在加载公示牌…', en: 'Loading the notice…' },
  noClient: { 'zh-CN': '没有找到 Firegrid 客户端：请把元素放在 <fg-provider> 内，或设置它的 client 属性。', en: 'No Firegrid client: put the element inside <fg-provider> or set its client property.' },
  noBuilding: { 'zh-CN': '请设置 building-id：要打印哪一栋楼的公示牌？', en: 'Set building-id: which building is the notice for?' },
} as const satisfies Messages<string>;

/**
 * `@page` rules a host may add to the stylesheet of the page it prints the notice from, to
 * preselect the paper. An element cannot do it itself: `@page` inside a shadow root is ignored,
 * and Firegrid adds no global CSS. Without them the notice still fills one page of whatever
 * paper is chosen in the print dialog; no text is under 12 pt, and a notice too long for one
 * page continues on the next (the screen warns before printing), never cut.
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
 * A notice too long for one A4 page says so above the sheet, and its print button asks first
 * (返回 / 仍然打印) before printing two pages. 发生火灾请立即拨打 119 is a band of its own, as large as
 * the building's name.
 *
 * Locale, first match wins: the element's `locale` (property or attribute); the nearest
 * `<fg-provider>`'s `locale`; the session's `locale`; zh-CN. `lang` attributes are not read.
 *
 * Theming: the design tokens (docs/elements.md#design-tokens) and the custom properties below.
 *
 * @summary The printable fire-safety floor captain notice of one building, with a tip-off QR code.
 * @tag fg-captain-notice
 * @fires {CustomEvent<FgErrorDetail>} fg-error - Something failed. The person is told what happened and what to do in his language; `detail` has the technical message (HTTP method, path, ids), the code and status, for the host's logs.
 *
 * @csspart sheet - The notice as printed.
 * @csspart qr - The QR code and its caption.
 * @csspart print - The print button (not printed).
 * @csspart confirm - The question asked before printing a notice that does not fit one page (not printed).
 *
 * @cssprop [--fg-notice-accent=var(--fg-color-primary)] - Frame and title colour.
 * @cssprop [--fg-notice-font-family=var(--fg-font-family)] - Font stack of the notice.
 */
export class FgCaptainNotice extends LitElement {
  static override styles = [baseStyles, noticeStyles];

  /** The Firegrid client; the nearest `<fg-provider>`'s when unset. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The locale to speak (`zh-CN` or `en`); wins over the provider's and the session's. */
  @property() locale: Locale | undefined;
  /** The building (a Place id) whose notice to show. */
  @property({ attribute: 'building-id' }) buildingId: string | undefined;
  /** Elder-friendly mode for the on-screen controls: 20 px text, 56 px targets. */
  @property({ type: Boolean, reflect: true }) elder = false;

  @state() private qr: QrPath | undefined;
  @state() private qrError = '';
  @state() private overflow = false;
  /** Print was asked for a notice that does not fit one page: the question is shown. */
  @state() private confirming = false;

  private readonly fg = new ClientController(this);
  private qrDone: Promise<void> = Promise.resolve();

  private readonly load = new Task(this, {
    task: async ([client, id]): Promise<{ data: NoticeData; sheet: typeof Sheet } | undefined> => {
      if (client === undefined || id === undefined || id === '') return undefined;
      const sheet = await import('./view.js');
      return { data: await sheet.loadNotice(client, id, this.fg.locale), sheet };
    },
    args: () => [this.fg.client, this.buildingId] as const,
    onComplete: (loaded) => {
      this.qr = undefined;
      this.qrError = '';
      const tipOff = loaded?.data.tipOff;
      this.qrDone = loaded === undefined || tipOff === undefined ? Promise.resolve() : loaded.sheet.qrPath(tipOff).then(
        (qr) => { this.qr = qr; },
        (e: unknown) => { this.qrError = e instanceof Error ? e.message : String(e); },
      );
    },
  });

  /** Resolves once the notice (and its QR code, when there is one) has rendered. */
  get ready(): Promise<void> {
    return (async () => {
      await this.updateComplete;
      await this.load.taskComplete.catch(() => undefined);
      await this.qrDone;
      await this.updateComplete;
      await errorTextsLoaded();
      await this.updateComplete;
    })();
  }

  /**
   * Shrinks the duties a step at a time until the sheet is one page tall (its frame's minimum).
   * The type is in units of the sheet and the preview keeps the 12 pt floor of an A4 page
   * (`--_min`), so what fits the preview fits a portrait A4 page; what does not is flagged
   * (`overflow`, a warning before printing) and continues on a second page, never cut.
   */
  override updated(): void {
    const sheet = this.renderRoot.querySelector<HTMLElement>('.sheet');
    const frame = sheet?.querySelector<HTMLElement>('.frame') ?? null;
    if (sheet === null || frame === null) return;
    const duties = frame.querySelector('.duties');
    const list = duties?.querySelector('ol') ?? null;
    // The frame's height without the room the duties' row stretches into, against one page with 3%
    // to spare (a page lays the text out at another width, and words wrap a little differently).
    const tall = (): boolean => {
      const slack = duties === null || list === null ? 0 : duties.getBoundingClientRect().bottom - list.getBoundingClientRect().bottom;
      return frame.offsetHeight - slack > parseFloat(getComputedStyle(frame).minHeight) * 0.97;
    };
    const steps = ['fit-1', 'fit-2', 'fit-3'];
    sheet.classList.remove(...steps);
    for (const step of steps) {
      if (!tall()) break;
      sheet.classList.remove(...steps);
      sheet.classList.add(step);
    }
    const overflow = tall();
    if (overflow !== this.overflow) this.overflow = overflow;
  }

  /** Prints; a notice that does not fit one page asks first, with focus on the question. */
  private readonly print = (): void => {
    if (!this.overflow) {
      window.print();
      return;
    }
    this.confirming = true;
    void this.updateComplete.then(() => { this.renderRoot.querySelector<HTMLElement>('#confirm-text')?.focus(); });
  };

  private async answer(print: boolean): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    if (print) window.print();
    else this.renderRoot.querySelector<HTMLElement>('[part~="print"]')?.focus();
  }

  override render(): TemplateResult {
    const client = this.fg.client;
    if (client === undefined) return message('error', SHELL.noClient[this.fg.locale]);
    // The session tells the locale; a host whose session is broken is told so here.
    const failure: unknown = this.fg.error;
    if (failure !== undefined) return message('error', errorText(this, failure, this.fg.locale));
    if (this.buildingId === undefined || this.buildingId === '') return message('error', SHELL.noBuilding[this.fg.locale]);
    return this.load.render({
      initial: () => message('info', SHELL.loading[this.fg.locale]),
      pending: () => message('info', SHELL.loading[this.fg.locale]),
      error: (e) => message('error', errorText(this, e, this.fg.locale)),
      complete: (loaded) => (loaded === undefined ? html``
        : loaded.sheet.renderNotice(loaded.data, {
          locale: this.fg.locale, qr: this.qr, qrError: this.qrError, overflow: this.overflow, confirming: this.confirming,
          print: this.print, answer: (print) => { void this.answer(print); },
        })),
    });
  }
}
