// Finds the figure modules, runs them one after another with progress, and writes the results.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { createContext, sharedBrowser } from './context.js';
import { parseFigures, type Figure, type FigureModule, type Results } from './figure.js';
import { machineInfo } from './machine.js';
import { createProgress, stderrLines, type LineWriter } from './progress.js';
import { writeResults } from './results.js';

/** Options of {@link runBench}. */
export interface BenchOptions {
  /** The repository root, handed to figures as `ctx.root`. */
  root: string;
  /** Where the figure modules are (`bench/figures`). */
  figuresDir: string;
  /** Where results are written (`bench/results.json`). */
  out: string;
  /** Run only modules whose name contains one of these; all when empty. */
  filter?: readonly string[];
  /** The clock for `machine.date`. */
  now?: () => Date;
  /** Where progress lines go (stderr by default). */
  log?: LineWriter;
  /** How the shared browser starts (headless Chromium by default). */
  launch?: () => Promise<Browser>;
}

/** A figure module that threw, failed to load, or returned bad figures. */
export interface BenchFailure {
  module: string;
  message: string;
}

/** What a run produced. `results` was also written to `out`. */
export interface BenchRun {
  results: Results;
  failures: BenchFailure[];
  /** The modules that ran, in order. */
  modules: string[];
}

/** The figure module files in `dir` (`*.ts`, not `.d.ts` or tests), sorted by name. */
export function listFigureFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.test.ts') && !f.startsWith('.') && !f.startsWith('_'))
    .sort()
    .map((f) => join(dir, f));
}

/** The module name a file must declare: its stem (`bench/figures/bytes.ts` → `bytes`). */
export function moduleNameOf(file: string): string {
  return basename(file, '.ts');
}

/**
 * Keeps the files whose module name contains one of the filter terms (all when there are none).
 * @throws {Error} when terms are given and nothing matches, listing what exists
 */
export function selectFiles(files: readonly string[], filter: readonly string[] = []): string[] {
  if (filter.length === 0) return [...files];
  const chosen = files.filter((f) => filter.some((term) => moduleNameOf(f).includes(term)));
  if (chosen.length === 0) {
    throw new Error(`no figure module matches ${filter.map((t) => `"${t}"`).join(', ')}; there are: ${files.map(moduleNameOf).join(', ') || 'none'}`);
  }
  return chosen;
}

/**
 * Imports a figure module and checks its default export.
 * @throws {Error} naming the file when the default export is not `{ name: <file stem>, run() }`
 */
export async function loadFigureModule(file: string): Promise<FigureModule> {
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  const m = mod.default;
  const expected = moduleNameOf(file);
  if (typeof m !== 'object' || m === null || !('run' in m) || typeof m.run !== 'function' || !('name' in m)) {
    throw new Error(`${file} must default-export { name, run(ctx) } (see bench/README.md)`);
  }
  if (m.name !== expected) {
    throw new Error(`${file} default-exports name ${JSON.stringify(m.name)}; it must be "${expected}", the file's stem`);
  }
  return m as FigureModule;
}

const messageOf = (err: unknown): string => (err instanceof Error ? (err.stack ?? err.message) : String(err));

/**
 * Runs the selected figure modules in name order with progress lines, then closes the shared
 * browser and writes `{ machine, figures }` to `options.out`. A module that throws is recorded
 * as a failure and the run goes on; figures over their target are reported, not failures.
 * @throws {Error} only when the filter matches nothing (nothing is written then)
 */
export async function runBench(options: BenchOptions): Promise<BenchRun> {
  const log = options.log ?? stderrLines;
  const started = (options.now ?? (() => new Date()))();
  const files = selectFiles(listFigureFiles(options.figuresDir), options.filter);
  const forModule = createProgress(files.length, log);
  const browser = sharedBrowser(options.launch);
  const figures: Figure[] = [];
  const failures: BenchFailure[] = [];
  const modules: string[] = [];
  let chromium: string | undefined;
  try {
    for (const [i, file] of files.entries()) {
      const name = moduleNameOf(file);
      const progress = forModule(i + 1, name);
      modules.push(name);
      const t0 = performance.now();
      try {
        const mod = await loadFigureModule(file);
        const got = parseFigures(name, await mod.run(createContext(options.root, progress, browser)));
        const taken = new Set(figures.map((f) => f.name));
        const dup = got.find((f, j) => taken.has(f.name) || got.findIndex((g) => g.name === f.name) !== j);
        if (dup !== undefined) throw new Error(`figure "${dup.name}" is reported twice; figure names must be unique in a run`);
        figures.push(...got);
        progress(`${got.length} figure(s) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      } catch (err) {
        failures.push({ module: name, message: messageOf(err) });
        progress(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    chromium = await browser.version();
  } finally {
    await browser.close();
  }
  const results: Results = { machine: machineInfo(started, chromium), figures };
  writeResults(options.out, results);
  return { results, failures, modules };
}
