// The views of <fg-grid-score>: one worker's breakdown and the ranking of his scope. Loaded with
// the scores (in the same lazy step as ./load.js): until they arrive the element shows only its
// loading state, so its first paint needs none of this.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, MetricKey } from '@firegrid/core';
import type { ItemScore, MetricScore, ScoreReport, WorkerScore } from '@firegrid/core/scoring';
import type { ScoreData } from './load.js';
import { ACTIVITY_LABELS, METRIC_NAMES, t } from './messages.js';
import type { MessageKey } from './messages.js';
import { trendChart } from './trend.js';
import { message } from '../styles.js';

export { viewStyles } from './view.styles.js';

/** A column of the ranking a user can sort by. */
export type SortColumn = 'rank' | 'name' | 'grid' | 'total' | MetricKey;
/** The direction of a sort, as `aria-sort` names it. */
export type SortDirection = 'ascending' | 'descending';

/** What the element knows when it renders: its locale, choices and the user's. */
export interface ScoreViewState {
  locale: Locale;
  /** The worker to show: picked in the ranking, else the element's `worker-id`; the signed-in worker when unset. */
  workerId: string | undefined;
  /** The element's `worker-id`: his row is highlighted when the user is not a worker. */
  own: string | undefined;
  view: 'worker' | 'scope';
  expanded: ReadonlySet<MetricKey>;
  sort: { column: SortColumn; direction: SortDirection };
}

/** What a user's action asks of the element. */
export interface ScoreActions {
  switchView(): void;
  toggle(key: MetricKey): void;
  sortBy(column: SortColumn): void;
  select(workerId: string): void;
}

/** Evidence lists show this many entries, then say how many more there are. */
const LISTED = 20;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const alert = (text: string): TemplateResult => message('error', text, { part: 'error' });

/** The loaded scores: the header, then the worker's breakdown or the ranking of his scope. */
export function renderScores(data: ScoreData, s: ScoreViewState, on: ScoreActions): TemplateResult {
  const { locale } = s;
  const report = data.reports[data.reports.length - 1];
  if (report === undefined || report.workers.length === 0) return message('info', t('noScores', locale));
  const id = s.workerId ?? data.me;
  const worker = report.workers.find((w) => w.workerId === id) ?? (id === undefined ? report.workers[0] : undefined);
  if (worker === undefined) return alert(t('noWorker', locale));
  return html`<section class="base" part="base" lang=${locale} aria-labelledby="title">
    <div class="header" part="header">
      <div>
        <h2 id="title">${t('title', locale)}${s.view === 'worker' ? html` · ${worker.name}` : nothing}</h2>
        <p class="muted">${t('period', locale, report.period)} · ${report.name}</p>
      </div>
      <button type="button" part="view-toggle" @click=${() => { on.switchView(); }}>
        ${s.view === 'worker' ? t('showScope', locale) : t('showWorker', locale)}
      </button>
    </div>
    ${data.example ? message('warning', t('example', locale)) : nothing}
    ${s.view === 'worker' ? renderWorker(data, worker, s, on) : renderRanking(report, worker, data.me ?? s.own, s, on)}
  </section>`;
}

function rankText(w: WorkerScore, locale: Locale): string {
  return t('rank', locale, { scope: t(`level_${w.rank.level}` as MessageKey, locale), position: w.rank.position, of: w.rank.of });
}

function renderWorker(data: ScoreData, w: WorkerScore, s: ScoreViewState, on: ScoreActions): TemplateResult {
  const { locale } = s;
  const trend = data.reports.map((r) => ({ period: r.period, total: r.workers.find((x) => x.workerId === w.workerId)?.total }));
  return html`
    <div class="summary" part="summary">
      <p class="total"><span class="visually-hidden">${t('total', locale)} </span>${w.total}<small> / ${sheetMax(w)}</small></p>
      <p>${rankText(w, locale)}</p>
    </div>
    ${trend.length > 1 ? trendChart(trend, locale, 'trend') : nothing}
    <h3 id="breakdown">${t('breakdown', locale)}</h3>
    <table class="metrics" part="breakdown" aria-labelledby="breakdown">
      <thead><tr>
        <th scope="col">${t('colMetric', locale)}</th><th scope="col" class="num">${t('colPoints', locale)}</th>
        <th scope="col">${t('colExplanation', locale)}</th><th scope="col"><span class="visually-hidden">${t('details', locale)}</span></th>
      </tr></thead>
      ${w.metrics.map((m) => renderMetric(data, m, s, on))}
      ${w.items === undefined ? nothing : html`<tbody>${w.items.map((it) => renderItem(it, locale))}</tbody>`}
    </table>`;
}

