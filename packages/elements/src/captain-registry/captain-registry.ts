import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
// The narrow entry: the first screen needs the captain rules, not the schemas or the spreadsheet code.
import {
  COMMITMENT_LABELS, CAPTAIN_STATUS_LABELS, DEFAULT_DUTIES, DEFAULT_LIMITS, captainHistory,
  captainIndex, communityOfGrid, dayOf, dutyTexts, indexCoverage, maskPhone, statusIn,
} from '@firegrid/core/captains';
import type {
  CaptainIndex, CaptainLimits, CoverageOf, CoverageReport, Duty, FiregridClient, FloorCaptain, Locale, OrgUnit, Place, RegistryRow,
  ImportPreview,
} from '@firegrid/core';
import { ClientController } from '../client-controller.js';
import { registryStyles } from './captain-registry.styles.js';
import { loadRegistry, searchBuildings, searchGiven, type Where } from './data.js';
import type * as Editor from './editor.js';
import type { EditorKind, EditorState } from './editor.js';
import type * as Io from './io.js';
import type { ExportFormat } from './io.js';
import type * as Virtual from './virtual.js';
import { fmt, type MessageKey } from './messages.js';

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

type Row = RegistryRow<Place, FloorCaptain>;
interface Data {
  buildings: readonly Place[];
  captains: FloorCaptain[];
}

