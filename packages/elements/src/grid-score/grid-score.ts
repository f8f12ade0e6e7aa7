import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { FiregridClient, Locale, MetricKey, ScoreConfig } from '@firegrid/core';
import type { MetricScore, RankLevel, ScoreReport, ScoringConfig, WorkerScore } from '@firegrid/core/scoring';
import { ClientController } from '../client-controller.js';
import { gridScoreStyles } from './grid-score.styles.js';
// The engine, zod and the loader come in a lazy chunk: the element's first paint needs none of them.
import type { ScoreData } from './load.js';
import { ACTIVITY_LABELS, METRIC_NAMES, t } from './messages.js';
import type { MessageKey } from './messages.js';
import { trendChart } from './trend.js';

/** Detail of `fg-score-select`: the worker a user chose in the ranking. */
export interface ScoreSelectDetail {
  workerId: string;
}

/** What `<fg-grid-score>` shows: one worker's score, or the ranking of his scope. */
export const GRID_SCORE_VIEWS = ['worker', 'scope'] as const;
/** One of {@link GRID_SCORE_VIEWS}. */
export type GridScoreView = (typeof GRID_SCORE_VIEWS)[number];

type SortColumn = 'rank' | 'name' | 'grid' | 'total' | MetricKey;
type SortDirection = 'ascending' | 'descending';

