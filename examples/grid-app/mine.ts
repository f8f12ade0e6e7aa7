// The worker's 我的 tab: who is signed in, what is still unsent on this device, and sign-out.
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { FiregridClient, OrgUnit } from '@firegrid/core';
import type { OfflineStatus } from '@firegrid/core/offline';
import { ROLE_LABELS, unitName } from './session.js';
import type { DemoPerson } from './session.js';

/**
 * 我的: the person, the device's unsent items (`client.offline.status()`: queued, refused and
 * conflicted writes, drafts, photos not yet uploaded), 立即同步, and 退出登录.
 * @tag grid-mine
 * @fires grid-sign-out - The person asked to sign out (the app wipes the device's data).
 */
export class GridMine extends LitElement {
  static override styles = css`
    :host { display: block; padding: 12px 16px; }
    h2 { font-size: 1.15rem; margin: 0 0 8px; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 12px; margin: 0 0 16px; }
    dt { color: #444; }
    dd { margin: 0; }
    .warn { color: #8a4b00; }
    button { min-height: 44px; font: inherit; padding: 0 16px; border: 1px solid #c4c9d4; border-radius: 8px; background: #fff;
      cursor: pointer; margin: 0 8px 8px 0; }
    button:focus-visible { outline: 3px solid #1a56c4; outline-offset: 2px; }
    .error { color: #b71c1c; }
  `;

  /** The signed-in worker's client. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** Who is signed in. */
  @property({ attribute: false }) person: DemoPerson | undefined;
  /** The grids of the worker's `workers` record. */
  @property({ attribute: false }) grids: readonly string[] = [];
  /** The administrative path, to name the grids. */
  @property({ attribute: false }) orgUnits: readonly OrgUnit[] = [];

  @state() private status: OfflineStatus | undefined;
  @state() private error = '';
  @state() private syncing = false;

  private readonly refresh = (): void => {
    void this.read();
  };

  constructor() {
    super();
    // The counts change when the network comes and goes: read them again then.
    this.addController({
      hostConnected: () => {
        window.addEventListener('online', this.refresh);
        window.addEventListener('offline', this.refresh);
        this.refresh();
      },
      hostDisconnected: () => {
        window.removeEventListener('online', this.refresh);
        window.removeEventListener('offline', this.refresh);
      },
    });
  }

  private async read(): Promise<void> {
    try {
      this.status = await this.client?.offline?.status();
      this.error = '';
    } catch (e) {
      this.error = `读取未发送的内容失败：${e instanceof Error ? e.message : String(e)}`;
    }
  }

  private async sync(): Promise<void> {
    this.syncing = true;
    try {
      this.status = await this.client?.offline?.sync({ force: true });
      this.error = '';
    } catch (e) {
      this.error = `同步失败：${e instanceof Error ? e.message : String(e)}`;
    } finally {
      this.syncing = false;
    }
  }

  private unsent(s: OfflineStatus): TemplateResult {
    const total = s.pending.length + s.failed.length + s.conflicted.length;
    return html`
      <h2>未发送的内容</h2>
      <dl data-unsent=${total}>
        <dt>网络</dt><dd>${s.online ? '在线' : html`<span class="warn">离线：提交的内容保存在手机上，联网后自动发送</span>`}</dd>
        <dt>待发送</dt><dd>${s.pending.length} 条${s.syncing ? '（正在发送）' : ''}</dd>
        <dt>被退回</dt><dd class=${s.failed.length > 0 ? 'warn' : ''}>${s.failed.length} 条</dd>
        <dt>有冲突</dt><dd class=${s.conflicted.length > 0 ? 'warn' : ''}>${s.conflicted.length} 条</dd>
        <dt>草稿</dt><dd>${s.drafts} 份</dd>
        <dt>未上传照片</dt><dd>${s.unsentPhotos} 张</dd>
      </dl>
      ${total > 0 ? html`<p class="warn" role="status">还有 ${total} 条内容没有发到服务器；退出登录会删除它们。</p>` : nothing}`;
  }

  override render(): TemplateResult {
    const p = this.person;
    return html`
      <h2>我的</h2>
      ${p === undefined ? nothing : html`<dl>
        <dt>姓名</dt><dd>${p.name}</dd>
        <dt>角色</dt><dd>${p.roles.map((r) => ROLE_LABELS[r]).join('、')}</dd>
        <dt>网格</dt><dd>${(this.grids.length > 0 ? this.grids : p.scope).map((c) => unitName(this.orgUnits, c)).join('、')}</dd>
      </dl>`}
      ${this.status === undefined ? html`<p role="status">正在读取未发送的内容…</p>` : this.unsent(this.status)}
      ${this.error === '' ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
      <button type="button" ?disabled=${this.syncing} @click=${() => { void this.sync(); }}>${this.syncing ? '正在同步…' : '立即同步'}</button>
      <button type="button" class="sign-out" @click=${() => { this.dispatchEvent(new CustomEvent('grid-sign-out', { bubbles: true, composed: true })); }}>退出登录</button>`;
  }
}

if (!customElements.get('grid-mine')) customElements.define('grid-mine', GridMine);

declare global {
  interface HTMLElementTagNameMap {
    'grid-mine': GridMine;
  }
}
