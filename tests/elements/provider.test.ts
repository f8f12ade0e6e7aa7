import { expect, fixture, html } from '@open-wc/testing';
import { createFiregridClient, memoryDataPort, defineHost, type FiregridClient, type HostSession } from '@firegrid/core';
import '@firegrid/elements/define';
import { FgProvider } from '@firegrid/elements/provider';
import { defineElement } from '@firegrid/elements';
import '../../examples/session-card.js';
import type { ExampleSessionCard } from '../../examples/session-card.js';

function makeClient(session: Partial<HostSession> = {}): { client: FiregridClient; calls: () => number } {
  let calls = 0;
  const host = defineHost({
    session: () => {
      calls++;
      return Promise.resolve({
        tenantId: 'demo',
        user: { id: 'w-01', name: '李网格', roles: ['grid-worker'] },
        scope: ['140105001001'],
        locale: 'zh-CN',
        ...session,
      } satisfies HostSession);
    },
    data: memoryDataPort(),
  });
  return { client: createFiregridClient({ host }), calls: () => calls };
}

async function settled(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('fg-provider', () => {
  it('is registered and renders its children unchanged', async () => {
    expect(customElements.get('fg-provider')).to.equal(FgProvider);
    const el = await fixture<FgProvider>(html`<fg-provider><p id="child">内容</p></fg-provider>`);
    expect(el.querySelector('#child')?.textContent).to.equal('内容');
    expect(getComputedStyle(el).display).to.equal('contents');
  });

  it('provides its client to an element nested anywhere below it, and the session once', async () => {
    const { client, calls } = makeClient();
    const el = await fixture<FgProvider>(html`<fg-provider .client=${client}><div><example-session-card></example-session-card></div></fg-provider>`);
    const card = el.querySelector('example-session-card')!;
    await settled(card);
    const text = card.shadowRoot!.textContent;
    expect(text).to.contain('李网格');
    expect(text).to.contain('140105001001');
    expect(text).to.contain('租户');
    expect(calls()).to.equal(1);
  });

  it('follows a client swapped on the provider', async () => {
    const a = makeClient();
    const b = makeClient({ user: { id: 'w-02', name: 'Wang Wu', roles: ['grid-supervisor'] } });
    const el = await fixture<FgProvider>(html`<fg-provider .client=${a.client}><example-session-card></example-session-card></fg-provider>`);
    const card = el.querySelector('example-session-card')!;
    await settled(card);
    expect(card.shadowRoot!.textContent).to.contain('李网格');
    el.client = b.client;
    await settled(el);
    await settled(card);
    expect(card.shadowRoot!.textContent).to.contain('Wang Wu');
  });

  it("prefers an element's own .client over the provider's", async () => {
    const a = makeClient();
    const own = makeClient({ user: { id: 'x', name: '自带客户端', roles: ['admin'] } });
    const el = await fixture<FgProvider>(html`<fg-provider .client=${a.client}><example-session-card .client=${own.client}></example-session-card></fg-provider>`);
    const card = el.querySelector<ExampleSessionCard>('example-session-card')!;
    await settled(card);
    expect(card.shadowRoot!.textContent).to.contain('自带客户端');
  });

  it('says so when there is no client, in zh-CN whatever lang an ancestor has', async () => {
    const zh = await fixture<ExampleSessionCard>(html`<example-session-card></example-session-card>`);
    expect(zh.shadowRoot!.querySelector('[role=alert]')?.textContent).to.contain('fg-provider');
    expect(zh.shadowRoot!.textContent).to.contain('没有找到');
    // An ancestor's lang is not read. (Built by hand: a plain <div> fixture waits for an animation
    // frame, which a background test tab may never get.)
    const en = document.createElement('div');
    en.lang = 'en';
    const card = document.createElement('example-session-card');
    en.append(card);
    document.body.append(en);
    try {
      await settled(card);
      expect(card.shadowRoot!.textContent).to.contain('没有找到');
    } finally {
      en.remove();
    }
  });

  it("speaks the provider's locale to a vendor's element that uses ClientController", async () => {
    const { client } = makeClient();
    const el = await fixture<FgProvider>(html`<fg-provider locale="en" .client=${client}><example-session-card></example-session-card></fg-provider>`);
    const card = el.querySelector('example-session-card')!;
    await settled(card);
    expect(card.shadowRoot!.textContent).to.contain('Tenant');
  });

  it('speaks English when the session says en and neither the element nor the provider sets a locale', async () => {
    const { client } = makeClient({ locale: 'en' });
    const el = await fixture<FgProvider>(html`<fg-provider .client=${client}><example-session-card></example-session-card></fg-provider>`);
    const card = el.querySelector('example-session-card')!;
    await settled(card);
    expect(card.shadowRoot!.textContent).to.contain('Tenant');
  });

  it('answers a plain context-request event from a non-Lit consumer', async () => {
    const { client } = makeClient();
    const el = await fixture<FgProvider>(html`<fg-provider .client=${client}><span></span></fg-provider>`);
    let got: unknown;
    const ev = new Event('context-request', { bubbles: true, composed: true });
    Object.assign(ev, { context: 'firegrid-client', contextTarget: el.firstElementChild, callback: (v: unknown) => { got = v; }, subscribe: false });
    el.firstElementChild!.dispatchEvent(ev);
    expect(got).to.equal(client);
  });

  it('re-running the define modules does not throw (a host importing them twice)', async () => {
    const url = new URL('../../packages/elements/src/provider/define.ts', import.meta.url).href + '?copy=2';
    await import(/* @vite-ignore */ url);
    const again = new URL('../../packages/elements/src/define.ts', import.meta.url).href + '?copy=3';
    await import(/* @vite-ignore */ again);
    expect(customElements.get('fg-provider')).to.equal(FgProvider);
  });

  it('keeps the first registration and warns when another copy holds the tag', () => {
    const warnings: string[] = [];
    const orig = console.warn;
    console.warn = (...args: unknown[]) => { warnings.push(args.map(String).join(' ')); };
    try {
      class OtherCopy extends HTMLElement {}
      defineElement('fg-provider', OtherCopy);
    } finally {
      console.warn = orig;
    }
    expect(customElements.get('fg-provider')).to.equal(FgProvider);
    expect(warnings.join('\n')).to.contain('<fg-provider> is already defined');
  });

  it('is accessible', async () => {
    const { client } = makeClient();
    const el = await fixture<FgProvider>(html`<fg-provider .client=${client}><example-session-card></example-session-card></fg-provider>`);
    await settled(el.querySelector('example-session-card')!);
    await expect(el).to.be.accessible();
  });
});
