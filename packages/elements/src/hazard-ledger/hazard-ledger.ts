import { LitElement, adoptStyles, html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  FiregridClient, Hazard, HazardCategory, HazardStatus, Locale, MajorRuleSet, Severity, SupervisionState, TwoList, TwoListContext, TwoListPlace,
} from '@firegrid/core';
import { ClientController } from '../client-controller.js';
import type { Messages } from '../i18n.js';
import { hazardAccent } from '../hazard-report/hazard-report.styles.js';
import { baseStyles, message } from '../styles.js';
import type { FgHazardDetail } from './detail.js';
import type { SaveFile } from './export.js';
import { loadPlaces } from './places.js';
import type { PeopleCache } from './people.js';
import { NO_FILTERS, toQuery } from './query.js';
import type { LedgerFilters } from './query.js';
// The list view, its columns and texts load with the first page: the first paint needs none of them.
import type * as View from './view.js';
import type { LedgerActions } from './view.js';
import { errorText, userError } from '../errors.js';

type ViewModule = typeof View;
let viewModule: Promise<ViewModule> | undefined;
const loadView = (): Promise<ViewModule> => (viewModule ??= import('./view.js'));

const isList = (list: unknown): list is TwoList => list === 'problems' || list === 'responsibility';

/** The texts shown before the list view has loaded. */
const SHELL = {
  noClient: { 'zh-CN': '没有找到 Firegrid 客户端：请把本元素放在 <fg-provider> 中，或设置它的 client 属性', en: 'No Firegrid client: put this element inside <fg-provider> or set its client property' },
  loading: { 'zh-CN': '正在加载…', en: 'Loading…' },
  badList: { 'zh-CN': 'list 属性应为 problems 或 responsibility：', en: 'list must be problems or responsibility: ' },
  back: { 'zh-CN': '返回列表', en: 'Back to the list' },
} as const satisfies Messages<string>;

/** Detail of `fg-hazard-open`. */
export interface HazardOpenDetail {
  hazardId: string;
}


