// A browser figure's page: the bench script bundled with esbuild (production builds, one copy of
// lit), loaded into a tab of the run's Chromium, and called through `window.bench`. Errors the
// page reports are kept and added to a failing call's message.
import { join } from 'node:path';
import { build } from 'esbuild';
import type { CDPSession } from 'puppeteer-core';
import type { BenchContext } from './context.js';

/** Bundles `contents` (an ES module that sets `window.bench`) as one IIFE script, from the repository root. */
export async function bundlePage(root: string, contents: string, name: string): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: root, sourcefile: `${name}-bench.js`, loader: 'js' },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    conditions: ['source'],
    // shared/ sits beside the repository: its `lit` import resolves to the repository's copy.
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'silent',
  });
  const file = out.outputFiles[0];
  if (file === undefined) throw new Error(`esbuild produced no output for the ${name} bench page`);
  return file.text;
}

/** A loaded bench page. */
export interface BenchPage {
  /** Calls `window.bench[fn](n)` in the page; a failure carries the page's errors. */
  call(fn: string, n: number): Promise<number>;
  /** Slows the tab's CPU `rate` times (CDP `Emulation.setCPUThrottlingRate`; 1 is full speed). */
  throttle(rate: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens a zh-CN page of the given viewport with a `#app` container and loads `script` into it. */
export async function openPage(ctx: BenchContext, script: string, viewport: { width: number; height: number }): Promise<BenchPage> {
  const tab = await (await ctx.browser()).newPage();
  const pageErrors: string[] = [];
  tab.on('pageerror', (e) => { pageErrors.push(e instanceof Error ? e.message : String(e)); });
  tab.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
  try {
    await tab.setViewport(viewport);
    await tab.setContent('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body><div id="app"></div></body></html>');
    await tab.addScriptTag({ content: script });
  } catch (error) {
    await tab.close();
    throw error;
  }
  type Bench = Record<string, (n: number) => Promise<number> | number>;
  let cdp: CDPSession | undefined;
  return {
    async call(fn, n) {
      try {
        return await tab.evaluate((f, size) => (window as unknown as { bench: Bench }).bench[f]?.(size) ?? Number.NaN, fn, n);
      } catch (error) {
        const detail = pageErrors.length > 0 ? `\npage errors:\n${pageErrors.join('\n')}` : '';
        throw new Error(`${fn}(${n}): ${error instanceof Error ? error.message : String(error)}${detail}`, { cause: error });
      }
    },
    async throttle(rate) {
      // The session stays attached until the tab closes: emulation ends with the session that set it.
      cdp ??= await tab.createCDPSession();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    },
    close: () => tab.close(),
  };
}
