// Types of bytes-lib.mjs (plain ESM so that `node scripts/bytes.mjs` runs without tsx).

/** One output file of the bundle. */
export interface MeasuredFile {
  /** Path relative to the (unwritten) outdir, with the content hash, e.g. `chunk-4KX2.js`. */
  file: string;
  /** Stable name without hash: the entry/dynamic-import target, or the chunk's largest module. */
  name: string;
  /** `initial` when reachable from the entry over static imports, else `lazy`. */
  kind: 'initial' | 'lazy';
  /** Minified bytes. */
  bytes: number;
  /** gzip -9 bytes of this file alone. */
  gzip: number;
}

/** Totals over the files of one kind. */
export interface MeasuredTotal {
  files: number;
  bytes: number;
  gzip: number;
}

/** The result of {@link measureEntry}. */
export interface Measurement {
  /** The entry source, relative to the root. */
  entry: string;
  /** `all`, the element name, or the entry's file stem (see {@link labelFor}). */
  label: string;
  /** Entry output first, then other initial files, then lazy files. */
  files: MeasuredFile[];
  initial: MeasuredTotal;
  lazy: MeasuredTotal;
  /** esbuild warnings, one line each. */
  warnings: string[];
}

export const repoRoot: string;
export const budgets: Readonly<Record<string, number>>;

export class BytesError extends Error {
  constructor(code: BytesError['code'], message: string);
  readonly code: 'entry-missing' | 'not-exported' | 'no-entry-output';
}

export function knownEntries(): { label: string; specifier: string }[];
export function resolveEntry(specifier: string, options?: { root?: string; condition?: string }): string;
export function labelFor(entryFile: string): string;
export function overBudgetMessage(label: string, value: number, budget: number): string;
export function measureEntry(entryFile: string, options?: { root?: string; conditions?: string[] }): Promise<Measurement>;
export function measurePacked(options?: { root?: string; progress?: (message: string) => void }): Promise<
  { label: string; specifier: string; measurement: Measurement }[]
>;
export function formatMeasurement(m: Measurement): string;
