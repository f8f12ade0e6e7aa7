// Usage: node scripts/bytes.mjs <entry.ts | package specifier> [--max-initial-gzip=N] [--json]
//
// Bundles the entry's sources (a specifier resolves through the `source` condition) the way
// DESIGN §8 bundles, and prints gzip -9 bytes per output file with the initial
// and lazy totals (or the measurement as JSON). With a budget (the flag, else DESIGN §8's budget
// for `all` and `hazard-report`), exits 1 when the initial gzip bytes exceed it, printing
// "bytes.<label>.initial = N > budget M". The DESIGN §8 figures themselves are measured on the
// packed dist (`measurePacked` in bytes-lib.mjs: the bench's `bytes` module and the budget test).
import { budgets, formatMeasurement, measureEntry, overBudgetMessage, resolveEntry } from './bytes-lib.mjs';

const usage = 'usage: node scripts/bytes.mjs <entry.ts | @firegrid/elements/<name>/define> [--max-initial-gzip=N] [--json]';
const args = process.argv.slice(2);
let json = false;
/** @type {number | undefined} */
let budget;
/** @type {string[]} */
const positional = [];
for (const arg of args) {
  if (arg === '--json') json = true;
  else if (arg.startsWith('--max-initial-gzip=')) {
    budget = Number(arg.slice('--max-initial-gzip='.length));
    if (!Number.isInteger(budget) || budget < 0) {
      console.error(`bytes: --max-initial-gzip takes a whole number of bytes, got "${arg}"`);
      process.exit(2);
    }
  } else if (arg === '-h' || arg === '--help') {
    console.log(usage);
    process.exit(0);
  } else if (arg.startsWith('-')) {
    console.error(`bytes: unknown option ${arg}\n${usage}`);
    process.exit(2);
  } else positional.push(arg);
}
if (positional.length !== 1) {
  console.error(usage);
  process.exit(2);
}

try {
  const spec = /** @type {string} */ (positional[0]);
  const file = spec.startsWith('@') ? resolveEntry(spec) : spec;
  const m = await measureEntry(file);
  const limit = budget ?? budgets[m.label];
  const ok = limit === undefined || m.initial.gzip <= limit;
  if (json) console.log(JSON.stringify({ ...m, budget: limit ?? null, ok }, null, 2));
  else {
    for (const w of m.warnings) console.error(`bytes: esbuild warning: ${w}`);
    console.log(formatMeasurement(m));
    if (limit !== undefined && ok) console.log(`  bytes.${m.label}.initial = ${m.initial.gzip} ≤ budget ${limit}`);
  }
  if (!ok) {
    console.error(overBudgetMessage(m.label, m.initial.gzip, /** @type {number} */ (limit)));
    process.exitCode = 1;
  }
} catch (err) {
  console.error(`bytes: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
