// The examples a vendor copies (issue 25), built once by examples/tools/serve.mjs (esbuild for the bridge
// and theme pages, Vite with each example's own config for React and Vue) and driven in one
// Chromium against the reference server, under the strict CSP: the DingTalk and WeChat adapters
// over stand-ins of their bridges' call shapes, the @lit/react wrappers and Vue's `.client` and
// `@fg-…` bindings, and the government-blue page's tokens and ::parts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { convertPoint } from '@firegrid/core';
import { launchChromium } from '../../bench/lib/context.js';
import { serveExamples } from '../../examples/tools/serve.mjs';

// Page code is passed as strings: tsx would add `__name` helpers to functions the page cannot see.
const DEEP = '((root) => { const out = []; const walk = (r) => { for (const e of r.querySelectorAll("*")) { out.push(e); if (e.shadowRoot) walk(e.shadowRoot); } }; walk(root); return out; })';
const find = (test: string): string => `${DEEP}(document).find((e) => ${test})`;
const report = find('e.localName === "fg-hazard-report"');
const inReport = (sel: string): string => `${report}?.shadowRoot?.querySelector(${JSON.stringify(sel)})`;
/** The stand-ins' default GPS fix (examples/dingtalk/dd-standin.ts, examples/wechat/wx-standin.ts). */
const FIX = { lng: 112.5548, lat: 37.8561 };

interface Call { api: string; params: Record<string, unknown> }
interface Stored { description: string; location?: { lng: number; lat: number; crs: string }; photos: unknown[] }

