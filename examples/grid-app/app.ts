// The demo grid app's shell: sign-in, then the app of the signed-in person's role, all inside
// one <fg-provider> holding that person's Firegrid client.
import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { FiregridClient } from '@firegrid/core';
import { ROLE_LABELS, clientFor, forgetSession, savedSession } from './session.js';
import type { SignedIn } from './session.js';
import './sign-in.js';
import './worker-app.js';
import './desk.js';
import './tip-off.js';

/**
 * The routes of the app's hash: the role's app, the print view of one building's notice, or the
 * resident's tip-off page of a place (the notice's QR code).
 */
type Route = { name: 'home' } | { name: 'notice'; buildingId: string } | { name: 'tip-off'; placeId: string; gridId: string; at: string };

function routeOf(hash: string): Route {
  const notice = /^#\/notice\/([^/?]+)$/.exec(hash);
  if (notice?.[1] !== undefined) return { name: 'notice', buildingId: decodeURIComponent(notice[1]) };
  const tip = /^#\/tip-off\/([^/?]+)(?:\?(.*))?$/.exec(hash);
  if (tip?.[1] !== undefined) {
    const q = new URLSearchParams(tip[2] ?? '');
    return { name: 'tip-off', placeId: decodeURIComponent(tip[1]), gridId: q.get('grid') ?? '', at: q.get('at') ?? '' };
  }
  return { name: 'home' };
}

/**
 * The demo app: `<grid-sign-in>` until someone signs in, then their role's app: the grid worker's
 * phone app, or the desk of the other staff roles. `#/notice/<buildingId>` is the print view of a
 * building's notice (公示牌). Signing out wipes what the client kept on this device (`client.purge()`).
 * @tag grid-app
 */
export class GridApp extends LitElement {
  static override styles = css`
    :host { display: block; min-height: 100vh; background: #f4f6fa; color: #1f1f1f;
      font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
    header { display: flex; align-items: center; gap: 8px; padding: 8px 12px; background: #fff; border-bottom: 1px solid #c4c9d4; }
    header h1 { font-size: 1rem; margin: 0; flex: 1; }
    header button { min-height: 44px; font: inherit; padding: 0 12px; border: 1px solid #c4c9d4; border-radius: 8px; background: #fff; cursor: pointer; }
    main { display: block; }
    header button:focus-visible { outline: 3px solid #1a56c4; outline-offset: 2px; }
    .pending { padding: 16px; }
    .print-bar { display: flex; gap: 8px; padding: 8px 12px; }
    .print-bar a { min-height: 44px; font: inherit; padding: 0 16px; border: 1px solid #c4c9d4; border-radius: 8px;
      background: #fff; color: inherit; text-decoration: none; display: inline-flex; align-items: center; }
    fg-captain-notice { display: block; margin: 0 12px; }
    @media print {
      :host { background: none; min-height: 0; }
      header, .print-bar { display: none; }
    }
  `;

  @state() private signedIn: SignedIn | undefined;
  @state() private client: FiregridClient | undefined;
  @state() private route: Route = routeOf(location.hash);

  private readonly onHash = (): void => {
    this.route = routeOf(location.hash);
  };

  constructor() {
    super();
    // Signed in on this device before (and the token has not expired): straight into the app.
    const saved = savedSession();
    if (saved !== undefined) this.use(saved);
    this.addController({
      hostConnected: () => { window.addEventListener('hashchange', this.onHash); },
      hostDisconnected: () => { window.removeEventListener('hashchange', this.onHash); },
    });
  }

  private use(signedIn: SignedIn): void {
    this.signedIn = signedIn;
    this.client = clientFor(signedIn);
  }

  private async signOut(): Promise<void> {
    const client = this.client;
    forgetSession();
    this.signedIn = undefined;
    this.client = undefined;
    await client?.purge();
  }

  private roleApp(s: SignedIn): TemplateResult {
    if (this.route.name === 'notice') {
      return html`
        <div class="print-bar"><a href="#">← 返回</a></div>
        <fg-captain-notice building-id=${this.route.buildingId}></fg-captain-notice>`;
    }
    if (s.person.roles.includes('grid-worker')) {
      return html`<grid-worker-app .client=${this.client} .person=${s.person} .orgUnits=${s.orgUnits}
        @grid-sign-out=${() => { void this.signOut(); }}></grid-worker-app>`;
    }
    if (s.person.roles.includes('resident')) return html`<grid-tip-off></grid-tip-off>`;
    return html`<grid-desk .client=${this.client} .orgUnits=${s.orgUnits}></grid-desk>`;
  }

  override render(): TemplateResult {
    const r = this.route;
    // The QR code's page needs no sign-in of the phone's owner: it is the public's.
    if (r.name === 'tip-off') return html`<main><grid-tip-off .placeId=${r.placeId} .gridId=${r.gridId} .at=${r.at}></grid-tip-off></main>`;
    const s = this.signedIn;
    if (s === undefined) return html`<main><grid-sign-in @grid-signed-in=${(e: CustomEvent<SignedIn>) => { this.use(e.detail); }}></grid-sign-in></main>`;
    return html`
      <header>
        <h1>消防网格 · ${s.person.name}（${s.person.roles.map((r) => ROLE_LABELS[r]).join('、')}）</h1>
        <button type="button" @click=${() => { void this.signOut(); }}>退出登录</button>
      </header>
      <main>${this.client === undefined ? nothing : html`<fg-provider .client=${this.client}>${this.roleApp(s)}</fg-provider>`}</main>`;
  }
}

if (!customElements.get('grid-app')) customElements.define('grid-app', GridApp);

declare global {
  interface HTMLElementTagNameMap {
    'grid-app': GridApp;
  }
}
