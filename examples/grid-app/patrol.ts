// The worker's 巡查 tab: the places of her grid to inspect today, each opening an fg-checklist.
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { applicableTemplates } from '@firegrid/core/checklist';
import type { FiregridClient, OrgUnit, Place, PlaceKind } from '@firegrid/core';
import { unitName } from './session.js';

const KIND_LABELS: Partial<Record<PlaceKind, string>> = {
  residential: '住宅', 'small-venue': '九小场所', 'three-in-one': '三合一场所', 'ebike-shed': '电动车充电棚', school: '学校',
  kindergarten: '幼儿园', hotel: '宾馆', market: '市场', 'public-building': '公共建筑', 'commercial-complex': '商业综合体',
  'elderly-care': '养老机构', hospital: '医院', factory: '厂房', warehouse: '仓库', village: '村庄', other: '其他',
};

/** A place of the worker's grid, with what the list says about it. */
interface Row {
  place: Place;
  /** When it was last inspected, if ever (ISO). */
  lastInspected: string | undefined;
}

const DAY = 86_400_000;

/**
 * Today's places of the worker's grids that a checklist applies to, those not inspected for
 * longest first; choosing one opens its checklist.
 * @tag grid-patrol
 */
export class GridPatrol extends LitElement {
  static override styles = css`
    :host { display: block; }
    h2 { font-size: 1.15rem; margin: 12px 16px; }
    ul { list-style: none; margin: 0; padding: 0 12px; display: grid; gap: 8px; }
    .place { width: 100%; min-height: 56px; font: inherit; text-align: start; padding: 10px 12px; border: 1px solid #c4c9d4;
      border-radius: 8px; background: #fff; cursor: pointer; display: grid; gap: 2px; }
    .place:focus-visible, .back:focus-visible { outline: 3px solid #1a56c4; outline-offset: 2px; }
    .name { font-weight: 600; }
    .meta { color: #444; font-size: 0.875rem; }
    .due { color: #8a4b00; }
    .back { min-height: 44px; font: inherit; margin: 8px 12px; padding: 0 12px; border: 1px solid #c4c9d4; border-radius: 8px;
      background: #fff; cursor: pointer; }
    .error { color: #b71c1c; margin: 12px 16px; }
    .note { margin: 12px 16px; }
    fg-checklist { display: block; margin: 0 12px; }
    p[role=status] { margin: 12px 16px; }
  `;

  /** The signed-in worker's client. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** The grids to list (the worker's); her session's scope when empty. */
  @property({ attribute: false }) grids: readonly string[] = [];
  /** The administrative path, to name the grids. */
  @property({ attribute: false }) orgUnits: readonly OrgUnit[] = [];

  @state() private rows: Row[] | undefined;
  /** Places no checklist template applies to (a compound without a building of its own, say). */
  @state() private without = 0;
  @state() private error = '';
  @state() private open: Place | undefined;

  private loadedFor: FiregridClient | undefined;

  protected override willUpdate(): void {
    if (this.client !== undefined && this.client !== this.loadedFor) {
      this.loadedFor = this.client;
      void this.load(this.client);
    }
  }

  private async load(client: FiregridClient): Promise<void> {
    this.error = '';
    try {
      const grids = this.grids.length > 0 ? [...this.grids] : (await client.session()).scope;
      // Grid ids are OrgUnit codes, so a grid is a scope of its own.
      const places = (await client.data.list('places', { scope: grids, sort: 'name', limit: 500 })).items;
      const inspected = await client.data.list('inspections', { scope: grids, limit: 500 });
      const templates = (await client.data.list('templates', { limit: 500 })).items;
      const inspectable = places.filter((p) => applicableTemplates(templates, p).length > 0);
      this.without = places.length - inspectable.length;
      const last = new Map<string, string>();
      for (const i of inspected.items) {
        const at = i.submittedAt ?? i.startedAt;
        const prev = last.get(i.placeId);
        if (prev === undefined || prev < at) last.set(i.placeId, at);
      }
      this.rows = inspectable
        .map((place) => ({ place, lastInspected: last.get(place.id) }))
        .sort((a, b) => (a.lastInspected ?? '').localeCompare(b.lastInspected ?? '') || a.place.name.localeCompare(b.place.name, 'zh-CN'));
    } catch (e) {
      this.error = `读取场所失败：${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Back to the list, read again: an inspection just submitted moves its place down. */
  private back(): void {
    this.open = undefined;
    if (this.client !== undefined) void this.load(this.client);
  }

  private since(iso: string | undefined): TemplateResult {
    if (iso === undefined) return html`<span class="due">从未巡查</span>`;
    const days = Math.floor((Date.now() - Date.parse(iso)) / DAY);
    return html`<span class=${days >= 30 ? 'due' : ''}>${days === 0 ? '今天已巡查' : `${days} 天前巡查`}</span>`;
  }

  override render(): TemplateResult {
    if (this.open !== undefined) {
      return html`
        <button type="button" class="back" @click=${() => { this.back(); }}>← 返回场所列表</button>
        <fg-checklist place-id=${this.open.id}></fg-checklist>`;
    }
    if (this.error !== '') return html`<p class="error" role="alert">${this.error}</p>`;
    if (this.rows === undefined) return html`<p role="status">正在读取今日巡查的场所…</p>`;
    return html`
      <h2 id="patrol-h">今日巡查 · ${this.grids.map((g) => unitName(this.orgUnits, g)).join('、')}${this.grids.length > 0 ? ' · ' : ''}${this.rows.length} 处场所</h2>
      ${this.rows.length === 0 ? html`<p>网格内还没有可巡查的场所。</p>` : nothing}
      <ul aria-labelledby="patrol-h">
        ${this.rows.map((r) => html`<li>
          <button type="button" class="place" data-place=${r.place.id} @click=${() => { this.open = r.place; }}>
            <span class="name">${r.place.name}</span>
            <span class="meta">${KIND_LABELS[r.place.kind] ?? r.place.kind} · ${this.since(r.lastInspected)}</span>
            <span class="meta">${r.place.address}</span>
          </button>
        </li>`)}
      </ul>
      ${this.without === 0 ? nothing : html`<p class="meta note">另有 ${this.without} 处场所没有适用的检查表（如不含楼栋的小区），未列出。</p>`}`;
  }
}

if (!customElements.get('grid-patrol')) customElements.define('grid-patrol', GridPatrol);

declare global {
  interface HTMLElementTagNameMap {
    'grid-patrol': GridPatrol;
  }
}