describe('examples: bridges, frameworks and the government-blue page', () => {
  let browser: Browser | undefined;
  let examples: Awaited<ReturnType<typeof serveExamples>> | undefined;
  before(async () => {
    [examples, browser] = await Promise.all([serveExamples({ port: 0, source: true }), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await examples?.close();
  });

  /** A page of its own context (no IndexedDB shared with another test) that collects what went wrong. */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    assert.ok(browser && examples, 'the examples and the browser started');
    const page = await (await browser.createBrowserContext()).newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`${String(r.status())} ${r.request().method()} ${r.url()}`); });
    const res = await page.goto(`${examples.url}${path}`);
    assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'; style-src 'self'/, `${path} is served under the strict CSP`);
    return { page, problems };
  }
  const calls = async (page: Page): Promise<Call[]> => await page.evaluate('window.fgBridge.calls') as Call[];
  const locate = async (page: Page): Promise<string> => {
    await page.waitForFunction(`!!${inReport('#locate')}`, { timeout: 20_000 });
    await page.evaluate(`${inReport('#locate')}.click()`);
    await page.waitForFunction(`!!${inReport('#location-text')}`, { timeout: 20_000 });
    return await page.evaluate(`${inReport('#location-text')}.textContent`) as string;
  };
  /** Adds one photo through the bridge; resolves with the photo count text and the first tile image's width. */
  const addPhoto = async (page: Page, expect: RegExp): Promise<void> => {
    await page.waitForFunction(`!!${inReport('#add-photo')}`, { timeout: 20_000 });
    await page.evaluate(`${inReport('#add-photo')}.click()`);
    await page.waitForFunction(`${expect.toString()}.test(${inReport('#photos-count')}?.textContent ?? '')`, { timeout: 20_000 });
  };
  const coords = (text: string): [number, number] => {
    const m = /(\d+\.\d{6})\D+(\d+\.\d{6})/.exec(text);
    assert.ok(m, `the location text shows coordinates: ${text}`);
    return [Number(m[1]), Number(m[2])];
  };

  it('DingTalk: locates in GCJ-02 (coordinate: 1), takes a photo with biz.util.chooseImage, and the report reaches the server with both', async () => {
    const { page, problems } = await open('dingtalk/?user=wangwei');
    const text = await locate(page);
    assert.match(text, /GCJ02/, `the point keeps the CRS the bridge was asked for: ${text}`);
    const gcj = convertPoint({ ...FIX, crs: 'WGS84' }, 'GCJ02');
    assert.deepEqual(coords(text).sort(), [Number(gcj.lng.toFixed(6)), Number(gcj.lat.toFixed(6))].sort(), 'the GCJ-02 numbers the bridge returned, unconverted');
    await addPhoto(page, /^1\//);
    const made = await calls(page);
    assert.deepEqual(made.map((c) => c.api), ['device.geolocation.get', 'biz.util.chooseImage']);
    assert.deepEqual(made[0]?.params, { targetAccuracy: 200, coordinate: 1, withReGeocode: false, useCache: false });
    assert.deepEqual(made[1]?.params, { count: 9, sourceType: ['camera', 'album'] });

    // Submit: category, description, and the location and photo above.
    const description = `钉钉示例上报 ${String(Date.now())}`;
    await page.evaluate(`((s) => { s.value = [...s.options].find((o) => o.value !== '').value; s.dispatchEvent(new Event('change', { bubbles: true })); s.dispatchEvent(new Event('input', { bubbles: true })); })(${inReport('#category')})`);
    await page.evaluate(`((t) => { t.value = ${JSON.stringify(description)}; t.dispatchEvent(new Event('input', { bubbles: true })); t.dispatchEvent(new Event('change', { bubbles: true })); })(${inReport('#description')})`);
    await page.evaluate(`${inReport('#submit')}.click()`);
    await page.waitForFunction(`/已上报/.test(document.getElementById('status').textContent)`, { timeout: 20_000 });
    assert.ok(examples);
    const token = await (await fetch(`${examples.url}token?user=zhaojianguo`)).text();
    let stored: Stored | undefined;
    for (let i = 0; i < 100 && stored?.photos.length !== 1; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 200));
      const res = await fetch(`${examples.url}api/v1/hazards?q=${encodeURIComponent(description)}`, { headers: { authorization: `Bearer ${token}` } });
      stored = ((await res.json()) as { items: Stored[] }).items.find((h) => h.description === description);
    }
    assert.ok(stored, 'the report reached the server');
    assert.equal(stored.photos.length, 1, 'with the photo the bridge took');
    assert.equal(stored.location?.crs, 'GCJ02');
    assert.equal(stored.location.lng, gcj.lng);
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });

  it('DingTalk: coordinate: 0 gives WGS-84, tagged so; a refused bridge call is shown, not thrown', async () => {
    const { page, problems } = await open('dingtalk/?coordinate=0');
    const text = await locate(page);
    assert.match(text, /WGS84/, text);
    assert.deepEqual(coords(text).sort(), [FIX.lng, FIX.lat].sort(), 'the GPS fix as the bridge gave it');
    assert.equal((await calls(page))[0]?.params.coordinate, 0);
    await page.browserContext().close();
    assert.deepEqual(problems, []);

    const denied = await open('dingtalk/?deny');
    await denied.page.waitForFunction(`!!${inReport('#locate')}`, { timeout: 20_000 });
    await denied.page.evaluate(`${inReport('#locate')}.click()`);
    await denied.page.waitForFunction(`(${report}.shadowRoot.textContent ?? '').length > 0 && !${inReport('#location-text')} && ${inReport('#locate')}.getAttribute('aria-disabled') === 'false' && /[^\\s]/.test([...${report}.shadowRoot.querySelectorAll('.error')].map((e) => e.textContent).join(''))`, { timeout: 20_000 });
    await denied.page.browserContext().close();
  });

  for (const platform of ['ios', 'android'] as const) {
    it(`WeChat (${platform}): wx.getLocation asked for gcj02 and tagged GCJ02; wx.chooseImage → getLocalImgData's ${platform === 'ios' ? 'data:image/jgp;base64,… (prefixed)' : 'bare, line-broken base64'} becomes a JPEG photo`, async () => {
      const { page, problems } = await open(`wechat/?platform=${platform}`);
      const text = await locate(page);
      assert.match(text, /GCJ02/, text);
      await addPhoto(page, /^1\//);
      // The photo decoded into an image the browser can draw.
      await page.waitForFunction(`((img) => img && img.complete && img.naturalWidth > 0)(${report}.shadowRoot.querySelector('.photo-tiles img'))`, { timeout: 20_000 });
      const made = await calls(page);
      assert.deepEqual(made.map((c) => c.api), ['getLocation', 'chooseImage', 'getLocalImgData']);
      assert.deepEqual(made[0]?.params, { type: 'gcj02' });
      assert.match(String(made[2]?.params.localId), platform === 'ios' ? /^wxLocalResource:\/\// : /^weixin:\/\/resourceid\//);
      assert.deepEqual(problems, []);
      await page.browserContext().close();
    });
  }

  it('WeChat: type wgs84 is tagged WGS84; a cancelled chooser adds nothing and shows no error', async () => {
    const { page, problems } = await open('wechat/?type=wgs84&cancel');
    assert.match(await locate(page), /WGS84/);
    await page.evaluate(`${inReport('#add-photo')}.click()`);
    await page.waitForFunction(`window.fgBridge.calls.some((c) => c.api === 'chooseImage')`, { timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 300));
    assert.match(await page.evaluate(`${inReport('#photos-count')}.textContent`) as string, /^0\//);
    assert.equal(await page.evaluate(`${inReport('#photos-error')}.textContent.trim()`), '');
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });

  for (const framework of ['react', 'vue'] as const) {
    it(`${framework}: the provider gets the client as a property, the ledger lists the server's hazards, and fg-hazard-open reaches the app's state`, async () => {
      const { page, problems } = await open(`${framework}/?user=zhaojianguo`);
      const row = find('e.matches("[data-hazard]")');
      await page.waitForFunction(`!!${row}`, { timeout: 30_000 });
      const id = await page.evaluate(`${row}.dataset.hazard`) as string;
      await page.evaluate(`${row}.click()`);
      await page.waitForFunction(`document.getElementById('status').textContent.includes(${JSON.stringify(id)})`, { timeout: 20_000 });
      assert.equal(await page.evaluate('document.getElementById("status").textContent'), `打开了隐患 ${id}`);
      // The app swaps the ledger for the report form on its own state.
      await page.evaluate(`[...document.querySelectorAll('nav button')].find((b) => b.textContent === '上报隐患').click()`);
      await page.waitForFunction(`!!${inReport('#description')}`, { timeout: 20_000 });
      assert.equal(await page.evaluate(`!!${find('e.localName === "fg-hazard-ledger"')}`), false, 'the ledger left the page');
      // The theme reached inside: the report's submit button is government blue.
      assert.equal(await page.evaluate(`getComputedStyle(${inReport('button[type=submit]')}).backgroundColor`), 'rgb(0, 82, 217)');
      assert.deepEqual(problems, []);
      await page.browserContext().close();
    });
  }

  it('gov-blue: the theme\'s tokens, the page\'s token override and its ::part rules reach the elements', async () => {
    const { page, problems } = await open('gov-blue/');
    const ledger = find('e.localName === "fg-hazard-ledger"');
    await page.waitForFunction(`!!${find('e.matches("[data-hazard]")')}`, { timeout: 30_000 });
    await page.waitForFunction(`!!${find('e.matches("[part~=rank]")')}`, { timeout: 30_000 });
    const style = (sel: string, prop: string): Promise<unknown> => page.evaluate(`getComputedStyle(${ledger}.shadowRoot.querySelector(${JSON.stringify(sel)})).${prop}`);
    assert.equal(await style('[part~=filters]', 'backgroundColor'), 'rgb(238, 242, 248)', '::part(filters) takes the page\'s background (the theme\'s --fg-color-subtle)');
    assert.equal(await style('[part~=status]', 'fontWeight'), '600', '::part(status) is bold');
    assert.equal(await style('[part~=filters] button', 'borderTopLeftRadius'), '2px', 'the page\'s --fg-radius override reaches a button inside');
    assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('.masthead')).backgroundColor`), 'rgb(0, 82, 217)', 'the page\'s own layout uses the theme\'s primary');
    assert.deepEqual(problems, []);
    await page.browserContext().close();
  });
});
