// The demo's sign-in screen: the seeded people with their roles, one tap to sign in as one.
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ROLE_LABELS, SignInError, listPeople, signIn, unitName } from './session.js';
import type { DemoPerson, SignedIn } from './session.js';
import type { OrgUnit } from '@firegrid/core';

/** Fired when a person has signed in; `detail` is who. */
export type SignedInEvent = CustomEvent<SignedIn>;

/**
 * Lists the people of the demo data set (from the server's dev-only `GET /dev/users`) and signs
 * in as the one chosen.
 * @tag grid-sign-in
 * @fires grid-signed-in - `SignedIn` once the server gave a token.
 */
export class GridSignIn extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 36rem; margin: 0 auto; padding: 16px; box-sizing: border-box; }
    h1 { font-size: 1.4rem; margin: 8px 0; }
    .notice { color: #6d4c00; background: #fff8e1; border-radius: 8px; padding: 8px 12px; font-size: 0.9rem; }
    ul { list-style: none; padding: 0; margin: 16px 0; display: grid; gap: 8px; }
    button { width: 100%; min-height: 56px; text-align: start; font: inherit; padding: 8px 12px; border: 1px solid #c4c9d4;
      border-radius: 8px; background: #fff; cursor: pointer; display: flex; justify-content: space-between; gap: 12px; align-items: center; }
    button:focus-visible { outline: 3px solid #1a56c4; outline-offset: 2px; }
    button[disabled] { opacity: 0.6; }
    .name { font-weight: 600; }
    .role { color: #444; font-size: 0.9rem; }
    .error { color: #b71c1c; }
  `;

  @state() private people: DemoPerson[] | undefined;
  @state() private orgUnits: OrgUnit[] = [];
  @state() private notice = '';
  @state() private error = '';
  @state() private busy: string | undefined;

  constructor() {
    super();
    void this.load();
  }

  private async load(): Promise<void> {
    this.error = '';
    try {
      const { notice, people, orgUnits } = await listPeople();
      this.notice = notice;
      this.orgUnits = orgUnits;
      this.people = people;
    } catch (e) {
      this.error = e instanceof SignInError ? e.message : String(e);
    }
  }

  private async choose(person: DemoPerson): Promise<void> {
    this.busy = person.user;
    this.error = '';
    try {
      const signedIn = await signIn(person.user);
      this.dispatchEvent(new CustomEvent<SignedIn>('grid-signed-in', { detail: signedIn, bubbles: true, composed: true }));
    } catch (e) {
      this.error = e instanceof SignInError ? e.message : String(e);
    } finally {
      this.busy = undefined;
    }
  }

  override render(): TemplateResult {
    return html`
      <h1>消防网格 · 演示登录</h1>
      <p>选择一位演示人员登录。应用按其角色显示：网格员看到手机端（巡查、上报、隐患、楼长、考评、我的），网格长等看到综治中心工作台，群众看到举报页。</p>
      ${this.notice === '' ? nothing : html`<p class="notice" role="note">${this.notice}</p>`}
      ${this.error === '' ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
      ${this.people === undefined && this.error === '' ? html`<p role="status">正在读取演示人员…</p>` : nothing}
      <ul aria-label="演示人员">
        ${(this.people ?? []).map((p) => html`<li>
          <button type="button" data-user=${p.user} ?disabled=${this.busy !== undefined} @click=${() => { void this.choose(p); }}>
            <span class="name">${p.name}</span>
            <span class="role">${p.roles.map((r) => ROLE_LABELS[r]).join('、')} · ${p.scope.map((c) => unitName(this.orgUnits, c)).join('、')}${this.busy === p.user ? ' · 登录中…' : ''}</span>
          </button>
        </li>`)}
      </ul>`;
  }
}

if (!customElements.get('grid-sign-in')) customElements.define('grid-sign-in', GridSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'grid-sign-in': GridSignIn;
  }
  interface HTMLElementEventMap {
    'grid-signed-in': SignedInEvent;
  }
}
