// A micro-frontend host (qiankun, wujie…) may load two bundles of @firegrid/elements, each with
// its own Lit, into one page. The second must neither throw nor replace the first.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../bench/lib/context.js';

async function bundle(): Promise<string> {
  const r = await build({
    entryPoints: ['packages/elements/src/define.ts'],
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

describe('loading @firegrid/elements twice in one page', () => {
  let browser: Browser;
  before(async () => { browser = await launchChromium(); });
  after(async () => { await browser.close(); });

  it('registers fg-provider once, warns, and throws nothing', async () => {
    const code = await bundle();
    const page = await browser.newPage();
    const errors: string[] = [];
    const warnings: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'warn') warnings.push(m.text()); });
    await page.setContent('<!doctype html><html><body><fg-provider><p>x</p></fg-provider></body></html>');
    await page.addScriptTag({ content: code, type: 'module' });
    await page.addScriptTag({ content: code + '\n// second copy', type: 'module' });
    const defined = await page.evaluate(async () => {
      await customElements.whenDefined('fg-provider');
      return typeof customElements.get('fg-provider');
    });
    assert.equal(defined, 'function');
    assert.deepEqual(errors, [], 'no page errors');
    assert.ok(warnings.some((w) => w.includes('<fg-provider> is already defined')), `a warning names the tag: ${warnings.join(' | ')}`);
    await page.close();
  });
});
