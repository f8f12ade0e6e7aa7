import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type {
  CaptainIndex, CaptainLimits, CoverageReport, Duty, FiregridClient, FloorCaptain, Locale, OrgUnit, Place, ImportPreview,
} from '@firegrid/core';
import { ClientController } from '../client-controller.js';
import type { Messages } from '../i18n.js';
import { baseStyles, message } from '../styles.js';
import type { MessageTone } from '../styles.js';
import { registryStyles } from './captain-registry.styles.js';
import { loadRegistry, searchBuildings, searchGiven, type Where } from './data.js';
import type * as Editor from './editor.js';
import type { EditorKind, EditorState } from './editor.js';
import type * as Io from './io.js';
import type { ExportFormat } from './io.js';
import type { MessageKey } from './messages.js';
import type * as View from './view.js';
import type { RegistryActions, RegistryView, Row } from './view.js';
import type * as Virtual from './virtual.js';
import { fill } from '../i18n.js';
import { errorText, userError } from '../errors.js';

/** `fg-captain-save`: a captain was registered, edited, replaced (the new one) or his notice marked posted. */
export type CaptainSaveEvent = CustomEvent<{ captain: FloorCaptain }>;
/** `fg-captain-end`: a captain's term was ended. */
export type CaptainEndEvent = CustomEvent<{ captainId: string }>;
/** `fg-captain-import`: an import was stored (`count` records written). */
export type CaptainImportEvent = CustomEvent<{ count: number }>;

declare global {
  interface HTMLElementEventMap {
    'fg-captain-save': CaptainSaveEvent;
    'fg-captain-end': CaptainEndEvent;
    'fg-captain-import': CaptainImportEvent;
  }
}

interface Data {
  buildings: readonly Place[];
  captains: FloorCaptain[];
}

const SEARCH_DELAY_MS = 250;
/** What the import button accepts. */
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The texts of the first screen: everything else comes with the view. */
const SHELL = {
  title: { 'zh-CN': '消防安全楼长', en: 'Fire-safety floor captains' },
  publicTitle: { 'zh-CN': '消防安全楼长公示', en: 'Fire-safety floor captains' },
  search: { 'zh-CN': '搜索楼栋或楼长姓名', en: 'Search buildings or captains' },
  searching: { 'zh-CN': '正在搜索…', en: 'Searching…' },
  results: { 'zh-CN': '找到 {n} 栋', en: '{n} found' },
  loading: { 'zh-CN': '正在加载楼栋和楼长…', en: 'Loading buildings and captains…' },
  noClient: { 'zh-CN': '没有找到 Firegrid 客户端：请把元素放在 <fg-provider> 内，或设置它的 client 属性。', en: 'No Firegrid client: put the element inside <fg-provider> or set its client property.' },
  list: { 'zh-CN': '高层住宅楼栋及楼长', en: 'High-rise residential buildings and their captains' },
  exportCsv: { 'zh-CN': '导出 CSV', en: 'Export CSV' },
  exportXlsx: { 'zh-CN': '导出 Excel', en: 'Export Excel' },
  importFile: { 'zh-CN': '导入 CSV / Excel', en: 'Import CSV / Excel' },
} as const satisfies Messages<string>;
type ShellKey = keyof typeof SHELL;

// The view (rows, coverage, the captain rules and their texts) loads with the data; editing and
// files when first used. The first screen needs none of them.
type ViewModule = typeof View;
let viewModule: Promise<ViewModule> | undefined;
const loadView = (): Promise<ViewModule> => (viewModule ??= import('./view.js'));
type EditorModule = typeof Editor;
let editorModule: Promise<EditorModule> | undefined;
const loadEditor = (): Promise<EditorModule> => (editorModule ??= import('./editor.js'));
const loadIo = (): Promise<typeof Io> => import('./io.js');
/**
 * Lists up to this long render whole; longer ones are virtualised, and the virtualizer is loaded
 * for them only (a grid's buildings never need it, a county's always do).
 */
