// The docs a vendor reads hold: every fenced `ts` block and the module script of every `html`
// block in the READMEs and docs/ compiles against the packages' real types; the plain-HTML
// example's scripts type-check; docs/elements.md is what the manifest says; and the guide's
// worked example (examples/plain-html over httpDataPort and the reference server) runs.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ts from 'typescript';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../../bench/lib/context.js';
import { repoRoot } from '../../scripts/bytes-lib.mjs';
import { DOC_PATH, renderElementDocs } from '../../scripts/element-docs.mjs';

/** The markdown files whose code a vendor copies. */
function docFiles(): string[] {
  const files = ['README.md'];
  for (const p of ['core', 'elements', 'server']) files.push(`packages/${p}/README.md`);
  for (const f of readdirSync(join(repoRoot, 'docs'))) if (f.endsWith('.md')) files.push(`docs/${f}`);
  return files.filter((f) => { try { readFileSync(join(repoRoot, f)); return true; } catch { return false; } });
}

interface Block { file: string; line: number; lang: 'ts' | 'js'; code: string }

/** Fenced ```ts blocks, and the `<script type="module">` bodies of ```html blocks. */
export function codeBlocks(file: string, text: string): Block[] {
  const blocks: Block[] = [];
  const fence = /^```(\w+)[^\n]*\n([\s\S]*?)^```/gm;
  for (let m = fence.exec(text); m !== null; m = fence.exec(text)) {
    const line = text.slice(0, m.index).split('\n').length;
    const body = m[2] ?? '';
    if (m[1] === 'ts' || m[1] === 'typescript') blocks.push({ file, line, lang: 'ts', code: body });
    if (m[1] === 'html') {
      const script = /<script type="module">([\s\S]*?)<\/script>/g;
      for (let s = script.exec(body); s !== null; s = script.exec(body)) blocks.push({ file, line, lang: 'js', code: s[1] ?? '' });
    }
  }
  return blocks;
}

describe('docs', () => {
  it('finds the code blocks of a markdown file, with html module scripts', () => {
    const md = '# x\n\n```ts\nconst a: number = 1;\n```\n\n```html\n<p></p>\n<script type="module">\n  import "x";\n</script>\n```\n\n```sh\nnpm test\n```\n';
    const found = codeBlocks('x.md', md);
    assert.deepEqual(found.map((b) => [b.lang, b.line, b.code.trim()]), [['ts', 3, 'const a: number = 1;'], ['js', 7, 'import "x";']]);
  });

  it('every ts block and html module script in the READMEs and docs/ compiles, and so do the plain-HTML example scripts', () => {
    const dir = join(repoRoot, '.tmp', 'doc-blocks');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const names = new Map<string, Block>();
    let n = 0;
    for (const file of docFiles()) {
      for (const b of codeBlocks(file, readFileSync(join(repoRoot, file), 'utf8'))) {
        const name = join(dir, `block-${String(++n).padStart(3, '0')}.${b.lang}`);
        // `export {}` makes each block a module of its own, as in a vendor's file.
        writeFileSync(name, `${b.code}\nexport {};\n`);
        names.set(name, b);
      }
    }
    assert.ok(n >= 6, `expected the guide's code blocks, found ${n}`);
    const config = ts.readConfigFile(join(repoRoot, 'tsconfig.json'), (p) => ts.sys.readFile(p));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
    const examples = ['firegrid-host.js', 'main.js'].map((f) => join(repoRoot, 'examples', 'plain-html', f));
    const program = ts.createProgram([...names.keys(), ...examples], {
      ...parsed.options, types: ['node'], allowJs: true, checkJs: true, noEmit: true, noUnusedLocals: false,
    });
    // Only the blocks' own diagnostics: checking them checks every type they reach, not every file.
    const problems = [...names.keys(), ...examples]
      .flatMap((f) => {
        const source = program.getSourceFile(f);
        assert.ok(source, `${f} is in the program`);
        return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
      })
      .map((d) => {
        const b = names.get(d.file!.fileName);
        const at = d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line;
        const where = b ? `${b.file}:${b.line + 1 + at}` : `${relative(repoRoot, d.file!.fileName)}:${at + 1}`;
        return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      });
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(problems, [], `code in the docs does not compile:\n${problems.join('\n')}`);
  });

  it('docs/elements.md is generated from the current custom-elements.json (npm run docs)', () => {
    const committed = readFileSync(DOC_PATH, 'utf8');
    const fresh = renderElementDocs();
    assert.ok(committed === fresh, 'docs/elements.md is out of step with packages/elements/custom-elements.json: run `npm run docs` and commit it');
    for (const tag of ['fg-checklist', 'fg-hazard-report', 'fg-hazard-ledger', 'fg-captain-registry', 'fg-captain-notice', 'fg-grid-score', 'fg-provider']) {
      assert.match(committed, new RegExp(`^## ${tag}$`, 'm'), `${tag} is missing from the reference`);
    }
    // What a supervisor's page needs is documented, with the attribute names the manifest knows.
    for (const attr of ['`place-id`', '`building-id`', '`rank-by`', '`view`', '`list`']) assert.ok(committed.includes(attr), `${attr} is not in the reference`);
  });
});

