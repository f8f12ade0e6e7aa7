// The visual regression harness (scripts/screenshots-lib.mjs, issue 17 item 8), in real Chromium
// over a small stand-in for the static Storybook build: identical renders match, an 8 px shift
// fails, the page is deterministic (clock, randomness, no animation), and the 390 px layout check
// sees sideways overflow in shadow content and fields outside the viewport.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import {
  CHROMIUM_ARGS, FIXED_NOW, MAX_DIFF_RATIO, MAX_QUANTIZE_RATIO, VIEWPORTS,
  chromiumMismatch, compactPng, comparePng, decodePng, layoutProblems, listStories, measureLayout, newPage, openStory, screenshot, serveStatic,
} from '../../scripts/screenshots-lib.mjs';
import { expectedFailures, fields } from '../visual/expectations.mjs';

// A stand-in for `storybook-static`: iframe.html renders the story named by ?id= into
// #storybook-root (with Storybook's body classes), and index.json lists the stories.
const IFRAME = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { margin: 0; padding: 16px; background: #fff; font-size: 16px; }
</style></head><body class="sb-main-padded">
<div id="storybook-root"></div>
<script type="module">
class FgBox extends HTMLElement {
  connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(\`:host { display: block; font-family: var(--fg-font-family, serif); }
      .card { border: 2px solid #b0261c; padding: 12px; border-radius: 6px; }
      .spin { animation: spin 1s linear infinite; display: inline-block; width: 40px; height: 40px; background: linear-gradient(90deg, #b0261c, #1d5fd1); }
      @keyframes spin { from { transform: rotate(0deg); } to { transform: rotate(360deg); } }
      .wide { width: \${this.getAttribute('wide') ?? 0}px; height: 20px; background: #1d5fd1; }\`);
    root.adoptedStyleSheets = [sheet];
    const id = new URLSearchParams(location.search).get('id');
    root.innerHTML = \`<div class="card"><h2 part="title">巡查记录 \${id}</h2>
      <p part="status">状态：待复查</p><p id="now">\${new Date().toISOString().slice(0, 16)}Z</p>
      <p id="random">\${Math.random()}</p><span class="spin"></span>
      <p>消防车道被长期占用，请物业于三日内清理。The fire lane is blocked.</p>
      <div class="wide"></div><span part="total" style="margin-left: \${this.getAttribute('total-at') ?? 0}px">总分 92</span></div>\`;
  }
}
customElements.define('fg-box', FgBox);
const id = new URLSearchParams(location.search).get('id');
const box = document.createElement('fg-box');
if (id === 'wide') { box.setAttribute('wide', '600'); box.setAttribute('total-at', '420'); }
// Content that arrives late, as a store loaded over a memory host does.
setTimeout(() => { document.getElementById('storybook-root').append(box); document.body.classList.add('sb-show-main'); }, 60);
</script></body></html>`;

const INDEX = { v: 5, entries: {
  plain: { id: 'plain', title: 'Test', name: 'Plain', type: 'story' },
  wide: { id: 'wide', title: 'Test', name: 'Wide', type: 'story' },
  'test--docs': { id: 'test--docs', title: 'Test', name: 'Docs', type: 'docs' },
} };

describe('screenshots harness in Chromium', () => {
  let dir = '';
  let server: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fg-screenshots-test-'));
    writeFileSync(join(dir, 'iframe.html'), IFRAME);
    writeFileSync(join(dir, 'index.json'), JSON.stringify(INDEX));
    server = await serveStatic(dir);
    browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    page = await newPage(browser, VIEWPORTS[0]);
  });
  after(async () => {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the stories of index.json, without docs pages', async () => {
    assert.deepEqual((await listStories(dir)).map((s) => s.id), ['plain', 'wide']);
    await assert.rejects(listStories(join(dir, 'missing')), /index\.json is missing: build Storybook first/);
  });

  it('passes an identical render and fails the same story shifted by 8 px', async () => {
    await openStory(page, server.url, 'plain');
    const first = await screenshot(page);
    await openStory(page, server.url, 'plain', { reload: true });
    const again = comparePng(first, await screenshot(page));
    assert.equal(again.diffPixels, 0, 'two renders of one story differ: the page is not deterministic');
    assert.equal(again.failed, false);

    await openStory(page, server.url, 'plain', { reload: true, shiftPx: 8 });
    const shifted = comparePng(first, await screenshot(page));
    assert.ok(shifted.ratio > MAX_DIFF_RATIO, `an 8 px shift differs by only ${shifted.ratio}`);
    assert.equal(shifted.failed, true);
    const diff = decodePng(shifted.diff());
    assert.equal(diff.width, shifted.width);

    // The reference as committed (palette PNG) still matches the render it came from.
    const compact = compactPng(first);
    assert.ok(compact.length < first.length, `compactPng made ${first.length} B into ${compact.length} B`);
    assert.ok(comparePng(compact, first).ratio <= MAX_QUANTIZE_RATIO);
  });

  it('runs the page on a fixed clock and seeded randomness, with animations stopped in shadow roots', async () => {
    await openStory(page, server.url, 'plain', { reload: true });
    const read = `(() => { const r = document.querySelector('fg-box').shadowRoot; return {
      now: r.getElementById('now').textContent, random: r.getElementById('random').textContent,
      animation: getComputedStyle(r.querySelector('.spin')).animationName,
      font: getComputedStyle(r.querySelector('.card')).fontFamily }; })()`;
    const first = await page.evaluate(read) as { now: string; random: string; animation: string; font: string };
    // To the minute (the stories show no seconds): the clock starts at FIXED_NOW on every load.
    assert.equal(Date.parse(first.now), FIXED_NOW, `the page's clock read ${first.now}`);
    assert.equal(first.animation, 'none');
    assert.match(first.font, /Noto Sans CJK SC/);
    await openStory(page, server.url, 'plain', { reload: true });
    const second = await page.evaluate(read) as { random: string };
    assert.equal(second.random, first.random, 'Math.random is not seeded');
  });

  it('finds sideways overflow of shadow content and fields outside the viewport at 390 px', async () => {
    await openStory(page, server.url, 'plain', { reload: true });
    const fine = await measureLayout(page, { status: '[part~="status"]', total: '[part~="total"]' });
    assert.deepEqual(layoutProblems(fine), []);

    await openStory(page, server.url, 'wide', { reload: true });
    const wide = await measureLayout(page, {
      status: '[part~="status"]', total: '[part~="total"]', rank: '[part~="rank"]', title: { selector: '[part~="title"]', minWidth: 900 },
    });
    const problems = layoutProblems(wide);
    assert.deepEqual(problems.map((p) => p.check), ['sideways', 'field:total', 'field:rank', 'field:title']);
    assert.match(problems[0]!.message, /fg-box › div\.wide at x \d+…\d+/);
    assert.match(problems[1]!.message, /field total: 1 of 1 outside the viewport/);
    assert.match(problems[2]!.message, /field rank \(\[part~="rank"\]\) not found/);
  });
});

describe('comparePng', () => {
  const png = (width: number, height: number, paint: (x: number, y: number) => number): Buffer => {
    const p = new PNG({ width, height });
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      const v = paint(x, y);
      const i = (y * width + x) * 4;
      p.data[i] = v; p.data[i + 1] = v; p.data[i + 2] = v; p.data[i + 3] = 255;
    }
    return PNG.sync.write(p);
  };

  it('fails above 0.3 % of differing pixels and passes at or below it', () => {
    const white = png(100, 100, () => 255);
    // 30 of 10,000 pixels (0.3 %) black: not more than the limit.
    const at = png(100, 100, (x, y) => (y === 50 && x < 30 ? 0 : 255));
    const over = png(100, 100, (x, y) => (y === 50 && x < 31 ? 0 : 255));
    assert.equal(comparePng(white, at).diffPixels, 30);
    assert.equal(comparePng(white, at).failed, false);
    assert.equal(comparePng(white, over).failed, true);
    // Below pixelmatch's threshold of 0.1 a shade is not a difference.
    assert.equal(comparePng(white, png(100, 100, () => 250)).diffPixels, 0);
  });

  it('counts the area only one image covers when the sizes differ', () => {
    const r = comparePng(png(100, 100, () => 255), png(100, 110, () => 255));
    assert.equal(r.sizeChanged, '100×100 → 100×110');
    assert.equal(r.diffPixels, 1000);
    assert.equal(r.failed, true);
  });
});

describe('tests/visual/expectations.mjs', () => {
  it('lists each expected failure once, as a check the layout check makes', () => {
    const keys = expectedFailures.map((e) => `${e.story} ${e.check}`);
    assert.equal(new Set(keys).size, keys.length, 'an expected failure is listed twice');
    for (const e of expectedFailures) {
      assert.match(e.issue, /^\d+\.\d+$/, `${e.story} ${e.check}: issue item like 17.4`);
      if (e.check === 'sideways') continue;
      const name = e.check.replace(/^field:/, '');
      const f = fields.find((x) => x.story === e.story);
      assert.ok(f && name in f.fields, `${e.story} ${e.check}: no such field in \`fields\``);
    }
  });
});

describe('chromiumMismatch', () => {
  it('warns when the major version differs from the references\' and is silent otherwise', () => {
    assert.equal(chromiumMismatch('156.0.8078.129', '156.0.9000.1'), null);
    assert.equal(chromiumMismatch(undefined, '157.0.1.2'), null);
    assert.match(chromiumMismatch('156.0.8078.129', '157.0.1.2') ?? '', /Chromium 157\.0\.1\.2 is not the references' Chromium 156\.0\.8078\.129 \(major 157 ≠ 156\).*comparing anyway/);
  });
});
