// The notice (公示牌) printed by Chromium itself (page.pdf), as a grid worker's browser prints it:
// a usual notice is exactly one A4 page; a notice with a very long building name and long duties
// is never cut (issue 17): it continues on a second page, and in print no text is under 12 pt.
// Chinese renders with a CJK font (Noto Sans CJK SC on Debian, which .ci/run installs as
// fonts-noto-cjk).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../bench/lib/context.js';

const ENTRY = `
import '@firegrid/elements/captain-notice/define';
import { captainClient, captainWorld } from './stories/captain-registry.stories.ts';
import { longNoticeWorld, noticeBuildingId } from './stories/captain-notice.stories.ts';
const params = new URLSearchParams(location.hash.slice(1));
const el = document.createElement('fg-captain-notice');
el.client = captainClient(params.get('world') === 'long' ? longNoticeWorld() : captainWorld());
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

  async function open(bodyStyle: string, lang = '', world: 'usual' | 'long' = 'usual'): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{${bodyStyle}}</style></head><body></body></html>`);
    await page.evaluate((l, w) => { location.hash = `lang=${l}&world=${w}`; }, lang, world);
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(() => (window as unknown as { __noticeReady?: boolean }).__noticeReady === true, { timeout: 20_000 });
    assert.deepEqual(errors, [], 'no page errors');
    return page;
  }

  it('prints a usual notice on exactly one A4 page, with a CJK font, without the print button', async () => {
    const page = await open('');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pageCount(pdf), 1, 'A4: one page');
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

  it('prints a usual notice on exactly one A4 page from a page without body margins, and in English', async () => {
    const page = await open('margin:0', 'en');
    assert.equal(pageCount(await page.pdf({ format: 'A4' })), 1);
    assert.equal(pageCount(await page.pdf({ format: 'A4', margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } })), 1, 'with print margins too');
    await page.close();
  });

  it('never cuts a long notice: it continues on further pages, and the screen warned before printing', async () => {
    const page = await open('', '', 'long');
    const warned = await page.evaluate(() => document.querySelector('fg-captain-notice')?.shadowRoot?.querySelector('.msg.warning')?.textContent ?? '');
    assert.match(warned, /第二页/);
    // Nine duties of 150 characters each at 12 pt: more than one page, whatever the paper.
    const a4 = pageCount(await page.pdf({ format: 'A4' }));
    const a5 = pageCount(await page.pdf({ format: 'A5' }));
    assert.ok(a4 >= 2 && a5 >= a4, `A4: ${a4} pages, A5: ${a5} pages`);
    await page.close();
  });

  for (const [format, width] of [['A4', 718], ['A5', 484]] as const) {
    it(`print styles on ${format} (${width} px wide): no text under 12 pt, none clipped or ellipsised, 119 prominent`, async () => {
      const page = await open('', '', 'long');
      await page.setViewport({ width, height: Math.round(width * 1.414) });
      await page.emulateMediaType('print');
      const found = await page.evaluate(() => {
        const root = document.querySelector('fg-captain-notice')!.shadowRoot!;
        const sheet = root.querySelector<HTMLElement>('.sheet')!;
        const small: string[] = [];
        const cut: string[] = [];
        for (const node of sheet.querySelectorAll<HTMLElement>('*')) {
          if (node instanceof SVGElement) continue;
          const cs = getComputedStyle(node);
          const ownText = [...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() !== '');
          if (ownText && parseFloat(cs.fontSize) < 16) small.push(`${node.localName}.${node.className} ${cs.fontSize}`);
          if (cs.textOverflow === 'ellipsis' || cs.webkitLineClamp !== 'none' || node.scrollHeight > node.clientHeight + 1 || node.scrollWidth > node.clientWidth + 1) {
            if (node.textContent.trim() !== '') cut.push(`${node.localName}.${node.className}`);
          }
        }
        const fire = sheet.querySelector<HTMLElement>('.fire')!;
        const duties = sheet.querySelector<HTMLElement>('.duties ol')!;
        return {
          small, cut, fire: fire.textContent, fireSize: parseFloat(getComputedStyle(fire).fontSize),
          dutySize: parseFloat(getComputedStyle(duties).fontSize), fireWeight: getComputedStyle(fire).fontWeight,
        };
      });
      assert.deepEqual(found.small, [], 'text under 12 pt (16 px) in print');
      assert.deepEqual(found.cut, [], 'text clipped or ellipsised in print');
      assert.equal(found.fire, '发生火灾请立即拨打 119');
      assert.ok(found.fireSize > found.dutySize, `119 (${found.fireSize}px) larger than the duties (${found.dutySize}px)`);
      assert.equal(found.fireWeight, '700');
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
