// Byte measurement of DESIGN §8, shared by `scripts/bytes.mjs`, the bench figure
// (`bench/figures/bytes.ts`) and budget tests. Types: `bytes-lib.d.mts` next to this file.
//
// An entry is bundled the way an app would ship it (esbuild bundle + splitting + minify, ESM), and
// each output file is gzipped at level 9 on its own, as a browser would fetch it. "Initial" is
// what loads before any `import()` runs: the entry's output plus everything reachable from it
// over static `import` edges. Everything else is lazy and is reported, never counted.
//
// DESIGN §8 measures the packed `dist` as a vendor installs it: `measurePacked()` packs the
// packages (`scripts/pack-lib.mjs`), installs the tarballs into a temporary app and bundles each
// entry from there with the default export conditions. `resolveEntry` and `measureEntry` alone,
// with the `source` condition, measure the TypeScript sources (the CLI's `--source`).
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { elements } from './entries.mjs';
import { packedInstall } from './pack-lib.mjs';

/** The repository root (the directory above `scripts/`). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Initial-chunk budgets in gzip bytes by label, from DESIGN §8. Elements not listed have none.
 * @type {Readonly<Record<string, number>>}
 */
export const budgets = Object.freeze({ all: 45_000, 'hazard-report': 30_000 });