/**
 * The two lists of the plan — 问题隐患清单 and 整改责任清单 — where supervisors drive hazards through
 * the closed loop 上报→核实→交办→整改→复查→销号. Filters (status, grid, category, severity,
 * overdue, 挂牌督办 state, text) go to the data port's query and come back sorted by urgency a page at a time
 * (from the device's cache when offline). A row opens the hazard: its photos, its history, a
 * major-hazard suggestion under the GB 35181 edition of its discovery date, and exactly the
 * transitions the signed-in roles allow, each asking for its required fields. Both lists export to
 * CSV (UTF-8 with BOM) and Excel from one 导出 menu, with formula-like cells neutralised; a
 * confidential reporter is shown (and exported) only to grid supervisors, fire officers and
 * admins, and on screen his number stays masked in the list.
 *
 * A transition made offline (the offline client) is queued on the device: the detail shows the
 * hazard as the lifecycle says it will be and a note 待发送（n）：<action> in the warning tone with
 * what happens next, then 已发送 once the outbox has sent it (the hazard read again). Should the
 * server refuse it then, the note says 服务器未接受 and why in the person's language, the hazard
 * goes back to how it was, and 修改后重新提交 opens the transition's form again as it was filled in.
 * With a client that has no offline layer, a transition the network kept from being sent leaves
 * its form as filled with 未发送，网络恢复后重试 in the warning tone (never red), and the form's
 * confirm button says 重试.
 *
 * Layout: at 600 px of its own width and more (a container query: the element may sit in a side
 * panel) a table — dates and phones on one line, status as a coloured tag, phones masked until
 * tapped, "共 N 条" (when the data port counts) with the pager, the table in a region named
 * "…（可左右滚动）" that the keyboard can scroll; below 600 px each hazard is a card
 * with what, status, where, deadline and flags first, nothing scrolls sideways, and nothing says it does. The text
 * search also finds a hazard by the reference number a resident quotes (`XXXX-XXXX`).
 *
 * Locale, first match wins: the element's `locale` (property or attribute); the nearest
 * `<fg-provider>`'s `locale`; the session's `locale`; zh-CN. `lang` attributes are not read.
 *
 * Theming: the design tokens (docs/elements.md#design-tokens) and the custom properties below. With `elder`, the detail and its forms have the elder sizes too.
 *
 * @summary The two lists of hazards, with role-gated transitions and export.
 * @tag fg-hazard-ledger
 * @fires {CustomEvent<FgErrorDetail>} fg-error - Something failed. The person is told what happened and what to do in his language; `detail` has the technical message (HTTP method, path, ids), the code and status, for the host's logs.
 * @fires {CustomEvent<HazardOpenDetail>} fg-hazard-open - The person opened a hazard.
 * @fires {CustomEvent<HazardTransitionDetail>} fg-hazard-transition - Cancelable, before a transition is sent; `preventDefault()` vetoes it.
 * @fires {CustomEvent<HazardTransitionedDetail>} fg-hazard-transitioned - After a transition was accepted (or queued offline): `{ hazardId, action, from, to }`.
 * @csspart base - The ledger.
 * @csspart filters - The filter bar.
 * @csspart table - The table region (it scrolls sideways at desk widths only).
 * @csspart row - A row of the table; a card below 600 px of the element's width.
 * @csspart title - The hazard (what was found) in a row: the button that opens it.
 * @csspart status - The status tag of a row.
 * @csspart detail - The open hazard.
 * @csspart suggestion - The major-hazard suggestion in the detail.
 * @csspart actions - The transition buttons of the detail.
 * @csspart transition - The form of a transition.
 * @csspart error - The alert with what went wrong.
 * @csspart field-error - The message under a field that needs attention.
 * @cssprop [--fg-hazard-accent=var(--fg-color-primary)] - Accent of the selected list and the confirm buttons.
 */
export class FgHazardLedger extends LitElement {
  // The list view's styles come with it (`useView`): the first paint, a loading line, needs none.
  static override styles = [baseStyles, hazardAccent];

  /** The Firegrid client; the nearest `<fg-provider>`'s when unset. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The locale to speak (`zh-CN` or `en`); wins over the provider's and the session's. */
  @property() locale: Locale | undefined;
  /** Which list: `problems` (问题隐患清单) or `responsibility` (整改责任清单). */
  @property({ reflect: true }) list: TwoList = 'problems';
  /** Initial status filter: a status, or `open` for every status but rejected and closed. */
  @property() status: HazardStatus | 'open' | '' = '';
  /** Initial grid filter (an OrgUnit code). */
  @property({ attribute: 'grid-id' }) gridId = '';
  /** Initial category filter. */
  @property() category: HazardCategory | '' = '';
  /** Initial severity filter. */
  @property() severity: Severity | '' = '';
  /** Initially show only overdue hazards. */
  @property({ type: Boolean }) overdue = false;
  /** Initial 挂牌督办 filter: `requested` (报请中), `listed` (督办中) or `lifted` (已摘牌). */
  @property() supervision: SupervisionState | '' = '';
  /** Only the tasks of this assignee (`responsible.personId`); `me`: the signed-in user's (我的任务). */
  @property() assignee = '';
  /** Rows per page. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;
  /** Opens this hazard's detail. */
  @property({ attribute: 'hazard-id' }) hazardId: string | undefined;
  /** Larger text (20 px) and targets (56 px). */
  @property({ type: Boolean, reflect: true }) elder = false;
  /** Major-hazard rule sets (`withRuleSets(loadMajorRuleSet(json))`); the built-in GB 35181 sets when unset. */
  @property({ attribute: false }) ruleSets: readonly MajorRuleSet[] | undefined;
  /** Where exports go: `(file, name) => …` (a WebView bridge); a browser download when unset. */
  @property({ attribute: false }) saveFile: SaveFile | undefined;

