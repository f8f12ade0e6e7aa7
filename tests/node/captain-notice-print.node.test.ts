// The notice (公示牌) printed to A4 and to A5 is exactly one page each, with a very long building
// name and long duties, and renders its Chinese with a CJK font (Noto Sans CJK SC on Debian,
// which .ci/run installs as fonts-noto-cjk). Printed by Chromium itself (page.pdf), as a grid
// worker's browser prints it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../bench/lib/context.js';

const ENTRY = `
import '@firegrid/elements/captain-notice/define';
import { captainClient } from './stories/captain-registry.stories.ts';
import { longNoticeWorld, noticeBuildingId } from './stories/captain-notice.stories.ts';
const params = new URLSearchParams(location.hash.slice(1));
const el = document.createElement('fg-captain-notice');
el.client = captainClient(longNoticeWorld());
el.buildingId = noticeBuildingId;
if (params.get('lang')) el.locale = params.get('lang') === 'en' ? 'en' : 'zh-CN';
document.body.append(el);
void el.ready.then(() => { window.__noticeReady = true; });
`;

async function bundle(): Promise<string> {
  const r = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'notice-print-entry.ts' },
    bundle: true,
    format: 'esm',
    write: false,
    conditions: ['source'],
    target: 'es2021',
    logLevel: 'silent',
  });
  const out = r.outputFiles[0];
  assert.ok(out, 'esbuild produced a bundle');
  return out.text;
}

/** Pages of a PDF Chromium wrote: its page objects (`/Type /Page`, not the `/Pages` tree). */
function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Names of the fonts embedded in the PDF (`/FontName /AAAAAA+NotoSansCJKsc-Regular`). */
function fonts(pdf: Uint8Array): string[] {
  return [...Buffer.from(pdf).toString('latin1').matchAll(/\/(?:BaseFont|FontName)\s*\/([^\s/<>[\]]+)/g)].map((m) => m[1] ?? '');
}

describe('fg-captain-notice printed', () => {
  let browser: Browser;
  let code: string;
  before(async () => {
    [browser, code] = await Promise.all([launchChromium(), bundle()]);
  });
  after(async () => { await browser.close(); });

  async function open(bodyStyle: string, lang = ''): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{${bodyStyle}}</style></head><body></body></html>`);
    if (lang !== '') await page.evaluate((l) => { location.hash = `lang=${l}`; }, lang);
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(() => (window as unknown as { __noticeReady?: boolean }).__noticeReady === true, { timeout: 20_000 });
    assert.deepEqual(errors, [], 'no page errors');
    return page;
  }

  for (const format of ['A4', 'A5'] as const) {
    it(`prints on exactly one ${format} page, long name and duties included, with a CJK font`, async () => {
      const page = await open('');
      const pdf = await page.pdf({ format, printBackground: true });
      assert.equal(pageCount(pdf), 1, `${format}: one page`);
      const embedded = fonts(pdf);
      assert.ok(embedded.some((f) => /NotoSansCJK|SourceHanSans|NotoSerifCJK/i.test(f)), `a CJK font is embedded: ${embedded.join(', ')}`);
      // The print button and hints are not printed: only the sheet is on the page.
      await page.emulateMediaType('print');
      const hidden = await page.evaluate(() => {
        const root = document.querySelector('fg-captain-notice')?.shadowRoot;
        const tools = root?.querySelector('.tools');
        return tools === null || tools === undefined ? 'missing' : getComputedStyle(tools).display;
      });
      assert.equal(hidden, 'none');
      await page.close();
    });

    it(`prints on exactly one ${format} page from a page without body margins, and in English`, async () => {
      const page = await open('margin:0', 'en');
      assert.equal(pageCount(await page.pdf({ format })), 1);
      assert.equal(pageCount(await page.pdf({ format, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } })), 1, 'with print margins too');
      await page.close();
    });
  }

  it('counts pages correctly (the counter itself): content 1.7 times as tall as A4 gives two pages', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><body><div style="height:500mm">x</div></body>');
    assert.equal(pageCount(await page.pdf({ format: 'A4' })), 2);
    await page.close();
  });
});