/** What a sheet is out of: the metrics' weights and the assessor and threshold lines' points (100 for a metrics-only one). */
const sheetMax = (w: WorkerScore): number => Math.round(
  (w.metrics.reduce((sum, m) => sum + m.weight, 0) + (w.items ?? []).reduce((sum, i) => sum + (i.kind === 'assessor' || i.kind === 'threshold' ? i.outOf : 0), 0)) * 100,
) / 100;

/** Words of the scheme lines (issue 20), loaded with this view rather than in the element's first chunk. */
const ITEM_TEXT = {
  'zh-CN': { entry: (by: string, day: string) => `${day} ${by} 录入`, signed: (p: number) => `${p > 0 ? '+' : ''}${p} 分` },
  en: { entry: (by: string, day: string) => `${day}, entered by ${by}`, signed: (p: number) => `${p > 0 ? '+' : ''}${p} points` },
} as const;

/**
 * One line of a local scheme (an assessor's line, a deduction, a bonus, a threshold) as a row of
 * the breakdown: its points (signed for deductions and bonuses), the explanation, and the
 * assessors' entries behind it — who entered what, when and why.
 */
function renderItem(it: ItemScore, locale: Locale): TemplateResult {
  const words = ITEM_TEXT[locale];
  const signed = it.kind === 'deduction' || it.kind === 'bonus';
  return html`<tr class="metric item" part="item" data-item=${it.key} data-kind=${it.kind}>
    <th scope="row" class="metric-name">${it.label[locale]}</th>
    <td class="num"><span class="metric-points">${signed ? words.signed(it.points) : t('points', locale, { points: it.points, weight: it.outOf })}</span></td>
    <td class="explanation" colspan="2">${it.explanation[locale]}
      ${it.entries.length === 0 ? nothing : html`<ul class="entries" part="entries">${it.entries.map((e) => html`<li>
        ${words.entry(e.by, e.at.slice(0, 10))}：${e.reason}（${words.signed(e.points)}）</li>`)}</ul>`}</td>
  </tr>`;
}

/** One metric as a row of the breakdown table, its evidence in a row below when open. */
function renderMetric(data: ScoreData, m: MetricScore, s: ScoreViewState, on: ScoreActions): TemplateResult {
  const { locale } = s;
  const name = METRIC_NAMES[m.key][locale];
  const open = s.expanded.has(m.key);
  const panel = `evidence-${m.key}`;
  return html`<tbody>
    <tr class="metric" part="metric" data-metric=${m.key}>
      <th scope="row" class="metric-name">${name}</th>
      <td class="num"><span class="metric-points">${t('points', locale, { points: m.points, weight: m.weight })}</span>
        <meter min="0" max=${m.weight > 0 ? m.weight : 1} value=${m.points} aria-label=${t('meter', locale, { name })}></meter></td>
      <td class="explanation">${m.explanation[locale]}</td>
      <td class="toggle"><button type="button" part="details-toggle" data-metric=${m.key} aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel}
        @click=${() => { on.toggle(m.key); }}>${t('details', locale)}<span class="visually-hidden">：${name}</span></button></td>
    </tr>
    <tr class="evidence-row" ?hidden=${!open}><td colspan="4">
      <div id=${panel} class="evidence" part="evidence" role="region" aria-label=${t('detailsOf', locale, { name })} ?hidden=${!open}>
        ${open ? renderEvidence(data, m, locale) : nothing}
      </div>
    </td></tr>
  </tbody>`;
}