  @state() private filters: LedgerFilters = { ...NO_FILTERS };
  @state() private items: Hazard[] = [];
  @state() private page = 0;
  @state() private nextCursor: string | null = null;
  /** How many match across every page: the first page's `total`, when the data port counts. */
  @state() private total: number | undefined;
  @state() private menu = false;
  @state() private revealed: ReadonlySet<string> = new Set();
  @state() private loading = false;
  @state() private alert = '';
  @state() private message = '';
  @state() private selected: Hazard | undefined;
  @state() private exporting = false;
  @state() private ui: ViewModule | undefined;
  /** The element is 600 px wide or more (the styles' container query): the table, not cards. */
  @state() private wide = true;

  private readonly fg = new ClientController(this);
  private readonly places = new Map<string, TwoListPlace | null>();
  private people: PeopleCache = { directory: new Map(), workers: new Map() };
  private cursors: (string | undefined)[] = [undefined];
  private seq = 0;
  private loadedFor: FiregridClient | undefined;
  private detailLoaded: Promise<void> | undefined;
  /** Follows the element's own width, as the container query does, for what CSS cannot say (the region's name). */
  private readonly sizes = typeof ResizeObserver === 'undefined' ? undefined
    : new ResizeObserver((entries) => { for (const e of entries) this.measure(e.contentBoxSize[0]?.inlineSize ?? e.contentRect.width); });

  constructor() {
    super();
    this.addController({ hostConnected: () => { this.sizes?.observe(this); }, hostDisconnected: () => { this.sizes?.disconnect(); } });
  }

  /** Takes the element's width (0 while it is not laid out: kept as it was). */
  private measure(width: number): void {
    if (width > 0) this.wide = width >= 599.98;
  }

  /** Keeps the loaded list view and adds its styles to the element's, once. */
  private useView(ui: ViewModule): void {
    if (this.ui === undefined) adoptStyles(this.renderRoot as ShadowRoot, [...FgHazardLedger.elementStyles, ...ui.listStyles]);
    this.ui = ui;
  }

  /** Registers the detail's tags, once; the detail is loaded only when a hazard is opened. */
  private loadDetail(): Promise<void> {
    this.detailLoaded ??= import('./detail-define.js').then((m) => { m.defineDetail(); });
    return this.detailLoaded;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Read before the list renders as well: a resize is told at the next frame, and a background tab gets none.
    if (this.ui !== undefined && this.selected === undefined) this.measure(this.clientWidth);
    if (changed.has('status') || changed.has('gridId') || changed.has('category') || changed.has('severity') || changed.has('overdue')
      || changed.has('supervision') || changed.has('assignee')) {
      this.filters = {
        ...this.filters, status: this.status, gridId: this.gridId, category: this.category, severity: this.severity, overdue: this.overdue,
        supervision: this.supervision, assignee: this.assignee,
      };
      if (this.loadedFor !== undefined) this.reload();
    }
    if ((changed.has('list') || changed.has('pageSize')) && this.loadedFor !== undefined) this.reload();
    const client = this.fg.client;
    if (client !== this.loadedFor && this.fg.session !== undefined) {
      this.loadedFor = client;
      this.places.clear();
      this.people = { directory: new Map(), workers: new Map() };
      this.selected = undefined;
      this.reload();
    }
    if (changed.has('hazardId') && this.hazardId !== undefined && client !== undefined) void this.openById(client, this.hazardId);
  }

  /** Back to the first page and load it. */
  private reload(): void {
    this.page = 0;
    this.cursors = [undefined];
    void this.load();
  }

