// templates.<key>.{items,verified,quoted,categories} and templates.other.share: the checklist
// template library counted (scripts/template-table.ts), so a run records how many items rest on a
// verified, quoted basis and how items spread over the hazard categories. Deterministic counts,
// not timings; the root README's "Checklist templates" table shows the same numbers.
import { compareTo } from '../lib/figure.js';
import type { Figure, FigureModule } from '../lib/figure.js';
import { templateStats, templateTable } from '../../scripts/template-table.js';
import type { TemplateStats } from '../../scripts/template-table.js';

export default {
  name: 'templates',
  run(ctx) {
    const stats = templateStats();
    ctx.progress(`counted ${stats.length} templates`);
    process.stderr.write(`${templateTable(stats)}\n`);
    return templateFigures(stats);
  },
} satisfies FigureModule;

/** The figures of the counted templates: four per template and the share of items in `other`. */
export function templateFigures(stats: readonly TemplateStats[]): Figure[] {
  const figures: Figure[] = [];
  for (const s of stats) {
    figures.push(
      { name: `templates.${s.key}.items`, value: s.items, unit: 'items' },
      { name: `templates.${s.key}.verified`, value: s.verified, unit: 'items' },
      { name: `templates.${s.key}.quoted`, value: s.quoted, unit: 'items' },
      { name: `templates.${s.key}.categories`, value: s.categories.length, unit: 'categories' },
    );
  }
  const items = stats.reduce((n, s) => n + s.items, 0);
  const other = stats.reduce((n, s) => n + s.other, 0) / items;
  // Issue 18: fewer than 10% of items in `other`.
  figures.push({ name: 'templates.other.share', value: Math.round(other * 1000) / 1000, unit: 'ratio', compare: compareTo(other, { target: 0.1 }) });
  return figures;
}