/** An error from the byte measurement, with a `code` a caller can branch on. */
export class BytesError extends Error {
  /**
   * @param {'entry-missing' | 'not-exported' | 'no-entry-output'} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'BytesError';
    this.code = code;
  }
}

/**
 * The entries DESIGN §8 measures: `@firegrid/elements/define` as `all`, then
 * `@firegrid/elements/<name>/define` for every element listed in `scripts/entries.mjs`.
 * @returns {{ label: string, specifier: string }[]}
 */
export function knownEntries() {
  return [
    { label: 'all', specifier: '@firegrid/elements/define' },
    ...elements.map((name) => ({ label: name, specifier: `@firegrid/elements/${name}/define` })),
  ];
}

/**
 * Resolves a package specifier to a file through the package's `exports` map with one condition
 * (`source`, the TypeScript source, unless told otherwise; `default` for the built file), and
 * fails naming the file when it does not exist.
 * @param {string} specifier e.g. `@firegrid/elements/provider/define`
 * @param {{ root?: string, condition?: string }} [options] where `node_modules` is looked up
 *   (default: the repo root), and the condition
 * @returns {string} the absolute path of the file
 */
export function resolveEntry(specifier, options = {}) {
  const root = options.root ?? repoRoot;
  const condition = options.condition ?? 'source';
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const pkgName = parts.slice(0, nameLength).join('/');
  const subpath = ['.', ...parts.slice(nameLength)].join('/');
  const pkgDir = join(root, 'node_modules', ...pkgName.split('/'));
  const pkgJson = join(pkgDir, 'package.json');
  if (!existsSync(pkgJson)) {
    throw new BytesError('not-exported', `${specifier}: package ${pkgName} is not installed (no ${pkgJson})`);
  }
  /** @type {{ exports?: Record<string, unknown> }} */
  const pkg = JSON.parse(readFileSync(pkgJson, 'utf8'));
  const target = pkg.exports?.[subpath];
  const file =
    typeof target === 'string'
      ? target
      : target !== null && typeof target === 'object' && typeof target[condition] === 'string'
        ? target[condition]
        : undefined;
  if (file === undefined) {
    throw new BytesError(
      'not-exported',
      `${specifier}: ${pkgName}/package.json has no "exports" entry "${subpath}" with a "${condition}" condition`,
    );
  }
  const abs = resolve(realpathSync(pkgDir), file);
  if (!existsSync(abs)) {
    throw new BytesError(
      'entry-missing',
      `${specifier} resolves to ${relative(root, abs) || abs}, which does not exist. ` +
        'scripts/entries.mjs lists what exists: add the file or remove the name.',
    );
  }
  return abs;
}

/**
 * The figure label for an entry file: `all` for the elements package's `define.ts` (or, installed,
 * `@firegrid/elements/dist/define.js`), `<name>` for its `<name>/define.ts` (`dist/<name>/define.js`),
 * otherwise the file's name without extension.
 * @param {string} entryFile
 * @returns {string}
 */
export function labelFor(entryFile) {
  const norm = entryFile.split(sep).join('/');
  const m = /(?:packages\/elements\/src|@firegrid\/elements\/dist)\/(?:([^/]+)\/)?define\.(?:ts|js)$/.exec(norm);
  if (m) return m[1] ?? 'all';
  return basename(entryFile, extname(entryFile));
}

/**
 * The message a budget check fails with, e.g. `bytes.all.initial = 46210 > budget 45000`.
 * @param {string} label
 * @param {number} value gzip bytes of the initial chunk
 * @param {number} budget
 * @returns {string}
 */
export function overBudgetMessage(label, value, budget) {
  return `bytes.${label}.initial = ${value} > budget ${budget}`;
}

const SAFE = /[^A-Za-z0-9_-]+/g;

// A readable name that survives content changes (no hash): the package name for code from
// node_modules (plus the file's stem when it is not the package's index), else the module's stem.
function moduleName(inputPath) {
  const norm = inputPath.split(sep).join('/');
  let stem = basename(norm, extname(norm));
  // A built package's shared chunks carry rollup's 8-character hash: `dist/chunks/names-C_twK6q4.js`.
  if (/\/dist\/chunks\/[^/]+$/.test(norm)) stem = stem.replace(/-[A-Za-z0-9_-]{8}$/, '');
  const at = norm.lastIndexOf('node_modules/');
  let name = stem;
  if (at !== -1) {
    const segs = norm.slice(at + 'node_modules/'.length).split('/');
    const pkg = segs.slice(0, segs[0]?.startsWith('@') ? 2 : 1).join('-').replace(/^@/, '');
    name = stem === 'index' || stem === 'main' ? pkg : `${pkg}-${stem}`;
  }
  return name.replace(SAFE, '-').replace(/^-+|-+$/g, '') || 'chunk';
}

/**
 * Bundles one entry as DESIGN §8 says and measures each output file.
 * @param {string} entryFile path of the entry source (absolute, or relative to the process cwd)
 * @param {{ root?: string, conditions?: string[] }} [options] `root`: where relative paths in the
 *   report start (default: the repo root); `conditions`: the export conditions esbuild adds to its
 *   defaults (default `['source']`, workspace packages as TypeScript; `[]` for installed packages)
 * @returns {Promise<import('./bytes-lib.d.mts').Measurement>}
 * @example
 *   const m = await measureEntry(resolveEntry('@firegrid/elements/define'));
 *   if (m.initial.gzip > budgets.all) throw new Error(overBudgetMessage('all', m.initial.gzip, budgets.all));
 */
export async function measureEntry(entryFile, options = {}) {
  const root = options.root ?? repoRoot;
  const abs = isAbsolute(entryFile) ? entryFile : resolve(entryFile);
  if (!existsSync(abs)) throw new BytesError('entry-missing', `entry ${entryFile} does not exist`);
  const entry = realpathSync(abs);
  // Nothing is written: the outdir only gives the output files their paths.
  const outdir = join(tmpdir(), `firegrid-bytes-${process.pid}`);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    conditions: options.conditions ?? ['source'],
    metafile: true,
    write: false,
    outdir,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const contents = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const absOut = (key) => resolve(root, key);

  const entryKey = Object.keys(outputs).find((k) => {
    const ep = outputs[k]?.entryPoint;
    return ep !== undefined && resolve(root, ep) === entry;
  });
  if (entryKey === undefined) throw new BytesError('no-entry-output', `esbuild produced no output for ${entryFile}`);

  const initial = new Set([entryKey]);
  const queue = [entryKey];
  while (queue.length > 0) {
    const key = /** @type {string} */ (queue.shift());
    for (const imp of outputs[key]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external && !initial.has(imp.path) && imp.path in outputs) {
        initial.add(imp.path);
        queue.push(imp.path);
      }
    }
  }