const WHOLE_LIST_MAX = 100;
/** Rows shown while the virtualizer of a long list loads: the first screen. */
const FIRST_SCREEN_ROWS = 24;
type VirtualModule = typeof Virtual;
let virtualModule: Promise<VirtualModule> | undefined;
const loadVirtual = (): Promise<VirtualModule> =>
  (virtualModule ??= import('./virtual.js').then((m) => {
    m.useFrameResizeObserver();
    return m;
  }));


/**
 * The registry of fire-safety floor captains (消防安全楼长) of a grid or a county: every high-rise
 * residential building with its captain, the gaps first, and the coverage a supervisor watches —
 * "one building, one captain, one file" (一楼一长，一长一档).
 *
 * In `manage` mode a grid worker registers, edits, replaces a captain (the old term ends the day
 * the new one begins, in one `captains.import` transaction), ends a term, records the signed
 * commitment and marks the notice posted; imports a CSV or Excel file after a preview that shows
 * every bad row; and exports CSV (UTF-8 with BOM) or Excel. In `public` mode it is read-only,
 * phones masked (138****1234), no history. A list of more than 100 buildings is virtualised (the
 * virtualizer is loaded for such lists only): a county's 100,000 buildings
 * render as fast as a grid's hundred.
 *
 * Data comes through the client (`client.data.list` of `places` and `captains`, filtered by
 * `grid-id` or `scope`, else the session's scope), or from the `buildings` and `captains`
 * properties when the host has them already. Saves go through `client.submit` and
 * `client.command('captains.import')`.
 *
 * Locale, first match wins: the element's `locale` (property or attribute); the nearest
 * `<fg-provider>`'s `locale`; the session's `locale`; zh-CN. `lang` attributes are not read.
 *
 * Theming: the design tokens (docs/elements.md#design-tokens) and the custom properties below.
 * Vacant buildings take `--fg-color-error`, unposted notices `--fg-color-warning`, covered
 * buildings `--fg-color-success`; `elder` and `mode="public"` use the elder sizes.
 *
 * @summary Floor captains per high-rise building: coverage, register/replace/end, import and export.
 * @tag fg-captain-registry
 * @fires {CustomEvent<FgErrorDetail>} fg-error - Something failed. The person is told what happened and what to do in his language; `detail` has the technical message (HTTP method, path, ids), the code and status, for the host's logs.
 *
 * @fires fg-captain-save - `{ captain }` after a captain is registered, edited, replaced or his notice marked posted.
 * @fires fg-captain-end - `{ captainId }` after a term is ended.
 * @fires fg-captain-import - `{ count }` after an import is stored.
 *
 * @csspart base - The whole registry.
 * @csspart header - Title and coverage.
 * @csspart coverage - The coverage figure.
 * @csspart toolbar - Search, import and export.
 * @csspart list - The scrolling list of buildings.
 * @csspart row - One building.
 * @csspart actions - The buttons of a row.
 * @csspart preview - The import preview.
 * @csspart dialog - The editing and file dialogs.
 * @csspart error - The error region.
 *
 * @cssprop [--fg-captain-accent=var(--fg-color-primary)] - Primary buttons.
 * @cssprop [--fg-captain-list-height=min(70vh, 44em)] - Height of the scrolling list.
 */
export class FgCaptainRegistry extends LitElement {
  static override styles = [baseStyles, registryStyles];

