// The byte measurement of DESIGN §8 (scripts/bytes-lib.mjs, scripts/bytes.mjs, bench/figures/bytes.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import bytesFigures from '../../bench/figures/bytes.js';
import { createContext, sharedBrowser } from '../../bench/lib/context.js';
import {
  BytesError,
  budgets,
  knownEntries,
  labelFor,
  measureEntry,
  overBudgetMessage,
  repoRoot,
  resolveEntry,
} from '../../scripts/bytes-lib.mjs';

const cli = join(repoRoot, 'scripts', 'bytes.mjs');

describe('measureEntry on a fixture with a static and a dynamic import', () => {
  let dir = '';
  let entry = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fg-bytes-test-'));
    entry = join(dir, 'entry.ts');
    // `shared` is imported statically by the entry and by the lazy module, so esbuild puts it in
    // its own chunk that the entry imports: the BFS over import-statement edges must count it.
    writeFileSync(join(dir, 'shared.ts'), 'export const shared = (s: string): string => `<${s}>`;\n');
    writeFileSync(join(dir, 'small.ts'), "export const small = 'small';\n");
    // Random base64 barely compresses, so the lazy chunk stays large after gzip.
    writeFileSync(join(dir, 'big.ts'), `import { shared } from './shared.js';\nexport const big = shared('${randomBytes(30_000).toString('base64')}');\n`);
    const lib = join(dir, 'node_modules', '@scope', 'lazy-lib');
    mkdirSync(lib, { recursive: true });
    writeFileSync(join(lib, 'package.json'), JSON.stringify({ name: '@scope/lazy-lib', type: 'module', exports: './index.js' }));
    writeFileSync(join(lib, 'index.js'), "export const lazyLib = () => 'from a package';\n");
    writeFileSync(
      join(dir, 'entry.ts'),
      "import { small } from './small.js';\nimport { shared } from './shared.js';\n" +
        "export const label = shared(small);\nexport const load = (): Promise<unknown> => import('./big.js');\n" +
        "export const loadLib = (): Promise<unknown> => import('@scope/lazy-lib');\n",
    );
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts the entry and its static chunks as initial, the dynamic import as lazy', async () => {
    const m = await measureEntry(entry);
    assert.equal(m.label, 'entry');
    const [first] = m.files;
    assert.ok(first, 'files are reported');
    assert.equal(first.name, 'entry', 'the entry output comes first');
    assert.equal(first.kind, 'initial');
    assert.equal(m.initial.files, 2, `entry + shared chunk, got ${JSON.stringify(m.files)}`);
    assert.deepEqual(
      m.files.filter((f) => f.kind === 'lazy').map((f) => f.name),
      ['big', 'scope-lazy-lib'],
      'lazy chunks are named after the import() target (a package by its name), without hash',
    );
    assert.ok(m.initial.gzip < 1_000, `initial gzip ${m.initial.gzip} should be small`);
    assert.ok(m.lazy.gzip > 30_000, `lazy gzip ${m.lazy.gzip} should hold the 40,000 random chars`);
    assert.equal(
      m.initial.gzip,
      m.files.filter((f) => f.kind === 'initial').reduce((s, f) => s + f.gzip, 0),
      'initial total is the sum of its files',
    );
    for (const f of m.files) assert.ok(f.gzip > 0 && f.bytes > 0, `${f.file} measured`);
  });

  it('prints per-file bytes and exits 0 within the budget', () => {
    const r = spawnSync(process.execPath, [cli, entry, '--max-initial-gzip=100000'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /initial: 2 file\(s\)/);
    assert.match(r.stdout, /lazy: +2 file\(s\)/);
    assert.match(r.stdout, /bytes\.entry\.initial = \d+ ≤ budget 100000/);
  });

  it('exits 1 with the figure and the budget when over', () => {
    const r = spawnSync(process.execPath, [cli, entry, '--max-initial-gzip=10'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^bytes\.entry\.initial = \d+ > budget 10$/m);
  });

  it('prints the measurement as JSON with --json', () => {
    const r = spawnSync(process.execPath, [cli, entry, '--json', '--max-initial-gzip=10'], { encoding: 'utf8' });
    assert.equal(r.status, 1, 'the budget still applies with --json');
    const parsed = JSON.parse(r.stdout) as { ok: boolean; budget: number; lazy: { gzip: number }; files: { name: string }[] };
    assert.equal(parsed.ok, false);
    assert.equal(parsed.budget, 10);
    assert.ok(parsed.lazy.gzip > 30_000);
    assert.deepEqual(parsed.files.map((f) => f.name).sort(), ['big', 'entry', 'scope-lazy-lib', 'shared']);
  });

  it('rejects a malformed budget and a missing entry', () => {
    const bad = spawnSync(process.execPath, [cli, entry, '--max-initial-gzip=lots'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /whole number of bytes/);
    const missing = spawnSync(process.execPath, [cli, join(dir, 'nope.ts')], { encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.ts does not exist/);
  });
});

describe('resolveEntry', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'fg-bytes-root-'));
    const pkg = join(root, 'node_modules', '@x', 'pkg');
    mkdirSync(join(pkg, 'src', 'a'), { recursive: true });
    writeFileSync(join(pkg, 'src', 'a', 'define.ts'), 'export {};\n');
    writeFileSync(
      join(pkg, 'package.json'),
      JSON.stringify({
        name: '@x/pkg',
        exports: {
          './a/define': { source: './src/a/define.ts', default: './dist/a/define.js' },
          './b/define': { source: './src/b/define.ts', default: './dist/b/define.js' },
          './c': { default: './dist/c.js' },
        },
      }),
    );
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('follows the source condition of the exports map', () => {
    assert.equal(resolveEntry('@x/pkg/a/define', { root }), join(root, 'node_modules', '@x', 'pkg', 'src', 'a', 'define.ts'));
  });

  it('fails naming the file when an exported source does not exist', () => {
    assert.throws(
      () => resolveEntry('@x/pkg/b/define', { root }),
      (err: unknown) => err instanceof BytesError && err.code === 'entry-missing' && err.message.includes('src/b/define.ts, which does not exist'),
    );
  });

  it('fails when the subpath has no source export, or the package is absent', () => {
    assert.throws(() => resolveEntry('@x/pkg/c', { root }), (err: unknown) => err instanceof BytesError && err.code === 'not-exported');
    assert.throws(() => resolveEntry('@x/other/define', { root }), /package @x\/other is not installed/);
  });

  it('follows another condition when told (the built file a vendor installs)', () => {
    assert.throws(
      () => resolveEntry('@x/pkg/a/define', { root, condition: 'default' }),
      (err: unknown) => err instanceof BytesError && err.code === 'entry-missing' && err.message.includes('dist/a/define.js, which does not exist'),
    );
    assert.throws(() => resolveEntry('@x/pkg/a/define', { root, condition: 'types' }), /no "exports" entry "\.\/a\/define" with a "types" condition/);
  });

  it('resolves the real elements entries to their sources', () => {
    assert.equal(resolveEntry('@firegrid/elements/define'), join(repoRoot, 'packages', 'elements', 'src', 'define.ts'));
  });
});

