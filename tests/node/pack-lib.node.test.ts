// scripts/pack-lib.mjs: what the consumer-bundler gate and the byte budgets install (issue 13).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { PACKED, packFiregrid } from '../../scripts/pack-lib.mjs';

describe('packFiregrid', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fg-pack-test-'));
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it('refuses to pack a package whose dist was not built, naming it', () => {
    const root = join(dir, 'repo');
    mkdirSync(join(root, 'packages', 'core'), { recursive: true });
    assert.throws(() => packFiregrid(dir, { root }), /@firegrid\/core has no packages\/core\/dist\/index\.js: build it first/);
  });

  it('packs core and elements with their dist and the manifest, without the sources', () => {
    const out = join(dir, 'out');
    mkdirSync(out);
    const tarballs = packFiregrid(out);
    assert.deepEqual(Object.keys(tarballs).sort(), PACKED.map((p) => p.name).sort());
    const list = (name: string): string[] => {
      const file = tarballs[name];
      assert.ok(file !== undefined, `a tarball for ${name}`);
      assert.match(basename(file), /^firegrid-(core|elements)-\d+\.\d+\.\d+\.tgz$/);
      const r = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.split('\n').filter(Boolean);
    };
    const elements = list('@firegrid/elements');
    for (const f of ['package/package.json', 'package/custom-elements.json', 'package/dist/define.js', 'package/dist/hazard-ledger/define.js']) {
      assert.ok(elements.includes(f), `@firegrid/elements packs ${f}`);
    }
    assert.ok(!elements.some((f) => f.startsWith('package/src/')), 'no TypeScript sources in the tarball');
    assert.ok(list('@firegrid/core').includes('package/dist/index.js'));
  });
});
