// Library build: ES2021 ESM, one entry per public subpath (DESIGN §1), dependencies external,
// .d.ts and source maps. Core builds first: elements type-checks against core's dist/*.d.ts.
import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { entries } from './scripts/entries.mjs';

for (const pkg of ['core', 'elements', 'server']) rmSync(`packages/${pkg}/dist`, { recursive: true, force: true });

/** A package name and every subpath of it. */
const dep = (name) => new RegExp(`^${name.replace(/[/.]/g, '\\$&')}(\\/|$)`);

/**
 * Elements' first-paint modules that lazily imported code also needs (the ledger's detail view
 * imports the styles, photo URLs and error helpers; the report's lazy form its texts and checks;
 * the Excel code tslib's helpers). Left to
 * rollup, each lands in the chunk of the element class that uses it, and an app's bundler must
 * then split that class's whole chunk off the entry as code shared with the lazy module: one more
 * initial chunk per such class, each fetched and gzipped on its own (DESIGN §8: ≈ 4 kB measured).
 * Kept as modules of their own, the bundler groups them with the rest of the shared code and the
 * classes stay in the entry's chunk.
 */
const elementsShared = new Set(['styles', 'errors', 'define-element', 'hazard-report/hazard-report.styles', 'hazard-report/photos', 'hazard-report/form', 'hazard-ledger/hazard-ledger.styles']);

/** @param {string} id */
function elementsChunk(id) {
  if (/[\\/]node_modules[\\/]tslib[\\/]/.test(id)) return 'tslib';
  const m = /[\\/]packages[\\/]elements[\\/]src[\\/](.+)\.ts$/.exec(id);
  const name = m?.[1]?.replace(/\\/g, '/');
  return name !== undefined && elementsShared.has(name) ? name.slice(name.lastIndexOf('/') + 1) : undefined;
}

const lib = (pkg, external, manualChunks) => ({
  input: Object.fromEntries(entries[pkg].map((e) => [e, `packages/${pkg}/src/${e}.ts`])),
  external,
  output: {
    dir: `packages/${pkg}/dist`,
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    hoistTransitiveImports: false,
    manualChunks,
  },
  plugins: [nodeResolve(), typescript({ tsconfig: `packages/${pkg}/tsconfig.build.json`, noEmitOnError: true })],
  onwarn(warning) {
    if (warning.code === 'CIRCULAR_DEPENDENCY') return;
    throw new Error(`rollup (${pkg}): ${warning.message}`);
  },
});

export default [
  lib('core', [dep('zod'), dep('idb'), dep('gcoord'), dep('uuid')]),
  lib('server', [/^node:/, ...builtinModules.map(dep), dep('better-sqlite3'), dep('jose'), dep('pg'), dep('zod'), dep('@firegrid/core')]),
  lib('elements', [dep('lit'), /^@lit\//, /^@lit-labs\//, dep('@firegrid/core'), dep('lean-qr'), dep('read-excel-file'), dep('write-excel-file')], elementsChunk),
];