// Page code is passed as strings: tsx would add `__name` helpers to functions the page cannot see.
const DEEP = '((root) => { const out = []; const walk = (r) => { for (const e of r.querySelectorAll("*")) { out.push(e); if (e.shadowRoot) walk(e.shadowRoot); } }; walk(root); return out; })';

describe('the plain-HTML example (the guide\'s worked example)', () => {
  let browser: Browser | undefined;
  let example: { url: string; close(): Promise<void> } | undefined;
  before(async () => {
    const { serveExample } = await import('../../examples/plain-html/serve.mjs');
    example = await serveExample({ port: 0 });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await example?.close();
  });

  it('lists the server\'s hazards for a supervisor, opens one and verifies it through httpDataPort, under the strict CSP', async () => {
    assert.ok(browser && example, 'the example and the browser started');
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${String(r.status())} ${r.url()}`); });
    await page.goto(`${example.url}?user=zhaojianguo`);
    // Show only reported hazards, so the first row can be verified.
    await page.waitForFunction(`${DEEP}(document).some((e) => e.id === 'f-status')`, { timeout: 20_000 });
    await page.evaluate(`(() => { const s = ${DEEP}(document).find((e) => e.id === 'f-status'); s.value = 'reported'; s.dispatchEvent(new Event('change', { bubbles: true })); })()`);
    // A row of the 问题隐患清单, read from the reference server through the dev proxy.
    await page.waitForFunction(`((rows) => rows.length > 0 && rows.every((r) => /已上报/.test(r.textContent)))(${DEEP}(document).filter((e) => e.matches('[part~="row"]')))`, { timeout: 20_000 });
    const title = await page.evaluate(`(() => { const b = ${DEEP}(document).find((e) => e.matches('[part~="row"] button')); b.click(); return b.textContent.trim(); })()`) as string;
    assert.ok(title.length > 0, 'the first row names its hazard');
    // The detail is a lazily loaded chunk of the bundle: it renders and offers the supervisor's actions.
    await page.waitForFunction(`${DEEP}(document).some((e) => e.localName === 'button' && e.textContent.trim() === '核实')`, { timeout: 20_000 });
    await page.evaluate(`${DEEP}(document).find((e) => e.localName === 'button' && e.textContent.trim() === '核实').click()`);
    await page.waitForFunction(`${DEEP}(document).some((e) => e.localName === 'fg-hazard-transition-form')`, { timeout: 10_000 });
    await page.evaluate(`(() => { const all = ${DEEP}(document); const form = all.find((e) => e.localName === 'fg-hazard-transition-form'); const note = [...form.shadowRoot.querySelectorAll('textarea')][0]; if (note) { note.value = '现场核实属实'; note.dispatchEvent(new Event('input', { bubbles: true })); } form.shadowRoot.querySelector('#t-confirm').click(); })()`);
    // The event the page forwards (main.js) says the hazard moved on the server.
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'reported → verified', { timeout: 20_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
