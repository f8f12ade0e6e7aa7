#!/usr/bin/env node
// Prints the latest `npm run bench` figures (bench/results.json) as a short Markdown table for the
// README, with the command and the machine that produced them.
//
//   node scripts/bench-table.mjs                 # print the table
//   node scripts/bench-table.mjs --readme        # replace the table between the markers in README.md
//   node scripts/bench-table.mjs --results <file> --readme <file>
//
// The README holds the table between `<!-- bench-table:start -->` and `<!-- bench-table:end -->`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const START = '<!-- bench-table:start -->';
export const END = '<!-- bench-table:end -->';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/**
 * The target column: `≤ 45,000` (a budget `npm test` enforces is marked), `≤ 1.5 vs <baseline>`, or empty.
 * @param {{ compare?: { target?: number, budget?: number, baseline?: string } }} figure
 */
function target(figure) {
  const c = figure.compare;
  if (c === undefined) return '';
  const bound = c.target ?? c.budget;
  const parts = bound === undefined ? [] : [`≤ ${number.format(bound)}${c.target === undefined && c.budget !== undefined ? ' (budget)' : ''}`];
  if (c.baseline !== undefined) parts.push(`vs \`${c.baseline}\``);
  return parts.join(' ');
}

/**
 * A Markdown table of the figures, with the command and the machine in a line below it.
 * @param {{ machine: { node: string, cpus: number, cpuModel: string, chromium?: string, date: string },
 *           figures: { name: string, value: number, unit: string, compare?: { target?: number, budget?: number, baseline?: string, ok: boolean } }[] }} results
 * @returns {string}
 */
export function benchTable(results) {
  if (!results || !Array.isArray(results.figures) || !results.machine) {
    throw new Error('bench results need { machine, figures }: run `npm run bench` to write bench/results.json');
  }
  // Lazy chunks are reported, not counted: one row sums them, so the table stays short.
  const lazy = results.figures.filter((f) => f.name.startsWith('bytes.lazy.'));
  // Per-template counts have their own table in the README (scripts/template-table.ts).
  const perTemplate = /^templates\.[^.]+\.(items|verified|quoted|categories)$/;
  const rows = results.figures.filter((f) => !f.name.startsWith('bytes.lazy.') && !perTemplate.test(f.name)).map((f) => {
    const status = f.compare === undefined ? 'recorded' : f.compare.ok ? 'ok' : '**over**';
    return `| \`${f.name}\` | ${number.format(f.value)} | ${f.unit} | ${target(f)} | ${status} |`;
  });
  if (lazy.length > 0) {
    const at = Math.max(0, rows.findIndex((r) => !r.startsWith('| `bytes.all.')));
    const total = lazy.reduce((s, f) => s + f.value, 0);
    rows.splice(at, 0, `| \`bytes.lazy.*\` (${lazy.length} chunks, loaded when used) | ${number.format(total)} | B gzip |  | reported, not counted |`);
  }
  const m = results.machine;
  const day = m.date.slice(0, 10);
  const browser = m.chromium === undefined ? '' : `, ${m.chromium}`;
  return [
    '| figure | value | unit | target | status |',
    '|---|--:|---|---|---|',
    ...rows,
    '',
    `Produced by \`npm run bench\` on ${day} (Node ${m.node}, ${m.cpus} × ${m.cpuModel}${browser}); ` +
      'refresh this table with `node scripts/bench-table.mjs --readme`.',
  ].join('\n');
}

/**
 * Replaces what is between the markers of `readme` with `table`.
 * @param {string} readme
 * @param {string} table
 * @returns {string}
 */
export function replaceTable(readme, table) {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a === -1 || b === -1 || b < a) throw new Error(`the README has no ${START} … ${END} markers to put the table between`);
  return `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`;
}

function main(argv) {
  const arg = (name) => {
    const i = argv.indexOf(name);
    if (i === -1) return undefined;
    const next = argv[i + 1];
    return next !== undefined && !next.startsWith('--') ? next : '';
  };
  const resultsFile = resolve(arg('--results') || join(root, 'bench', 'results.json'));
  if (!existsSync(resultsFile)) {
    console.error(`${resultsFile} does not exist: run \`npm run bench\` first`);
    return 1;
  }
  const table = benchTable(JSON.parse(readFileSync(resultsFile, 'utf8')));
  const readme = arg('--readme');
  if (readme === undefined) {
    console.log(table);
    return 0;
  }
  const file = resolve(readme || join(root, 'README.md'));
  writeFileSync(file, replaceTable(readFileSync(file, 'utf8'), table));
  console.error(`updated the figures in ${file}`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exitCode = 1;
  }
}