const SEARCH_DELAY_MS = 250;
/** What the import button accepts. */
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Editing and files are loaded when first used: the first screen needs neither.
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
const loadVirtual = (): Promise<VirtualModule> => (virtualModule ??= import('./virtual.js'));

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

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
 * @summary Floor captains per high-rise building: coverage, register/replace/end, import and export.
 * @tag fg-captain-registry
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
 * @cssprop --fg-captain-accent - Primary buttons (falls back to --fg-color-primary, #c62828).
 * @cssprop --fg-captain-list-height - Height of the scrolling list (default min(70vh, 44em)).
 * @cssprop --fg-color-text - Text colour.
 * @cssprop --fg-color-muted - Secondary text.
 * @cssprop --fg-color-border - Borders.
 * @cssprop --fg-color-error - Vacant buildings and errors.
 * @cssprop --fg-color-warning - Buildings whose notice is not posted.
 * @cssprop --fg-color-success - Covered buildings.
 * @cssprop --fg-font-size - Base text size (20px in elder mode).
 * @cssprop --fg-target-size - Touch target size (56px in elder mode).
 */
export class FgCaptainRegistry extends LitElement {
  static override styles = registryStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The Firegrid client; the nearest `<fg-provider>`'s when unset. */
  @property({ attribute: false }) client: FiregridClient | undefined;
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


  private readonly fg = new ClientController(this);
  private index: CaptainIndex<Place, FloorCaptain> | undefined;
  private shown: Place[] = [];
  private report: CoverageReport | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private searchAbort: AbortController | undefined;

  private readonly load = new Task(this, {
    task: async ([client, gridId, scope, given], { signal }) => {
      if (given || client === undefined) return undefined;
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

  private get locale(): Locale {
    return this.fg.locale;
  }

  private now(): Date {
    return this.fg.client?.now() ?? new Date();
  }

  private t(key: MessageKey, values?: Record<string, string | number>): string {
    return fmt(key, this.locale, values);
  }

  private dutyList(): string[] {
    return dutyTexts(this.duties ?? DEFAULT_DUTIES, this.locale);
  }

  override willUpdate(changed: PropertyValues): void {
    if ((changed.has('buildings') || changed.has('captains')) && this.buildings !== undefined) {
      this.data = { buildings: this.buildings, captains: [...(this.captains ?? [])] };
    }
    if (changed.has('data')) {
      // The first screen needs only the order and the total: per-grid figures wait for the breakdown.
      this.index = this.data === undefined ? undefined : captainIndex(this.data.buildings, this.data.captains, this.now());
      this.report = undefined;
    }
    if (changed.has('orgUnits')) this.report = undefined;
    if (this.breakdown && this.report === undefined && this.index !== undefined) {
      const units = this.orgUnits;
      this.report = indexCoverage(this.index, units === undefined ? {} : { communityOf: communityOfGrid(units) });
    }
    if (changed.has('data') || changed.has('hits')) {
      const hits = this.hits;
      const order = this.index?.order ?? [];
      this.shown = hits === undefined ? order : order.filter((b) => hits.has(b.id));
    }
    if (this.virtual === undefined && this.long) {
      loadVirtual().then((m) => { this.virtual = m; }, (e: unknown) => { this.error = messageOf(e); });
    }
  }

  /** Whether the list is virtualised: decided by all the buildings, so a search does not switch it. */
  private get long(): boolean {
    return (this.index?.order.length ?? 0) > WHOLE_LIST_MAX;
  }

  /** The registry row of a building: its captain in office and its status. */
  private rowOf(building: Place): Row {
    const index = this.index;
    return index === undefined
      ? { building, captain: undefined, status: 'vacant' }
      : { building, captain: index.captainOf.get(building.id), status: statusIn(index, building) };
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

  override render(): TemplateResult {
    const manage = this.mode !== 'public';
    const client = this.fg.client;
    const waiting = this.data === undefined;
    return html`<section class="base" part="base" aria-labelledby="title">
      <header part="header">
        <h2 id="title">${this.t(manage ? 'title' : 'publicTitle')}</h2>
        ${this.renderCoverage()}
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
      <p class="alert" role="alert" part="error">${this.error !== '' ? this.error
        : client === undefined && this.buildings === undefined ? this.t('noClient')
          : this.load.error !== undefined ? messageOf(this.load.error)
            : this.fg.error !== undefined ? messageOf(this.fg.error) : ''}</p>
      <p class="status" role="status" id="notice" tabindex="-1">${this.notice}</p>
      ${this.preview === undefined ? nothing : this.renderPreview(this.preview.name, this.preview.result)}
      ${waiting && client !== undefined && this.load.error === undefined ? html`<p class="hint">${this.t('loading')}</p>` : nothing}
      ${!waiting && this.shown.length === 0 ? html`<p class="empty">${(this.index?.order.length ?? 0) === 0 ? this.t('noBuildings') : this.t('empty')}</p>` : nothing}
      ${this.renderList()}
      <dialog id="editor" part="dialog" @cancel=${this.closeEditor} @close=${this.closeEditor}>
        ${this.editor === undefined || this.editorUi === undefined ? nothing : this.editorUi.renderEditor(this.editor, this.dutyList(), this.locale, {
          change: (patch) => { if (this.editor !== undefined) this.editor = { ...this.editor, ...patch }; },
          save: () => { void this.save(); },
          cancel: this.closeEditor,
        }, this.editorError)}
      </dialog>
      <dialog id="file" part="dialog" aria-labelledby="file-title" @close=${() => { this.fileOf = undefined; }}>
        ${this.fileOf === undefined ? nothing : this.renderFile(this.fileOf)}
      </dialog>
    </section>`;
  }

  /**
   * The list of buildings: whole when short; virtualised when long, with its first screen shown
   * while the virtualizer loads. The two are different templates, so switching replaces the list.
   */
  private renderList(): TemplateResult {
    const virtual = this.long ? this.virtual : undefined;
    const label = this.t('list');
    const hidden = this.shown.length === 0;
    return virtual === undefined
      ? html`<div class="list whole" part="list" role="list" aria-label=${label} ?hidden=${hidden} tabindex="0">${
        (this.long ? this.shown.slice(0, FIRST_SCREEN_ROWS) : this.shown).map((b, i) => this.renderRow(b, i))}</div>`
      : html`<div class="list" part="list" role="list" aria-label=${label} ?hidden=${hidden} tabindex="0">${virtual.virtualize({
        items: this.shown,
        scroller: true,
        keyFunction: (b: Place) => b.id,
        renderItem: (b: Place, i: number) => this.renderRow(b, i),
      })}</div>`;
  }

  private renderCoverage(): TemplateResult | typeof nothing {
    const index = this.index;
    if (index === undefined) return nothing;
    const total = index.total;
    const pct = (rate: number | null): string => (rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toString()}%`);
    const units = new Map((this.orgUnits ?? []).map((u) => [u.code, u.name]));
    const table = (title: MessageKey, list: readonly CoverageOf[]) => html`<table>
      <caption class="vh">${this.t(title)}</caption>
      <thead><tr><th scope="col">${this.t('colUnit')}</th><th scope="col" class="num">${this.t('colBuildings')}</th>
        <th scope="col" class="num">${this.t('colCovered')}</th><th scope="col" class="num">${this.t('colRate')}</th></tr></thead>
      <tbody>${list.map((g) => html`<tr><th scope="row">${units.get(g.code) ?? g.code}</th><td class="num">${g.buildings}</td>
        <td class="num">${g.covered}</td><td class="num">${pct(g.rate)}</td></tr>`)}</tbody>
    </table>`;
    const report = this.breakdown ? this.report : undefined;
    const communities = (this.orgUnits ?? []).some((u) => u.level === 'community');
    return html`<p class="coverage" part="coverage">${this.t('coverage')} <strong>${pct(total.rate)}</strong></p>
      <p class="hint">${total.buildings === 0 ? this.t('noBuildings') : this.t('coverageOf', { covered: total.covered, total: total.buildings })}</p>
      <ul class="counts">
        <li>${this.t('countVacant', { n: total.vacant })}</li>
        <li>${this.t('countUnposted', { n: total.unposted })}</li>
      </ul>
      ${total.buildings === 0 ? nothing : html`<details @toggle=${(e: Event) => { this.breakdown = (e.target as HTMLDetailsElement).open; }}>
        <summary>${this.t(communities ? 'byCommunity' : 'byGrid')}</summary>
        ${report === undefined ? nothing : html`${report.communities.length > 0 ? table('byCommunity', report.communities) : nothing}${table('byGrid', report.grids)}`}
      </details>`}`;
  }

  private gridName(code: string): string {
    return this.orgUnits?.find((u) => u.code === code)?.name ?? code;
  }

  private renderRow(building: Place, i: number): TemplateResult {
    const row = this.rowOf(building);
    const { building: b, captain: c, status } = row;
    const manage = this.mode !== 'public';
    const households = b.building?.households;
    const phone = c === undefined ? '' : manage ? c.person.phone : maskPhone(c.person.phone);
    const action = (kind: EditorKind | 'posted' | 'file', label: MessageKey, handler: () => void) => html`<button type="button"
      data-action=${kind} @click=${handler}>${this.t(label)}<span class="vh">：${b.name}</span></button>`;
    return html`<div class="row ${status}" role="listitem" part="row" aria-posinset=${i + 1} aria-setsize=${this.shown.length}>
      <div class="building">
        <span class="name">${b.name}</span><span class="badge">${CAPTAIN_STATUS_LABELS[status][this.locale]}</span>
        <div class="meta">${b.address}${households === undefined ? '' : ` · ${this.t('households', { n: households })}`} · ${this.gridName(b.gridId)}</div>
      </div>
      <div class="who">${c === undefined ? html`<span class="meta">${this.t('noCaptain')}</span>` : html`
        <div><strong>${c.person.name}</strong> <span class="phone">${phone}</span></div>
        <div class="meta">${this.t('since', { from: c.term.from })}${manage ? html` · ${c.commitment === undefined ? this.t('notCommitted')
          : this.t('committed', { method: COMMITMENT_LABELS[c.commitment.method][this.locale], day: dayOf(c.commitment.signedAt) })}` : nothing}${c.publicisedAt === undefined ? '' : ` · ${this.t('posted', { day: dayOf(c.publicisedAt) })}`}</div>`}
      </div>
      ${manage ? html`<div class="actions" part="actions">${c === undefined
        ? action('register', 'register', () => { void this.openEditor('register', row); })
        : html`${action('edit', 'edit', () => { void this.openEditor('edit', row); })}
          ${action('replace', 'replace', () => { void this.openEditor('replace', row); })}
          ${action('end', 'end', () => { void this.openEditor('end', row); })}
          ${status === 'unposted' ? action('posted', 'markPosted', () => { void this.markPosted(c); }) : nothing}
          ${action('file', 'file', () => { this.fileOf = b; })}`}</div>` : nothing}
    </div>`;
  }

  private renderFile(b: Place): TemplateResult {
    const history = captainHistory(this.data?.captains ?? [], b.id);
    return html`<h2 id="file-title">${this.t('dialogFile', { building: b.name })}</h2>
      <ol class="history">${history.map((c) => html`<li>
        <strong>${c.person.name}</strong> ${c.person.phone}
        <div class="meta">${this.t('termRange', { from: c.term.from, to: c.term.to ?? this.t('present') })}</div>
        <div class="meta">${c.commitment === undefined ? this.t('notCommitted')
          : this.t('committed', { method: COMMITMENT_LABELS[c.commitment.method][this.locale], day: dayOf(c.commitment.signedAt) })}
          · ${c.publicisedAt === undefined ? this.t('notPosted') : this.t('posted', { day: dayOf(c.publicisedAt) })}</div>
        <div class="meta">${c.duties.join('；')}</div>
      </li>`)}</ol>
      <div class="buttons"><button type="button" @click=${() => { this.fileOf = undefined; }}>${this.t('close')}</button></div>`;
  }

  private renderPreview(name: string, p: ImportPreview): TemplateResult {
    const count = (action: string) => p.rows.filter((r) => r.action === action).length;
    const actionText = (r: ImportPreview['rows'][number]): string => {
      switch (r.action) {
        case 'create': return this.t('actionCreate');
        case 'replace': return this.t('actionReplace', { name: r.replaces ?? '' });
        case 'update': return this.t('actionUpdate');
        case 'unchanged': return this.t('actionUnchanged');
        case undefined: return '';
      }
    };
    return html`<section class="preview" part="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">${this.t('previewTitle', { name })}</h3>
      ${p.fileIssues.map((issue) => html`<p class="error">${issue}</p>`)}
      ${p.fileIssues.length > 0 ? nothing : html`
        <p>${this.t('previewSummary', { rows: p.rows.length, create: count('create'), replace: count('replace'), update: count('update'), unchanged: count('unchanged'), errors: p.errorCount })}</p>
        ${p.skipped > 0 ? html`<p class="hint">${this.t('previewSkipped', { n: p.skipped })}</p>` : nothing}
        <div class="scroll" tabindex="0" role="region" aria-label=${this.t('previewRows')}><table>
          <thead><tr><th scope="col" class="num">${this.t('colLine')}</th><th scope="col">${this.t('colBuilding')}</th><th scope="col">${this.t('colCaptain')}</th>
            <th scope="col">${this.t('colPhone')}</th><th scope="col">${this.t('colResult')}</th></tr></thead>
          <tbody>${p.rows.map((r) => html`<tr class=${r.issues.length > 0 ? 'bad' : 'ok'}>
            <td class="num">${r.line}</td><td>${r.buildingText}</td><td>${r.name}</td><td class="phone">${r.phone}</td>
            <td>${r.issues.length === 0 ? actionText(r) : html`<ul>${r.issues.map((x) => html`<li>${x.message}</li>`)}</ul>`}</td>
          </tr>`)}</tbody>
        </table></div>
        ${p.errorCount > 0 ? html`<p class="error">${this.t('previewBlocked')}</p>` : p.records.length === 0 ? html`<p class="hint">${this.t('previewNothing')}</p>` : nothing}`}
      <div class="buttons">
        <button type="button" @click=${() => { this.preview = undefined; }}>${this.t('cancel')}</button>
        ${p.errorCount === 0 && p.records.length > 0 ? html`<button type="button" class="primary" ?disabled=${this.working}
          @click=${() => { void this.confirmImport(); }}>${this.t('confirmImport', { n: p.records.length })}</button>` : nothing}
      </div>
    </section>`;
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
      if (!abort.signal.aborted) this.error = messageOf(e);
    } finally {
      if (!abort.signal.aborted) this.searching = false;
    }
  }

  // ---- editing ---------------------------------------------------------------------------------

  private async openEditor(kind: EditorKind, row: Row): Promise<void> {
    this.editorError = '';
    this.notice = '';
    try {
      const ui = (this.editorUi ??= await loadEditor());
      this.editor = ui.openEditor(kind, row.building, row.captain, this.dutyList(), dayOf(this.now()));
    } catch (e) {
      this.error = messageOf(e);
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
    const today = dayOf(this.now());
    const ui = this.editorUi ??= await loadEditor();
    const outcome = ui.readEditor(ed, { locale: this.locale, captains: data.captains, buildings: data.buildings, limits: this.limits ?? DEFAULT_LIMITS, today });
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
        const result = await client.command('captains.import', { rows: [outcome.ended, outcome.started] });
        const items = (await loadIo()).importedItems(result);
        if (items.length === 0) void this.load.run();
        else this.merge(items);
        // A server answers with the stored records (`items`); one that does not is read again.
        const at = this.now().toISOString();
        const started = items.find((c) => c.id === outcome.started.id)
          ?? { ...outcome.started, version: 1, createdAt: at, updatedAt: at, tenantId: outcome.ended.tenantId };
        this.fire('fg-captain-save', { captain: started });
        this.notice = this.t('saved', { name: outcome.started.person.name });
      } else {
        const saved = await client.submit('captains', outcome.record);
        this.merge([saved]);
        if (outcome.kind === 'end') {
          this.fire('fg-captain-end', { captainId: saved.id });
          this.notice = this.t('endedMsg', { name: saved.person.name });
        } else {
          this.fire('fg-captain-save', { captain: saved });
          this.notice = this.t('saved', { name: saved.person.name });
        }
      }
      this.editor = undefined;
      await this.updateComplete;
      this.noticeEl?.focus();
    } catch (e) {
      // The form stays open with everything typed; the reason shows inside it.
      if (this.editor !== undefined) this.editor = { ...this.editor, busy: false };
      this.editorError = messageOf(e);
    }
  }

  private async markPosted(captain: FloorCaptain): Promise<void> {
    const client = this.fg.client;
    if (client === undefined || this.working) return;
    this.working = true;
    this.error = '';
    try {
      const saved = await client.submit('captains', { ...captain, publicisedAt: this.now().toISOString() });
      this.merge([saved]);
      this.fire('fg-captain-save', { captain: saved });
      this.notice = this.t('saved', { name: saved.person.name });
    } catch (e) {
      this.error = messageOf(e);
    } finally {
      this.working = false;
    }
  }

  // ---- files -----------------------------------------------------------------------------------

  /**
   * The registry as shown (all buildings, or the search's matches) as a file: CSV (UTF-8 with a
   * BOM, so Excel opens it) or .xlsx. Formula-like cells are neutralised; in public mode phones
   * are masked.
   */
  async exportFile(format: ExportFormat = 'csv'): Promise<Blob> {
    const io = await loadIo();
    return io.exportRows(this.shown.map((b) => this.rowOf(b)), {
      locale: this.locale,
      maskPhones: this.mode === 'public',
      gridName: (code) => this.gridName(code),
    }, format, this.t('fileName'));
  }

  private async onExport(format: ExportFormat): Promise<void> {
    this.error = '';
    try {
      const blob = await this.exportFile(format);
      const name = `${this.t('fileName')}-${dayOf(this.now())}.${format}`;
      if (this.saveFile === undefined) (await loadIo()).download(blob, name);
      else await this.saveFile(blob, name);
    } catch (e) {
      this.error = messageOf(e);
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
    const name = file.name ?? '';
    this.error = '';
    this.notice = this.t('reading');
    try {
      const io = await loadIo();
      const result = await io.previewImport(file, {
        buildings: data.buildings, captains: data.captains, at: this.now(), limits: this.limits ?? DEFAULT_LIMITS,
        duties: this.dutyList(), locale: this.locale,
      });
      this.preview = { name, result };
      this.notice = '';
      return result;
    } catch (err) {
      this.notice = '';
      this.error = this.t('badFile', { name, reason: messageOf(err) });
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
      const result = await client.command('captains.import', { rows: preview.result.records });
      const items = (await loadIo()).importedItems(result);
      if (items.length === 0) void this.load.run();
      else this.merge(items);
      const count = items.length > 0 ? items.length : preview.result.records.length;
      this.preview = undefined;
      this.notice = this.t('imported', { n: count });
      this.fire('fg-captain-import', { count });
      await this.updateComplete;
      this.noticeEl?.focus();
    } catch (e) {
      this.error = messageOf(e);
    } finally {
      this.working = false;
    }
  }
}
