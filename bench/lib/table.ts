// The table printed at the end of a run.
import { status, type Figure } from './figure.js';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** Formats a figure value for people: grouped thousands, at most three decimals. */
export function formatValue(value: number): string {
  return number.format(value);
}

/** The target column: `≤ 45,000`, `≤ 1.5 vs shared/bench/bare-list.js (41.2)`, or empty. */
export function formatTarget(figure: Figure): string {
  const c = figure.compare;
  if (c === undefined) return '';
  const bound = c.target ?? c.budget;
  const parts = bound === undefined ? [] : [`≤ ${formatValue(bound)}${c.budget !== undefined && c.target === undefined ? ' (budget)' : ''}`];
  if (c.baseline !== undefined) {
    parts.push(`vs ${c.baseline}${c.baselineValue === undefined ? '' : ` (${formatValue(c.baselineValue)})`}`);
  }
  return parts.join(' ');
}

/**
 * An aligned plain-text table of figures: name, value, unit, target, status (`ok`, `over`, `recorded`).
 * @example
 *   formatTable([{ name: 'bytes.all.initial', value: 9031, unit: 'B gzip', compare: { budget: 45000, ok: true } }])
 *   // figure             value  unit    target              status
 *   // bytes.all.initial  9,031  B gzip  ≤ 45,000 (budget)   ok
 */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['figure', 'value', 'unit', 'target', 'status'];
  const rows = figures.map((f) => [f.name, formatValue(f.value), f.unit, formatTarget(f), status(f)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
