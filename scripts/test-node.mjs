// Runs the Node tests: tests/server/**, tests/node/** and any *.node.test.ts, through tsx with the
// `source` condition. Node 20's `--test` expands no globs, so this walks the tree itself and
// fails when it finds nothing to run.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = process.cwd();
const skip = new Set(['node_modules', 'dist', 'storybook-static']);
const files = [];
(function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || skip.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.test\.ts$/.test(e.name)) {
      const rel = relative(root, p);
      if (/^tests\/(server|node)\//.test(rel) || rel.endsWith('.node.test.ts')) files.push(rel);
    }
  }
})(root);

if (files.length === 0) {
  console.error('test-node: no Node test files found under tests/server or tests/node');
  process.exit(1);
}
files.sort();
const args = ['--import', 'tsx', '--conditions=source', '--test', '--test-reporter=spec', '--test-timeout=120000', ...files];
const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
process.exit(r.status ?? 1);
