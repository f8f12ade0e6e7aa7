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

const lib = (pkg, external) => ({
  input: Object.fromEntries(entries[pkg].map((e) => [e, `packages/${pkg}/src/${e}.ts`])),
  external,
  output: {
    dir: `packages/${pkg}/dist`,
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    hoistTransitiveImports: false,
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
  lib('elements', [dep('lit'), /^@lit\//, /^@lit-labs\//, dep('@firegrid/core'), dep('lean-qr'), dep('read-excel-file'), dep('write-excel-file')]),
];
