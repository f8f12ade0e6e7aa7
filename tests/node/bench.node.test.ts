// The bench runner (bench/lib): results format, compare logic, table, progress, module discovery
// and the shared browser — on fake figure modules, with no timing assertions.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'puppeteer-core';
import { chromiumPath, launchChromium, median, medianOf, sharedBrowser } from '../../bench/lib/context.js';
import { compareTo, parseFigures, status, type Figure } from '../../bench/lib/figure.js';
import { createProgress } from '../../bench/lib/progress.js';
import { readResults, writeResults } from '../../bench/lib/results.js';
import { listFigureFiles, runBench, selectFiles } from '../../bench/lib/runner.js';
import { formatTable, formatTarget } from '../../bench/lib/table.js';

/** A stand-in for puppeteer's Browser that counts launches and closes. */
function fakeLauncher() {
  const counts = { launched: 0, closed: 0 };
  const launch = () => {
    counts.launched++;
    return Promise.resolve({
      version: () => Promise.resolve('HeadlessChrome/0.0-test'),
      close: () => {
        counts.closed++;
        return Promise.resolve();
      },
    } as unknown as Browser);
  };
  return { counts, launch };
}

describe('compare logic', () => {
  it('is ok at or under the bound and over above it', () => {
    assert.deepEqual(compareTo(45_000, { budget: 45_000 }), { budget: 45_000, ok: true });
    assert.deepEqual(compareTo(45_001, { budget: 45_000 }), { budget: 45_000, ok: false });
    assert.deepEqual(compareTo(1.6, { target: 1.2, baseline: 'shared/bench/bare-list.js', baselineValue: 40 }), {
      target: 1.2,
      baseline: 'shared/bench/bare-list.js',
      baselineValue: 40,
      ok: false,
    });
  });

  it('gives each figure a status', () => {
    assert.equal(status({ name: 'a.b', value: 1, unit: 'ms' }), 'recorded');
    assert.equal(status({ name: 'a.b', value: 1, unit: 'ms', compare: compareTo(1, { target: 2 }) }), 'ok');
    assert.equal(status({ name: 'a.b', value: 3, unit: 'ms', compare: compareTo(3, { target: 2 }) }), 'over');
  });
});

describe('figure and results format', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fg-bench-format-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects figures that are not finite or badly named, naming the field', () => {
    assert.throws(() => parseFigures('m', [{ name: 'bytes.all.initial', value: Number.NaN, unit: 'B' }]), /figures\[0\]\.value: Invalid input/);
    assert.throws(() => parseFigures('m', [{ name: 'Bytes all', value: 1, unit: 'B' }]), /figures\[0\]\.name/);
    assert.throws(() => parseFigures('m', { name: 'x.y' }), /figure module "m"/);
    assert.deepEqual(parseFigures('m', []), []);
  });

  it('round-trips results and refuses to write invalid ones', () => {
    const file = join(dir, 'nested', 'results.json');
    const results = {
      machine: { node: 'v20', cpus: 2, cpuModel: 'x', memGiB: 1, platform: 'linux', date: '2026-01-01T00:00:00.000Z' },
      figures: [{ name: 'bytes.all.initial', value: 9031, unit: 'B gzip', compare: { budget: 45_000, ok: true } }],
    };
    writeResults(file, results);
    assert.ok(readFileSync(file, 'utf8').endsWith('}\n'));
    assert.deepEqual(readResults(file), results);
    const bad = join(dir, 'bad.json');
    assert.throws(() => {
      writeResults(bad, { ...results, figures: [{ name: 'x.y', value: Infinity, unit: 'ms' }] });
    }, /does not fit/);
    assert.equal(existsSync(bad), false, 'nothing is written for invalid results');
    writeFileSync(bad, '{');
    assert.throws(() => readResults(bad), /bad\.json is not readable JSON/);
  });
});