  /** The Firegrid client; the nearest `<fg-provider>`'s when unset. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The locale to speak (`zh-CN` or `en`); wins over the provider's and the session's. */
  @property() locale: Locale | undefined;
  /** The grid (OrgUnit code) whose buildings to show. */
  @property({ attribute: 'grid-id' }) gridId: string | undefined;
  /** An OrgUnit code prefix (a community, a county) whose buildings to show; the session's scope when neither is set. */
  @property() scope: string | undefined;
  /** `manage` for grid workers; `public` is read-only with masked phones and no history. */
  @property({ reflect: true }) mode: 'manage' | 'public' = 'manage';
  /** Elder-friendly mode: 20 px text and 56 px touch targets. */
  @property({ type: Boolean, reflect: true }) elder = false;
  /** Buildings given by the host (any places; those that need a captain are shown). Skips loading. */
  @property({ attribute: false }) buildings: readonly Place[] | undefined;
  /** Captains given by the host, with `buildings`. */
  @property({ attribute: false }) captains: readonly FloorCaptain[] | undefined;
  /** The duty list offered when registering; the default list of core when unset. */
  @property({ attribute: false }) duties: readonly Duty[] | undefined;
  /** Limits per person; at most 5 buildings and 500 households when unset. */
  @property({ attribute: false }) limits: CaptainLimits | undefined;
  /** OrgUnits of the area: grid and community names, and coverage per community. */
  @property({ attribute: false }) orgUnits: readonly OrgUnit[] | undefined;
  /** Where exports go: `(file, name) => …` (a WebView bridge that saves files its own way); a browser download when unset. */
  @property({ attribute: false }) saveFile: ((file: Blob, name: string) => void | Promise<void>) | undefined;

  @state() private data: Data | undefined;
  @state() private error = '';
  @state() private notice = '';
  /** The notice's tone: info while a file is read, success for what was done. */
  @state() private noticeTone: MessageTone = 'success';
  @state() private q = '';
  @state() private hits: Set<string> | undefined;
  @state() private searching = false;
  @state() private editor: EditorState | undefined;
  @state() private editorError = '';
  @state() private fileOf: Place | undefined;
  @state() private preview: { name: string; result: ImportPreview } | undefined;
  @state() private working = false;
  @state() private breakdown = false;
  @state() private editorUi: EditorModule | undefined;
  @state() private virtual: VirtualModule | undefined;
  @state() private ui: ViewModule | undefined;


  private readonly fg = new ClientController(this);
  private index: CaptainIndex<Place, FloorCaptain> | undefined;
  private shown: Place[] = [];
  private report: CoverageReport | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private searchAbort: AbortController | undefined;

  private readonly load = new Task(this, {
    task: async ([client, gridId, scope, given], { signal }) => {
      if (given || client === undefined) return undefined;
      void this.view();
      const where: Where = gridId !== undefined ? { gridId } : { scope: scope ?? (await client.session()).scope };
      return loadRegistry(client.data, where, signal);
    },
    // Primitives only: the task runs again whenever an argument is not identical to the last.
    args: () => [this.fg.client, this.gridId, this.scope, this.buildings !== undefined] as const,
    onComplete: (value) => {
      if (value !== undefined) this.data = { buildings: value.buildings, captains: [...value.captains] };
    },
  });