/** Evidence lists show this many entries, then say how many more there are. */
const LISTED = 20;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A grid worker's fire-safety duty score (网格员消防履职考评): his total out of 100, the breakdown
 * per metric with the explanation of every point ("巡查覆盖 18/20 处场所 (90%) × 30 = 27 分") and
 * the activities behind it, his rank in his grid, community or street, and a small chart of his
 * totals over recent periods. The `scope` view ranks the workers of his scope in a sortable table
 * with his own row highlighted.
 *
 * Data: by default the element reads activities, workers and places through `client.data` and
 * scores them in the browser with `computeScores` of `@firegrid/core/scoring` (the configuration:
 * `config`, else `config-id`, else the most recently updated score configuration, else the shipped
 * example for the current month, marked as an example). For a county too large for that, compute
 * on the server (`GET /v1/scores`, the same engine) and set `scores` to the report — or to several,
 * oldest first, for the trend.
 *
 * @summary A grid worker's explained score, rank and trend; or the ranking of his scope.
 * @tag fg-grid-score
 *
 * @fires fg-score-select - A user chose a worker in the ranking; `detail: { workerId }`. The element then shows that worker's breakdown.
 *
 * @csspart base - The whole view.
 * @csspart header - Title, period and the button that switches views.
 * @csspart view-toggle - The button that switches between the breakdown and the ranking.
 * @csspart summary - The total and the rank.
 * @csspart trend - The trend chart and its caption.
 * @csspart breakdown - The list of metrics.
 * @csspart metric - One metric of the breakdown.
 * @csspart details-toggle - The button that opens a metric's evidence.
 * @csspart evidence - A metric's evidence: the activities and places behind it.
 * @csspart ranking - The ranking table.
 * @csspart error - An error message.
 *
 * @cssprop --fg-score-accent - Accent colour of totals, bars and the trend (falls back to --fg-color-primary, #c62828).
 * @cssprop --fg-score-me - Background of the worker's own row in the ranking (#fff3cd).
 * @cssprop --fg-font-size - Base text size (16px; 20px in elder mode via --fg-font-size-elder).
 * @cssprop --fg-target-size - Minimum size of buttons (44px; 56px in elder mode via --fg-target-size-elder).
 */
export class FgGridScore extends LitElement {
  static override styles = gridScoreStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The Firegrid client; the nearest `<fg-provider>`'s when unset. */
  @property({ attribute: false }) client: FiregridClient | undefined;
  /** Precomputed scores (a `ScoreReport`, or several oldest first for the trend), e.g. from `GET /v1/scores`; when set nothing is loaded. */
  @property({ attribute: false }) scores: ScoreReport | readonly ScoreReport[] | undefined;
  /** The score configuration to compute with; else `config-id`, else the latest stored, else the example. */
  @property({ attribute: false }) config: ScoringConfig | ScoreConfig | undefined;
  /** Id of a stored score configuration to compute with. */
  @property({ attribute: 'config-id' }) configId: string | undefined;
  /** The period, overriding the configuration's: `2025-03`, `2025-Q1`, `2025`, `2025-01-01..2025-03-31`. */
  @property() period: string | undefined;
  /** The worker whose score to show; the signed-in user's worker when unset. */
  @property({ attribute: 'worker-id' }) workerId: string | undefined;
  /** The level ranks are computed within: `grid`, `community`, `street` or `scope`. */
  @property({ attribute: 'rank-by' }) rankBy: RankLevel = 'grid';
  /** `worker` (one worker's score) or `scope` (the ranking). */
  @property({ reflect: true }) view: GridScoreView = 'worker';
  /** How many periods the trend shows, the current one included. */
  @property({ type: Number }) trend = 6;
  /** Elder-friendly mode: 20 px text, 56 px targets. */
  @property({ type: Boolean, reflect: true }) elder = false;

  @state() private picked: string | undefined;
  @state() private expanded: ReadonlySet<MetricKey> = new Set();
  @state() private sort: { column: SortColumn; direction: SortDirection } = { column: 'rank', direction: 'ascending' };

  private readonly fg = new ClientController(this);

  private readonly load = new Task(this, {
    task: async ([client, scores, config, configId, period, rankBy, trend]): Promise<ScoreData> => {
      if (scores === undefined && client === undefined) throw new Error(t('noClient', this.locale));
      const { loadScores, precomputed } = await import('./load.js');
      if (scores !== undefined) {
        const session = client === undefined ? undefined : await client.session().catch(() => undefined);
        return precomputed(scores, session?.user.id, this.locale);
      }
      if (client === undefined) throw new Error(t('noClient', this.locale));
      return loadScores(client, { config, configId, period, rankBy, trend, locale: this.locale });
    },
    args: () => [this.fg.client, this.scores, this.config, this.configId, this.period, this.rankBy, this.trend] as const,
  });

  private get locale(): Locale {
    return this.fg.locale;
  }

  /** Resolves once the scores have loaded (or failed) and rendered. */
  get ready(): Promise<void> {
    return (async () => {
      await this.updateComplete;
      await this.load.taskComplete.catch(() => undefined);
      await this.updateComplete;
    })();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A worker set by the host replaces one the user picked.
    if (changed.has('workerId')) this.picked = undefined;
  }

  override render(): TemplateResult {
    const locale = this.locale;
    if (this.fg.client === undefined && this.scores === undefined) return this.alert(t('noClient', locale));
    const failure: unknown = this.fg.error;
    if (failure !== undefined && this.scores === undefined) return this.alert(failure instanceof Error ? failure.message : JSON.stringify(failure));
    return this.load.render({
      initial: () => html`<p role="status" class="muted">${t('loading', locale)}</p>`,
      pending: () => html`<p role="status" class="muted">${t('loading', locale)}</p>`,
      error: (e) => this.alert(e instanceof Error ? e.message : String(e)),
      complete: (data) => this.renderData(data),
    });
  }

  private alert(message: string): TemplateResult {
    return html`<p class="alert" role="alert" part="error">${message}</p>`;
  }

  private renderData(data: ScoreData): TemplateResult {
    const locale = this.locale;
    const report = data.reports[data.reports.length - 1];
    if (report === undefined || report.workers.length === 0) return html`<p class="muted" role="status">${t('noScores', locale)}</p>`;
    const id = this.picked ?? this.workerId ?? data.me;
    const worker = report.workers.find((w) => w.workerId === id) ?? (id === undefined ? report.workers[0] : undefined);
    if (worker === undefined) return this.alert(t('noWorker', locale));
    return html`<section class="base" part="base" lang=${locale} aria-labelledby="title">
      <div class="header" part="header">
        <div>
          <h2 id="title">${t('title', locale)}${this.view === 'worker' ? html` · ${worker.name}` : nothing}</h2>
          <p class="muted">${t('period', locale, report.period)} · ${report.name}</p>
        </div>
        <button type="button" part="view-toggle" @click=${() => { this.switchView(); }}>
          ${this.view === 'worker' ? t('showScope', locale) : t('showWorker', locale)}
        </button>
      </div>
      ${data.example ? html`<p class="note">${t('example', locale)}</p>` : nothing}
      ${this.view === 'worker' ? this.renderWorker(data, worker) : this.renderRanking(report, worker, data.me)}
    </section>`;
  }

  private switchView(): void {
    if (this.view === 'scope') this.picked = undefined;
    this.view = this.view === 'worker' ? 'scope' : 'worker';
  }

  private rankText(w: WorkerScore): string {
    const locale = this.locale;
    return t('rank', locale, { scope: t(`level_${w.rank.level}` as MessageKey, locale), position: w.rank.position, of: w.rank.of });
  }

  private renderWorker(data: ScoreData, w: WorkerScore): TemplateResult {
    const locale = this.locale;
    const trend = data.reports.map((r) => ({ period: r.period, total: r.workers.find((x) => x.workerId === w.workerId)?.total }));
    return html`
      <div class="summary" part="summary">
        <p class="total"><span class="visually-hidden">${t('total', locale)} </span>${w.total}<small> / 100</small></p>
        <p>${this.rankText(w)}</p>
      </div>
      ${trend.length > 1 ? trendChart(trend, locale, 'trend') : nothing}
      <h3 id="breakdown">${t('breakdown', locale)}</h3>
      <ol class="metrics" part="breakdown" aria-labelledby="breakdown">
        ${w.metrics.map((m) => this.renderMetric(data, m))}
      </ol>`;
  }

  private renderMetric(data: ScoreData, m: MetricScore): TemplateResult {
    const locale = this.locale;
    const name = METRIC_NAMES[m.key][locale];
    const open = this.expanded.has(m.key);
    const panel = `evidence-${m.key}`;
    return html`<li class="metric" part="metric" data-metric=${m.key}>
      <div class="metric-head">
        <h4>${name}</h4>
        <span class="metric-points">${t('points', locale, { points: m.points, weight: m.weight })}</span>
      </div>
      <meter min="0" max=${m.weight > 0 ? m.weight : 1} value=${m.points} aria-label=${t('meter', locale, { name })}></meter>
      <p class="explanation">${m.explanation[locale]}</p>
      <div>
        <button type="button" part="details-toggle" data-metric=${m.key} aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel}
          @click=${() => { this.toggle(m.key); }}>${t('details', locale)}<span class="visually-hidden">：${name}</span></button>
      </div>
      <div id=${panel} class="evidence" part="evidence" role="region" aria-label=${t('detailsOf', locale, { name })} ?hidden=${!open}>
        ${open ? this.renderEvidence(data, m) : nothing}
      </div>
    </li>`;
  }

  private toggle(key: MetricKey): void {
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
  }

  private renderEvidence(data: ScoreData, m: MetricScore): TemplateResult {
    const locale = this.locale;
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

  private renderRanking(report: ScoreReport, w: WorkerScore, me: string | undefined): TemplateResult {
    const locale = this.locale;
    const scope = t(`level_${w.rank.level}` as MessageKey, locale);
    const rows = this.sorted(report.workers.filter((x) => x.rank.code === w.rank.code));
    const keys = w.metrics.map((m) => m.key);
    const header = (column: SortColumn, label: string, numeric = false): TemplateResult => {
      const sorted = this.sort.column === column;
      return html`<th scope="col" class=${numeric ? 'num' : ''} aria-sort=${sorted ? this.sort.direction : 'none'}>
        <button type="button" data-sort=${column} aria-label=${t('sortBy', locale, { column: label })} @click=${() => { this.sortBy(column); }}>${label}</button>
      </th>`;
    };
    return html`
      <p>${this.rankText(w)}</p>
      <h3 id="ranking">${t('ranking', locale, { scope })}</h3>
      <div class="scroller" tabindex="0" role="region" aria-label=${t('scrollTable', locale)}>
        <table part="ranking" aria-labelledby="ranking">
          <thead><tr>
            ${header('rank', t('colRank', locale), true)}
            ${header('name', t('colName', locale))}
            ${header('grid', t('colGrid', locale))}
            ${header('total', t('colTotal', locale), true)}
            ${keys.map((k) => header(k, METRIC_NAMES[k][locale], true))}
          </tr></thead>
          <tbody>
            ${rows.map((r) => {
              const mine = r.workerId === (me ?? this.workerId);
              return html`<tr class=${mine ? 'me' : ''} aria-current=${mine ? 'true' : 'false'} data-worker=${r.workerId}>
                <td class="num">${r.rank.position}</td>
                <td class="name"><button type="button" class="link" data-worker=${r.workerId} aria-label=${t('open', locale, { name: r.name })}
                  @click=${() => { this.select(r.workerId); }}>${r.name}</button>${mine ? html`<span>${t('me', locale)}</span>` : nothing}</td>
                <td>${r.gridId}</td>
                <td class="num">${r.total}</td>
                ${keys.map((k) => html`<td class="num">${r.metrics.find((m) => m.key === k)?.points ?? ''}</td>`)}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  private sorted(rows: WorkerScore[]): WorkerScore[] {
    const { column, direction } = this.sort;
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

  private sortBy(column: SortColumn): void {
    const same = this.sort.column === column;
    // Names and grids read A→Z first; scores read highest first, the rank from 1.
    const first: SortDirection = column === 'name' || column === 'grid' || column === 'rank' ? 'ascending' : 'descending';
    this.sort = { column, direction: same ? (this.sort.direction === 'ascending' ? 'descending' : 'ascending') : first };
  }

  private select(workerId: string): void {
    this.picked = workerId;
    this.view = 'worker';
    this.expanded = new Set();
    this.dispatchEvent(new CustomEvent<ScoreSelectDetail>('fg-score-select', { detail: { workerId }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementEventMap {
    'fg-score-select': CustomEvent<ScoreSelectDetail>;
  }
}