describe('table and progress', () => {
  const figures: Figure[] = [
    { name: 'bytes.all.initial', value: 9031, unit: 'B gzip', compare: { budget: 45_000, ok: true } },
    { name: 'checklist.render500.ratio', value: 1.73456, unit: 'ratio', compare: compareTo(1.73456, { target: 1.2, baseline: 'shared/bench/bare-list.js', baselineValue: 41.2 }) },
    { name: 'outbox.flush1000.ms', value: 812.5, unit: 'ms' },
  ];

  it('aligns columns and shows value, target and status', () => {
    const lines = formatTable(figures).split('\n');
    assert.equal(lines.length, 5);
    assert.match(lines[0] ?? '', /^figure +value +unit +target +status$/);
    assert.match(lines[2] ?? '', /^bytes\.all\.initial +9,031 +B gzip +≤ 45,000 \(budget\) +ok$/);
    assert.match(lines[3] ?? '', /1\.735 +ratio +≤ 1\.2 vs shared\/bench\/bare-list\.js \(41\.2\) +over$/);
    assert.match(lines[4] ?? '', /812\.5 +ms +recorded$/);
    const statusAt = (lines[0] ?? '').indexOf('status');
    for (const l of lines.slice(2)) assert.match(l.slice(statusAt), /^(ok|over|recorded)$/, `status column aligned in "${l}"`);
    const valueEnd = (lines[0] ?? '').indexOf('value') + 'value'.length;
    assert.equal(lines[2]?.slice(valueEnd - 5, valueEnd), '9,031', 'values are right-aligned');
  });

  it('shows a target without a bound as empty', () => {
    assert.equal(formatTarget({ name: 'a.b', value: 1, unit: 'ms' }), '');
  });

  it('prefixes progress lines with the module position', () => {
    const lines: string[] = [];
    createProgress(12, (l) => lines.push(l))(2, 'bytes')('measuring @firegrid/elements/define …');
    assert.deepEqual(lines, ['[ 2/12] bytes: measuring @firegrid/elements/define …']);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.throws(() => median([]), RangeError);
  });

  it('runs the measurement the given number of times, one after another', async () => {
    let active = 0;
    let calls = 0;
    const values = [9, 1, 5, 7, 3];
    const m = await medianOf(5, async () => {
      assert.equal(active, 0, 'runs do not overlap');
      active++;
      await new Promise((r) => setImmediate(r));
      active--;
      return values[calls++] ?? 0;
    });
    assert.equal(calls, 5);
    assert.equal(m, 5);
    await assert.rejects(medianOf(0, () => 1), RangeError);
  });
});

