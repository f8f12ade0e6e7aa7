// scripts/bench-table.mjs: the README's table of the latest `npm run bench` figures.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from '../../scripts/bytes-lib.mjs';

const script = join(repoRoot, 'scripts', 'bench-table.mjs');
const results = {
  machine: { node: 'v20.20.2', cpus: 2, cpuModel: 'AMD EPYC', memGiB: 23.5, platform: 'linux x64', chromium: 'HeadlessChrome/156', date: '2026-11-29T03:03:41.604Z' },
  figures: [
    { name: 'bytes.all.initial', value: 7339, unit: 'B gzip', compare: { budget: 45000, ok: true } },
    { name: 'bytes.lazy.editor', value: 2863, unit: 'B gzip' },
    { name: 'bytes.lazy.templates', value: 17199, unit: 'B gzip' },
    { name: 'checklist.render500.ratio', value: 1.7, unit: 'ratio', compare: { baseline: 'shared/bench/bare-list.js', baselineValue: 40, target: 1.2, ok: false } },
    { name: 'outbox.flush1000.ms', value: 812.5, unit: 'ms' },
  ],
};

describe('scripts/bench-table.mjs', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'fg-bench-table-'));
    writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a Markdown table with the command and the machine', () => {
    const r = spawnSync(process.execPath, [script, '--results', join(dir, 'results.json')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^\| figure \| value \| unit \| target \| status \|$/m);
    assert.match(r.stdout, /^\| `bytes\.all\.initial` \| 7,339 \| B gzip \| ≤ 45,000 \(budget\) \| ok \|$/m);
    assert.match(r.stdout, /^\| `checklist\.render500\.ratio` \| 1\.7 \| ratio \| ≤ 1\.2 vs `shared\/bench\/bare-list\.js` \| \*\*over\*\* \|$/m);
    assert.match(r.stdout, /^\| `outbox\.flush1000\.ms` \| 812\.5 \| ms \| {2}\| recorded \|$/m);
    // Lazy chunks: one row with their sum, after the bytes.all figure; none of them on its own.
    assert.match(r.stdout, /^\| `bytes\.all\.initial` .*\n\| `bytes\.lazy\.\*` \(2 chunks, loaded when used\) \| 20,062 \| B gzip \| {2}\| reported, not counted \|$/m);
    assert.doesNotMatch(r.stdout, /bytes\.lazy\.editor/);
    assert.match(r.stdout, /Produced by `npm run bench` on 2026-11-29 \(Node v20\.20\.2, 2 × AMD EPYC, HeadlessChrome\/156\)/);
  });

  it('replaces only the table between the README markers', () => {
    const readme = join(dir, 'README.md');
    writeFileSync(readme, '# X\n\n## Figures\n\n<!-- bench-table:start -->\nold table\n<!-- bench-table:end -->\n\n## After\n');
    const r = spawnSync(process.execPath, [script, '--results', join(dir, 'results.json'), '--readme', readme], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(readme, 'utf8');
    assert.doesNotMatch(text, /old table/);
    assert.match(text, /<!-- bench-table:start -->\n\| figure[\s\S]*refresh this table[^\n]*\n<!-- bench-table:end -->\n\n## After\n$/);
  });

  it('fails naming what to run when there are no results or no markers', () => {
    const none = spawnSync(process.execPath, [script, '--results', join(dir, 'nope.json')], { encoding: 'utf8' });
    assert.equal(none.status, 1);
    assert.match(none.stderr, /run `npm run bench` first/);
    const readme = join(dir, 'plain.md');
    writeFileSync(readme, '# no markers\n');
    const r = spawnSync(process.execPath, [script, '--results', join(dir, 'results.json'), '--readme', readme], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no <!-- bench-table:start -->/);
  });

  it('the README carries the table between its markers', () => {
    const text = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    assert.match(text, /## Figures[\s\S]*<!-- bench-table:start -->\n\| figure \| value[\s\S]*`npm run bench`[\s\S]*<!-- bench-table:end -->/);
  });
});
