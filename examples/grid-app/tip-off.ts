// The resident's tip-off page (群众举报), where the QR code of a building's notice leads.
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { newId } from '@firegrid/core';
import type { FiregridClient } from '@firegrid/core';
import { SignInError, clientFor, listPeople, signIn } from './session.js';

/**
 * A public `fg-hazard-report` for the place of the QR code: the place's grid and address are
 * filled in (a resident may not read the places themselves), the reporter is confidential by
 * default. In the demo the resident is the seed's 群众 account, signed in for this page only; a real
 * platform signs its residents in with its own public account.
 * @tag grid-tip-off
 */
export class GridTipOff extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 40rem; margin: 0 auto; padding: 12px; box-sizing: border-box; }
    h1 { font-size: 1.3rem; margin: 8px 0; }
    .at { font-weight: 600; }
    .note { color: #444; font-size: 0.9rem; }
    .done { padding: 12px; border-radius: 8px; background: #e8f5e9; color: #1b5e20; }
    .error { color: #b71c1c; }
    fg-hazard-report { display: block; }
  `;

  /** The place the QR code is of. */
  @property({ attribute: false }) placeId = '';
  /** Its grid, so the tip-off reaches the grid's worker. */
  @property({ attribute: false }) gridId = '';
  /** Its name and address, as the notice shows them. */
  @property({ attribute: false }) at = '';

  @state() private client: FiregridClient | undefined;
  @state() private draftId: string | undefined;
  @state() private error = '';
  @state() private sent = '';

  constructor() {
    super();
    this.addController({ hostConnected: () => { void this.start(); } });
  }

  private async start(): Promise<void> {
    if (this.client !== undefined) return;
    try {
      const resident = (await listPeople()).people.find((p) => p.roles.includes('resident'));
      if (resident === undefined) throw new SignInError('演示数据中没有群众账号。');
      const client = clientFor(await signIn(resident.user, { remember: false }));
      // The report starts from a draft that already says where: the notice's building.
      const id = newId();
      await client.drafts.save('hazards', {
        id, status: 'draft', source: 'public', reporter: { kind: 'resident', confidential: true },
        ...(this.gridId === '' ? {} : { gridId: this.gridId }), ...(this.at === '' ? {} : { address: this.at }),
      });
      this.draftId = id;
      this.client = client;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  override render(): TemplateResult {
    return html`
      <h1>消防隐患举报</h1>
      ${this.at === '' ? nothing : html`<p>地点：<span class="at">${this.at}</span></p>`}
      <p class="note">您的举报会交给所在网格的网格员核实处理；联系方式只有网格长和消防救援机构能看到。</p>
      ${this.error === '' ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
      ${this.sent === '' ? nothing : html`<p class="done" role="status">感谢举报！已收到：${this.sent}</p>`}
      ${this.client === undefined || this.sent !== '' ? nothing : html`<fg-provider .client=${this.client}>
        <fg-hazard-report mode="public" draft-id=${this.draftId ?? ''}
          @fg-hazard-submit=${(e: CustomEvent<{ hazard: { title: string } }>) => { this.sent = e.detail.hazard.title; }}></fg-hazard-report>
      </fg-provider>`}`;
  }
}

if (!customElements.get('grid-tip-off')) customElements.define('grid-tip-off', GridTipOff);

declare global {
  interface HTMLElementTagNameMap {
    'grid-tip-off': GridTipOff;
  }
}