describe('runBench on fake figure modules', () => {
  let dir = '';
  let figuresDir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fg-bench-run-'));
    figuresDir = join(dir, 'figures');
    const write = (name: string, body: string) => {
      writeFileSync(join(figuresDir, `${name}.ts`), body);
    };
    mkdirSync(figuresDir);
    write(
      'alpha',
      `export default { name: 'alpha', run(ctx) {
        ctx.progress('working …');
        return [
          { name: 'alpha.size', value: 120, unit: 'B gzip', compare: { budget: 100, ok: false } },
          { name: 'alpha.ms', value: 3.25, unit: 'ms' },
        ];
      } };\n`,
    );
    write('beta', "export default { name: 'beta', run() { throw new Error('beta broke'); } };\n");
    write(
      'gamma',
      `export default { name: 'gamma', async run(ctx) {
        const a = await ctx.browser(); const b = await ctx.browser();
        return [{ name: 'gamma.same', value: a === b ? 1 : 0, unit: 'bool' },
                { name: 'gamma.median', value: await ctx.median(3, () => 7), unit: 'ms' }];
      } };\n`,
    );
    write('delta', "export default { name: 'wrong', run() { return []; } };\n");
    write('epsilon', "export default { name: 'epsilon', run() { return [{ name: 'alpha.ms', value: 1, unit: 'ms' }]; } };\n");
    writeFileSync(join(figuresDir, 'notes.md'), 'not a module\n');
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('discovers modules sorted by name and filters by name', () => {
    const files = listFigureFiles(figuresDir).map((f) => f.slice(figuresDir.length + 1));
    assert.deepEqual(files, ['alpha.ts', 'beta.ts', 'delta.ts', 'epsilon.ts', 'gamma.ts']);
    assert.deepEqual(
      selectFiles(listFigureFiles(figuresDir), ['amm', 'bet']).map((f) => f.slice(figuresDir.length + 1)),
      ['beta.ts', 'gamma.ts'],
    );
    assert.throws(() => selectFiles(listFigureFiles(figuresDir), ['zzz']), /no figure module matches "zzz"; there are: alpha, beta/);
  });

  it('runs every module, records failures, writes results and closes the browser', async () => {
    const out = join(dir, 'out', 'results.json');
    const lines: string[] = [];
    const { counts, launch } = fakeLauncher();
    const run = await runBench({
      root: dir,
      figuresDir,
      out,
      now: () => new Date('2026-03-01T08:00:00Z'),
      log: (l) => lines.push(l),
      launch,
    });
    assert.deepEqual(run.modules, ['alpha', 'beta', 'delta', 'epsilon', 'gamma']);
    assert.deepEqual(
      run.results.figures.map((f) => [f.name, f.value]),
      [['alpha.size', 120], ['alpha.ms', 3.25], ['gamma.same', 1], ['gamma.median', 7]],
    );
    assert.deepEqual(
      run.failures.map((f) => f.module),
      ['beta', 'delta', 'epsilon'],
    );
    assert.match(run.failures[0]?.message ?? '', /beta broke/);
    assert.match(run.failures[1]?.message ?? '', /it must be "delta"/);
    assert.match(run.failures[2]?.message ?? '', /"alpha\.ms" is reported twice/);
    assert.deepEqual(counts, { launched: 1, closed: 1 }, 'one lazy launch, closed after all figures');
    assert.ok(lines.includes('[1/5] alpha: working …'), lines.join('\n'));
    assert.ok(lines.some((l) => l.startsWith('[2/5] beta: FAILED: beta broke')));

    const written = readResults(out);
    assert.deepEqual(written, run.results);
    assert.equal(written.machine.date, '2026-03-01T08:00:00.000Z');
    assert.equal(written.machine.chromium, 'HeadlessChrome/0.0-test');
    assert.equal(written.machine.node, process.version);
    assert.ok(written.machine.cpus >= 1 && written.machine.memGiB > 0);
    assert.deepEqual(written.figures[0]?.compare, { budget: 100, ok: false });
    assert.match(formatTable(written.figures), /alpha\.size +120 +B gzip +≤ 100 \(budget\) +over/);
  });

  it('runs only the filtered modules and launches no browser none of them asks for', async () => {
    const out = join(dir, 'filtered.json');
    const { counts, launch } = fakeLauncher();
    const run = await runBench({ root: dir, figuresDir, out, filter: ['alpha'], log: () => undefined, launch });
    assert.deepEqual(run.modules, ['alpha']);
    assert.deepEqual(run.failures, []);
    assert.equal(counts.launched, 0);
    assert.equal(readResults(out).machine.chromium, undefined);
  });
});

describe('the shared browser', () => {
  it('launches lazily, once, and closes once', async () => {
    const { counts, launch } = fakeLauncher();
    const shared = sharedBrowser(launch);
    assert.equal(await shared.version(), undefined);
    assert.equal(counts.launched, 0);
    const [a, b] = await Promise.all([shared.get(), shared.get()]);
    assert.equal(a, b);
    assert.equal(counts.launched, 1);
    await shared.close();
    await shared.close();
    assert.equal(counts.closed, 1);
  });

  it('uses CHROME_PATH when set', () => {
    assert.equal(chromiumPath({ CHROME_PATH: '/opt/chrome' }), '/opt/chrome');
    assert.equal(chromiumPath({}), '/usr/bin/chromium');
  });

  it('launches the real headless Chromium', { skip: existsSync(chromiumPath()) ? false : `no browser at ${chromiumPath()}` }, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      assert.equal(await page.evaluate('1 + 1'), 2);
      assert.match(await browser.version(), /Chrom/);
    } finally {
      await browser.close();
    }
  });
});