describe('labels, budgets and entries', () => {
  it('labels the elements define entries as DESIGN §8 names them', () => {
    assert.equal(labelFor(join(repoRoot, 'packages/elements/src/define.ts')), 'all');
    assert.equal(labelFor(join(repoRoot, 'packages/elements/src/hazard-report/define.ts')), 'hazard-report');
    assert.equal(labelFor('/tmp/x/entry.ts'), 'entry');
    assert.equal(labelFor('/tmp/app/node_modules/@firegrid/elements/dist/define.js'), 'all', 'the packed dist, installed');
    assert.equal(labelFor('/tmp/app/node_modules/@firegrid/elements/dist/grid-score/define.js'), 'grid-score');
  });

  it('words the budget failure with the figure and the budget', () => {
    assert.equal(overBudgetMessage('all', 46_210, budgets.all ?? 0), 'bytes.all.initial = 46210 > budget 45000');
    assert.equal(budgets['hazard-report'], 30_000);
  });

  it('lists all, then one define entry per element', () => {
    const list = knownEntries();
    assert.deepEqual(list[0], { label: 'all', specifier: '@firegrid/elements/define' });
    assert.ok(list.some((e) => e.label === 'provider' && e.specifier === '@firegrid/elements/provider/define'));
  });
});

describe('the bytes bench figure', () => {
  it('reports bytes.<label>.initial for every known entry, with the all budget', async () => {
    const lines: string[] = [];
    const browser = sharedBrowser(() => Promise.reject(new Error('the bytes figure must not launch a browser')));
    const figures = await bytesFigures.run(createContext(repoRoot, (m) => lines.push(m), browser));
    const initial = figures.filter((f) => f.name.endsWith('.initial'));
    assert.deepEqual(
      initial.map((f) => f.name),
      knownEntries().map((e) => `bytes.${e.label}.initial`),
    );
    for (const f of initial) assert.ok(Number.isInteger(f.value) && f.value > 0, `${f.name} = ${f.value}`);
    assert.equal(initial[0]?.compare?.budget, 45_000);
    assert.ok(figures.every((f) => f.name.endsWith('.initial') || f.name.startsWith('bytes.lazy.')));
    assert.ok(lines.includes('measuring @firegrid/elements/define …'), lines.join('\n'));
  });
});