function renderEvidence(data: ScoreData, m: MetricScore, locale: Locale): TemplateResult {
  const describe = (id: string): string => {
    const a = data.activities.get(id);
    if (a === undefined) return id;
    const place = a.placeId === undefined ? undefined : data.places.get(a.placeId)?.name;
    return `${a.at.slice(0, 10)} ${ACTIVITY_LABELS[a.type][locale]}${place === undefined ? '' : ` · ${place}`}`;
  };
  const list = (ids: readonly string[], name: (id: string) => string): TemplateResult => html`<ul>
    ${ids.slice(0, LISTED).map((id) => html`<li>${name(id)}</li>`)}
    ${ids.length > LISTED ? html`<li class="muted">${t('more', locale, { count: ids.length - LISTED })}</li>` : nothing}
  </ul>`;
  return html`
    ${m.activityIds.length === 0
      ? html`<p class="muted">${t('noActivities', locale)}</p>`
      : html`<p>${t('activities', locale, { count: m.activityIds.length })}</p>${list(m.activityIds, describe)}`}
    ${m.placeIds.length === 0 ? nothing : html`<p>${t('places', locale, { count: m.placeIds.length })}</p>
      ${list(m.placeIds, (id) => data.places.get(id)?.name ?? id)}`}`;
}

function renderRanking(report: ScoreReport, w: WorkerScore, me: string | undefined, s: ScoreViewState, on: ScoreActions): TemplateResult {
  const { locale } = s;
  const scope = t(`level_${w.rank.level}` as MessageKey, locale);
  const rows = sorted(report.workers.filter((x) => x.rank.code === w.rank.code), s.sort);
  const keys = w.metrics.map((m) => m.key);
  const header = (column: SortColumn, label: string, numeric = false): TemplateResult => {
    const current = s.sort.column === column;
    return html`<th scope="col" class=${numeric ? 'num' : ''} aria-sort=${current ? s.sort.direction : 'none'}>
      <button type="button" data-sort=${column} aria-label=${t('sortBy', locale, { column: label })} @click=${() => { on.sortBy(column); }}>${label}</button>
    </th>`;
  };
  return html`
    <p>${rankText(w, locale)}</p>
    <h3 id="ranking">${t('ranking', locale, { scope })}</h3>
    <div class="scroller" tabindex="0" role="region" aria-label=${t('scrollTable', locale)}>
      <table class="ranking" part="ranking" aria-labelledby="ranking">
        <thead><tr>
          ${header('rank', t('colRank', locale), true)}
          ${header('name', t('colName', locale))}
          ${header('grid', t('colGrid', locale))}
          ${header('total', t('colTotal', locale), true)}
          ${keys.map((k) => header(k, METRIC_NAMES[k][locale], true))}
        </tr></thead>
        <tbody>
          ${rows.map((r) => {
            const mine = r.workerId === me;
            return html`<tr class=${mine ? 'me' : ''} aria-current=${mine ? 'true' : 'false'} data-worker=${r.workerId}>
              <td class="num rank" part="rank">${r.rank.position}</td>
              <td class="name"><button type="button" class="link" data-worker=${r.workerId} aria-label=${t('open', locale, { name: r.name })}
                @click=${() => { on.select(r.workerId); }}>${r.name}</button>${mine ? html`<span>${t('me', locale)}</span>` : nothing}</td>
              <td class="grid">${r.gridId}</td>
              <td class="num total" part="total" data-label=${t('colTotal', locale)}>${r.total}</td>
              ${keys.map((k) => html`<td class="num pts" data-label=${METRIC_NAMES[k][locale]}>${r.metrics.find((m) => m.key === k)?.points ?? ''}</td>`)}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}

/** The workers in the order a user chose; ties by rank, then by id. */
function sorted(rows: WorkerScore[], sort: ScoreViewState['sort']): WorkerScore[] {
  const { column, direction } = sort;
  const value = (w: WorkerScore): number | string => {
    switch (column) {
      case 'rank': return w.rank.position;
      case 'name': return w.name;
      case 'grid': return w.gridId;
      case 'total': return w.total;
      default: return w.metrics.find((m) => m.key === column)?.points ?? -1;
    }
  };
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return sign * c || a.rank.position - b.rank.position || byText(a.workerId, b.workerId);
  });
}
