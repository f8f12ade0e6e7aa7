// fg-hazard-report's first paint is a loading line until its data is ready: its form (the view,
// the location and photo controllers, the uploader, the button bar) loads with the data, through
// hazard-report/ui.ts, and counts in no initial chunk (DESIGN §8, bytes.all.initial). Bundled from
// the sources as scripts/bytes.mjs bundles them (esbuild --bundle --splitting --minify).
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { before, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { repoRoot } from '../../scripts/bytes-lib.mjs';

/** The form's modules, none of which the first paint needs. */
const LAZY = [
  'packages/elements/src/hazard-report/view.ts',
  'packages/elements/src/hazard-report/where.ts',
  'packages/elements/src/hazard-report/host-io.ts',
  'packages/elements/src/photos/uploader.ts',
  'packages/elements/src/photos/field.ts',
  'packages/elements/src/button-bar.ts',
];

/** The source modules in the initial chunks of `entry` (the entry's output and its static imports), and in the lazy ones. */
async function inputsByKind(entry: string): Promise<{ initial: Set<string>; lazy: Set<string> }> {
  const result = await build({
    entryPoints: [entry], absWorkingDir: repoRoot, bundle: true, splitting: true, minify: true, format: 'esm',
    conditions: ['source'], metafile: true, write: false, outdir: join(repoRoot, '.hazard-report-lazy-test'), logLevel: 'silent',
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const entryKey = Object.keys(outputs).find((k) => {
    const ep = outputs[k]?.entryPoint;
    return ep !== undefined && resolve(repoRoot, ep) === entry;
  });
  assert.ok(entryKey !== undefined, `esbuild produced no output for ${entry}`);
  const initialKeys = new Set([entryKey]);
  const queue = [entryKey];
  for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
    for (const imp of outputs[key]?.imports ?? []) {
      if (imp.kind === 'import-statement' && !imp.external && !initialKeys.has(imp.path) && imp.path in outputs) {
        initialKeys.add(imp.path);
        queue.push(imp.path);
      }
    }
  }
  const initial = new Set<string>();
  const lazy = new Set<string>();
  for (const [key, out] of Object.entries(outputs)) {
    for (const input of Object.keys(out.inputs)) (initialKeys.has(key) ? initial : lazy).add(input.split('\\').join('/'));
  }
  return { initial, lazy };
}

for (const [label, entry] of [['all', 'packages/elements/src/define.ts'], ['hazard-report', 'packages/elements/src/hazard-report/define.ts']] as const) {
  describe(`fg-hazard-report's form in bytes.${label}.initial`, () => {
    let chunks: { initial: Set<string>; lazy: Set<string> };
    before(async () => {
      chunks = await inputsByKind(join(repoRoot, entry));
    });

    it('keeps the element class in the initial chunks', () => {
      assert.ok(chunks.initial.has('packages/elements/src/hazard-report/hazard-report.ts'));
    });

    for (const module of LAZY) {
      it(`loads ${module.slice('packages/elements/src/'.length)} lazily, not with the first paint`, () => {
        assert.ok(!chunks.initial.has(module), `${module} is in an initial chunk: something the first paint runs imports it statically`);
        assert.ok(chunks.lazy.has(module), `${module} is in no lazy chunk either: is it still used?`);
      });
    }
  });
}
