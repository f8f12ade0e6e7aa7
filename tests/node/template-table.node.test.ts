// The README's "Checklist templates" table is what scripts/template-table.ts computes from the
// library, and the bench's README table leaves the per-template counts to it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../../scripts/bytes-lib.mjs';
import { END, START, replaceTable, templateStats, templateTable } from '../../scripts/template-table.js';
import { templateFigures } from '../../bench/figures/templates.js';
import { TEMPLATE_IDS } from '@firegrid/core/templates';

describe('scripts/template-table.ts', () => {
  it('counts items, verified, quoted and categories per template', () => {
    const stats = templateStats();
    assert.equal(stats.length, Object.keys(TEMPLATE_IDS).length);
    for (const s of stats) {
      assert.ok(s.verified <= s.quoted, `${s.key}: every verified item is quoted`);
      assert.ok(s.quoted <= s.items && s.categories.length > 0, s.key);
    }
    const table = templateTable(stats);
    assert.match(table, /^\| `dailyPatrol` 单位日常防火巡查 \| \d+ \| \d+ \| \d+ \| \d+ \| \d+: /m);
    assert.match(table, /^\| \*\*all\*\* \|/m);
  });

  it('the README shows the table as the library stands (refresh: scripts/template-table.ts --readme)', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    assert.equal(replaceTable(readme, templateTable()), readme);
    assert.throws(() => replaceTable('no markers', 'x'), new RegExp(START));
    assert.ok(readme.indexOf(END) > readme.indexOf(START));
  });

  it('the bench figure module records the counts, and the bench table leaves per-template rows out', () => {
    const figures = templateFigures(templateStats());
    const share = figures.find((f) => f.name === 'templates.other.share');
    assert.ok(share !== undefined && share.value < 0.1 && share.compare?.ok === true);
    assert.equal(figures.filter((f) => f.name.endsWith('.quoted')).length, Object.keys(TEMPLATE_IDS).length);
    const dir = mkdtempSync(join(tmpdir(), 'fg-template-table-'));
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify({ machine: { node: 'v20', cpus: 2, cpuModel: 'x', memGiB: 1, platform: 'linux', date: '2026-12-07T00:00:00Z' }, figures }));
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bench-table.mjs'), '--results', file], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    assert.equal(r.status, 0, r.stderr);
    const md = r.stdout;
    assert.doesNotMatch(md, /templates\.dailyPatrol\.items/);
    assert.match(md, /templates\.other\.share/);
  });
});
