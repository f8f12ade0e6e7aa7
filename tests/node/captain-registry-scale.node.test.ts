// A county's 100,000 buildings in <fg-captain-registry>: the DOM stays a screenful while the list
// scrolls from the first row to the last. Driven from Node so the page is the visible tab (a
// hidden tab gets no scroll events or ResizeObserver callbacks, which the virtualiser needs).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium } from '../../bench/lib/context.js';

const ENTRY = `
import '@firegrid/elements/captain-registry/define';
import { captainWorld } from './stories/captain-registry.stories.ts';
const world = captainWorld({ buildings: 100000, covered: 0.8, grids: Array.from({ length: 100 }, (_, g) => '140106' + String(g).padStart(6, '0') + '001') });
const el = document.createElement('fg-captain-registry');
el.buildings = world.places;
el.captains = world.captains;
document.body.append(el);
const list = () => el.shadowRoot.querySelector('[part~="list"]');
const rows = () => [...el.shadowRoot.querySelectorAll('[part~="row"]')].map((r) => Number(r.getAttribute('aria-posinset')));
window.registry = {
  high: world.places.filter((p) => p.building.floors >= 10).length,
  rows,
  scrollTo(fraction) { const l = list(); l.scrollTop = fraction * (l.scrollHeight - l.clientHeight); return l.scrollTop; },
};
`;

async function bundle(): Promise<string> {
  const r = await build({
    stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts', sourcefile: 'registry-scale-entry.ts' },
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

interface Registry {
  high: number;
  rows(): number[];
  scrollTo(fraction: number): number;
}

describe('fg-captain-registry at county scale', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  before(async () => {
    const [b, code] = await Promise.all([launchChromium(), bundle()]);
    browser = b;
    page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewport({ width: 1024, height: 900 });
    await page.bringToFront();
    await page.setContent('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body></body></html>');
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(() => {
      const r = (window as unknown as { registry?: Registry }).registry;
      return r !== undefined && r.rows().length > 0;
    }, { timeout: 30_000 });
  });
  after(async () => { await browser.close(); });

  const high = (): Promise<number> => page.evaluate(() => (window as unknown as { registry: Registry }).registry.high);
  const rowsNow = (): Promise<number[]> => page.evaluate(() => (window as unknown as { registry: Registry }).registry.rows());

  /** Scrolls to `fraction` of the list, frame after frame (the end moves as rows are measured), until `done`. */
  async function scrollUntil(fraction: number, done: (rows: number[], high: number) => boolean): Promise<number[]> {
    const h = await high();
    for (let i = 0; i < 120; i++) {
      await page.evaluate((f) => (window as unknown as { registry: Registry }).registry.scrollTo(f), fraction);
      await new Promise((r) => setTimeout(r, 50));
      const rows = await rowsNow();
      if (done(rows, h)) return rows;
    }
    assert.fail(`scrolling to ${fraction} did not show the rows expected; showing ${JSON.stringify(await rowsNow())}`);
  }

  it('starts with the first rows and a bounded DOM', async () => {
    const rows = await rowsNow();
    assert.equal(rows[0], 1);
    assert.ok(rows.length < 80, `${rows.length} rows in the DOM`);
  });

  it('reaches the last of 85,715 rows, and the middle, keeping the DOM bounded', async () => {
    assert.equal(await high(), 85_715);
    const end = await scrollUntil(1, (rows, h) => rows.includes(h));
    assert.ok(end.length < 80, `${end.length} rows in the DOM at the end`);
    const middle = await scrollUntil(0.5, (rows, h) => rows.some((n) => Math.abs(n - h / 2) < h * 0.1));
    assert.ok(middle.length < 80);
    assert.deepEqual(errors, [], 'no page errors');
  });
});