  private get editorDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('#editor');
  }

  private get fileDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('#file');
  }

  private get noticeEl(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('#notice');
  }

  private get where(): Where {
    return this.gridId !== undefined ? { gridId: this.gridId } : this.scope !== undefined ? { scope: this.scope } : {};
  }

  private now(): Date {
    return this.fg.client?.now() ?? new Date();
  }

  /** A text of the first screen. */
  private t(key: ShellKey, values?: Record<string, string | number>): string {
    return fill(SHELL[key][this.fg.locale], values);
  }

  /** The view module, loading it when it has not come yet; its failure is shown in the alert. */
  private async view(): Promise<ViewModule> {
    if (this.ui !== undefined) return this.ui;
    try {
      return (this.ui = await loadView());
    } catch (e) {
      this.error = await userError(this, e, this.fg.locale);
      throw e;
    }
  }

  private dutyList(ui: ViewModule): string[] {
    return ui.dutyTexts(this.duties ?? ui.DEFAULT_DUTIES, this.fg.locale);
  }

  override willUpdate(changed: PropertyValues): void {
    if ((changed.has('buildings') || changed.has('captains')) && this.buildings !== undefined) {
      this.data = { buildings: this.buildings, captains: [...(this.captains ?? [])] };
    }
    const ui = this.ui;
    if (this.data !== undefined && ui === undefined) void this.view().catch(() => undefined);
    if (changed.has('data') || changed.has('ui')) {
      // The first screen needs only the order and the total: per-grid figures wait for the breakdown.
      this.index = this.data === undefined || ui === undefined ? undefined : ui.captainIndex(this.data.buildings, this.data.captains, this.now());
      this.report = undefined;
    }
    if (changed.has('orgUnits')) this.report = undefined;
    if (this.breakdown && this.report === undefined && this.index !== undefined && ui !== undefined) {
      const units = this.orgUnits;
      this.report = ui.indexCoverage(this.index, units === undefined ? {} : { communityOf: ui.communityOfGrid(units) });
    }
    if (changed.has('data') || changed.has('hits') || changed.has('ui')) {
      const hits = this.hits;
      const order = this.index?.order ?? [];
      this.shown = hits === undefined ? order : order.filter((b) => hits.has(b.id));
    }
    if (this.virtual === undefined && this.long) {
      loadVirtual().then((m) => { this.virtual = m; }, (e: unknown) => { void userError(this, e, this.fg.locale).then((m) => { this.error = m; }); });
    }
  }

  /** Whether the list is virtualised: decided by all the buildings, so a search does not switch it. */
  private get long(): boolean {
    return (this.index?.order.length ?? 0) > WHOLE_LIST_MAX;
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('editor')) {
      const dialog = this.editorDialog;
      if (this.editor !== undefined && dialog !== null && !dialog.open && this.isConnected) dialog.showModal();
      if (this.editor === undefined && dialog?.open === true) dialog.close();
    }
    if (changed.has('fileOf')) {
      const dialog = this.fileDialog;
      if (this.fileOf !== undefined && dialog !== null && !dialog.open && this.isConnected) dialog.showModal();
      if (this.fileOf === undefined && dialog?.open === true) dialog.close();
    }
  }

  override disconnectedCallback(): void {
    // eslint-disable-next-line wc/guard-super-call -- LitElement implements it
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.searchAbort?.abort();
  }

  // ---- rendering -------------------------------------------------------------------------------

  /** What the view reads, or `undefined` while the data or the view is still coming. */
  private viewState(): RegistryView | undefined {
    const index = this.index;
    if (index === undefined || this.ui === undefined) return undefined;
    return {
      locale: this.fg.locale,
      manage: this.mode !== 'public',
      index,
      shown: this.shown.length,
      orgUnits: this.orgUnits,
      report: this.breakdown ? this.report : undefined,
      working: this.working,
      on: this.actions,
    };
  }

  private readonly actions: RegistryActions = {
    breakdown: (open) => { this.breakdown = open; },
    edit: (kind, row) => { void this.openEditor(kind, row); },
    markPosted: (captain) => { void this.markPosted(captain); },
    openFile: (building) => { this.fileOf = building; },
    closeFile: () => { this.fileOf = undefined; },
    cancelPreview: () => { this.preview = undefined; },
    confirmImport: () => { void this.confirmImport(); },
  };

  override render(): TemplateResult {
    const manage = this.mode !== 'public';
    const client = this.fg.client;
    const ui = this.ui;
    const v = this.viewState();
    const waiting = v === undefined;
    return html`<section class="base" part="base" aria-labelledby="title">
      <header part="header">
        <h2 id="title">${this.t(manage ? 'title' : 'publicTitle')}</h2>
        ${v === undefined || ui === undefined ? nothing : ui.renderCoverage(v)}
      </header>
      <div class="tools" part="toolbar">
        <div class="field search">
          <label for="search">${this.t('search')}</label>
          <input id="search" type="search" autocomplete="off" .value=${this.q} @input=${this.onSearchInput}
            aria-describedby="search-status" ?disabled=${waiting}>
        </div>
        ${manage ? html`
          <button type="button" id="export-csv" @click=${() => { void this.onExport('csv'); }} ?disabled=${waiting}>${this.t('exportCsv')}</button>
          <button type="button" id="export-xlsx" @click=${() => { void this.onExport('xlsx'); }} ?disabled=${waiting}>${this.t('exportXlsx')}</button>
          <label class="file">${this.t('importFile')}<input type="file" id="import-file" accept=${ACCEPT} @change=${this.onFile} ?disabled=${waiting || this.working}></label>` : nothing}
      </div>
      <p id="search-status" class="hint" aria-live="polite">${this.searching ? this.t('searching') : this.hits === undefined ? '' : this.t('results', { n: this.shown.length })}</p>
      ${message('error', this.error !== '' ? this.error
        : client === undefined && this.buildings === undefined ? this.t('noClient')
          : this.load.error !== undefined ? errorText(this, this.load.error, this.fg.locale)
            : this.fg.error !== undefined ? errorText(this, this.fg.error, this.fg.locale) : '', { part: 'error' })}
      ${message(this.noticeTone, this.notice, { id: 'notice', focusable: true })}
      ${this.preview === undefined || v === undefined || ui === undefined ? nothing : ui.renderPreview(v, this.preview.name, this.preview.result)}
      ${waiting && (client !== undefined || this.buildings !== undefined) && this.load.error === undefined && this.error === ''
        ? html`<p class="hint">${this.t('loading')}</p>` : nothing}
      ${v !== undefined && ui !== undefined && this.shown.length === 0 ? html`<p class="empty">${ui.emptyText(v)}</p>` : nothing}
      ${v === undefined || ui === undefined ? nothing : this.renderList(v, ui)}
      <dialog id="editor" part="dialog" @cancel=${this.closeEditor} @close=${this.closeEditor}>
        ${this.editor === undefined || this.editorUi === undefined || ui === undefined ? nothing : this.editorUi.renderEditor(this.editor, this.dutyList(ui), this.fg.locale, {
          change: (patch) => { if (this.editor !== undefined) this.editor = { ...this.editor, ...patch }; },
          save: () => { void this.save(); },
          cancel: this.closeEditor,
        }, this.editorError)}
      </dialog>
      <dialog id="file" part="dialog" aria-labelledby="file-title" @close=${() => { this.fileOf = undefined; }}>
        ${this.fileOf === undefined || v === undefined || ui === undefined ? nothing : ui.renderFile(v, this.fileOf, this.data?.captains ?? [])}
      </dialog>
    </section>`;
  }

  /**
   * The list of buildings: whole when short; virtualised when long, with its first screen shown
   * while the virtualizer loads. The two are different templates, so switching replaces the list.
   */
  private renderList(v: RegistryView, ui: ViewModule): TemplateResult {
    const virtual = this.long ? this.virtual : undefined;
    const label = this.t('list');
    const hidden = this.shown.length === 0;
    return virtual === undefined
      ? html`<div class="list whole" part="list" role="list" aria-label=${label} ?hidden=${hidden} tabindex="0">${
        (this.long ? this.shown.slice(0, FIRST_SCREEN_ROWS) : this.shown).map((b, i) => ui.renderRow(v, b, i))}</div>`
      : html`<div class="list" part="list" role="list" aria-label=${label} ?hidden=${hidden} tabindex="0">${virtual.virtualize({
        items: this.shown,
        scroller: true,
        keyFunction: (b: Place) => b.id,
        renderItem: (b: Place, i: number) => ui.renderRow(v, b, i),
      })}</div>`;
  }

  // ---- search ----------------------------------------------------------------------------------

  private readonly onSearchInput = (e: Event): void => {
    this.q = (e.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => { void this.search(this.q); }, SEARCH_DELAY_MS);
  };

  private async search(q: string): Promise<void> {
    this.searchAbort?.abort();
    if (q.trim() === '') {
      this.hits = undefined;
      this.searching = false;
      return;
    }
    const client = this.fg.client;
    if (this.buildings !== undefined || client === undefined) {
      // The host gave the data: search it with the same rules a port applies to `q`.
      this.hits = searchGiven(this.index?.order ?? [], this.data?.captains ?? [], q);
      return;
    }
    const abort = (this.searchAbort = new AbortController());
    this.searching = true;
    try {
      const session = this.where.gridId === undefined && this.where.scope === undefined ? await client.session() : undefined;
      const ids = await searchBuildings(client.data, session === undefined ? this.where : { scope: session.scope }, q, abort.signal);
      if (!abort.signal.aborted) this.hits = ids;
    } catch (e) {
      const text = await userError(this, e, this.fg.locale);
      if (!abort.signal.aborted) this.error = text;
    } finally {
      if (!abort.signal.aborted) this.searching = false;
    }
  }

  // ---- editing ---------------------------------------------------------------------------------

  private async openEditor(kind: EditorKind, row: Row): Promise<void> {
    this.editorError = '';
    this.notice = '';
    try {
      const view = await this.view();
      const ui = (this.editorUi ??= await loadEditor());
      this.editor = ui.openEditor(kind, row.building, row.captain, this.dutyList(view), view.dayOf(this.now()));
    } catch (e) {
      this.error = await userError(this, e, this.fg.locale);
    }
  }

  private readonly closeEditor = (): void => {
    if (this.editor?.busy !== true) this.editor = undefined;
  };

  /** Puts saved captains into the working copy, replacing those with the same id. */
  private merge(saved: readonly FloorCaptain[]): void {
    const data = this.data;
    if (data === undefined || saved.length === 0) return;
    const byId = new Map(saved.map((c) => [c.id, c]));
    const captains = data.captains.map((c) => byId.get(c.id) ?? c);
    for (const c of saved) if (!data.captains.some((x) => x.id === c.id)) captains.push(c);
    this.data = { buildings: data.buildings, captains };
  }

  private fire<K extends 'fg-captain-save' | 'fg-captain-end' | 'fg-captain-import'>(type: K, detail: HTMLElementEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private async save(): Promise<void> {
    const ed = this.editor;
    const client = this.fg.client;
    const data = this.data;
    if (ed === undefined || data === undefined) return;
    if (client === undefined) {
      this.editorError = this.t('noClient');
      return;
    }
    const view = await this.view();
    const say = (key: MessageKey, values?: Record<string, string | number>): string => view.fmt(key, this.fg.locale, values);
    const today = view.dayOf(this.now());
    const ui = this.editorUi ??= await loadEditor();
    const outcome = ui.readEditor(ed, { locale: this.fg.locale, captains: data.captains, buildings: data.buildings, limits: this.limits ?? view.DEFAULT_LIMITS, today });
    if (!('kind' in outcome)) {
      this.editor = { ...ed, errors: outcome };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.editor = { ...ed, errors: {}, busy: true };
    this.editorError = '';
    try {
      if (outcome.kind === 'replace') {
        const receipt = await client.command('captains.import', { rows: [outcome.ended, outcome.started] });
        const items = (await loadIo()).importedItems(receipt.kind === 'stored' ? receipt.result : undefined);
        if (items.length === 0) void this.load.run();
        else this.merge(items);
        // A server answers with the stored records (`items`); one that does not is read again.
        const at = this.now().toISOString();
        const started = items.find((c) => c.id === outcome.started.id)
          ?? { ...outcome.started, version: 1, createdAt: at, updatedAt: at, tenantId: outcome.ended.tenantId };
        this.fire('fg-captain-save', { captain: started });
        this.notice = say('saved', { name: outcome.started.person.name });
      } else {
        const saved = (await client.submit('captains', outcome.record)).record;
        this.merge([saved]);
        if (outcome.kind === 'end') {
          this.fire('fg-captain-end', { captainId: saved.id });
          this.notice = say('endedMsg', { name: saved.person.name });
        } else {
          this.fire('fg-captain-save', { captain: saved });
          this.notice = say('saved', { name: saved.person.name });
        }
      }
      this.editor = undefined;
      await this.updateComplete;
      this.noticeEl?.focus();
    } catch (e) {
      // The form stays open with everything typed; the reason shows inside it.
      if (this.editor !== undefined) this.editor = { ...this.editor, busy: false };
      this.editorError = await userError(this, e, this.fg.locale, 'write');
    }
  }

  private async markPosted(captain: FloorCaptain): Promise<void> {
    const client = this.fg.client;
    if (client === undefined || this.working) return;
    this.working = true;
    this.error = '';
    try {
      const saved = (await client.submit('captains', { ...captain, publicisedAt: this.now().toISOString() })).record;
      this.merge([saved]);
      this.fire('fg-captain-save', { captain: saved });
      this.notice = await this.say('saved', { name: saved.person.name });
    } catch (e) {
      this.error = await userError(this, e, this.fg.locale, 'write');
    } finally {
      this.working = false;
    }
  }

  /** A text of the view, which has loaded whenever a user can act on a row. */
  private async say(key: MessageKey, values?: Record<string, string | number>): Promise<string> {
    return (await this.view()).fmt(key, this.fg.locale, values);
  }

  // ---- files -----------------------------------------------------------------------------------

  /**
   * The registry as shown (all buildings, or the search's matches) as a file: CSV (UTF-8 with a
   * BOM, so Excel opens it) or .xlsx. Formula-like cells are neutralised; in public mode phones
   * are masked.
   */
  async exportFile(format: ExportFormat = 'csv'): Promise<Blob> {
    const [io, view] = await Promise.all([loadIo(), this.view()]);
    const index = this.index;
    return io.exportRows(index === undefined ? [] : this.shown.map((b) => view.rowOf(index, b)), {
      locale: this.fg.locale,
      maskPhones: this.mode === 'public',
      gridName: (code) => view.unitName(this.orgUnits, code),
    }, format, view.fmt('fileName', this.fg.locale));
  }

  private async onExport(format: ExportFormat): Promise<void> {
    this.error = '';
    try {
      const blob = await this.exportFile(format);
      const view = await this.view();
      const name = `${view.fmt('fileName', this.fg.locale)}-${view.dayOf(this.now())}.${format}`;
      if (this.saveFile === undefined) (await loadIo()).download(blob, name);
      else await this.saveFile(blob, name);
    } catch (e) {
      this.error = await userError(this, e, this.fg.locale);
    }
  }

  private readonly onFile = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so that choosing the same file again (after fixing it) reads it again.
    input.value = '';
    if (file !== undefined) await this.importFile(file);
  };

  /**
   * Reads a CSV or .xlsx file and shows its import preview, as choosing it in the import button
   * does (for hosts with their own file picker, such as an app bridge). Nothing is stored until
   * the user confirms. Resolves with the preview, or `undefined` when the file could not be read
   * (the reason is shown) or the registry could not load. Waits for a load in progress.
   */
  async importFile(file: Blob & { name?: string }): Promise<ImportPreview | undefined> {
    if (this.data === undefined) await this.load.taskComplete.catch(() => undefined);
    const data = this.data;
    if (data === undefined) return undefined;
    const view = await this.view().catch(() => undefined);
    if (view === undefined) return undefined;
    const name = file.name ?? '';
    this.error = '';
    this.notice = view.fmt('reading', this.fg.locale);
    this.noticeTone = 'info';
    try {
      const io = await loadIo();
      const result = await io.previewImport(file, {
        buildings: data.buildings, captains: data.captains, at: this.now(), limits: this.limits ?? view.DEFAULT_LIMITS,
        duties: this.dutyList(view), locale: this.fg.locale,
      });
      this.preview = { name, result };
      this.notice = '';
      this.noticeTone = 'success';
      return result;
    } catch (err) {
      this.notice = '';
      this.noticeTone = 'success';
      this.error = view.fmt('badFile', this.fg.locale, { name, reason: err instanceof Error ? err.message : String(err) });
      return undefined;
    }
  }

  private async confirmImport(): Promise<void> {
    const client = this.fg.client;
    const preview = this.preview;
    if (client === undefined || preview === undefined || this.working) return;
    this.working = true;
    this.error = '';
    try {
      const receipt = await client.command('captains.import', { rows: preview.result.records });
      const items = (await loadIo()).importedItems(receipt.kind === 'stored' ? receipt.result : undefined);
      if (items.length === 0) void this.load.run();
      else this.merge(items);
      const count = items.length > 0 ? items.length : preview.result.records.length;
      this.preview = undefined;
      this.notice = await this.say('imported', { n: count });
      this.fire('fg-captain-import', { count });
      await this.updateComplete;
      this.noticeEl?.focus();
    } catch (e) {
      this.error = await userError(this, e, this.fg.locale, 'write');
    } finally {
      this.working = false;
    }
  }
}
