// Gate (issue 9): under a strict Content-Security-Policy every element renders every story and
// completes its primary task with no `securitypolicyviolation`. The stories, tasks and the page
// runner (tests/gates/csp-page.ts) are bundled with esbuild as an app would ship them and served
// by a small node:http server with the exact header; Chromium runs them through puppeteer-core.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { unzipSync } from 'fflate';
import type { Browser, KeyInput, Page } from 'puppeteer-core';
import { launchChromium } from '../../bench/lib/context.js';
import { repoRoot } from '../../scripts/bytes-lib.mjs';
import type { CspStep } from '../gates/csp-page.js';
import type { KeyAction } from '../gates/keyboard-core.js';
import { nodeInventory } from './gates-lib.js';

/** The policy of issue 9, exactly. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'";

interface Violation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
  /** The story or task running when it happened. */
  during?: string;
}

const page = (script: string, body = '<main id="root"></main>'): string =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Firegrid strict CSP gate</title></head>` +
  `<body>${body}<script type="module" src="${script}"></script></body></html>`;

// The control page breaks the policy on purpose, so the test shows the listener catches it.
const CONTROL_JS = `
document.body.setAttribute('style', 'color: red');
try { eval('1'); } catch {}
const img = document.createElement('img'); img.src = 'https://evil.example/x.png'; document.body.append(img);
`;

/** Bundles every story module and task with the page runner; returns the output files by URL path. */
async function bundle(): Promise<Map<string, Uint8Array>> {
  // Tags without a story or task are the inventory gate's failure; this one runs what exists.
  const inv = nodeInventory();
  const abs = (f: string): string => JSON.stringify(join(repoRoot, f));
  const lines = [`import { runCspGate } from ${abs('tests/gates/csp-page.ts')};`];
  const items: string[] = [];
  inv.elements.forEach((e, i) => {
    lines.push(`import * as stories${i} from ${abs(e.storyFile)};`, `import * as task${i} from ${abs(e.taskFile)};`);
    items.push(`{ tag: ${JSON.stringify(e.tag)}, storyFile: ${JSON.stringify(e.storyFile)}, stories: stories${i}, taskFile: ${JSON.stringify(e.taskFile)}, task: task${i}.task }`);
  });
  lines.push(`void runCspGate([${items.join(', ')}]);`);
  const result = await build({
    stdin: { contents: lines.join('\n'), resolveDir: repoRoot, sourcefile: 'csp-gate.ts', loader: 'ts' },
    absWorkingDir: repoRoot,
    tsconfig: join(repoRoot, 'tsconfig.json'),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: join(repoRoot, '.csp-gate-out'),
    entryNames: 'gate',
    write: false,
    logLevel: 'silent',
  });
  const files = new Map<string, Uint8Array>();
  for (const f of result.outputFiles) files.set(`/${basename(f.path)}`, f.contents);
  files.set('/control.js', new TextEncoder().encode(CONTROL_JS));
  // The Excel export on its own page: a sheet large enough (over fflate's 160 kB) for the zip library to want a worker.
  const excel = await build({
    stdin: {
      contents: `import { xlsxFile } from ${JSON.stringify(join(repoRoot, 'packages/elements/src/hazard-ledger/export.ts'))};
