// DESIGN §8 (bytes.all.initial): every initial chunk an app's bundler makes of
// `@firegrid/elements/define` is fetched and gzipped on its own (≈ 4 kB of per-chunk overhead
// measured). The element classes must stay in the entry's own chunk: a class is split off into a
// chunk shared with lazy code when a lazily imported module reaches it over static imports, as
// checklist/load.ts did through the checklist's messages table and the ledger's detail through the
// styles rollup had merged into the ledger's chunk (see `elementsChunk` in rollup.config.js).
// Bundled from the built dist as DESIGN §8 bundles it (esbuild --bundle --splitting --minify).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { knownEntries, repoRoot } from '../../scripts/bytes-lib.mjs';

const elements = knownEntries().map((e) => e.label).filter((label) => label !== 'all');
const dist = join(repoRoot, 'packages', 'elements', 'dist');

describe('initial chunks of @firegrid/elements/define (DESIGN §8)', () => {
  let meta: Metafile;
  let entryInputs: string[];
  before(async () => {
    const entry = join(dist, 'define.js');
    assert.ok(existsSync(entry), `${relative(repoRoot, entry)} does not exist: build first (\`npx rollup -c\`)`);
    const result = await build({
      entryPoints: [entry], absWorkingDir: repoRoot, bundle: true, splitting: true, minify: true, format: 'esm',
      conditions: [], metafile: true, write: false, outdir: join(repoRoot, '.initial-chunks-test'), logLevel: 'silent',
    });
    meta = result.metafile;
    const out = Object.values(meta.outputs).find((o) => o.entryPoint !== undefined && resolve(repoRoot, o.entryPoint) === entry);
    assert.ok(out !== undefined, 'esbuild produced no output for dist/define.js');
    entryInputs = Object.keys(out.inputs).map((k) => k.split('\\').join('/'));
  });

  for (const name of elements) {
    it(`keeps the ${name} class in the entry's chunk`, () => {
      const chunk = new RegExp(`packages/elements/dist/chunks/${name}-[A-Za-z0-9_-]{8}\\.js$`);
      const classInputs = Object.keys(meta.inputs).filter((k) => chunk.test(k.split('\\').join('/')));
      assert.equal(classInputs.length, 1, `expected one dist chunk of the ${name} class, found ${classInputs.join(', ') || 'none'}`);
      assert.ok(
        entryInputs.some((k) => chunk.test(k)),
        `the ${name} class was split off the entry's chunk: a lazily imported module reaches ${classInputs[0]} over static imports`,
      );
    });
  }
});
