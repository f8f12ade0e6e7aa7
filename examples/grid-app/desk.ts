// The supervisor's desk (综治中心): the two lists, the floor captains, the scores and the notices.
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isHighRise } from '@firegrid/core';
import type { FiregridClient, OrgUnit, Place } from '@firegrid/core';

const SECTIONS = [
  { id: 'ledger', label: '隐患台账' },
  { id: 'captains', label: '楼长管理' },
  { id: 'scores', label: '考评排名' },
  { id: 'notices', label: '公示牌' },
] as const;
type Section = (typeof SECTIONS)[number]['id'];

/**
 * The desk of a grid supervisor (网格长 / 综治中心) and the other staff roles: 隐患台账
 * (`fg-hazard-ledger`: the two lists, role-gated transitions, export), 楼长管理
 * (`fg-captain-registry`: coverage, register, import and export), 考评排名 (`fg-grid-score` ranking
 * of the workers of the scope) and 公示牌 (the high-rise buildings; each opens the print route of its
 * `fg-captain-notice`, whose QR code leads to the resident's tip-off page).
 * @tag grid-desk
 */
export class GridDesk extends LitElement {
  static override styles = css`
    :host { display: block; }
    nav { display: flex; gap: 4px; padding: 8px 12px 0; background: #fff; border-bottom: 1px solid #c4c9d4; overflow-x: auto; }
    [role=tab] { min-height: 44px; font: inherit; padding: 0 16px; border: 0; background: none; cursor: pointer; color: #444; white-space: nowrap; }
    [role=tab][aria-selected=true] { color: #1a56c4; font-weight: 600; box-shadow: inset 0 -3px 0 #1a56c4; }
    [role=tab]:focus-visible, a:focus-visible { outline: 3px solid #1a56c4; outline-offset: -3px; }
    [role=tabpanel] { padding: 12px; max-width: 72rem; margin: 0 auto; }
    fg-hazard-ledger, fg-captain-registry, fg-grid-score { display: block; }
    ul { list-style: none; padding: 0; display: grid; gap: 8px; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
    a.building { display: grid; gap: 2px; min-height: 44px; padding: 10px 12px; border: 1px solid #c4c9d4; border-radius: 8px;
      background: #fff; color: inherit; text-decoration: none; }
    .meta { color: #444; font-size: 0.875rem; }
    .error { color: #b71c1c; }
  `;

  /** The signed-in person's client. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The open section. */
  @property({ reflect: true }) section: Section = 'ledger';
  /** The administrative path: names of grids and communities. */
  @property({ attribute: false }) orgUnits: readonly OrgUnit[] = [];

  @state() private buildings: Place[] | undefined;
  @state() private error = '';

  private select(section: Section, focus = false): void {
    this.section = section;
    if (section === 'notices' && this.buildings === undefined) void this.readBuildings();
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#sec-${section}`)?.focus());
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    const i = SECTIONS.findIndex((s) => s.id === this.section);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = SECTIONS[(i + step + SECTIONS.length) % SECTIONS.length];
    if (next !== undefined) this.select(next.id, true);
  };

  private async readBuildings(): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    try {
      const places = await client.data.list('places', { kind: 'residential', sort: 'name', limit: 500 });
      this.buildings = places.items.filter((p) => isHighRise(p));
    } catch (e) {
      this.error = `读取楼栋失败：${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private panel(): TemplateResult {
    switch (this.section) {
      case 'ledger':
        return html`<fg-hazard-ledger list="problems"></fg-hazard-ledger>`;
      case 'captains':
        return html`<fg-captain-registry .orgUnits=${this.orgUnits}></fg-captain-registry>`;
      case 'scores':
        return html`<fg-grid-score view="scope" rank-by="street"></fg-grid-score>`;
      case 'notices':
        if (this.error !== '') return html`<p class="error" role="alert">${this.error}</p>`;
        if (this.buildings === undefined) return html`<p role="status">正在读取高层住宅…</p>`;
        return html`
          <h2>楼长公示牌</h2>
          <p class="meta">每栋高层住宅一张，打开后打印张贴；二维码通往群众举报页。</p>
          <ul>${this.buildings.map((b) => html`<li><a class="building" href=${`#/notice/${b.id}`}>
            <span>${b.name}</span><span class="meta">${b.address}</span></a></li>`)}</ul>
          ${this.buildings.length === 0 ? html`<p>辖区内没有高层住宅。</p>` : nothing}`;
    }
  }

  override render(): TemplateResult {
    return html`
      <nav aria-label="工作台">
        <div role="tablist" @keydown=${this.onKey}>
          ${SECTIONS.map((s) => html`<button type="button" role="tab" id=${`sec-${s.id}`} aria-controls="desk-panel"
            aria-selected=${this.section === s.id ? 'true' : 'false'} tabindex=${this.section === s.id ? 0 : -1}
            @click=${() => { this.select(s.id); }}>${s.label}</button>`)}
        </div>
      </nav>
      <div role="tabpanel" id="desk-panel" aria-labelledby=${`sec-${this.section}`}>${this.panel()}</div>`;
  }
}

if (!customElements.get('grid-desk')) customElements.define('grid-desk', GridDesk);

declare global {
  interface HTMLElementTagNameMap {
    'grid-desk': GridDesk;
  }
}
