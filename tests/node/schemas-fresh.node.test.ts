// The committed JSON Schema files in packages/core/schemas/ must be what `npm run schemas`
// writes from the zod schemas now; a schema change without regenerating them fails here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RECORDS, SCHEMA_DIR, renderSchemas, staleFiles, writeSchemas } from '../../scripts/gen-schemas.js';

function runCheck(...extra: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=source', 'scripts/gen-schemas.ts', '--check', ...extra],
    { encoding: 'utf8', cwd: join(SCHEMA_DIR, '../../..') },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('JSON Schema files', () => {
  it('are up to date (`npm run schemas --check` passes)', () => {
    const r = runCheck();
    assert.equal(r.status, 0, `gen-schemas --check failed:\n${r.stderr}`);
  });

  it('has one file per record, each a draft 2020-12 schema named after it', () => {
    const files = renderSchemas();
    assert.deepEqual([...files.keys()].sort(), Object.keys(RECORDS).map((n) => `${n}.json`).sort());
    for (const [file, text] of files) {
      const doc = JSON.parse(text) as Record<string, unknown>;
      assert.equal(doc.$schema, 'https://json-schema.org/draft/2020-12/schema', file);
      assert.equal(doc.$id, file);
      assert.ok(text.endsWith('}\n'), `${file} ends with one newline`);
    }
    const hazard = JSON.parse(files.get('Hazard.json') ?? '{}') as { required: string[]; properties: Record<string, unknown> };
    assert.ok(hazard.required.includes('status') && hazard.required.includes('history'), 'Hazard requires status and history');
    assert.deepEqual(Object.keys(hazard.properties).slice(0, 5), ['id', 'version', 'createdAt', 'updatedAt', 'tenantId']);
    const template = files.get('ChecklistTemplate.json') ?? '';
    assert.match(template, /"\$ref": "#\/\$defs\/When"/, 'the recursive When is a named $def');
  });

  it('is rendered the same way every time', () => {
    assert.deepEqual(renderSchemas(), renderSchemas());
  });

  it('detects a changed, missing or extra file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fg-schemas-'));
    try {
      const expected = renderSchemas();
      writeSchemas(dir, expected);
      assert.deepEqual(staleFiles(dir, expected), []);
      const place = join(dir, 'Place.json');
      writeFileSync(place, readFileSync(place, 'utf8').replace('"kind"', '"type"'));
      rmSync(join(dir, 'Worker.json'));
      writeFileSync(join(dir, 'Old.json'), '{}\n');
      assert.deepEqual(staleFiles(dir, expected), ['Old.json', 'Place.json', 'Worker.json']);
      const r = runCheck('--dir', dir);
      assert.equal(r.status, 1, 'the check exits 1 on stale files');
      assert.match(r.stderr, /Old\.json, Place\.json, Worker\.json/);
      writeSchemas(dir, expected);
      assert.deepEqual(staleFiles(dir, expected), []);
      assert.equal(runCheck('--dir', dir).status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
