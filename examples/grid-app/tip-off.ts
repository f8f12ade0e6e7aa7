// The resident's tip-off page (群众举报), where the QR code of a building's notice leads.
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HAZARD_STATUS_LABELS, newId, referenceOf } from '@firegrid/core';
import type { FiregridClient, HazardStatus } from '@firegrid/core';
import type { HazardRecordsEvent } from '@firegrid/elements';
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
    .record { padding: 12px; border: 1px solid #c4c9d4; border-radius: 8px; }
    .record dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
    .record dt { color: #444; }
    .record dd { margin: 0; }
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
  /** The resident's report that 查看记录 opened, as the server has it now. */
  @state() private record: { reference: string; title: string; status: string } | undefined;

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

  /** 查看记录: where the report stands on the server (a resident reads his own reports only). */
  private readonly onRecords = async (e: HazardRecordsEvent): Promise<void> => {
    const client = this.client;
    if (client === undefined) return;
    const sent = e.detail.hazard;
    let status: HazardStatus = sent.status;
    try {
      status = (await client.data.get('hazards', sent.id))?.status ?? status;
    } catch {
      // Offline or not yet sent: what the device knows.
    }
    this.record = { reference: referenceOf(sent.id), title: sent.title, status: HAZARD_STATUS_LABELS[status]['zh-CN'] };
  };

  override render(): TemplateResult {
    return html`
      <h1>消防隐患举报</h1>
      ${this.at === '' ? nothing : html`<p>地点：<span class="at">${this.at}</span></p>`}
      <p class="note">您的举报会交给所在网格的网格员核实处理；联系方式只有网格长和消防救援机构能看到。</p>
      ${this.error === '' ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
      ${this.record === undefined ? nothing : html`<section class="record" aria-labelledby="record-h">
        <h2 id="record-h">我的举报</h2>
        <dl>
          <dt>受理编号</dt><dd data-reference>${this.record.reference}</dd>
          <dt>内容</dt><dd>${this.record.title}</dd>
          <dt>办理状态</dt><dd data-status>${this.record.status}</dd>
        </dl>
      </section>`}
      ${this.client === undefined ? nothing : html`<fg-provider .client=${this.client}>
        <!-- After a submit the element shows its result: 举报已提交, the reference number (受理编号), what happens next. -->
        <fg-hazard-report mode="public" draft-id=${this.draftId ?? ''}
          @fg-hazard-records=${(e: HazardRecordsEvent) => { void this.onRecords(e); }}
          @fg-hazard-submit=${() => { this.record = undefined; }}></fg-hazard-report>
      </fg-provider>`}`;
  }
}

if (!customElements.get('grid-tip-off')) customElements.define('grid-tip-off', GridTipOff);

declare global {
  interface HTMLElementTagNameMap {
    'grid-tip-off': GridTipOff;
  }
}
