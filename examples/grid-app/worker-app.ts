// The grid worker's phone app: a tab bar at the bottom, one Firegrid element (or a thin list
// around one) per tab.
import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import type { FiregridClient, OrgUnit } from '@firegrid/core';
import type { HazardRecordsEvent } from '@firegrid/elements';
import type { DemoPerson } from './session.js';
import './patrol.js';
import './mine.js';

const TABS = [
  { id: 'patrol', label: '巡查' },
  { id: 'report', label: '上报' },
  { id: 'hazards', label: '隐患' },
  { id: 'captains', label: '楼长' },
  { id: 'score', label: '考评' },
  { id: 'mine', label: '我的' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/**
 * The worker's tabs: 巡查 (today's places → `fg-checklist`), 上报 (`fg-hazard-report`), 隐患 (her
 * grid's open hazards in `fg-hazard-ledger`, with the actions her role may run), 楼长
 * (`fg-captain-registry` of her grid), 考评 (`fg-grid-score`, ranked in her community) and 我的
 * (unsent items, sign-out). The elements find the client through the `<fg-provider>` around the app.
 * @tag grid-worker-app
 */
export class GridWorkerApp extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 100%; }
    [role=tabpanel] { flex: 1; padding-bottom: 72px; }
    [role=tablist] { position: fixed; inset: auto 0 0 0; display: flex; background: #fff; border-top: 1px solid #c4c9d4;
      padding-bottom: env(safe-area-inset-bottom); }
    [role=tab] { flex: 1; min-width: 0; min-height: 56px; font: inherit; border: 0; background: none; cursor: pointer; color: #444; }
    [role=tab][aria-selected=true] { color: #1a56c4; font-weight: 600; box-shadow: inset 0 3px 0 #1a56c4; }
    [role=tab]:focus-visible { outline: 3px solid #1a56c4; outline-offset: -3px; }
    fg-hazard-report, fg-hazard-ledger, fg-captain-registry, fg-grid-score { display: block; margin: 12px; }
    .pending, .error { margin: 12px 16px; }
    .error { color: #b71c1c; }
  `;

  /** The signed-in worker's client (the tabs that list things read through it). */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** Who is signed in. */
  @property({ attribute: false }) person: DemoPerson | undefined;
  /** The administrative path: names of grids and communities. */
  @property({ attribute: false }) orgUnits: readonly OrgUnit[] = [];
  /** The open tab. */
  @property({ reflect: true }) tab: Tab = 'patrol';

  /** The grids of her `workers` record (undefined until read; her scope stands in when she has none). */
  @state() private grids: readonly string[] | undefined;
  @state() private error = '';
  private loadedFor: FiregridClient | undefined;

  /** Changes when a report is cancelled, so the next one starts from an empty form. */
  @state() private reportRound = 0;
  /** The hazard 查看记录 opened in 隐患 (the report just sent), until another tab is chosen. */
  @state() private openHazard: string | undefined;

  protected override willUpdate(): void {
    const client = this.client;
    if (client !== undefined && client !== this.loadedFor) {
      this.loadedFor = client;
      this.grids = undefined;
      void this.readGrids(client);
    }
  }

  private async readGrids(client: FiregridClient): Promise<void> {
    try {
      const session = await client.session();
      const workers = await client.data.list('workers', { limit: 500 });
      this.grids = workers.items.find((w) => w.userId === session.user.id)?.gridIds ?? [];
      this.error = '';
    } catch (e) {
      this.error = `读取网格员信息失败：${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private select(tab: Tab, focus = false): void {
    if (tab !== this.tab) this.openHazard = undefined;
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  private readonly onTabKey = (e: KeyboardEvent): void => {
    const i = TABS.findIndex((t) => t.id === this.tab);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    const next = e.key === 'Home' ? TABS[0] : e.key === 'End' ? TABS[TABS.length - 1] : step === 0 ? undefined : TABS[(i + step + TABS.length) % TABS.length];
    if (next === undefined) return;
    e.preventDefault();
    this.select(next.id, true);
  };

  private panel(): TemplateResult {
    if (this.error !== '') return html`<p class="error" role="alert">${this.error}</p>`;
    const grids = this.grids;
    if (grids === undefined) return html`<p class="pending" role="status">正在读取网格…</p>`;
    // One grid: the lists show it; several (a worker covering two grids): her whole scope.
    const grid = grids.length === 1 ? grids[0] : undefined;
    switch (this.tab) {
      case 'patrol':
        return html`<grid-patrol .client=${this.client} .grids=${grids} .orgUnits=${this.orgUnits}></grid-patrol>`;
      case 'hazards':
        return html`<fg-hazard-ledger list="problems" status="open" grid-id=${grid ?? ''} hazard-id=${ifDefined(this.openHazard)}></fg-hazard-ledger>`;
      case 'captains':
        return html`<fg-captain-registry grid-id=${ifDefined(grid)} .orgUnits=${this.orgUnits}></fg-captain-registry>`;
      case 'score':
        return html`<fg-grid-score rank-by="community"></fg-grid-score>`;
      case 'mine':
        return html`<grid-mine .client=${this.client} .person=${this.person} .grids=${grids} .orgUnits=${this.orgUnits}></grid-mine>`;
      case 'report':
        // After a submit the element shows its own result (已上报 or 待发送 offline, what happens next,
        // 继续上报 / 查看记录); 查看记录 opens the hazard in 隐患.
        return html`${keyed(this.reportRound, html`<fg-hazard-report
          @fg-hazard-records=${(e: HazardRecordsEvent) => { this.tab = 'hazards'; this.openHazard = e.detail.hazard.id; }}
          @fg-hazard-cancel=${() => { this.reportRound++; }}></fg-hazard-report>`)}`;
    }
  }

  override render(): TemplateResult {
    return html`
      <div role="tabpanel" id="panel" aria-labelledby=${`tab-${this.tab}`}>${this.panel()}</div>
      <nav aria-label="网格员">
        <div role="tablist" @keydown=${this.onTabKey}>
          ${TABS.map((t) => html`<button type="button" role="tab" id=${`tab-${t.id}`} aria-controls="panel"
            aria-selected=${this.tab === t.id ? 'true' : 'false'} tabindex=${this.tab === t.id ? 0 : -1}
            @click=${() => { this.select(t.id); }}>${t.label}</button>`)}
        </div>
      </nav>`;
  }
}

if (!customElements.get('grid-worker-app')) customElements.define('grid-worker-app', GridWorkerApp);

declare global {
  interface HTMLElementTagNameMap {
    'grid-worker-app': GridWorkerApp;
  }
}
