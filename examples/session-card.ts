import { LitElement, html, css, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { FiregridClient } from '@firegrid/core';
import { ClientController, msg, type Messages } from '@firegrid/elements';

const M: Messages<'loading' | 'noClient' | 'tenant' | 'user' | 'roles' | 'scope' | 'locale' | 'failed'> = {
  loading: { 'zh-CN': '正在读取会话…', en: 'Loading the session…' },
  noClient: { 'zh-CN': '没有找到 Firegrid 客户端：请放在 <fg-provider> 内。', en: 'No Firegrid client: place this inside <fg-provider>.' },
  tenant: { 'zh-CN': '租户', en: 'Tenant' },
  user: { 'zh-CN': '用户', en: 'User' },
  roles: { 'zh-CN': '角色', en: 'Roles' },
  scope: { 'zh-CN': '范围', en: 'Scope' },
  locale: { 'zh-CN': '语言', en: 'Locale' },
  failed: { 'zh-CN': '读取会话失败：', en: 'Could not load the session: ' },
};

/**
 * An example of a vendor's own element using the client that `<fg-provider>` provides: it shows
 * the session. Copy it to see how `ClientController` is used.
 *
 * @tag example-session-card
 */
export class ExampleSessionCard extends LitElement {
  static override styles = css`
    :host { display: block; font: 16px/1.5 system-ui, sans-serif; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    [role='alert'] { color: #b71c1c; }
  `;

  /** A client set directly; otherwise the provider's. */
  @property({ attribute: false }) client: FiregridClient | undefined;

  private readonly fg = new ClientController(this);

  override render(): TemplateResult {
    const l = this.fg.locale;
    if (!this.fg.client) return html`<p role="alert">${msg(M, 'noClient', l)}</p>`;
    if (this.fg.error !== undefined) {
      return html`<p role="alert">${msg(M, 'failed', l)}${this.fg.error instanceof Error ? this.fg.error.message : JSON.stringify(this.fg.error)}</p>`;
    }
    const s = this.fg.session;
    if (!s) return html`<p role="status">${msg(M, 'loading', l)}</p>`;
    return html`<dl>
      <dt>${msg(M, 'tenant', l)}</dt><dd>${s.tenantId}</dd>
      <dt>${msg(M, 'user', l)}</dt><dd>${s.user.name} (${s.user.id})</dd>
      <dt>${msg(M, 'roles', l)}</dt><dd>${s.user.roles.join(', ')}</dd>
      <dt>${msg(M, 'scope', l)}</dt><dd>${s.scope.join(', ')}</dd>
      <dt>${msg(M, 'locale', l)}</dt><dd>${s.locale}</dd>
    </dl>`;
  }
}

if (!customElements.get('example-session-card')) customElements.define('example-session-card', ExampleSessionCard);

declare global {
  interface HTMLElementTagNameMap {
    'example-session-card': ExampleSessionCard;
  }
}
