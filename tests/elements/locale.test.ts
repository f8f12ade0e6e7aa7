import { expect, fixture, html } from '@open-wc/testing';
import '@firegrid/elements/define';
import { normalizeLocale, resolveLocale } from '@firegrid/elements';
import type { FgCaptainNotice } from '@firegrid/elements/captain-notice';
import type { FgProvider } from '@firegrid/elements/provider';
import { captainClient, captainSession } from '../../stories/captain-registry.stories.js';
import { noticeBuildingId } from '../../stories/captain-notice.stories.js';

// Locale precedence, first match wins: the element's `locale` (property and attribute); the nearest
// <fg-provider>'s `locale`; the session's `locale`. `lang` attributes are not read anywhere.
const EN = 'Fire-safety floor captain';
const ZH = '消防安全楼长公示牌';
const enSession = { ...captainSession, locale: 'en' as const };

const text = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

async function noticeIn(root: Element): Promise<FgCaptainNotice> {
  const el = root.querySelector('fg-captain-notice')!;
  await el.ready;
  return el;
}

describe('locale precedence', () => {
  it('resolveLocale takes the first that names a locale: element, provider, session, zh-CN', () => {
    expect(resolveLocale('en', 'zh-CN', 'zh-CN')).to.equal('en');
    expect(resolveLocale('zh-CN', 'en', 'en')).to.equal('zh-CN');
    expect(resolveLocale(undefined, 'en', 'zh-CN')).to.equal('en');
    expect(resolveLocale('', 'zh', 'en')).to.equal('zh-CN');
    expect(resolveLocale(undefined, undefined, 'en')).to.equal('en');
    expect(resolveLocale('fr', undefined, undefined)).to.equal('zh-CN');
    expect(normalizeLocale('en-US')).to.equal('en');
    expect(normalizeLocale('ZH-hans')).to.equal('zh-CN');
    expect(normalizeLocale('de')).to.equal(undefined);
  });

  it("1. the element's locale attribute wins over the provider's and the session's", async () => {
    const p = await fixture<FgProvider>(html`<fg-provider locale="zh-CN" .client=${captainClient(undefined, { session: captainSession })}>
      <fg-captain-notice locale="en" building-id=${noticeBuildingId}></fg-captain-notice></fg-provider>`);
    expect(text(await noticeIn(p))).to.contain(EN);
    const zh = await fixture<FgProvider>(html`<fg-provider locale="en" .client=${captainClient(undefined, { session: enSession })}>
      <fg-captain-notice locale="zh-CN" building-id=${noticeBuildingId}></fg-captain-notice></fg-provider>`);
    expect(text(await noticeIn(zh))).to.contain(ZH);
  });

  it("1. the element's locale property works too, and a change re-renders", async () => {
    const el = await fixture<FgCaptainNotice>(html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient()}></fg-captain-notice>`);
    await el.ready;
    expect(text(el)).to.contain(ZH);
    el.locale = 'en';
    await el.ready;
    expect(text(el)).to.contain(EN);
    el.removeAttribute('locale');
    el.locale = undefined;
    await el.ready;
    expect(text(el)).to.contain(ZH);
  });

  it("2. the nearest provider's locale wins over the session's, and follows changes", async () => {
    const p = await fixture<FgProvider>(html`<fg-provider locale="en" .client=${captainClient()}>
      <div><fg-captain-notice building-id=${noticeBuildingId}></fg-captain-notice></div></fg-provider>`);
    const el = await noticeIn(p);
    expect(text(el)).to.contain(EN);
    p.locale = 'zh-CN';
    await p.updateComplete;
    await el.ready;
    expect(text(el)).to.contain(ZH);
  });

  it('2. a nested provider without a locale passes on the outer one; one with a locale overrides it', async () => {
    const outer = await fixture<FgProvider>(html`<fg-provider locale="en" .client=${captainClient()}>
      <fg-provider id="inner" .client=${captainClient()}><fg-captain-notice building-id=${noticeBuildingId}></fg-captain-notice></fg-provider></fg-provider>`);
    const inner = outer.querySelector<FgProvider>('#inner')!;
    const el = await noticeIn(outer);
    expect(text(el)).to.contain(EN);
    inner.locale = 'zh-CN';
    await inner.updateComplete;
    await el.ready;
    expect(text(el)).to.contain(ZH);
  });

  it("3. the session's locale applies when neither the element nor a provider sets one", async () => {
    const p = await fixture<FgProvider>(html`<fg-provider .client=${captainClient(undefined, { session: enSession })}>
      <fg-captain-notice building-id=${noticeBuildingId}></fg-captain-notice></fg-provider>`);
    expect(text(await noticeIn(p))).to.contain(EN);
    const own = await fixture<FgCaptainNotice>(html`<fg-captain-notice building-id=${noticeBuildingId} .client=${captainClient()}></fg-captain-notice>`);
    await own.ready;
    expect(text(own)).to.contain(ZH);
  });

  it('ignores lang attributes: <html lang="en"> and lang on the element or an ancestor', async () => {
    const html0 = document.documentElement.getAttribute('lang');
    document.documentElement.setAttribute('lang', 'en');
    try {
      const p = await fixture<FgProvider>(html`<fg-provider .client=${captainClient()}>
        <div lang="en"><fg-captain-notice lang="en" building-id=${noticeBuildingId}></fg-captain-notice></div></fg-provider>`);
      expect(text(await noticeIn(p))).to.contain(ZH);
      const zhPage = await fixture<FgProvider>(html`<fg-provider .client=${captainClient(undefined, { session: enSession })}>
        <div lang="zh-CN"><fg-captain-notice building-id=${noticeBuildingId}></fg-captain-notice></div></fg-provider>`);
      expect(text(await noticeIn(zhPage))).to.contain(EN);
    } finally {
      if (html0 === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', html0);
    }
  });

  it('speaks zh-CN without a client when nothing sets a locale, even under <html lang="en">', async () => {
    const html0 = document.documentElement.getAttribute('lang');
    document.documentElement.setAttribute('lang', 'en');
    try {
      const el = await fixture<FgCaptainNotice>(html`<fg-captain-notice building-id=${noticeBuildingId}></fg-captain-notice>`);
      expect(text(el)).to.match(/[\u4e00-\u9fff]/);
      el.locale = 'en';
      await el.updateComplete;
      expect(text(el)).not.to.match(/[\u4e00-\u9fff]/);
    } finally {
      if (html0 === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', html0);
    }
  });
});