  const rows = Object.keys(outputs)
    .filter((k) => !k.endsWith('.map'))
    .map((key) => {
      const out = /** @type {NonNullable<typeof outputs[string]>} */ (outputs[key]);
      let source = out.entryPoint;
      if (source === undefined) {
        let most = -1;
        for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
          if (bytesInOutput > most) [source, most] = [input, bytesInOutput];
        }
      }
      const body = contents.get(absOut(key)) ?? new Uint8Array();
      return {
        key,
        file: relative(outdir, absOut(key)).split(sep).join('/'),
        name: source === undefined ? 'chunk' : moduleName(source),
        source: source ?? '',
        kind: /** @type {'initial' | 'lazy'} */ (initial.has(key) ? 'initial' : 'lazy'),
        bytes: body.byteLength,
        gzip: gzipSync(body, { level: 9 }).byteLength,
      };
    });
  // Entry first, then initial before lazy, then by name and source: stable across content changes.
  const rank = (r) => (r.key === entryKey ? 0 : r.kind === 'initial' ? 1 : 2);
  rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name) || a.source.localeCompare(b.source));

  const seen = new Map();
  const files = rows.map((r) => {
    const n = (seen.get(r.name) ?? 0) + 1;
    seen.set(r.name, n);
    return { file: r.file, name: n === 1 ? r.name : `${r.name}-${n}`, kind: r.kind, bytes: r.bytes, gzip: r.gzip };
  });
  const total = (kind) => {
    const of = files.filter((f) => f.kind === kind);
    return { files: of.length, bytes: of.reduce((s, f) => s + f.bytes, 0), gzip: of.reduce((s, f) => s + f.gzip, 0) };
  };
  return {
    entry: relative(root, entry).split(sep).join('/'),
    label: labelFor(entry),
    files,
    initial: total('initial'),
    lazy: total('lazy'),
    warnings: result.warnings.map((w) => `${w.location ? `${w.location.file}:${w.location.line}: ` : ''}${w.text}`),
  };
}

/**
 * A plain-text report of a measurement: one line per file, then the initial and lazy totals.
 * @param {import('./bytes-lib.d.mts').Measurement} m
 * @returns {string}
 */
export function formatMeasurement(m) {
  const n = (x) => x.toLocaleString('en-US');
  const width = Math.max(4, ...m.files.map((f) => f.file.length));
  const lines = [`${m.entry} (bytes.${m.label})`, `  ${'kind'.padEnd(8)}${'file'.padEnd(width + 2)}${'bytes'.padStart(10)}${'gzip -9'.padStart(10)}  name`];
  for (const f of m.files) {
    lines.push(`  ${f.kind.padEnd(8)}${f.file.padEnd(width + 2)}${n(f.bytes).padStart(10)}${n(f.gzip).padStart(10)}  ${f.name}`);
  }
  lines.push(`  initial: ${m.initial.files} file(s), ${n(m.initial.bytes)} B, ${n(m.initial.gzip)} B gzip`);
  lines.push(`  lazy:    ${m.lazy.files} file(s), ${n(m.lazy.bytes)} B, ${n(m.lazy.gzip)} B gzip (reported, not counted)`);
  return lines.join('\n');
}

/**
 * Measures every entry of {@link knownEntries} as DESIGN §8 says: on the packed `dist`, installed
 * from the tarballs into a temporary app (removed afterwards). Needs the packages built.
 * @param {{ root?: string, progress?: (message: string) => void }} [options]
 * @returns {Promise<{ label: string, specifier: string, measurement: import('./bytes-lib.d.mts').Measurement }[]>}
 */
export async function measurePacked(options = {}) {
  const installed = packedInstall({ root: options.root ?? repoRoot, prefix: 'firegrid-bytes-' });
  try {
    const results = [];
    for (const { label, specifier } of knownEntries()) {
      options.progress?.(`measuring ${specifier} …`);
      const file = resolveEntry(specifier, { root: installed.app, condition: 'default' });
      results.push({ label, specifier, measurement: await measureEntry(file, { root: installed.app, conditions: [] }) });
    }
    return results;
  } finally {
    installed.dispose();
  }
}