window.__fgExcel = async (count) => {
  const rows = Array.from({ length: count }, (_, i) => [i + 1, '=HYPERLINK("x") 楼道堆放杂物，电动自行车入户充电 ' + i + ' ' + 'x'.repeat(60)]);
  const blob = await xlsxFile([{ title: '问题隐患清单', header: ['序号', '隐患内容'], rows }]);
  let text = '';
  for (const b of new Uint8Array(await blob.arrayBuffer())) text += String.fromCharCode(b);
  return btoa(text);
};`,
      resolveDir: repoRoot, sourcefile: 'csp-excel.ts', loader: 'ts',
    },
    absWorkingDir: repoRoot, tsconfig: join(repoRoot, 'tsconfig.json'), bundle: true, splitting: true, format: 'esm', target: 'es2022',
    conditions: ['source'], outdir: join(repoRoot, '.csp-gate-out'), entryNames: 'excel', chunkNames: 'excel-[name]-[hash]', write: false, logLevel: 'silent',
  });
  for (const f of excel.outputFiles) files.set(`/${basename(f.path)}`, f.contents);
  return files;
}

function serve(files: Map<string, Uint8Array>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    res.setHeader('Content-Security-Policy', STRICT_CSP);
    res.setHeader('Cache-Control', 'no-store');
    if (path === '/' || path === '/control' || path === '/excel') {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      // The control page also carries an inline script, which the policy must block.
      res.end(path === '/' ? page('/gate.js') : path === '/excel' ? page('/excel.js')
        : page('/control.js', '<p>control</p><script>window.inline = 1</script>'));
      return;
    }
    const body = files.get(path);
    if (body === undefined) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => { resolve(server); }));
}

/** Opens a page that records violations (from before any script runs) and page errors. */
async function open(browser: Browser): Promise<{ page: Page; violations: Violation[]; errors: string[]; during: (what: string) => void }> {
  const p = await browser.newPage();
  const violations: Violation[] = [];
  const errors: string[] = [];
  let current: string | undefined;
  await p.exposeFunction('__fgCspViolation', (v: Violation) => { violations.push({ ...v, ...(current === undefined ? {} : { during: current }) }); });
  await p.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __fgCspViolation: (v: unknown) => Promise<void> }).__fgCspViolation;
      void report({
        directive: e.effectiveDirective || e.violatedDirective,
        blocked: e.blockedURI,
        source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
        sample: e.sample,
      });
    }, true);
  });
  p.on('pageerror', (err) => { errors.push(err instanceof Error ? err.message : String(err)); });
  return { page: p, violations, errors, during: (what) => { current = what; } };
}

const describeViolation = (v: Violation): string =>
  `${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}${v.sample ? ` — ${JSON.stringify(v.sample)}` : ''}` +
  (v.during === undefined ? '' : ` during ${v.during}`);

describe('gate: strict CSP', () => {
  let server: Server;
  let browser: Browser;
  let origin = '';

  before(async () => {
    const files = await bundle();
    server = await serve(files);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves the page with the exact policy of issue 9', async () => {
    const res = await fetch(`${origin}/`);
    assert.equal(res.headers.get('content-security-policy'), STRICT_CSP);
  });

  it('catches a violation and says which directive and source (control page)', async () => {
    const { page: p, violations } = await open(browser);
    try {
      await p.goto(`${origin}/control`, { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 200));
      const directives = new Set(violations.map((v) => v.directive));
      for (const d of ['style-src-attr', 'script-src', 'script-src-elem', 'img-src']) {
        assert.ok(directives.has(d), `expected a ${d} violation, got: ${violations.map(describeViolation).join('; ')}`);
      }
      assert.ok(violations.some((v) => v.blocked === 'https://evil.example/x.png'), violations.map(describeViolation).join('; '));
    } finally {
      await p.close();
    }
  });

  it('exports a large two-list workbook to Excel under the policy: no blob: worker, no violation, every row in the file', async () => {
    const { page: p, violations, errors } = await open(browser);
    try {
      await p.goto(`${origin}/excel`, { waitUntil: 'load' });
      await p.waitForFunction(() => typeof (window as unknown as { __fgExcel?: unknown }).__fgExcel === 'function');
      const count = 3000;
      const out = await p.evaluate((n) => Promise.race([
        (window as unknown as { __fgExcel: (n: number) => Promise<string> }).__fgExcel(n),
        new Promise<string>((resolve) => setTimeout(() => { resolve('timeout'); }, 20_000)),
      ]), count);
      assert.notEqual(out, 'timeout', `the Excel export did not finish in 20 s; page errors: ${errors.join('; ')}; violations: ${violations.map(describeViolation).join('; ')}`);
      const files = unzipSync(new Uint8Array(Buffer.from(out, 'base64')));
      const sheet = Object.entries(files).find(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
      assert.ok(sheet !== undefined, `no worksheet in the file: ${Object.keys(files).join(', ')}`);
      // Text lives in the sheet or in the shared strings, whichever the writer chose.
      const xml = Object.values(files).map((bytes) => new TextDecoder().decode(bytes)).join('\n');
      const largest = Math.max(...Object.values(files).map((bytes) => bytes.length));
      assert.ok(largest > 160_000, `the largest file is ${largest} bytes: too small to need fflate's worker`);
      assert.ok(xml.includes(`电动自行车入户充电 ${count - 1} `), 'the last row is in the sheet');
      assert.ok(xml.includes("'=HYPERLINK"), 'formula-like text is neutralised');
      assert.deepEqual(violations.map(describeViolation), [], 'securitypolicyviolation events');
      assert.deepEqual(errors, [], `page errors: ${errors.join('; ')}`);
    } finally {
      await p.close();
    }
  });

  it('renders every story and completes every primary task with no violation', async () => {
    const { page: p, violations, errors, during } = await open(browser);
    const steps: CspStep[] = [];
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => { finished = resolve; });
    try {
      await p.exposeFunction('__fgCspStart', (tag: string, step: string) => { during(`${tag} ${step}`); });
      await p.exposeFunction('__fgCspStep', (s: CspStep) => { steps.push(s); });
      await p.exposeFunction('__fgCspDone', () => { finished(); });
      await p.exposeFunction('__fgKeys', async (a: KeyAction) => {
        if ('press' in a) await p.keyboard.press(a.press as KeyInput);
        else if ('down' in a) await p.keyboard.down(a.down as KeyInput);
        else if ('up' in a) await p.keyboard.up(a.up as KeyInput);
        else await p.keyboard.type(a.type);
      });
      await p.goto(`${origin}/`, { waitUntil: 'load' });
      await p.bringToFront();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const last = steps[steps.length - 1];
          reject(new Error(`the CSP page did not finish in 60 s; last step: ${last ? `${last.tag} ${last.step}` : 'none'}; page errors: ${errors.join('; ')}`));
        }, 60_000);
      });
      try {
        await Promise.race([done, timeout]);
      } finally {
        clearTimeout(timer);
      }
      // Reports of the last step can arrive just after it.
      await new Promise((r) => setTimeout(r, 100));
      const inv = nodeInventory();
      for (const e of inv.elements) {
        assert.ok(steps.some((s) => s.tag === e.tag && s.step.startsWith('story ')), `${e.tag}: no story was rendered`);
        assert.ok(steps.some((s) => s.tag === e.tag && s.step.startsWith('task: ')), `${e.tag}: its primary task did not run`);
      }
      const failed = steps.filter((s) => !s.ok).map((s) => `${s.tag} ${s.step}: ${s.error ?? ''}`);
      assert.deepEqual(failed, [], `steps that failed under the strict policy:\n${failed.join('\n')}`);
      assert.deepEqual(errors, [], `page errors: ${errors.join('; ')}`);
      assert.deepEqual(violations.map(describeViolation), [], 'securitypolicyviolation events');
    } finally {
      await p.close();
    }
  });
});
