// The checklist template library, counted: per template its items, how many rest on a verified
// basis, how many quote their source, and the hazard categories its items use. `npm run bench`
// records the same counts as figures (bench/figures/templates.ts); the root README shows the table.
//
//   node --import tsx --conditions=source scripts/template-table.ts            # print the table
//   node --import tsx --conditions=source scripts/template-table.ts --readme   # replace it in README.md
//
// The README holds the table between `<!-- template-table:start -->` and `<!-- template-table:end -->`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATE_IDS, templates } from '../packages/core/src/templates.js';
import type { ChecklistTemplate } from '../packages/core/src/schema/template.js';
import { quoteProblem } from '../packages/core/src/templates/sources/index.js';

export const START = '<!-- template-table:start -->';
export const END = '<!-- template-table:end -->';

/** The counts of one template. */
export interface TemplateStats {
  /** Its key in TEMPLATE_IDS (`dailyPatrol`). */
  key: string;
  title: string;
  items: number;
  verified: number;
  /** Items whose basis carries a quote found in the committed excerpts. */
  quoted: number;
  /** Items in category `other`. */
  other: number;
  /** The categories its items use, in first-use order. */
  categories: string[];
}

/** The counts of every template of the library (or of `list`), in library order. */
export function templateStats(list: readonly ChecklistTemplate[] = templates): TemplateStats[] {
  const keyOf = new Map(Object.entries(TEMPLATE_IDS).map(([k, id]) => [id, k]));
  return list.map((t) => {
    const items = t.sections.flatMap((s) => s.items);
    const categories: string[] = [];
    for (const i of items) if (!categories.includes(i.category ?? 'other')) categories.push(i.category ?? 'other');
    return {
      key: keyOf.get(t.id as never) ?? t.id,
      title: t.title['zh-CN'],
      items: items.length,
      verified: items.filter((i) => i.basis.verified).length,
      quoted: items.filter((i) => i.basis.quote !== undefined && quoteProblem(i.basis) === undefined).length,
      other: items.filter((i) => (i.category ?? 'other') === 'other').length,
      categories,
    };
  });
}

/** The Markdown table of {@link templateStats}, with a total row. */
export function templateTable(stats: readonly TemplateStats[] = templateStats()): string {
  const sum = (f: (s: TemplateStats) => number) => stats.reduce((n, s) => n + f(s), 0);
  const all = new Set(stats.flatMap((s) => s.categories));
  const rows = stats.map((s) => `| \`${s.key}\` ${s.title} | ${s.items} | ${s.verified} | ${s.quoted} | ${s.other} | ${s.categories.length}: ${s.categories.join(', ')} |`);
  return [
    '| template | items | verified | quoted | in `other` | categories used |',
    '|---|--:|--:|--:|--:|---|',
    ...rows,
    `| **all** | ${sum((s) => s.items)} | ${sum((s) => s.verified)} | ${sum((s) => s.quoted)} | ${sum((s) => s.other)} | ${all.size} |`,
  ].join('\n');
}

/** `readme` with the text between the markers replaced by `table`. */
export function replaceTable(readme: string, table: string): string {
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`README.md has no ${START} … ${END} markers`);
  return `${readme.slice(0, a + START.length)}\n${table}\n${readme.slice(b)}`;
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const table = templateTable();
  if (process.argv.includes('--readme')) {
    const file = join(here, '..', 'README.md');
    writeFileSync(file, replaceTable(readFileSync(file, 'utf8'), table));
    process.stdout.write('template-table: README.md updated\n');
  } else {
    process.stdout.write(`${table}\n`);
  }
}
