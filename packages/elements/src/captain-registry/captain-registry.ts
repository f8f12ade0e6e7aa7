import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { CaptainIndex, CaptainLimits, CoverageReport, Duty, FiregridClient, FloorCaptain, Locale, OrgUnit, Place, ImportPreview } from '@firegrid/core';
import { ClientController } from '../client-controller.js';
import { baseStyles, message } from '../styles.js';
import { errorText, userError } from '../errors.js';
import { registryStyles } from './captain-registry.styles.js';
import type { ExportFormat } from './io.js';
import { LazyModule, WHOLE_LIST_MAX, loadEditor, loadIo, loadView, loadVirtual, loadWrite } from './lazy.js';
import { RegistrySearch, loadRegistry, mergeCaptains, searchBuildings, searchGiven, type RegistryData, type Where } from './load.js';
import { renderList, renderNotice, renderToolbar, shellText, type ShellKey } from './shell.js';
import type { RegistryActions, RegistryView } from './view.js';
import { WorkController } from './work.js';

/**
 * The registry of fire-safety floor captains (消防安全楼长) of a grid or a county: every high-rise
 * residential building with its captain, the gaps first, and the coverage a supervisor watches —
 * "one building, one captain, one file" (一楼一长，一长一档).
 *
 * In `manage` mode a grid worker registers, edits, replaces a captain (the old term ends the day
 * the new one begins, in one `captains.import` transaction), ends a term (after a confirming form,
 * with 撤销 to undo it), records the signed
 * commitment and marks the notice posted; imports a CSV or Excel file after a preview that shows
 * every bad row; and exports CSV (UTF-8 with BOM) or Excel. Phones in the list are masked
 * (138****1234); in `manage` mode a tap on one shows it in full. In `public` mode it is read-only,
 * phones masked without reveal, no history. A list of more than 100 buildings is virtualised (the
 * virtualizer is loaded for such lists only): a county's 100,000 buildings
 * render as fast as a grid's hundred.
 *
 * With the offline client a save or an import made without network is queued on the device: the
 * list shows it at once and the notice says 待发送（n） in the warning tone with what happens next,
 * then 已发送 once the outbox has sent it. Should the server refuse it then, the notice says
 * 服务器未接受 and why, the list goes back to how it was, and 修改后重新提交 opens the form (or
 * the import preview) again as it was filled in.
 *
 * Data comes through the client (`client.data.list` of `places` and `captains`, filtered by
 * `grid-id` or `scope`, else the session's scope), or from the `buildings` and `captains`
 * properties when the host has them already. Saves go through `client.submit` and
 * `client.command('captains.import')`. With a client that has no offline layer, a save or an
 * import the network kept from being sent leaves the form (or the preview) as filled with
 * 未发送，网络恢复后重试 in the warning tone (never red), its button saying 重试; a one-tap write
 * (标记已公示, 撤销) says the same in the row of its building, with a 重试 button there. With the
 * offline layer each of these is queued and says 待发送（n）, then 已发送.
 *
 * Locale, first match wins: the element's `locale` (property or attribute); the nearest
 * `<fg-provider>`'s `locale`; the session's `locale`; zh-CN. `lang` attributes are not read.
 *
 * Theming: the design tokens (docs/elements.md#design-tokens) and the custom properties below.
 * Vacant buildings take `--fg-color-error`, unposted notices `--fg-color-warning`, covered
 * buildings `--fg-color-success`; `elder` and `mode="public"` use the elder sizes. Below 600 px of
 * its own width (a container query) the rows and the import preview stack; dialog buttons put the
 * primary last on the right, and below 600 px full width at the bottom.
 *
 * @summary Floor captains per high-rise building: coverage, register/replace/end, import and export.
 * @tag fg-captain-registry
 * @fires {CustomEvent<FgErrorDetail>} fg-error - Something failed. The person is told what happened and what to do in his language; `detail` has the technical message (HTTP method, path, ids), the code and status, for the host's logs.
 *
 * @fires fg-captain-save - `{ captain }` after a captain is registered, edited, replaced, his notice marked posted, or his ended term undone (撤销).
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
 * @csspart building - A row's building in the import preview.
 * @csspart captain - A row's captain in the import preview.
 * @csspart result - What a row of the import preview will do, or why it cannot.
 * @csspart dialog - The editing and file dialogs.
 * @csspart error - The error region.
 * @csspart sync - The note of a write queued on the device: 待发送（n）, 已发送, or 服务器未接受 with why.
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

  @state() private data: RegistryData | undefined;
  @state() private error = '';
  @state() private fileOf: Place | undefined;
  @state() private breakdown = false;
  /** Captains whose phone was tapped to show in full. */
  @state() private revealed: ReadonlySet<string> = new Set();

  private readonly fg = new ClientController(this);
  private readonly ui = new LazyModule(this, loadView);
  private readonly editorUi = new LazyModule(this, loadEditor);
  private readonly writer = new LazyModule(this, loadWrite);
  private readonly virtual = new LazyModule(this, loadVirtual);
  private readonly search = new RegistrySearch(this, {
    find: (q, signal) => this.find(q, signal),
    failed: (e) => { void this.fail(e); },
  });
  private readonly work = new WorkController(this, {
    client: () => this.fg.client, locale: () => this.fg.locale, now: () => this.now(), data: () => this.data,
    loaded: () => this.load.taskComplete.catch(() => undefined),
    rows: (view) => { const index = this.index; return index === undefined ? [] : this.shown.map((b) => view.rowOf(index, b)); },
    limits: () => this.limits, dutyList: () => this.dutyList(), maskPhones: () => this.mode === 'public',
    gridName: (view, code) => view.unitName(this.orgUnits, code), saveFile: () => this.saveFile,
    view: this.ui, editor: this.editorUi, write: this.writer, io: loadIo,
    // Stored captains go into the working copy; a server that did not answer with them is read again.
    merge: (saved) => { if (saved.length === 0) void this.load.run(); else if (this.data) this.data = mergeCaptains(this.data, saved); },
    revert: (before, added) => {
      const data = this.data;
      if (data !== undefined) this.data = mergeCaptains({ buildings: data.buildings, captains: data.captains.filter((c) => !added.includes(c.id)) }, before);
    },
    fire: (type, detail) => { this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true })); },
    fail: (text) => { this.error = text; }, noClient: () => this.t('noClient'),
    focusNotice: () => this.updateComplete.then(() => { this.renderRoot.querySelector<HTMLElement>('#notice')?.focus(); }),
  });
  private index: CaptainIndex<Place, FloorCaptain> | undefined;
  private shown: Place[] = [];
  private shownFor: unknown[] = [];
  private report: CoverageReport | undefined;

  private readonly load = new Task(this, {
    task: async ([client, gridId, scope, given], { signal }) => {
      if (given || client === undefined) return undefined;
      void this.ui.load().catch((e: unknown) => this.fail(e));
      const where: Where = gridId !== undefined ? { gridId } : { scope: scope ?? (await client.session()).scope };
      return loadRegistry(client.data, where, signal);
    },
    // Primitives only: the task runs again whenever an argument is not identical to the last.
    args: () => [this.fg.client, this.gridId, this.scope, this.buildings !== undefined] as const,
    onComplete: (value) => {
      if (value !== undefined) this.data = { buildings: value.buildings, captains: [...value.captains] };
    },
  });

  private now(): Date {
    return this.fg.client?.now() ?? new Date();
  }

  private t(key: ShellKey, values?: Record<string, string | number>): string {
    return shellText(key, this.fg.locale, values);
  }

  /** Shows why something failed in the alert, after telling the host (`fg-error`). */
  private async fail(e: unknown, operation: 'read' | 'write' = 'read'): Promise<void> {
    this.error = await userError(this, e, this.fg.locale, operation);
  }

  private async dutyList(): Promise<string[]> {
    const ui = await this.ui.load();
    return ui.dutyTexts(this.duties ?? ui.DEFAULT_DUTIES, this.fg.locale);
  }

  override willUpdate(changed: PropertyValues): void {
    if ((changed.has('buildings') || changed.has('captains')) && this.buildings !== undefined) {
      this.data = { buildings: this.buildings, captains: [...(this.captains ?? [])] };
    }
    const ui = this.ui.value;
    if (this.data !== undefined && ui === undefined && this.ui.error === undefined) void this.ui.load().catch((e: unknown) => this.fail(e));
    const hits = this.search.hits;
    const inputs = [this.data, ui, hits];
    if (inputs.some((x, i) => x !== this.shownFor[i])) {
      // The first screen needs only the order and the total: per-grid figures wait for the breakdown.
      if (this.data !== this.shownFor[0] || ui !== this.shownFor[1]) {
        this.index = this.data === undefined || ui === undefined ? undefined : ui.captainIndex(this.data.buildings, this.data.captains, this.now());
        this.report = undefined;
      }
      const order = this.index?.order ?? [];
      this.shown = hits === undefined ? order : order.filter((b) => hits.has(b.id));
      this.shownFor = inputs;
    }
    if (changed.has('orgUnits')) this.report = undefined;
    if (this.breakdown && this.report === undefined && this.index !== undefined && ui !== undefined) {
      const units = this.orgUnits;
      this.report = ui.indexCoverage(this.index, units === undefined ? {} : { communityOf: ui.communityOfGrid(units) });
    }
    if (this.long && this.virtual.value === undefined && this.virtual.error === undefined) void this.virtual.load().catch((e: unknown) => this.fail(e));
  }

  /** Whether the list is virtualised: decided by all the buildings, so a search does not switch it. */
  private get long(): boolean {
    return (this.index?.order.length ?? 0) > WHOLE_LIST_MAX;
  }

  override updated(changed: PropertyValues): void {
    const show = (id: 'editor' | 'file', want: boolean): void => {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>(`#${id}`);
      if (want && dialog !== null && !dialog.open && this.isConnected) dialog.showModal();
      if (!want && dialog?.open === true) dialog.close();
    };
    show('editor', this.work.editor !== undefined);
    if (changed.has('fileOf')) show('file', this.fileOf !== undefined);
  }

  // ---- rendering -------------------------------------------------------------------------------

  /** What the view reads, or `undefined` while the data or the view is still coming. */
  private viewState(): RegistryView | undefined {
    const index = this.index;
    if (index === undefined || this.ui.value === undefined) return undefined;
    return {
      locale: this.fg.locale, manage: this.mode !== 'public', index, shown: this.shown.length, orgUnits: this.orgUnits,
      report: this.breakdown ? this.report : undefined, working: this.work.working, revealed: this.revealed, unsent: this.work.unsent, on: this.actions,
    };
  }

  private readonly actions: RegistryActions = {
    breakdown: (open) => { this.breakdown = open; },
    edit: (kind, row) => { void this.work.open(kind, row); },
    markPosted: (captain) => { void this.work.markPosted(captain); },
    reveal: (captainId) => { this.revealed = new Set([...this.revealed, captainId]); },
    openFile: (building) => { this.fileOf = building; },
    closeFile: () => { this.fileOf = undefined; },
    cancelPreview: () => { this.work.cancelPreview(); },
    confirmImport: () => { void this.work.confirmImport(); },
  };

  override render(): TemplateResult {
    const manage = this.mode !== 'public';
    const client = this.fg.client;
    const ui = this.ui.value;
    const v = this.viewState();
    const waiting = v === undefined;
    const { preview, editor } = this.work;
    const editorUi = this.editorUi.value;
    return html`<section class="base" part="base" aria-labelledby="title">
      <header part="header">
        <h2 id="title">${this.t(manage ? 'title' : 'publicTitle')}</h2>
        ${v === undefined || ui === undefined ? nothing : ui.renderCoverage(v)}
      </header>
      ${renderToolbar({
        locale: this.fg.locale, manage, waiting, working: this.work.working, q: this.search.q,
        search: (e) => { this.search.input((e.target as HTMLInputElement).value); },
        exportAs: (format) => { void this.work.exportAs(format); },
        file: (file) => { void this.importFile(file); },
      })}
      <p id="search-status" class="hint" aria-live="polite">${this.search.searching ? this.t('searching') : this.search.hits === undefined ? '' : this.t('results', { n: this.shown.length })}</p>
      ${message('error', this.error !== '' ? this.error
        : client === undefined && this.buildings === undefined ? this.t('noClient')
          : this.load.error !== undefined ? errorText(this, this.load.error, this.fg.locale)
            : this.fg.error !== undefined ? errorText(this, this.fg.error, this.fg.locale) : '', { part: 'error' })}
      ${renderNotice(this.work, this.fg.locale)}
      ${preview === undefined || v === undefined || ui === undefined ? nothing : ui.renderPreview(v, preview.name, preview.result, preview.unsent === true)}
      ${waiting && (client !== undefined || this.buildings !== undefined) && this.load.error === undefined && this.error === ''
        ? html`<p class="hint">${this.t('loading')}</p>` : nothing}
      ${v !== undefined && ui !== undefined && this.shown.length === 0 ? html`<p class="empty">${ui.emptyText(v)}</p>` : nothing}
      ${v === undefined || ui === undefined ? nothing : renderList(v, this.shown, this.long, this.long ? this.virtual.value?.virtualize : undefined, ui.renderRow)}
      <dialog id="editor" part="dialog" @cancel=${this.work.close} @close=${this.work.close}>
        ${editor === undefined || editorUi === undefined || ui === undefined ? nothing : editorUi.renderEditor(editor, ui.dutyTexts(this.duties ?? ui.DEFAULT_DUTIES, this.fg.locale), this.fg.locale, {
          change: (patch) => { this.work.change(patch); },
          save: () => { void this.work.save(); },
          cancel: this.work.close, discard: (drop) => { this.work.discard(drop); },
        }, this.work.editorError)}
      </dialog>
      <dialog id="file" part="dialog" aria-labelledby="file-title" @close=${() => { this.fileOf = undefined; }}>
        ${this.fileOf === undefined || v === undefined || ui === undefined ? nothing : ui.renderFile(v, this.fileOf, this.data?.captains ?? [])}
      </dialog>
    </section>`;
  }

  // ---- search ----------------------------------------------------------------------------------

  private async find(q: string, signal: AbortSignal): Promise<Set<string>> {
    const client = this.fg.client;
    // The host gave the data: search it with the same rules a port applies to `q`.
    if (this.buildings !== undefined || client === undefined) return searchGiven(this.index?.order ?? [], this.data?.captains ?? [], q);
    const where: Where = this.gridId !== undefined ? { gridId: this.gridId } : { scope: this.scope ?? (await client.session()).scope };
    return searchBuildings(client.data, where, q, signal);
  }

  // ---- writing and files -----------------------------------------------------------------

  /**
   * The registry as shown (all buildings, or the search's matches) as a file: CSV (UTF-8 with a
   * BOM, so Excel opens it) or .xlsx. Formula-like cells are neutralised; in public mode phones
   * are masked.
   */
  exportFile(format: ExportFormat = 'csv'): Promise<Blob> {
    return this.work.exportFile(format);
  }

  /**
   * Reads a CSV or .xlsx file and shows its import preview, as choosing it in the import button
   * does (for hosts with their own file picker, such as an app bridge). Nothing is stored until
   * the user confirms. Resolves with the preview, or `undefined` when the file could not be read
   * (the reason is shown) or the registry could not load. Waits for a load in progress.
   */
  importFile(file: Blob & { name?: string }): Promise<ImportPreview | undefined> {
    return this.work.importFile(file);
  }
}
