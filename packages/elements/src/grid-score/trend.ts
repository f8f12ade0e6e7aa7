/**
 * The trend: a small SVG line of a worker's totals over recent periods. No chart library: a
 * polyline, a dot per period and its label, in viewBox units so it scales with its container.
 * @module
 */
import { html, svg, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Locale } from '@firegrid/core';
import type { Period } from '@firegrid/core/scoring';
import { t } from './messages.js';

/** One point of the trend: a period and the worker's total in it (undefined: not scored then). */
export interface TrendPoint {
  period: Period;
  total: number | undefined;
}

const W = 320;
const H = 120;
const PAD = { left: 28, right: 12, top: 12, bottom: 26 };

/** How a period is labelled under its dot: `3月` / `Mar` for a month, else its first day. */
export function periodLabel(p: Period, locale: Locale): string {
  const [y, m, d] = p.from.split('-');
  const whole = d === '01' && monthEnd(p.from) === p.to;
  if (!whole) return p.from.slice(5);
  const month = Number(m);
  if (locale === 'zh-CN') return `${month}月`;
  return new Date(Date.UTC(Number(y), month - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
}

function monthEnd(from: string): string {
  const [y, m] = from.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0));
  return last.toISOString().slice(0, 10);
}

/**
 * The trend chart: an `<svg role="img">` named by its caption, with the values also written out
 * in the caption for people who do not see the line.
 */
export function trendChart(points: readonly TrendPoint[], locale: Locale, id: string): TemplateResult {
  if (points.length === 0) return html``;
  const span = Math.max(1, points.length - 1);
  const x = (i: number): number => PAD.left + (i * (W - PAD.left - PAD.right)) / span;
  const y = (total: number): number => PAD.top + ((100 - total) * (H - PAD.top - PAD.bottom)) / 100;
  const known = points.map((p, i) => ({ ...p, i })).filter((p): p is { period: Period; total: number; i: number } => p.total !== undefined);
  const line = known.map((p) => `${x(p.i).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
  const text = points
    .map((p) => (p.total === undefined
      ? t('trendNone', locale, { period: periodLabel(p.period, locale) })
      : t('trendPoint', locale, { period: periodLabel(p.period, locale), total: p.total })))
    .join(locale === 'zh-CN' ? '；' : '; ');
  return html`<figure class="trend" part="trend">
    <svg viewBox=${`0 0 ${W} ${H}`} role="img" aria-labelledby=${`${id}-caption`} focusable="false">
      ${[0, 50, 100].map((v) => svg`<line class="grid" x1=${PAD.left} x2=${W - PAD.right} y1=${y(v)} y2=${y(v)}></line>
        <text class="axis" x=${PAD.left - 4} y=${y(v) + 4} text-anchor="end">${v}</text>`)}
      ${known.length > 1 ? svg`<polyline class="line" points=${line}></polyline>` : nothing}
      ${known.map((p) => svg`<circle class="dot" cx=${x(p.i)} cy=${y(p.total)} r="3.5"></circle>`)}
      ${points.map((p, i) => svg`<text class="label" x=${x(i)} y=${H - 8} text-anchor="middle">${periodLabel(p.period, locale)}</text>`)}
    </svg>
    <figcaption id=${`${id}-caption`}><strong>${t('trend', locale, { count: points.length })}</strong>${locale === 'zh-CN' ? '：' : ': '}${text}</figcaption>
  </figure>`;
}
