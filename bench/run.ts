// `npm run bench [-- <filter>…]`: runs bench/figures/*.ts, writes bench/results.json, prints a table.
// Exits non-zero only when a figure module fails; figures over target are reported, and budgets
// are enforced by `npm test`.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBench } from './lib/runner.js';
import { formatTable } from './lib/table.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'results.json');
const args = process.argv.slice(2);

if (args.includes('-h') || args.includes('--help')) {
  process.stdout.write('usage: npm run bench [-- <module name filter>…]\n');
} else {
  try {
    const run = await runBench({ root, figuresDir: join(here, 'figures'), out, filter: args.filter((a) => !a.startsWith('-')) });
    process.stdout.write(`\n${formatTable(run.results.figures)}\n\nwrote ${relative(process.cwd(), out)} (${run.results.figures.length} figures)\n`);
    for (const f of run.failures) process.stderr.write(`\nbench: figure module "${f.module}" failed:\n${f.message}\n`);
    if (run.failures.length > 0) process.exitCode = 1;
  } catch (err) {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