  private async load(): Promise<void> {
    const client = this.fg.client;
    // An invalid list is shown as such by render(); nothing to ask the server.
    if (client === undefined || !isList(this.list)) return;
    const seq = ++this.seq;
    this.loading = true;
    this.alert = '';
    try {
      const [page, ui] = await Promise.all([
        client.data.list('hazards', toQuery(this.filters, this.list, this.pageSize, this.cursors[this.page])),
        loadView(),
      ]);
      await Promise.all([loadPlaces(client, page.items, this.places), this.loadPeople(client, page.items, ui)]);
      if (seq !== this.seq) return;
      this.useView(ui);
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      if (this.page === 0) this.total = page.total;
    } catch (e) {
      // The rows shown stay: an error is a message, not an empty ledger.
      const text = await userError(this, e, this.fg.locale);
      if (seq === this.seq) this.alert = text;
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  private async openById(client: FiregridClient, id: string): Promise<void> {
    try {
      const h = await client.data.get('hazards', id);
      if (h !== null) {
        await Promise.all([loadPlaces(client, [h], this.places), loadView().then((ui) => { this.useView(ui); return this.loadPeople(client, [h], ui); }), this.loadDetail()]);
        this.selected = h;
      }
    } catch (e) {
      this.alert = await userError(this, e, this.fg.locale);
    }
  }

  /** Names the people of `hazards` (finders, history actors) into the cache. */
  private loadPeople(client: FiregridClient, hazards: readonly Hazard[], ui: ViewModule): Promise<void> {
    const session = this.fg.session;
    return session === undefined ? Promise.resolve() : ui.loadPeople(client, hazards, session, this.people);
  }

  private context(client: FiregridClient, ui: ViewModule): TwoListContext {
    const session = this.fg.session;
    return {
      locale: this.fg.locale,
      now: client.now(),
      viewer: { id: session?.user.id ?? '', roles: session?.user.roles ?? [] },
      place: (id) => this.places.get(id) ?? undefined,
      people: ui.peopleSources(this.people, session),
      gridWorker: ui.gridWorkerOf(this.people),
    };
  }

  private readonly onOpen = async (h: Hazard): Promise<void> => {
    this.dispatchEvent(new CustomEvent<HazardOpenDetail>('fg-hazard-open', { detail: { hazardId: h.id }, bubbles: true, composed: true }));
    try {
      await this.loadDetail();
    } catch (e) {
      this.alert = await userError(this, e, this.fg.locale);
      return;
    }
    this.selected = h;
    this.message = '';
    void this.updateComplete.then(async () => {
      const detail = this.renderRoot.querySelector<FgHazardDetail>('fg-hazard-detail');
      await detail?.updateComplete;
      detail?.focusHeading();
    });
  };

  private readonly onBack = (): void => {
    const id = this.selected?.id;
    this.selected = undefined;
    void this.updateComplete.then(() => {
      const row = id === undefined ? null : this.renderRoot.querySelector<HTMLElement>(`button[data-hazard="${id}"]`);
      (row ?? this.renderRoot.querySelector<HTMLElement>('#f-q'))?.focus();
    });
  };

  private readonly onChanged = (next: Hazard): void => {
    this.selected = next;
    void this.load();
  };

  private async exportLists(format: 'csv' | 'xlsx', list?: TwoList): Promise<void> {
    const client = this.fg.client;
    if (client === undefined || this.exporting) return;
    this.exporting = true;
    this.alert = '';
    try {
      const ui = await loadView();
      this.message = ui.t('exporting', this.fg.locale);
      // The file code is loaded with the first export: the list itself does not need it.
      const { csvFile, deliver, fetchAll, fileName, xlsxFile } = await import('./export.js');
      const ctx = this.context(client, ui);
      const lists = list === undefined ? ui.TWO_LISTS : [list];
      const tables = [];
      let rows = 0;
      for (const l of lists) {
        const hazards = await fetchAll(client, { ...toQuery(this.filters, l, 500), limit: 500 });
        await Promise.all([loadPlaces(client, hazards, this.places), this.loadPeople(client, hazards, ui)]);
        const table = ui.twoListTable(l, hazards, ctx);
        rows += table.rows.length;
        tables.push(table);
      }
      const first = tables[0];
      if (first === undefined) return;
      const [file, name] = format === 'csv'
        ? [csvFile(first), fileName(first.title, 'csv', ctx.now)]
        : [await xlsxFile(tables), fileName(this.fg.locale === 'zh-CN' ? '隐患两个清单' : 'hazard-lists', 'xlsx', ctx.now)];
      await deliver(file, name, this.saveFile);
      this.message = ui.t('exported', this.fg.locale, { n: rows, file: name });
    } catch (e) {
      this.message = '';
      this.alert = await userError(this, e, this.fg.locale);
    } finally {
      this.exporting = false;
    }
  }

  override render(): TemplateResult {
    const locale = this.fg.locale;
    const client = this.fg.client;
    if (client === undefined) return message('error', SHELL.noClient[locale], { part: 'error' });
    const session = this.fg.session;
    if (session === undefined) {
      const failed = this.fg.error;
      return html`${message('info', failed === undefined ? SHELL.loading[locale] : '')}
        ${message('error', failed === undefined ? '' : errorText(this, failed, locale), { part: 'error' })}`;
    }
    if (this.selected !== undefined) {
      return html`<div class="base" part="base">
        <div><button type="button" id="back" @click=${this.onBack}>${SHELL.back[locale]}</button></div>
        <fg-hazard-detail .client=${client} .hazard=${this.selected} .session=${session} .locale=${locale} .people=${this.people}
          .ruleSets=${this.ruleSets} .place=${this.selected.placeId === undefined ? undefined : this.places.get(this.selected.placeId)}
          .onChange=${this.onChanged}></fg-hazard-detail>
      </div>`;
    }
    const ui = this.ui;
    const badList = !isList(this.list);
    if (ui === undefined || badList) {
      // What went wrong replaces the spinner: a refused query or an invalid attribute never loads.
      const alert = badList ? SHELL.badList[locale] + this.list : this.alert;
      return html`${message('info', alert === '' ? SHELL.loading[locale] : '')}
        ${message('error', alert, { part: 'error' })}`;
    }
    return ui.renderLedger({
      wide: this.wide, locale, list: this.list, filters: this.filters, items: this.items, page: this.page, pageSize: this.pageSize,
      hasNext: this.nextCursor !== null, total: this.total, loading: this.loading, alert: this.alert, message: this.message,
      exporting: this.exporting, menu: this.menu, revealed: this.revealed, ctx: this.context(client, ui),
      clocks: client.tipOffClocks,
    }, this.actions);
  }

  private readonly actions: LedgerActions = {
    pickList: (list) => { this.list = list; },
    changeFilters: (patch, now) => { this.filters = { ...this.filters, ...patch }; if (now) this.reload(); },
    apply: (e) => { e.preventDefault(); this.reload(); },
    reset: () => { this.filters = { ...NO_FILTERS }; this.reload(); },
    exportLists: (format, list) => { void this.exportLists(format, list); },
    toggleMenu: (open, focus) => {
      this.menu = open;
      void this.updateComplete.then(() => {
        const items = [...this.renderRoot.querySelectorAll<HTMLElement>('#export-menu [role="menuitem"]')];
        const target = focus === 'button' ? this.renderRoot.querySelector<HTMLElement>('#export')
          : !open ? undefined : focus === 'last' ? items[items.length - 1] : focus === 'first' ? items[0] : undefined;
        target?.focus();
      });
    },
    open: (h) => { void this.onOpen(h); },
    reveal: (key) => {
      const next = new Set(this.revealed);
      if (!next.delete(key)) next.add(key);
      this.revealed = next;
    },
    prev: () => { this.page--; void this.load(); },
    next: () => { this.cursors[this.page + 1] = this.nextCursor ?? undefined; this.page++; void this.load(); },
  };
}
