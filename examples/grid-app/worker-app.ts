// The grid worker's phone app: a tab bar at the bottom, one Firegrid element (or a thin list
// around one) per tab.
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { FiregridClient } from '@firegrid/core';
import './patrol.js';

const TABS = [
  { id: 'patrol', label: '巡查' },
  { id: 'report', label: '上报' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/**
 * The worker's tabs: 巡查 (today's places → `fg-checklist`) and 上报 (`fg-hazard-report`).
 * The elements find the client through the `<fg-provider>` around the app.
 * @tag grid-worker-app
 */
export class GridWorkerApp extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 100%; }
    [role=tabpanel] { flex: 1; padding-bottom: 72px; }
    [role=tablist] { position: fixed; inset: auto 0 0 0; display: flex; background: #fff; border-top: 1px solid #c4c9d4;
      padding-bottom: env(safe-area-inset-bottom); }
    [role=tab] { flex: 1; min-height: 56px; font: inherit; border: 0; background: none; cursor: pointer; color: #444; }
    [role=tab][aria-selected=true] { color: #1a56c4; font-weight: 600; box-shadow: inset 0 3px 0 #1a56c4; }
    [role=tab]:focus-visible { outline: 3px solid #1a56c4; outline-offset: -3px; }
    fg-hazard-report { display: block; margin: 12px; }
    .done { margin: 12px; padding: 8px 12px; border-radius: 8px; background: #e8f5e9; color: #1b5e20; }
  `;

  /** The signed-in worker's client (the tabs that list things read through it). */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The open tab. */
  @property({ reflect: true }) tab: Tab = 'patrol';

  @state() private reported = '';
  /** Changes after each report, so the next one starts from an empty form. */
  @state() private reportRound = 0;

  private select(tab: Tab, focus = false): void {
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
    switch (this.tab) {
      case 'patrol':
        return html`<grid-patrol .client=${this.client}></grid-patrol>`;
      case 'report':
        return html`
          ${this.reported === '' ? nothing : html`<p class="done" role="status">已上报：${this.reported}</p>`}
          ${keyed(this.reportRound, html`<fg-hazard-report
            @fg-hazard-submit=${(e: CustomEvent<{ hazard: { title: string } }>) => { this.reported = e.detail.hazard.title; this.reportRound++; }}
            @fg-hazard-cancel=${() => { this.reported = ''; this.reportRound++; }}></fg-hazard-report>`)}`;
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
