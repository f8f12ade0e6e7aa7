// What a figure module gets to work with: progress output, a shared headless Chromium and a median.
import type { Browser } from 'puppeteer-core';

/** Passed to each figure module's `run`. */
export interface BenchContext {
  /** The repository root. */
  readonly root: string;
  /** Prints `[i/n] <module>: <message>` to stderr. */
  progress(message: string): void;
  /** The run's headless Chromium, launched on first call and closed after all figures. */
  browser(): Promise<Browser>;
  /** Runs `fn` `runs` times in sequence and returns the median of what it returned (DESIGN §8: ≥ 5). */
  median(runs: number, fn: () => number | Promise<number>): Promise<number>;
}

/** Chromium flags for quiet, repeatable runs on CI machines (root, no GPU, small /dev/shm). */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The Chromium binary: `CHROME_PATH` when set, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROME_PATH ?? '/usr/bin/chromium';
}

/**
 * The median of a non-empty list (the mean of the middle two for an even count).
 * @throws {RangeError} on an empty list
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values: run the measurement at least once');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? 0) + hi) / 2;
}

/**
 * Runs `fn` `runs` times one after another and returns the median result.
 * @throws {RangeError} when `runs` is not a positive integer
 * @example
 *   const ms = await medianOf(5, async () => { const t = performance.now(); await work(); return performance.now() - t; });
 */
export async function medianOf(runs: number, fn: () => number | Promise<number>): Promise<number> {
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`median needs a positive whole number of runs, got ${runs}`);
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await fn());
  return median(values);
}

/** A browser shared by all figure modules of a run. */
export interface SharedBrowser {
  /** Launches on first call; later calls return the same browser. */
  get(): Promise<Browser>;
  /** The browser's version string when it was launched, else `undefined`. */
  version(): Promise<string | undefined>;
  /** Closes the browser if it was launched. Safe to call more than once. */
  close(): Promise<void>;
}

/** Launches headless Chromium with puppeteer-core, {@link chromiumPath} and {@link chromiumArgs}. */
export async function launchChromium(): Promise<Browser> {
  const { launch } = await import('puppeteer-core');
  return launch({ executablePath: chromiumPath(), headless: true, args: [...chromiumArgs] });
}

/**
 * A lazily launched, shared browser.
 * @param launch how to start it (tests pass a fake)
 */
export function sharedBrowser(launch: () => Promise<Browser> = launchChromium): SharedBrowser {
  let pending: Promise<Browser> | undefined;
  return {
    get() {
      pending ??= launch();
      return pending;
    },
    async version() {
      if (pending === undefined) return undefined;
      try {
        return await (await pending).version();
      } catch {
        return undefined;
      }
    },
    async close() {
      const p = pending;
      pending = undefined;
      if (p === undefined) return;
      // A failed launch was already reported by the figure that asked for the browser.
      const b = await p.catch(() => undefined);
      await b?.close();
    },
  };
}

/**
 * The context for one figure module.
 * @param progress prints one progress line for this module
 */
export function createContext(root: string, progress: (message: string) => void, browser: SharedBrowser): BenchContext {
  return { root, progress, browser: () => browser.get(), median: medianOf };
}
